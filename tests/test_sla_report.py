"""The monthly SLA report against a hand-computed month (January 2026, company A with a
contract; tickets by class and by source), read back from HTML, PDF (pypdf) and CSV; a later
event leaves the month alone, stored or counted afresh."""

import csv
import io

import pypdf

from portal.reports import service as report_service
from portal.reports.pdf import LocalFilesOnly, html_to_pdf
from portal.sla.report import percentile
from portal.tickets import service
from portal.tickets.models import Ticket
from tests.sla_report_support import JANUARY, berlin, live_report, month_fixture  # noqa: F401
from tests.ticket_factory import make_ticket


def test_the_report_matches_the_hand_computed_month(app, month):
    one, two, three, four = month
    with app.app_context():
        report = report_service.build_report(Ticket.get(Ticket.number == one).company_id, JANUARY)
    assert report.tickets == 4
    assert report.by_class == {"critical": 1, "normal": 2, "low": 1}
    # T1 and T4 from the portal, T2 by e-mail, T3 an alarm; company B's call is not A's
    assert report.by_source == {"portal": 2, "phone": 0, "monitoring": 1, "email": 1}
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
        february = [
            (one, {"status": "in_progress"}, "", berlin(2026, 2, 2, 9)),
            (one, {"priority": "low"}, "nur eine Frage", berlin(2026, 2, 2, 10)),
            (two, {"status": "resolved"}, "", berlin(2026, 2, 3, 9)),
        ]
        for number, changes, reason, when in february:
            ticket = Ticket.get(Ticket.number == number)
            service.change_ticket(ticket, staff, changes, reason=reason, now=when)
        service.add_message(
            Ticket.get(Ticket.number == four), staff, "Jetzt.", now=berlin(2026, 2, 2, 8)
        )
    with app.app_context():
        after = report_service.build_report(company_id, JANUARY)
    assert after == before
    # and counted afresh from the records, not read back from the stored month
    assert live_report(app, company_id, JANUARY) == before


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
    assert "<tr><td>Monitoring</td><td>1</td></tr>" in text
    assert "<tr><td>Telefon</td><td>0</td></tr>" in text

    pdf = client_a.get(url(company_a.id, ".pdf"))
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    pdf_text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "SLA-Bericht Januar 2026" in pdf_text and "Alpha Steuerberatung" in pdf_text
    assert month[0] in pdf_text and "66,7" in pdf_text
    assert "Gemeldet über" in pdf_text and "E-Mail 1" in pdf_text and "Portal 2" in pdf_text

    response = client_a.get(url(company_a.id, ".csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    figures = {(row[0], row[1]): row[2:] for row in rows[1:]}
    assert figures["tickets", "total"] == ["4", ""]
    assert figures["response", "met_percent"] == ["66.7", ""]
    assert figures["response", "missed"] == ["1", month[1]]
    assert figures["resolution", "median_hours"] == ["4.50", ""]
    assert figures["paused", "service_hours"] == ["1.00", ""]
    sources = {key[1]: value[0] for key, value in figures.items() if key[0] == "source"}
    assert sources == {"portal": "2", "phone": "0", "monitoring": "1", "email": "1"}


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
            report_service.compute_month(company_a.id, JANUARY)
        for day in range(12, 22):
            make_ticket(app, customer_a, priority="low", now=berlin(2026, 1, day, 9))
        with count_queries() as many:
            report_service.compute_month(company_a.id, JANUARY)
        report_service.build_report(company_a.id, JANUARY)  # computes and stores the months
        with count_queries() as stored:
            report_service.build_report(company_a.id, JANUARY)
    assert many.count == few.count <= 10
    assert stored.count == 1  # the six stored months in one read
