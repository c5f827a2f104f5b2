"""Demo tickets for the demo companies, and the bulk tickets the benchmark loads."""

from portal.db import utcnow
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
