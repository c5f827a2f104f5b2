"""Planned changes end to end in Chromium: announce as customer, schedule as staff, see the slot."""

import re

import pytest
from playwright.sync_api import expect

from tests.changes_support import fixed_today  # noqa: F401
from tests.conftest import assert_accessible, browser_login

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("fixed_today")]


def sign_out(page):
    page.get_by_role("button", name="Abmelden").click()


def test_customer_announces_staff_schedules_customer_sees_the_slot(
    page, live_server, customer_a, staff
):
    browser_login(page, live_server, customer_a.email)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name="Geplante Änderungen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Änderung ankündigen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Neuer Mitarbeiter").click()

    # submitting empty shows the messages at the fields, in German
    page.get_by_role("button", name="Änderung ankündigen").click()
    expect(page.get_by_text("Bitte nennen Sie den Namen des neuen Mitarbeiters.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Name des neuen Mitarbeiters").fill("Lena Hoffmann")
    page.get_by_label("Erster Arbeitstag").fill("2026-12-14")
    page.get_by_label("Neues Notebook").check()
    page.get_by_label("E-Mail-Postfach").check()
    page.get_by_label("Windows-Anmeldung").check()
    page.get_by_label("Gewünschte E-Mail-Adresse").fill("lena.hoffmann@alpha.example")
    page.get_by_label("Wunschtermin").fill("2026-12-02")  # shorter than 10 service days
    page.get_by_role("button", name="Änderung ankündigen").click()

    expect(page.get_by_text("Vielen Dank!")).to_be_visible()
    expect(page.get_by_text("also ab dem Mi., 09.12.2026.")).to_be_visible()
    assert_accessible(page)
    change_url = page.url
    sign_out(page)

    browser_login(page, live_server, staff.email)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    nav.get_by_role("link", name="Einsatzplanung").click()
    expect(page.get_by_text("Kurzfristig").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Lena Hoffmann")).first.click()
    assert page.url == change_url
    page.get_by_label("Datum").fill("2026-12-03")
    page.get_by_label("Beginn").fill("09:00")
    page.get_by_label("Ende").fill("11:30")
    page.get_by_label("Techniker").select_option(label=staff.name)
    page.get_by_role("button", name="Termin speichern").click()
    expect(page.get_by_text("Die Änderung ist eingeplant.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server}/einsatzplanung?week=2026-W49")
    expect(page.locator(".week-plan").get_by_text(re.compile("09:00–11:30"))).to_be_visible()
    sign_out(page)

    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/aenderungen")
    row = page.get_by_role("row", name=re.compile("Lena Hoffmann"))
    expect(row.get_by_text("Eingeplant")).to_be_visible()
    expect(row.get_by_text("Do., 03.12.2026, 09:00 – 11:30")).to_be_visible()
    expect(row.get_by_text(staff.name)).to_be_visible()


def test_changes_pages_fit_a_phone(page, live_server, customer_a):
    page.set_viewport_size({"width": 320, "height": 640})
    browser_login(page, live_server, customer_a.email)
    for path in ("/aenderungen", "/aenderungen/neu", "/aenderungen/neu/software_install"):
        page.goto(live_server + path)
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
