"""Tickets in a real headless Chromium: classify and report, answer as staff, read the answer."""

import pytest
from playwright.sync_api import expect

from portal.tickets.models import Ticket
from tests.conftest import assert_accessible, browser_login

pytestmark = pytest.mark.browser


def sign_out(page):
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()


def test_report_through_the_wizard_answer_and_read_the_answer(page, live_server, customer_a, staff):
    browser_login(page, live_server, customer_a.email)
    page.get_by_role("link", name="Wie dringend ist es?").first.click()
    page.get_by_label("Was ist passiert?").fill("Der Drucker im 2. OG druckt nicht")
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_label("Ein Drucker")).to_be_checked()
    page.get_by_label("Eine Person").click()
    page.get_by_label("Geht gar nicht mehr (Ausfall)").click()
    page.get_by_role("button", name="Ergebnis anzeigen").click()
    page.get_by_role("link", name="Einordnung übernehmen und Störung melden").click()

    # the ticket form arrives with what the wizard learned
    expect(page.get_by_role("heading", name="Störung melden")).to_be_visible()
    expect(page.locator("input[name='priority'][value='normal']")).to_be_checked()
    expect(page.get_by_label("Beschreibung")).to_have_value("Der Drucker im 2. OG druckt nicht")
    assert_accessible(page)

    page.get_by_label("Titel").fill("Drucker im 2. OG druckt nicht")
    page.get_by_label("Beschreibung").fill(
        "Der Drucker im 2. OG druckt nicht. Das Papier kommt leer."
    )
    page.locator("input[name='urgency'][value='urgent']").check()
    page.get_by_label("Warum ist es dringend?").fill("Die Lohnabrechnung muss heute raus.")
    page.get_by_role("button", name="Störung melden").click()

    expect(page.get_by_role("heading", name="Vielen Dank für Ihre Meldung")).to_be_visible()
    expect(page.get_by_text("Wir melden uns spätestens bis")).to_be_visible()
    number = Ticket.get().number

    page.get_by_role("link", name="Meine Tickets").first.click()
    expect(page.get_by_role("link", name=number)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=number).click()
    expect(page.get_by_role("heading", name="Drucker im 2. OG druckt nicht")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    browser_login(page, live_server, staff.email)
    page.get_by_role("link", name="Warteschlange").first.click()
    expect(page.get_by_text("dringend", exact=True).first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=number).click()
    expect(page.get_by_role("heading", name="Ticket bearbeiten")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Text der Antwort an den Kunden").fill(
        "Wir tauschen heute um 14 Uhr die Trommel."
    )
    page.get_by_role("button", name="Antwort an Kunde senden").click()
    expect(page.get_by_text("Ihre Nachricht wurde gesendet.")).to_be_visible()
    sign_out(page)

    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/tickets/{number}")
    expect(page.get_by_text("Wir tauschen heute um 14 Uhr die Trommel.")).to_be_visible()
    expect(page.get_by_text("innerhalb der Zusage")).to_be_visible()


def test_ticket_form_fits_a_phone_and_hides_unused_fields(page, live_server, customer_a):
    page.set_viewport_size({"width": 320, "height": 640})
    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/tickets/neu")
    expect(page.get_by_label("Warum ist es dringend?")).to_be_hidden()
    page.locator("input[name='urgency'][value='urgent']").check()
    expect(page.get_by_label("Warum ist es dringend?")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
