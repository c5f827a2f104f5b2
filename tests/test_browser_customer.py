"""The customer's side of a bad night in a real Chromium: what the hotline box says to whom
at a closed hour, and the fast path from the start page to a filed critical ticket."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from portal.sla.calendar import BERLIN
from portal.tickets.models import Ticket
from tests.conftest import browser_login

pytestmark = pytest.mark.browser

# Saturday 28.11.2026, 20:00 in Berlin: the service hours are over, the extended hours run.
SATURDAY_EVENING = dt.datetime(2026, 11, 28, 20, 0, tzinfo=BERLIN)


@pytest.fixture
def app_config():
    return {"CLOCK": lambda: SATURDAY_EVENING}


def hotline_box(page):
    return page.locator(".site-header").get_by_role("region", name="Service-Hotline")


def expect_texts(locator, *texts):
    for text in texts:
        expect(locator).to_contain_text(text)


def test_contract_customer_reads_that_critical_problems_reach_the_hotline_now(
    page, live_server, customer_a
):
    browser_login(page, live_server, customer_a.email)
    expect_texts(
        hotline_box(page),
        "Kritische Störungen: jetzt erreichbar",
        "Andere Anliegen: derzeit geschlossen – wieder erreichbar ab Mo., 07:00",
    )
    expect_texts(
        page.locator(".start-critical"),
        "Rufen Sie bitte sofort unsere Service-Hotline an",
        "Für Sie als Vertragskunde",
    )
    page.goto(f"{live_server}/service-vereinbarung")
    expect(page.get_by_text("Für Sie als Vertragskunde haben wir")).to_be_visible()


def test_customer_without_contract_reads_when_it_opens_and_that_the_report_is_queued(
    page, live_server, customer_b
):
    browser_login(page, live_server, customer_b.email)
    box = hotline_box(page)
    expect(box).to_contain_text("derzeit geschlossen – wieder erreichbar ab Mo., 07:00")
    expect(box).to_contain_text("Was Sie hier melden, steht sofort in unserer Warteschlange.")
    expect(box).not_to_contain_text("jetzt erreichbar")
    critical = page.locator(".start-critical")
    expect(critical).to_contain_text("Unsere Service-Hotline ist wieder ab Mo., 07:00 erreichbar")
    expect(critical).not_to_contain_text("sofort unsere Service-Hotline an")
    page.goto(f"{live_server}/service-vereinbarung")
    expect(page.get_by_text("Für Sie als Vertragskunde")).to_have_count(0)
    page.goto(
        f"{live_server}/stoerung-einordnen/ergebnis?affected=company&component=server&state=down"
    )
    expect(page.locator("#inhalt")).not_to_contain_text("sofort unsere Service-Hotline an")


def test_visitor_reads_both(page, live_server, db):
    page.goto(live_server + "/")
    expect_texts(
        hotline_box(page),
        "Kritische Störungen (Vertragskunden): jetzt erreichbar",
        "Alle anderen Anliegen: derzeit geschlossen – wieder erreichbar ab Mo., 07:00",
    )
    expect_texts(
        page.locator(".start-critical"),
        "Vertragskunden: Rufen Sie bitte sofort",
        "Kunden ohne Vertrag: Unsere Service-Hotline ist wieder ab Mo., 07:00 erreichbar",
    )


def test_fast_path_from_the_start_page_to_a_filed_critical_ticket_in_four_actions(
    page, live_server, customer_a
):
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, live_server, customer_a.email)
    button = page.get_by_role("link", name="Kritische Störung melden")
    box = button.bounding_box()
    assert box["y"] + box["height"] <= 844, "the critical button is below the fold on a phone"

    actions = 0
    button.click()
    actions += 1
    expect(page.get_by_role("heading", name="Kritische Störung melden")).to_be_visible()
    page.get_by_label("Beschreibung").fill(
        "Unser Server ist ausgefallen, niemand im Büro kann arbeiten.\nSeit 19:30."
    )
    actions += 1
    page.get_by_role("button", name="Störung melden").click()
    actions += 1
    expect(page.get_by_role("heading", name="Vielen Dank für Ihre Meldung")).to_be_visible()
    assert actions <= 4

    ticket = Ticket.get()
    assert ticket.priority == "critical" and ticket.affected == "company"
    assert ticket.title == "Unser Server ist ausgefallen, niemand im Büro kann arbeiten."
    expect(page.get_by_text("Wir melden uns spätestens bis")).to_be_visible()
