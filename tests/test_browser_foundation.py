"""The foundation in a real headless Chromium: sign in, switch language, accessibility."""

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, browser_login

pytestmark = pytest.mark.browser


def test_customer_signs_in_and_switches_to_english(page, live_server, customer_a):
    browser_login(page, live_server, customer_a.email)
    expect(page.get_by_role("heading", name="Willkommen im Kundenportal")).to_be_visible()
    page.get_by_role("link", name="EN – English").click()
    expect(page.get_by_role("heading", name="Welcome to the customer portal")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("path", ["/", "/anmelden"])
def test_public_pages_are_accessible(page, live_server, db, path):
    page.goto(live_server + path)
    assert_accessible(page)


def test_account_page_is_accessible_on_a_phone(page, live_server, customer_a):
    page.set_viewport_size({"width": 320, "height": 640})
    browser_login(page, live_server, customer_a.email)
    page.goto(live_server + "/konto")
    assert_accessible(page)
    # nothing wider than the screen: no horizontal scrolling at 320 px
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
