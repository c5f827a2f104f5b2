"""The admin area in a real headless Chromium: a new company and customer, who then signs in."""

import pytest
from playwright.sync_api import expect

from portal.models import Company, User
from tests.conftest import assert_accessible, browser_login

pytestmark = pytest.mark.browser

# Nothing of "Gina Gamma" or gina@gamma.example in it, and strong enough for zxcvbn.
NEW_PASSWORD = "Laterne-Fjord-Kiesel-7"


def test_admin_creates_a_company_and_a_customer_who_signs_in(page, live_server, admin):
    browser_login(page, live_server, admin.email)
    main_nav = page.get_by_role("navigation", name="Hauptnavigation")
    main_nav.get_by_role("link", name="Verwaltung").click()
    expect(page.get_by_role("heading", name="Firmen", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Firma anlegen").click()
    assert_accessible(page)
    page.get_by_label("Name der Firma").fill("Gamma Praxis GmbH")
    page.get_by_label("Kundennummer").fill("K-30001")
    page.get_by_label("Hat einen Servicevertrag").check()
    page.get_by_label("Kritisch: Reaktionszeit in Stunden").fill("0,5")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Firma Gamma Praxis GmbH wurde angelegt.")).to_be_visible()
    assert page.get_by_label("Kritisch: Reaktionszeit in Stunden").input_value() == "0,5"

    page.get_by_role("link", name="Benutzer für diese Firma anlegen").click()
    assert page.get_by_label("Firma").locator("option:checked").inner_text().startswith("Gamma")
    page.get_by_label("E-Mail-Adresse").fill("Gina@Gamma.example")
    page.get_by_label("Name", exact=True).fill("Gina Gamma")
    page.get_by_label("Anfangspasswort").fill(NEW_PASSWORD)
    assert_accessible(page)
    page.get_by_role("button", name="Benutzer anlegen").click()
    expect(page.get_by_text("Das Konto für gina@gamma.example wurde angelegt.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Benutzer", exact=True).click()
    expect(page.get_by_role("link", name="Gina Gamma")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="API-Tokens").click()
    assert_accessible(page)

    page.get_by_role("button", name="Abmelden").click()
    browser_login(page, live_server, "gina@gamma.example", NEW_PASSWORD)
    expect(page.get_by_text("Willkommen, Gina Gamma!")).to_be_visible()
    assert page.locator('a[href="/verwaltung/"]').count() == 0
    company = Company.get(Company.name == "Gamma Praxis GmbH")
    assert company.target_overrides() == {"critical": 0.5}
    assert User.by_email("gina@gamma.example").company_id == company.id


def test_validation_errors_are_accessible_on_a_phone(page, live_server, admin, company_a):
    page.set_viewport_size({"width": 320, "height": 640})
    browser_login(page, live_server, admin.email)
    page.goto(live_server + "/verwaltung/firmen/neu")
    page.get_by_label("Name der Firma").fill("Neue Firma")
    page.get_by_label("Kundennummer").fill("k-00001")
    page.get_by_label("Normal: Reaktionszeit in Stunden").fill("viel")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Bitte prüfen Sie die markierten Angaben.")).to_be_visible()
    expect(page.get_by_text("Bitte geben Sie eine Zahl von Stunden ein")).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.goto(live_server + "/verwaltung/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
