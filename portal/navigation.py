"""The main navigation, in one place; an entry appears once its endpoint exists."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user

# (endpoint, label, who sees it: "all", "customer", "staff", "admin")
NAVIGATION = [
    ("sla.page", _l("Service-Vereinbarung"), "all"),
    ("triage.wizard", _l("Störung einordnen"), "all"),
    ("tickets.new", _l("Störung melden"), "customer"),
    ("tickets.index", _l("Meine Tickets"), "customer"),
    ("changes.index", _l("Geplante Änderungen"), "customer"),
    ("tickets.queue", _l("Warteschlange"), "staff"),
    ("changes.planning", _l("Einsatzplanung"), "staff"),
    ("admin.companies", _l("Verwaltung"), "admin"),
]


def _visible(audience: str) -> bool:
    if audience == "all":
        return True
    if not current_user.is_authenticated:
        return False
    if audience == "customer":
        return not current_user.is_staff
    if audience == "staff":
        return current_user.is_staff
    return current_user.is_admin


def navigation_items():
    endpoints = current_app.view_functions
    return [
        (endpoint, label)
        for endpoint, label, audience in NAVIGATION
        if endpoint in endpoints and _visible(audience)
    ]
