"""The staff's start page: its counts are the queue's rows, its charts count the right days,
it reads with few queries, its live part answers 304 while unchanged; "bald fällig" is an hour
or a quarter of the target left, the same in Python and in SQL."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from portal.cockpit import charts, figures
from portal.db import utcnow
from portal.tickets.models import Ticket
from portal.tickets.queries import TicketFilter
from portal.tickets.rules import is_due_soon
from tests.conftest import count_queries
from tests.test_ticket_filter import NUMBER_CELL
from tests.ticket_factory import force_status, make_ticket

TILE = re.compile(
    r'<a class="tile[^"]*" href="/warteschlange\?([^"]*)"><span class="tile-number">(\d+)'
)


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


@pytest.fixture
def mixed(app, staff, customer_a, customer_b):
    now = utcnow()

    def ticket(actor, priority="normal", **columns):
        made = make_ticket(app, actor, priority=priority)
        if columns:
            Ticket.update(**columns).where(Ticket.id == made.id).execute()
            Ticket.get_by_id(made.id).save()  # the queue columns follow, as after a real change
        return made

    made = {
        "late": ticket(customer_a, "critical", response_due=now - dt.timedelta(minutes=5)),
        "soon_hour": ticket(customer_a, response_due=now + dt.timedelta(minutes=40)),
        # 16 hours promised, 3 left: less than a quarter
        "soon_quarter": ticket(
            customer_b,
            "low",
            reported_at=now - dt.timedelta(hours=13),
            response_due=now + dt.timedelta(hours=3),
        ),
        "mine": ticket(customer_a, assignee=staff.id),
        "waiting": ticket(customer_b),
        "solved": ticket(customer_a, "low"),
    }
    force_status(made["waiting"], "waiting_for_customer")
    force_status(made["solved"], "resolved", resolved_at=now)
    return made


@pytest.mark.parametrize(
    ("left", "target", "soon"),
    [
        (dt.timedelta(minutes=59), dt.timedelta(hours=40), True),  # under an hour
        (dt.timedelta(hours=3), dt.timedelta(hours=16), True),  # under a quarter
        (dt.timedelta(hours=5), dt.timedelta(hours=16), False),
        (dt.timedelta(hours=1), dt.timedelta(hours=4), False),  # exactly a quarter, an hour
        (dt.timedelta(minutes=-1), dt.timedelta(hours=4), False),  # late is not "soon"
    ],
)
def test_due_soon_is_an_hour_or_a_quarter_left(left, target, soon):
    now = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
    due = now + left
    assert is_due_soon(None, due - target, due, now) is soon
    assert not is_due_soon(now, due - target, due, now)  # answered


def test_due_soon_filter_uses_the_same_rule_in_sql(app, staff, mixed):
    with app.test_request_context():
        found = TicketFilter(due_soon=True).apply(Ticket.select(), staff, utcnow())
        assert {t.id for t in found} == {mixed["soon_hour"].id, mixed["soon_quarter"].id}


def test_every_tile_counts_the_rows_its_link_shows(app, staff_client, mixed):
    html = page(staff_client.get("/cockpit"))
    tiles = TILE.findall(html)
    assert len(tiles) == 8
    for query, number in tiles:
        rows = NUMBER_CELL.findall(page(staff_client.get(f"/warteschlange?{query}")))
        assert len(rows) == int(number), query
    counts = dict(tiles)
    assert counts["priority=critical"] == "1"
    assert counts["overdue=1"] == "1"
    assert counts["due_soon=1"] == "2"
    assert counts["assignee=mine"] == "1"
    assert counts["status=waiting_for_customer"] == "1"
    assert counts["assignee=unassigned"] == "4"


def test_staff_start_on_the_overview_and_customers_on_the_welcome(staff_client, client_a):
    assert "Übersicht" in page(staff_client.get("/"))
    assert "rufen Sie" not in page(staff_client.get("/"))
    assert "Willkommen" in page(client_a.get("/"))
    assert client_a.get("/cockpit").status_code == 403
    assert client_a.get("/cockpit/zahlen").status_code == 403
    assert client_a.get("/warteschlange/liste").status_code == 403


def test_charts_count_per_local_day_and_week(app, staff, customer_a):
    now = utcnow()
    yesterday = now - dt.timedelta(days=1)
    for when in (now, yesterday, yesterday, now - dt.timedelta(days=40)):
        make_ticket(app, customer_a, now=when)
    answered = Ticket.select().order_by(Ticket.id).first()
    Ticket.update(first_response_at=now, response_due=now + dt.timedelta(hours=1)).where(
        Ticket.id == answered.id
    ).execute()
    with app.test_request_context():
        days = figures.per_day(staff, Ticket.reported_at, now)
        weeks = figures.responses_per_week(staff, now)
    assert len(days) == 30
    assert days[-1][1] == 1 and days[-2][1] == 2
    assert sum(count for _, count in days) == 3  # 40 days ago is outside
    assert weeks[-1][1:] == (1, 0)


def test_chart_geometry_stacks_and_scales():
    chart = charts.bar_chart([(3, 1), (0, 0), (7, 0)], ["a", "b", "c"], label_every=2)
    assert chart.top == 10
    first = chart.bars[0]
    assert first.total == 4 and len(first.segments) == 2
    assert first.segments[0][0] + first.segments[0][1] == chart.base
    assert [bar.label for bar in chart.bars] == ["a", "", "c"]
    assert charts.nice_top(0) == 1 and charts.nice_top(11) == 20 and charts.nice_top(200) == 200


def test_the_overview_reads_with_few_queries_whatever_the_tickets(app, staff_client, mixed):
    def measure():
        with count_queries() as counter:
            assert staff_client.get("/cockpit").status_code == 200
        return counter.count

    few = measure()
    for _ in range(5):
        make_ticket(app, mixed["mine"].reporter, priority="critical")
    assert measure() == few
    assert few <= 8


@pytest.mark.parametrize("path", ["/cockpit/zahlen", "/warteschlange/liste?priority=normal"])
def test_live_parts_answer_304_until_something_changes(app, staff_client, customer_a, path):
    make_ticket(app, customer_a)
    first = staff_client.get(path)
    assert first.status_code == 200 and first.headers["ETag"]
    assert "no-cache" in first.headers["Cache-Control"]
    again = staff_client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    make_ticket(app, customer_a, title="Noch ein Drucker")
    changed = staff_client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200
    assert "Noch ein Drucker" in changed.get_data(as_text=True) or "cockpit" in path


def test_the_page_carries_the_etag_of_its_live_part(staff_client, customer_a, app):
    make_ticket(app, customer_a)
    html = page(staff_client.get("/warteschlange"))
    etag = re.search(r'data-live-etag="&#34;([0-9a-f]+)&#34;"', html).group(1)
    live = staff_client.get("/warteschlange/liste", headers={"If-None-Match": f'"{etag}"'})
    assert live.status_code == 304


def test_staff_read_staff_labels_and_customers_their_own(app, staff_client, client_a, mixed):
    number = mixed["waiting"].number
    staff_view = page(staff_client.get(f"/tickets/{number}"))
    assert "Wartet auf Kunde" in staff_view and "Wartet auf Ihre Rückmeldung" not in staff_view
    queue = page(staff_client.get("/warteschlange?status=waiting_for_customer"))
    assert "Wartet auf Kunde" in queue and "Ihre Rückmeldung" not in queue
    english = page(staff_client.get("/warteschlange?status=waiting_for_customer&lang=en"))
    assert "Waiting for customer" in english
    customer = page(client_a.get(f"/tickets/{mixed['mine'].number}"))
    assert "Wartet auf Kunde" not in customer


def test_recording_a_call_speaks_to_staff(staff_client, client_a):
    staff_form = page(staff_client.get("/tickets/neu"))
    assert "Anruf als Ticket erfassen" in staff_form and "Wir melden uns" not in staff_form
    assert "Wir melden uns" in page(client_a.get("/tickets/neu"))


def test_staff_pages_leave_the_customer_footer_out(staff_client, client_a, mixed):
    for path in ("/cockpit", "/warteschlange", f"/tickets/{mixed['mine'].number}"):
        assert "site-footer" not in page(staff_client.get(path)), path
    assert "site-footer" in page(client_a.get(f"/tickets/{mixed['mine'].number}"))


def test_staff_panel_shows_the_companys_contract_and_open_tickets(staff_client, mixed):
    html = page(staff_client.get(f"/tickets/{mixed['mine'].number}"))
    assert "mit Servicevertrag" in html
    assert "3 offene Tickets dieser Firma" in html  # late, soon_hour, mine (solved is closed)
    assert "/warteschlange?company=K-00001" in html


STATIC = re.compile(r'(?:href|src)="(/static/[^"?]+\.(?:css|js))')
PAGE_WEIGHT_LIMIT = 60 * 1024


@pytest.mark.parametrize("language", ["de", "en"])
def test_staff_pages_weigh_under_60_kb_with_their_css_and_js(
    app, staff_client, customer_a, language
):
    """HTML + CSS + JS, uncompressed, with a full queue page (25 rows)."""
    made = [make_ticket(app, customer_a, title=f"Drucker {i} im 2. OG") for i in range(30)]
    staff_client.get(f"/?lang={language}")
    for path in ("/cockpit", "/warteschlange", f"/tickets/{made[0].number}"):
        html = page(staff_client.get(path))
        weight = len(html.encode())
        for asset in set(STATIC.findall(html)):
            weight += len(staff_client.get(asset).get_data())
        assert weight < PAGE_WEIGHT_LIMIT, (path, weight)
        print(f"{language} {path}: {weight} bytes")
