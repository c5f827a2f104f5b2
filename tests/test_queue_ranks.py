"""The queue order stored with each ticket stays equal to the SLA rule through every change.

The staff queue and the staff API list read tickets in the order of stored columns (in_queue
and the ranks of portal.sla.queue.queue_ranks) so that an index can serve them. These tests
check that every way a ticket or its company changes keeps those columns right, that the
upgrade to schema version 5 fills them for existing tickets, and that the bulk seeder writes
them too.
"""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import Table

from portal.db import database, is_postgres
from portal.migrations import migrate
from portal.models import Company
from portal.sla.queue import CONTRACT_RANK, queue_key
from portal.tickets import queries, service
from portal.tickets.models import Ticket
from portal.tickets.rules import OPEN_STATUSES
from tests.conftest import make_user
from tests.ticket_factory import at, make_ticket, queue_entry

TUESDAY = at("2026-11-24 08:30")


def stored(ticket: Ticket) -> tuple:
    row = Ticket.get_by_id(ticket.id)
    return (row.in_queue, row.priority_rank, row.contract_rank, row.urgency_rank)


def expected(ticket: Ticket) -> tuple:
    """What the pure rule says for the ticket as it is stored now."""
    row = Ticket.select(Ticket, Company).join(Company).where(Ticket.id == ticket.id).get()
    key = queue_key(queue_entry(row))
    return (row.status in OPEN_STATUSES, key.priority_rank, key.contract_rank, key.urgency_rank)


def loaded(ticket: Ticket, user) -> Ticket:
    """The ticket as the pages load it (with company, reporter, assignee)."""
    return queries.ticket_for(user, ticket.number)


def test_a_new_ticket_stores_its_queue_ranks(app, customer_a, customer_b):
    for customer, priority, flags in [
        (customer_a, "critical", {}),
        (customer_a, "normal", {"urgent": True, "urgent_reason": "Frist beim Finanzamt"}),
        (customer_b, "normal", {"relaxed_days": 3}),
        (customer_b, "low", {}),
    ]:
        ticket = make_ticket(app, customer, priority=priority, **flags)
        assert stored(ticket) == expected(ticket)
        assert stored(ticket)[0] is True


def test_ranks_follow_every_change_of_class_flags_and_status(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="normal")
    changes = [
        ({"urgent": True, "urgent_reason": "Lohnabrechnung morgen"}, ""),
        ({"urgent": False}, ""),
        ({"relaxed_days": 5}, ""),
        ({"priority": "low"}, "Nur ein Arbeitsplatz betroffen"),
        ({"relaxed_days": None}, ""),
        ({"priority": "critical"}, "Ganze Firma steht"),
        ({"status": "waiting_for_customer"}, ""),
        ({"status": "resolved"}, ""),
        ({"status": "in_progress"}, ""),
        ({"status": "closed"}, ""),
    ]
    with app.test_request_context():
        for change, reason in changes:
            service.change_ticket(loaded(ticket, staff), staff, change, reason)
            assert stored(ticket) == expected(ticket), change
    assert stored(ticket)[0] is False  # closed: out of the queue


def test_resolve_and_reopen_take_the_ticket_out_of_and_back_into_the_queue(app, customer_a):
    ticket = make_ticket(app, customer_a)
    with app.test_request_context():
        service.resolve(loaded(ticket, customer_a), customer_a)
        assert stored(ticket)[0] is False
        service.reopen(loaded(ticket, customer_a), customer_a)
    assert stored(ticket) == expected(ticket)
    assert stored(ticket)[0] is True


def test_customer_answer_to_waiting_ticket_keeps_it_in_the_queue(app, customer_a, staff):
    ticket = make_ticket(app, customer_a)
    with app.test_request_context():
        service.change_ticket(loaded(ticket, staff), staff, {"status": "waiting_for_customer"})
        service.add_message(loaded(ticket, customer_a), customer_a, "Hier die Angaben.")
    assert Ticket.get_by_id(ticket.id).status == "in_progress"
    assert stored(ticket) == expected(ticket)


def test_contract_change_in_admin_moves_the_companys_tickets(
    app, admin_client, company_b, customer_b, customer_a
):
    without = make_ticket(app, customer_b, title="Beta ohne Vertrag")
    other = make_ticket(app, customer_a, title="Alpha mit Vertrag")
    assert stored(without)[2] == CONTRACT_RANK[False]
    response = admin_client.post(
        f"/verwaltung/firmen/{company_b.id}",
        data={
            "name": company_b.name,
            "customer_number": company_b.customer_number,
            "has_contract": "y",
            "critical_hours": "",
            "normal_hours": "",
            "low_hours": "",
        },
    )
    assert response.status_code == 302
    assert Company.get_by_id(company_b.id).has_contract
    assert stored(without) == expected(without)
    assert stored(without)[2] == CONTRACT_RANK[True]
    assert stored(other) == expected(other)


