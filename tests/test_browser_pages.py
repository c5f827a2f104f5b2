"""Every page, every role, both languages in a real Chromium: no serious axe finding, no
sideways scrolling on a 390 px phone, under 60 KB of HTML+CSS+JS, and screenshots at
1280x800 and 390x844 in the test run's output folder (pytest --output, not committed)."""

from __future__ import annotations

import datetime as dt
import os
import urllib.request

import pytest

from portal.sla.calendar import BERLIN
from tests.changes_support import announce, schedule
from tests.conftest import assert_accessible, browser_login
from tests.ticket_factory import force_status, make_ticket

pytestmark = pytest.mark.browser

# Saturday 28.11.2026, 20:00: the hotline box shows its longest, closed-hours form.
CLOSED_HOUR = dt.datetime(2026, 11, 28, 20, 0, tzinfo=BERLIN)
MAX_PAGE_BYTES = 60 * 1024
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WIZARD_TEXT = "Unser Server ist ausgefallen, niemand kann arbeiten."
WIZARD = "affected=company&component=server&state=down"

PUBLIC = [
    "/",
    "/anmelden",
    "/service-vereinbarung",
    "/stoerung-einordnen/",
    f"/stoerung-einordnen/fragen?text={WIZARD_TEXT}",
    f"/stoerung-einordnen/ergebnis?{WIZARD}",
    "/passwort-vergessen",
]
CUSTOMER = [
    "/",
    "/service-vereinbarung",
    f"/stoerung-einordnen/ergebnis?{WIZARD}&text={WIZARD_TEXT}",
    "/tickets/neu",
    "/tickets/neu?priority=critical&affected=company",
    "/tickets",
    "/tickets/{ticket}",
    "/tickets/{ticket}/gemeldet",
    "/aenderungen",
    "/aenderungen/neu",
    "/aenderungen/neu/new_employee",
    "/aenderungen/{change}",
    "/konto",
    "/firma/{company}",
    "/konto/zwei-faktor",
]
STAFF = [
    "/",
    "/warteschlange",
    "/tickets/neu",
    "/tickets/{ticket}",
    "/einsatzplanung",
    "/aenderungen/{change}",
    "/aenderungen/{submitted}",
    "/konto",
    "/konto/zwei-faktor",
    "/posteingang",
]
ADMIN = [
    "/verwaltung/",
    "/verwaltung/firmen/neu",
    "/verwaltung/firmen/{company}",
    "/verwaltung/benutzer",
    "/verwaltung/benutzer/neu",
    "/verwaltung/benutzer/{customer}",
    "/verwaltung/tokens",
    "/konto",
    "/verwaltung/postausgang",
    "/verwaltung/benutzer/einladen",
]
PAGES = {"anonymous": PUBLIC, "customer": CUSTOMER, "staff": STAFF, "admin": ADMIN}


@pytest.fixture
def app_config():
    return {"CLOCK": lambda: CLOSED_HOUR}


@pytest.fixture
def world(app, customer_a, customer_b, staff, admin):
    """A ticket waiting for the customer (the longest badge), a scheduled and a new change."""
    ticket = make_ticket(app, customer_a, title="Der Drucker im 2. OG druckt nur leere Seiten")
    force_status(ticket, "waiting_for_customer")
    change = announce(app, customer_a)
    schedule(app, change, staff)
    submitted = announce(app, customer_b, kind="other", details={"description": "Umzug"})
    return {
        "ticket": ticket.number,
        "change": change.id,
        "submitted": submitted.id,
        "company": customer_a.company_id,
        "customer": customer_a.id,
    }


def _static_bytes(url: str, cache: dict) -> int:
    if url not in cache:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (our own live server)
            cache[url] = len(response.read())
    return cache[url]


def _page_weight(page, html_bytes: int, cache: dict) -> int:
    """HTML + stylesheets + scripts, uncompressed (images and the favicon aside)."""
    urls = page.eval_on_selector_all(
        "link[rel=stylesheet], script[src]", "els => els.map(e => e.href || e.src)"
    )
    return html_bytes + sum(_static_bytes(url, cache) for url in urls)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("role", ["anonymous", "customer", "staff", "admin"])
def test_every_page_is_accessible_fits_a_phone_and_stays_light(
    page, live_server, world, customer_a, staff, admin, role, language, output_path
):
    users = {"customer": customer_a, "staff": staff, "admin": admin}
    if role in users:
        browser_login(page, live_server, users[role].email)
    page.goto(f"{live_server}/?lang={language}")  # remembered for the session
    os.makedirs(output_path, exist_ok=True)
    problems, weights, cache = [], {}, {}
    for number, template in enumerate(PAGES[role]):
        path = template.format(**world)
        page.set_viewport_size(DESKTOP)
        response = page.goto(live_server + path)
        if response.status >= 400:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        weights[path] = _page_weight(page, len(response.body()), cache)
        if weights[path] > MAX_PAGE_BYTES:
            problems.append(f"{path}: {weights[path]} bytes")
        try:
            assert_accessible(page)
        except AssertionError as finding:
            problems.append(f"{path}: axe\n{finding}")
        name = f"{number:02d}-{path.strip('/').replace('/', '_').split('?')[0] or 'start'}"
        page.screenshot(path=os.path.join(output_path, f"{name}-1280.png"), full_page=True)
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"{path}: {width} px wide at 390 px")
        page.screenshot(path=os.path.join(output_path, f"{name}-390.png"), full_page=True)
    with open(os.path.join(output_path, "weights.txt"), "w") as report:
        report.writelines(f"{weight:6d}  {path}\n" for path, weight in weights.items())
    assert not problems, "\n".join(problems)
