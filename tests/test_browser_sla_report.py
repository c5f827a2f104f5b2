"""The monthly SLA report in a real headless Chromium: a contract customer opens it and
downloads the PDF and the CSV."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, browser_login
from tests.ticket_factory import make_ticket

pytestmark = pytest.mark.browser


def test_a_contract_customer_downloads_the_report(page, live_server, app, customer_a, company_a):
    make_ticket(app, customer_a, now=dt.datetime(2026, 1, 12, 9, tzinfo=dt.UTC))
    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/sla-bericht/{company_a.id}/2026/1")
    expect(page.get_by_role("heading", name="SLA-Bericht Januar 2026")).to_be_visible()
    assert_accessible(page)
    for name, ending in (("Als PDF herunterladen", ".pdf"), ("Als CSV herunterladen", ".csv")):
        with page.expect_download() as download_info:
            page.get_by_role("link", name=name).click()
        download = download_info.value
        assert download.suggested_filename == f"sla-bericht-K-00001-2026-01{ending}"
        with open(download.path(), "rb") as downloaded:
            start = downloaded.read(5)
        assert start == b"%PDF-" if ending == ".pdf" else start.startswith(b"\xef\xbb\xbf")
