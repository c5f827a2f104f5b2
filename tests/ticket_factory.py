"""Creating tickets for tests through the same service the pages and the API use."""

from __future__ import annotations

import datetime as dt

from portal.sla.queue import QueueEntry
from portal.tickets import service
from portal.tickets.models import Ticket
from portal.tickets.rules import Report


def make_ticket(app, actor, **values) -> Ticket:
    """A ticket reported by `actor` (a customer, or staff with company=…) with sensible defaults."""
    now = values.pop("now", None)
    report = Report(
        title=values.pop("title", "Drucker druckt nicht"),
        description=values.pop("description", "Seit heute früh kommt nichts mehr heraus."),
        priority=values.pop("priority", "normal"),
        affected=values.pop("affected", "one"),
        **values,
    )
    with app.test_request_context():
        return service.create_ticket(actor, report, now=now)


def at(text: str) -> dt.datetime:
    """'2026-11-24 08:30' in Berlin time as an aware UTC datetime."""
    from zoneinfo import ZoneInfo

    local = dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/Berlin"))
    return local.astimezone(dt.UTC)


def force_status(ticket: Ticket, status: str, **columns) -> None:
    """Set a status directly (a shortcut past the service's rules, e.g. for an old ticket),
    keeping the stored queue flag equal to it as the service would."""
    from portal.tickets.rules import OPEN_STATUSES

    Ticket.update(status=status, in_queue=status in OPEN_STATUSES, **columns).where(
        Ticket.id == ticket.id
    ).execute()


def queue_entry(row: Ticket, **more) -> QueueEntry:
    """The queue rule's view of a stored ticket; `more` adds the fields a test needs beyond
    class, contract, due time, report time and flags (resolution_due, paused, …)."""
    return QueueEntry(
        priority=row.priority,
        has_contract=row.company.has_contract,
        response_due=row.response_due,
        reported_at=row.reported_at,
        urgent=row.urgent,
        relaxed=row.relaxed,
        ticket_id=row.id,
        **more,
    )
