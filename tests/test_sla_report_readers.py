"""Who reads a company's monthly SLA report: customers of a contract company find it in their
menu; a company's contacts ("Ansprechpartner") read and download their company's report with
or without a contract; every other company's report is 404."""

import re

import pytest

from portal.models import User
from tests.conftest import login_client, make_user

MENU_LINK = re.compile(r'<a href="/sla-bericht/"\s*>([^<]+)</a>')


def menu_entries(client, path="/tickets"):
    """The labels of the menu's links to /sla-bericht/ on the page."""
    return MENU_LINK.findall(client.get(path).get_data(as_text=True))


def contact_of(app, company, email):
    user = make_user(app, email, "Clara Contact", "customer", company)
    User.update(is_contact=True).where(User.id == user.id).execute()
    return login_client(app, User.get_by_id(user.id))


def report_url(company, ending=""):
    return f"/sla-bericht/{company.id}/2026/1{ending}"


def test_a_contract_customer_finds_the_report_in_the_menu(client_a, company_a):
    assert menu_entries(client_a) == ["SLA-Bericht"]
    opened = client_a.get("/sla-bericht/")
    assert opened.status_code == 302
    assert opened.headers["Location"].startswith(f"/sla-bericht/{company_a.id}/")
    assert client_a.get(opened.headers["Location"]).status_code == 200


def test_the_menu_link_is_in_english_too(client_a):
    assert menu_entries(client_a, "/tickets?lang=en") == ["SLA report"]


def test_a_customer_without_contract_has_no_report_and_no_link(client_b, company_b):
    assert menu_entries(client_b) == []
    assert client_b.get("/sla-bericht/").status_code == 404
    assert client_b.get(report_url(company_b)).status_code == 404


@pytest.mark.parametrize("company_name", ["company_a", "company_b"])
def test_a_company_contact_downloads_their_companys_report(app, request, company_name):
    company = request.getfixturevalue(company_name)  # B has no contract: its contact reads too
    client = contact_of(app, company, "clara@firma.example")
    assert menu_entries(client) == ["SLA-Bericht"]
    assert client.get(report_url(company)).status_code == 200
    pdf = client.get(report_url(company, ".pdf"))
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")
    csv = client.get(report_url(company, ".csv"))
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert csv.headers["Content-Disposition"].endswith(f'{company.customer_number}-2026-01.csv"')


def test_a_contact_reads_no_other_companys_report(app, company_a, company_b):
    client = contact_of(app, company_b, "clara@beta.example")
    for ending in ("", ".pdf", ".csv"):
        assert client.get(report_url(company_a, ending)).status_code == 404
    assert client.get("/sla-bericht/alle/2026/1").status_code == 403  # the overview is staff's
    assert client.get("/sla-bericht/999999/2026/1").status_code == 404


def test_staff_keep_their_own_menu_entry(staff_client):
    assert menu_entries(staff_client, "/warteschlange") == ["SLA-Berichte"]


def test_where_colleagues_see_only_their_own_tickets_only_contacts_read_the_report(
    app, client_a, company_a
):
    """The report lists every ticket of the month: a company that keeps its people's tickets
    apart gives it to its contacts only."""
    company_a.colleagues_see_all = False
    company_a.save()
    assert menu_entries(client_a) == []
    assert client_a.get("/sla-bericht/").status_code == 404
    assert client_a.get(report_url(company_a)).status_code == 404
    assert client_a.get(report_url(company_a, ".csv")).status_code == 404
    contact = contact_of(app, company_a, "clara@alpha.example")
    assert menu_entries(contact) == ["SLA-Bericht"]
    assert contact.get(report_url(company_a)).status_code == 200