def queue_titles() -> list[str]:
    query = queries.open_tickets(Ticket.select()).order_by(*queries.queue_order())
    return [t.title for t in query]


def test_staff_queue_follows_a_contract_change(app, admin_client, company_b, customer_b):
    """Once Beta has a contract, its older ticket no longer waits behind a contract customer's."""
    gamma = Company.create(name="Gamma GmbH", customer_number="K-00003", has_contract=True)
    contract_customer = make_user(app, "gina@gamma.example", "Gina Gamma", "customer", gamma)
    make_ticket(app, contract_customer, title="Gamma mit Vertrag", now=TUESDAY)
    make_ticket(app, customer_b, title="Beta ohne Vertrag", now=TUESDAY - dt.timedelta(days=7))
    assert queue_titles() == ["Gamma mit Vertrag", "Beta ohne Vertrag"]
    admin_client.post(
        f"/verwaltung/firmen/{company_b.id}",
        data={
            "name": company_b.name,
            "customer_number": company_b.customer_number,
            "has_contract": "y",
        },
    )
    assert queue_titles() == ["Beta ohne Vertrag", "Gamma mit Vertrag"]


# --- upgrade: schema version 5 fills the columns for existing tickets -----------------------


def _drop_everything():
    cascade = " CASCADE" if is_postgres() else ""
    for table in database.get_tables():
        database.execute_sql(f'DROP TABLE IF EXISTS "{table}"{cascade}')


TICKET_V4 = (
    "id", "number", "company_id", "title", "description", "priority", "affected",
    "callback_phone", "status", "urgent", "urgent_reason", "relaxed_days", "triage_example",
    "triage_component", "triage_state", "reported_at", "response_due", "last_activity_at",
    "created_at",
)  # fmt: skip


def test_upgrade_to_version_5_fills_queue_ranks_of_existing_tickets(db):
    _drop_everything()
    migrate(target=4)
    moment = dt.datetime(2026, 11, 24, 8, 0)
    company = Table("company", ("id", "name", "customer_number", "has_contract", "created_at"))
    company = company.bind(database)
    company.insert(
        id=1, name="Mit Vertrag", customer_number="K-1", has_contract=True, created_at=moment
    ).execute()
    company.insert(
        id=2, name="Ohne Vertrag", customer_number="K-2", has_contract=False, created_at=moment
    ).execute()
    rows = [
        # company, priority, urgent, relaxed_days, status
        (1, "critical", False, None, "new"),
        (1, "normal", True, None, "in_progress"),
        (2, "normal", True, None, "waiting_for_customer"),
        (2, "normal", False, 4, "new"),
        (1, "low", True, None, "new"),  # urgency is ignored on low tickets
        (2, "low", False, 10, "resolved"),
        (1, "normal", False, None, "closed"),
    ]
    ticket = Table("ticket", TICKET_V4).bind(database)
    for index, (company_id, priority, urgent, relaxed, status) in enumerate(rows, start=1):
        ticket.insert(
            id=index, number=f"T-2026-{index:05d}", company_id=company_id, title="Alt",
            description="…", priority=priority, affected="one", callback_phone="",
            status=status, urgent=urgent, urgent_reason="", relaxed_days=relaxed,
            triage_example="", triage_component="", triage_state="", reported_at=moment,
            response_due=moment + dt.timedelta(hours=index), last_activity_at=moment,
            created_at=moment,
        ).execute()  # fmt: skip

    assert 5 in migrate()

    for row in Ticket.select().order_by(Ticket.id):
        assert stored(row) == expected(row), row.id
    in_queue = queries.open_tickets(Ticket.select()).order_by(*queries.queue_order())
    # critical; normal: contract urgent, no contract relaxed; then low; and apart from the
    # running ones, the ticket waiting for the customer (paused since version 10)
    assert [t.id for t in in_queue] == [1, 2, 4, 5, 3]


# --- the bulk seeder writes the columns with insert_many -----------------------------------


@pytest.mark.parametrize("tickets", [400])
def test_bulk_seeded_tickets_have_correct_queue_ranks(app, db, tickets):
    result = app.test_cli_runner().invoke(
        args=["demo-data", "--companies", "4", "--tickets", str(tickets)]
    )
    assert result.exit_code == 0, result.output
    rows = list(Ticket.select())
    assert len(rows) >= tickets
    assert all(stored(row) == expected(row) for row in rows)
