"""One filter for every ticket list: the same query string gives the same tickets, in the same
order, on the staff queue page and in GET /api/v1/tickets; bad values are named (API) or
ignored (pages)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from portal.db import utcnow
from portal.tickets.models import Ticket
from portal.tickets.queries import TicketFilter
from tests.ticket_factory import force_status, make_ticket

NUMBER_CELL = re.compile(r'data-label="Nummer"><a href="[^"]*">(T-\d{4}-\d{5})</a>')


@pytest.fixture
def tickets(app, staff, customer_a, customer_b, company_b):
    """Eight tickets that differ in every dimension a filter looks at."""
    now = utcnow()

    def ticket(actor, title, priority="normal", **columns):
        made = make_ticket(app, actor, title=title, priority=priority, **columns.pop("report", {}))
        if columns:
            Ticket.update(**columns).where(Ticket.id == made.id).execute()
            Ticket.get_by_id(made.id).save()  # the queue columns follow, as after a real change
        return made

    made = {
        "late": ticket(
            customer_a, "Server steht", "critical", response_due=now - dt.timedelta(hours=1)
        ),
        "soon": ticket(customer_a, "Drucker im Flur", response_due=now + dt.timedelta(minutes=30)),
        "mine": ticket(customer_a, "Monitor flackert", assignee=staff.id),
        "answered": ticket(
            customer_b,
            "Telefon ohne Ton",
            response_due=now - dt.timedelta(hours=2),
            first_response_at=now - dt.timedelta(hours=3),
        ),
        "low": ticket(customer_b, "Neues Hintergrundbild", "low"),
        "waiting": ticket(customer_b, "VPN bricht ab"),
        "solved": ticket(customer_a, "Scanner erledigt", "low"),
        "text": ticket(
            customer_a, "Frage", "low", report={"description": "Wie ändere ich die Signatur?"}
        ),
    }
    force_status(made["waiting"], "waiting_for_customer")
    force_status(made["solved"], "resolved", resolved_at=now)
    return made


FILTERS = [
    "",
    "status=all",
    "status=resolved",
    "status=waiting_for_customer",
    "status=new",
    "priority=critical",
    "priority=low&status=all",
    "assignee=mine",
    "assignee=unassigned",
    "overdue=1",
    "due_soon=1",
    "company=Beta",
    "company=00002",  # a part of the customer number
    "company=nirgends",
    "q=signatur",
    "q=drucker",
    "overdue=1&priority=critical",
    "status=all&company=Alpha&assignee=unassigned",
]


@pytest.mark.parametrize("query", FILTERS)
def test_queue_page_and_api_list_the_same_tickets(app, staff_client, tickets, query):
    separator = "&" if query else ""
    # the API's default status is "all", the pages' "open": compare with the status named
    if "status=" not in query:
        query = f"status=open{separator}{query}"
    page = staff_client.get(f"/warteschlange?{query}")
    api = staff_client.get(f"/api/v1/tickets?{query}&per_page=100")
    assert page.status_code == 200 and api.status_code == 200
    on_page = NUMBER_CELL.findall(page.get_data(as_text=True))
    in_api = [t["number"] for t in api.get_json()["tickets"]]
    assert on_page == in_api
    assert api.get_json()["total"] == len(in_api)


EXPECTED = {
    "": {"late", "soon", "mine", "answered", "low", "waiting", "text"},
    "status=all": {"late", "soon", "mine", "answered", "low", "waiting", "solved", "text"},
    "status=resolved": {"solved"},
    "status=waiting_for_customer": {"waiting"},
    "priority=critical": {"late"},
    "assignee=mine": {"mine"},
    "overdue=1": {"late"},
    "due_soon=1": {"soon"},
    "company=Beta": {"answered", "low", "waiting"},
    "company=nirgends": set(),
    "company=00002": {"answered", "low", "waiting"},
    "q=signatur": {"text"},
    "q=drucker": {"soon"},
}


@pytest.mark.parametrize(("query", "names"), EXPECTED.items())
def test_each_filter_names_the_tickets_it_says(app, staff_client, tickets, query, names):
    query = query if "status=" in query else f"status=open&{query}"
    listed = {
        t["number"] for t in staff_client.get(f"/api/v1/tickets?{query}").get_json()["tickets"]
    }
    assert listed == {tickets[name].number for name in names}


def test_customers_filter_only_their_own_company(app, client_a, tickets):
    listed = client_a.get("/api/v1/tickets?company=Beta&status=all").get_json()
    assert listed["tickets"] == [] and listed["total"] == 0
    page = client_a.get("/tickets?status=all&company=Beta").get_data(as_text=True)
    assert tickets["low"].number not in page


@pytest.mark.parametrize(
    ("args", "fields"),
    [
        ({"status": "offen"}, {"status"}),
        ({"priority": "urgent"}, {"priority"}),
        ({"assignee": "someone@example.com"}, {"assignee"}),
        ({"overdue": "yes"}, {"overdue"}),
        ({"due_soon": "2"}, {"due_soon"}),
        ({"status": "all", "priority": "low", "overdue": "1", "due_soon": "0"}, set()),
        ({"q": "  Drucker  ", "company": "x" * 500}, set()),
    ],
)
def test_bad_filter_values_are_named(app, args, fields):
    with app.test_request_context():
        parsed, errors = TicketFilter.parse(args)
    assert set(errors) == fields
    for name in fields:  # the page shows the default instead
        assert getattr(parsed, name) == getattr(TicketFilter(), name)


def test_empty_values_of_a_form_mean_the_default(app):
    with app.test_request_context():
        parsed, errors = TicketFilter.parse(
            {"status": "", "priority": "", "assignee": "", "overdue": "", "due_soon": ""}
        )
    assert errors == {} and parsed == TicketFilter()


def test_search_text_is_trimmed_and_bounded(app):
    with app.test_request_context():
        parsed, _ = TicketFilter.parse({"q": "  Drucker  ", "company": "x" * 500})
    assert parsed.text == "Drucker" and len(parsed.company) == 200


def test_api_answers_422_naming_each_bad_filter(staff_client):
    response = staff_client.get("/api/v1/tickets?status=offen&overdue=ja")
    assert response.status_code == 422
    assert set(response.get_json()["error"]["fields"]) == {"status", "overdue"}


def test_page_ignores_a_bad_filter_value(staff_client, tickets):
    page = staff_client.get("/warteschlange?status=offen&priority=critical")
    assert page.status_code == 200
    assert NUMBER_CELL.findall(page.get_data(as_text=True)) == [tickets["late"].number]
