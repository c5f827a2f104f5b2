"""Tickets in a real headless Chromium: report, answer as staff, read the answer as customer."""

import pytest

from portal.tickets.models import Ticket
from tests.conftest import assert_accessible, browser_login

pytestmark = pytest.mark.browser


def sign_out(page):
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()


def test_report_answer_and_read_the_answer(page, live_server, customer_a, staff):
    browser_login(page, live_server, customer_a.email)
    page.get_by_role("link", name="Störung melden").first.click()
    assert page.get_by_role("heading", name="Störung melden").is_visible()
    assert_accessible(page)

    page.get_by_label("Titel").fill("Drucker im 2. OG druckt nicht")
    page.get_by_label("Beschreibung").fill("Das Papier kommt leer heraus.")
    page.locator("input[name='priority'][value='normal']").check()
    page.locator("input[name='urgency'][value='urgent']").check()
    page.get_by_label("Warum ist es dringend?").fill("Die Lohnabrechnung muss heute raus.")
    page.get_by_role("button", name="Störung melden").click()

    assert page.get_by_role("heading", name="Vielen Dank für Ihre Meldung").is_visible()
    assert page.get_by_text("Wir melden uns spätestens bis").is_visible()
    number = Ticket.get().number

    page.get_by_role("link", name="Meine Tickets").first.click()
    assert page.get_by_role("link", name=number).is_visible()
    assert_accessible(page)
    page.get_by_role("link", name=number).click()
    assert page.get_by_role("heading", name="Drucker im 2. OG druckt nicht").is_visible()
    assert_accessible(page)
    sign_out(page)

    browser_login(page, live_server, staff.email)
    page.get_by_role("link", name="Warteschlange").first.click()
    assert page.get_by_text("dringend", exact=True).first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name=number).click()
    assert page.get_by_role("heading", name="Bearbeiten (nur für Mitarbeiter)").is_visible()
    assert_accessible(page)
    page.get_by_label("Ihre Nachricht").fill("Wir tauschen heute um 14 Uhr die Trommel.")
    page.get_by_role("button", name="Nachricht senden").click()
    assert page.get_by_text("Ihre Nachricht wurde gesendet.").is_visible()
    sign_out(page)

    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/tickets/{number}")
    assert page.get_by_text("Wir tauschen heute um 14 Uhr die Trommel.").is_visible()
    assert page.get_by_text("innerhalb der Zusage").is_visible()


def test_ticket_form_fits_a_phone_and_hides_unused_fields(page, live_server, customer_a):
    page.set_viewport_size({"width": 320, "height": 640})
    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/tickets/neu")
    assert not page.get_by_label("Warum ist es dringend?").is_visible()
    page.locator("input[name='urgency'][value='urgent']").check()
    assert page.get_by_label("Warum ist es dringend?").is_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
