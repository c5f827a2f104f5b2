"""The wizard in a real headless Chromium with its script on, and accessibility of every step."""

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from portal.sla.calendar import BERLIN
from tests.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def app(app):
    instant = datetime(2026, 11, 24, 16, 30, tzinfo=BERLIN)
    app.config["CLOCK"] = lambda: instant
    return app


def test_sla_page_is_accessible(page, live_server, db):
    page.goto(f"{live_server}/service-vereinbarung")
    expect(page.get_by_role("heading", name="Reaktionszeiten")).to_be_visible()
    assert_accessible(page)


def test_sla_page_fits_a_phone(page, live_server, db):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/service-vereinbarung")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_customer_walks_the_wizard_with_the_script(page, live_server, db):
    page.goto(f"{live_server}/stoerung-einordnen/")
    assert_accessible(page)
    page.get_by_label("Was ist passiert?").fill("Der Drucker im Sekretariat druckt nicht mehr")
    # the script suggests while the customer types, before any page is sent
    live = page.locator("#live-suggestion")
    expect(live).to_contain_text("Normal")
    expect(live).to_contain_text("Drucker")
    assert page.url.endswith("/stoerung-einordnen/")
    page.get_by_role("button", name="Weiter").click()

    expect(page.get_by_role("heading", name=re.compile("Unser Vorschlag"))).to_be_visible()
    expect(page.get_by_label("Ein Drucker")).to_be_checked()  # prefilled from the text
    assert_accessible(page)
    page.get_by_label("Eine Person").click()
    page.get_by_label("Geht gar nicht mehr (Ausfall)").click()
    expect(page.locator("#live-preview")).to_contain_text("Normal")
    page.get_by_role("button", name="Ergebnis anzeigen").click()

    expect(page.get_by_role("heading", name=re.compile("Ihre Einordnung"))).to_contain_text(
        "Normal"
    )
    expect(page.get_by_text("also spätestens bis Mi., 25.11., 08:30 Uhr")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Niedrig").check()
    page.get_by_role("button", name="Klasse übernehmen").click()
    expect(page.get_by_text("Sie haben die Klasse „Niedrig“ gewählt.")).to_be_visible()
    # back to the previous step loses nothing
    page.go_back()
    expect(page.get_by_role("heading", name=re.compile("Ihre Einordnung"))).to_contain_text(
        "Normal"
    )
    page.go_back()
    expect(page.get_by_label("Eine Person")).to_be_checked()


def test_wizard_error_state_is_accessible(page, live_server, db):
    page.goto(f"{live_server}/stoerung-einordnen/ergebnis?affected=one")
    expect(page.get_by_text("Bitte sagen Sie uns, was betroffen ist.")).to_be_visible()
    assert_accessible(page)
