"""The monthly SLA report against a hand-computed month (January 2026, company A with a
contract), read back from HTML, PDF (pypdf) and CSV; a later event leaves the month alone."""

import csv
import datetime as dt
import io
from datetime import datetime

import pypdf
import pytest

from portal.changes.models import PlannedChange
from portal.reports import service as report_service
from portal.reports.pdf import LocalFilesOnly, html_to_pdf
from portal.sla.calendar import BERLIN
from portal.sla.report import percentile
from portal.tickets import service
from portal.tickets.models import Ticket
from portal.tickets.sla_watch import check_targets
from tests.ticket_factory import make_ticket

JANUARY = dt.date(2026, 1, 1)


def berlin(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(dt.UTC)


@pytest.fixture
def month(app, customer_a, customer_b, staff, company_a):
    """The fixture month; every figure below is counted by hand in the comments."""

    def t(number):
        return Ticket.get(Ticket.number == number)

    with app.test_request_context():
        # T1 normal, Mon 5.1. 08:00: answered 09:00 (due 12:00, 1 service hour), solved 15:00
        # (due Wed 08:00, 7 service hours)
        one = make_ticket(app, customer_a, priority="normal", now=berlin(2026, 1, 5, 8))
        service.add_message(one, staff, "Wir schauen.", now=berlin(2026, 1, 5, 9))
        service.change_ticket(
            t(one.number), staff, {"status": "resolved"}, now=berlin(2026, 1, 5, 15)
        )
        # T2 low, Tue 6.1. 10:00: due 16 h = Wed 14:00; answered Thu 10:00: missed, 24 h
        two = make_ticket(app, customer_a, priority="low", now=berlin(2026, 1, 6, 10))
        service.add_message(two, staff, "Spät, sorry.", now=berlin(2026, 1, 8, 10))
        # T3 critical (extended hours), Sat 10.1. 20:00: waiting from 20:30 (the first
        # response, 0 service hours), customer answers Mon 08:00 (1 service hour paused),
        # solved Mon 10:00: Mon 07-10 less the paused hour = 2 service hours
        three = make_ticket(app, customer_a, priority="critical", now=berlin(2026, 1, 10, 20))
        service.change_ticket(
            three, staff, {"status": "waiting_for_customer"}, now=berlin(2026, 1, 10, 20, 30)
        )
        service.add_message(t(three.number), customer_a, "Geht wieder?", now=berlin(2026, 1, 12, 8))
        service.change_ticket(
            t(three.number), staff, {"status": "resolved"}, now=berlin(2026, 1, 12, 10)
        )
        # T4 normal, Fri 30.1. 17:00: response due Sat 31.1. 10:00, missed (the job notices)
        four = make_ticket(app, customer_a, priority="normal", now=berlin(2026, 1, 30, 17))
        # other company, other month: not in the report
        make_ticket(app, customer_b, priority="normal", now=berlin(2026, 1, 7, 9))
        make_ticket(app, customer_a, priority="normal", now=berlin(2025, 12, 30, 9))
    with app.app_context():
        check_targets(now=berlin(2026, 1, 31, 10, 1))
    PlannedChange.create(
        company=company_a, created_by=customer_a, kind="other", details={},
        wished_date=dt.date(2026, 1, 20), recommended_earliest=dt.date(2026, 1, 15),
        state="done", scheduled_start=berlin(2026, 1, 20, 9), scheduled_end=berlin(2026, 1, 20, 10),
    )  # fmt: skip
    return [one.number, two.number, three.number, four.number]


def test_the_report_matches_the_hand_computed_month(app, month):
    one, two, three, four = month
    with app.app_context():
        report = report_service.build_report(Ticket.get(Ticket.number == one).company_id, JANUARY)
    assert report.tickets == 4
    assert report.by_class == {"critical": 1, "normal": 2, "low": 1}
    response, resolution = report.targets["response"], report.targets["resolution"]
    assert (response.met, response.missed, response.open) == ([one, three], [two], [four])
    assert round(response.met_percent, 1) == 66.7
    assert (response.median_hours, response.p90_hours) == (1.0, 24.0)
    assert (resolution.met, resolution.missed, resolution.open) == ([one, three], [], [two, four])
    assert resolution.met_percent == 100.0
    assert (resolution.median_hours, resolution.p90_hours) == (4.5, 7.0)
    assert report.paused_hours == 1.0
    # every target whose due time fell in January and was missed, in order of the due time:
    # the December ticket's resolution (24 h: Tue 30.12. 10 h, Wed 12 h, Thu 1.1. a holiday,
    # Fri 07:00 + 2 h), T2's late response, T2's resolution (60 h: Tue 9, Wed-Fri 36, Sat 10,
    # Mon 07:00 + 5 h), and T4's response, all noticed by the job on 31.1. at 10:01
    assert [(b.number, b.target, b.due_at) for b in report.breaches] == [
        ("T-2025-00001", "resolution", berlin(2026, 1, 2, 9)),
        (two, "response", berlin(2026, 1, 7, 14)),
        (two, "resolution", berlin(2026, 1, 12, 12)),
        (four, "response", berlin(2026, 1, 31, 10)),
    ]
    assert report.changes_done == 1
    assert [(p.month.month, p.tickets) for p in report.trend] == [
        (8, 0),
        (9, 0),
        (10, 0),
        (11, 0),
        (12, 1),
        (1, 4),
    ]


def test_a_later_event_does_not_rewrite_a_past_month(app, month, staff, customer_a):
    one, two, _three, four = month
    company_id = Ticket.get(Ticket.number == one).company_id
    with app.app_context():
        before = report_service.build_report(company_id, JANUARY)
    with app.test_request_context():
        # February: T1 back in progress and reclassified, T2 solved, T4 answered
        service.change_ticket(
            Ticket.get(Ticket.number == one),
            staff,
            {"status": "in_progress"},
            now=berlin(2026, 2, 2, 9),
        )
        service.change_ticket(
            Ticket.get(Ticket.number == one), staff, {"priority": "low"}, reason="nur eine Frage",
            now=berlin(2026, 2, 2, 10),
        )  # fmt: skip
        service.change_ticket(
            Ticket.get(Ticket.number == two),
            staff,
            {"status": "resolved"},
            now=berlin(2026, 2, 3, 9),
        )
        service.add_message(
            Ticket.get(Ticket.number == four), staff, "Jetzt.", now=berlin(2026, 2, 2, 8)
        )
    with app.app_context():
        after = report_service.build_report(company_id, JANUARY)
    assert after == before


def test_percentile_is_nearest_rank():
    assert percentile([1.0, 24.0, 0.0], 0.9) == 24.0
    assert percentile([2.0, 7.0], 0.9) == 7.0
    assert percentile([], 0.9) is None


def url(company_id, extension=""):
    return f"/sla-bericht/{company_id}/2026/1{extension}"


def test_a_contract_customer_reads_and_downloads_the_report(app, month, client_a, company_a):
    page = client_a.get(url(company_a.id))
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "SLA-Bericht Januar 2026" in text and month[1] in text

    pdf = client_a.get(url(company_a.id, ".pdf"))
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    pdf_text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "SLA-Bericht Januar 2026" in pdf_text and "Alpha Steuerberatung" in pdf_text
    assert month[0] in pdf_text and "66,7" in pdf_text

    response = client_a.get(url(company_a.id, ".csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    figures = {(row[0], row[1]): row[2:] for row in rows[1:]}
    assert figures["tickets", "total"] == ["4", ""]
    assert figures["response", "met_percent"] == ["66.7", ""]
    assert figures["response", "missed"] == ["1", month[1]]
    assert figures["resolution", "median_hours"] == ["4.50", ""]
    assert figures["paused", "service_hours"] == ["1.00", ""]


def test_another_companys_report_is_404_and_no_contract_no_report(
    app, month, client_a, client_b, company_a, company_b
):
    assert client_a.get(url(company_b.id)).status_code == 404
    assert client_a.get(url(company_b.id, ".pdf")).status_code == 404
    assert client_b.get(url(company_a.id, ".csv")).status_code == 404
    assert client_b.get(url(company_b.id)).status_code == 404  # B has no contract
    assert client_a.get(f"/sla-bericht/{company_a.id}/2026/13").status_code == 404


def test_staff_read_any_company_and_the_overview(app, month, staff_client, company_b):
    assert staff_client.get(url(company_b.id)).status_code == 200
    overview = staff_client.get("/sla-bericht/alle/2026/1")
    assert overview.status_code == 200 and "Alle Firmen" in overview.get_data(as_text=True)


def test_the_pdf_fetches_local_files_only(app):
    fetcher = LocalFilesOnly(app.static_folder)
    html = (
        '<link rel="stylesheet" href="css/report.css">'
        '<img src="http://example.com/tracker.png"><img src="file:///etc/hostname"><p>Hallo</p>'
    )
    with app.app_context():
        pdf = html_to_pdf(html, fetcher)
    assert pdf.startswith(b"%PDF")
    assert fetcher.refused == ["http://example.com/tracker.png", "file:///etc/hostname"]


def test_the_report_reads_a_fixed_number_of_queries(app, month, customer_a, company_a):
    from tests.conftest import count_queries

    with app.app_context():
        with count_queries() as few:
            report_service.build_report(company_a.id, JANUARY)
        for day in range(12, 22):
            make_ticket(app, customer_a, priority="low", now=berlin(2026, 1, day, 9))
        with count_queries() as many:
            report_service.build_report(company_a.id, JANUARY)
    assert many.count == few.count <= 20
