"""Demo tickets for the demo companies, and the bulk tickets the benchmark loads."""

from portal.db import insert_rows, utcnow
from portal.tickets.models import Ticket, TicketCounter, TicketEvent, TicketMessage


def test_demo_content_shows_every_kind_of_ticket(runner, db):
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output
    tickets = list(Ticket.select())
    assert len(tickets) == 6
    assert any(t.urgent for t in tickets) and any(t.relaxed_days for t in tickets)
    assert any(t.first_response_at is None and t.response_due < utcnow() for t in tickets)
    assert {t.status for t in tickets} >= {"new", "in_progress", "waiting_for_customer", "resolved"}
    assert TicketMessage.select().where(TicketMessage.internal == True).count() == 1  # noqa: E712


def test_bulk_tickets_spread_over_companies_with_messages_and_events(runner, db):
    result = runner.invoke(args=["demo-data", "--companies", "5", "--tickets", "1200"])
    assert result.exit_code == 0, result.output
    assert Ticket.select().count() == 6 + 1200
    assert Ticket.select(Ticket.company).distinct().count() == 7
    assert TicketMessage.select().count() > 1200 and TicketEvent.select().count() > 1200
    numbers = [t.number for t in Ticket.select(Ticket.number)]
    assert len(set(numbers)) == len(numbers)
    # the counter continues after the bulk block: the next report gets a fresh number
    assert sum(counter.value for counter in TicketCounter.select()) == len(numbers)


def test_bulk_rows_are_stored_as_insert_many_stores_them(db, company_a, staff):
    """db.insert_rows (the fast path of the bulk demo data) stores each value and each
    default exactly as peewee's insert_many does."""
    import datetime as dt

    reported = dt.datetime(2026, 11, 24, 7, 30, tzinfo=dt.UTC)

    def row(number: str) -> dict:
        return {
            "number": number,
            "company": company_a.id,
            "reporter": None,
            "created_by": staff.id,
            "assignee": staff.id,
            "title": "Drucker im 2. OG druckt nicht",
            "description": "Seit heute früh – „Papierstau“.",
            "priority": "normal",
            "status": "in_progress",
            "urgent": False,
            "relaxed_days": None,
            "reported_at": reported,
            "response_due": reported + dt.timedelta(hours=4),
            "resolution_due": reported + dt.timedelta(days=2),
            "first_response_at": reported + dt.timedelta(minutes=20),
            "last_activity_at": reported,
            "created_at": reported,
            "in_queue": True,
            "paused_rank": 0,
            "priority_rank": 1,
            "contract_rank": 0,
            "urgency_rank": 1,
            "queue_due": reported + dt.timedelta(days=2),
        }

    Ticket.insert_many([row("T-2026-90001")]).execute()
    insert_rows(Ticket, [row("T-2026-90002"), row("T-2026-90003")])
    stored = [
        {name: value for name, value in t.__data__.items() if name not in ("id", "number")}
        for t in Ticket.select().order_by(Ticket.number)
    ]
    assert len(stored) == 3
    assert stored[1] == stored[0] and stored[2] == stored[0]
    assert stored[0]["description"] == "Seit heute früh – „Papierstau“."
    assert stored[0]["first_response_at"] == reported + dt.timedelta(minutes=20)
    assert stored[0]["source"] == Ticket.source.default  # a default filled in for both
