"""The main navigation, in one place; an entry appears once its endpoint exists."""

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.access import may_read_sla_report

# (endpoint, label, who sees it: "all", "customer", "report" (a customer who may read their
# company's SLA report), "staff", "admin")
NAVIGATION = [
    ("sla.page", _l("Service-Vereinbarung"), "all"),
    ("triage.wizard", _l("Wie dringend ist es?"), "all"),
    ("tickets.new", _l("Störung melden"), "customer"),
    ("tickets.index", _l("Meine Tickets"), "customer"),
    ("changes.index", _l("Geplante Änderungen"), "customer"),
    ("reports.index", _l("SLA-Bericht"), "report"),  # last month's report of their company
    ("cockpit.index", _l("Übersicht"), "staff"),  # the staff's start page
    ("tickets.queue", _l("Warteschlange"), "staff"),
    ("changes.planning", _l("Einsatzplanung"), "staff"),
    ("inbound.index", _l("Posteingang"), "staff"),
    ("reports.index", _l("SLA-Berichte"), "staff"),
    ("admin.companies", _l("Verwaltung"), "admin"),
]
NAVIGATION_KEY = "portal.navigation"


def _role() -> str:
    user = current_user._get_current_object()  # one proxy lookup, not one per entry
    if not user.is_authenticated:
        return "anonymous"
    if user.is_admin:
        return "admin"
    if user.is_staff:
        return "staff"
    company = user.company  # loaded with the session: no query
    reader = company is not None and may_read_sla_report(user, company)
    return "report_reader" if reader else "customer"


AUDIENCES = {
    "anonymous": ("all",),
    "customer": ("all", "customer"),
    "report_reader": ("all", "customer", "report"),
    "staff": ("all", "staff"),
    "admin": ("all", "staff", "admin"),
}


def navigation_items() -> list[tuple[str, str]]:
    """(endpoint, label) for the signed-in user's role, labels translated: once per app,
    role and locale, since the layout shows them on every page."""
    key = (_role(), get_locale())
    built = current_app.extensions.setdefault(NAVIGATION_KEY, {})
    try:
        return built[key]
    except KeyError:
        endpoints = current_app.view_functions
        audiences = AUDIENCES[key[0]]
        found = built[key] = [
            (endpoint, str(label))
            for endpoint, label, audience in NAVIGATION
            if endpoint in endpoints and audience in audiences
        ]
        return found
