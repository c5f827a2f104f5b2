"""The SLA clock's pauses on stored tickets: a pause begins when a ticket starts waiting for
the customer and ends when the customer answers or staff set another status; its end moves
the open due times (the arithmetic is portal.sla.pause, this module only reads and writes)."""

from __future__ import annotations

import datetime as dt

from portal import clock, sla_months
from portal.sla.outcome import target_state
from portal.sla.pause import Pause, due_after_pause, due_after_pauses
from portal.sla.targets import RESOLUTION, RESPONSE, target_for
from portal.tickets.models import Ticket, TicketPause
from portal.tickets.rules import PAUSED_STATUS


def calendar_for(ticket: Ticket, kind: str):
    """The calendar a target of the ticket is counted in (extended for contract critical)."""
    target = target_for(ticket.priority, ticket.company.has_contract, kind=kind)
    return clock.calendars()[target.calendar_name]


def on_status_change(ticket: Ticket, new_status: str, now: dt.datetime) -> None:
    """Call before the status changes: starts or ends a pause, moving the open due times."""
    if new_status == ticket.status:
        return
    if new_status == PAUSED_STATUS:
        TicketPause.create(ticket=ticket, started_at=now)
        sla_months.recorded(ticket.company_id, ticket.reported_at, now, at=now)
    elif ticket.status == PAUSED_STATUS:
        end_pause(ticket, now)


def end_pause(ticket: Ticket, now: dt.datetime) -> None:
    """Close the running pause and move the due times still open (in memory; caller saves).

    A first response already given stays given: its due time no longer moves.
    """
    running = (
        TicketPause.select()
        .where(TicketPause.ticket == ticket.id, TicketPause.ended_at.is_null())
        .order_by(TicketPause.started_at.desc())
        .first()
    )
    if running is None:
        return
    TicketPause.update(ended_at=now).where(TicketPause.id == running.id).execute()
    sla_months.recorded(ticket.company_id, ticket.reported_at, now, at=now)
    pause = Pause(running.started_at, now)
    if ticket.first_response_at is None:
        ticket.response_due = due_after_pause(
            ticket.response_due, pause, calendar_for(ticket, RESPONSE)
        ).astimezone(dt.UTC)
    if ticket.resolved_at is None and ticket.resolution_due is not None:
        ticket.resolution_due = due_after_pause(
            ticket.resolution_due, pause, calendar_for(ticket, RESOLUTION)
        ).astimezone(dt.UTC)


def finished_pauses(ticket: Ticket) -> list[Pause]:
    rows = TicketPause.select().where(
        TicketPause.ticket == ticket.id, TicketPause.ended_at.is_null(False)
    )
    return [Pause(row.started_at, row.ended_at) for row in rows]


def after_pauses(ticket: Ticket, due: dt.datetime, kind: str) -> dt.datetime:
    """A due time computed afresh from reported_at (new class), moved by the pauses so far."""
    return due_after_pauses(due, finished_pauses(ticket), calendar_for(ticket, kind)).astimezone(
        dt.UTC
    )


def ticket_pauses(ticket: Ticket, events=None) -> list[TicketPause]:
    """Every pause of the ticket, oldest first (for the page and the API).

    ``events``, the ticket's public status history when the caller has it: a ticket that never
    waited for the customer has no pause, and the page spares the query.
    """
    if events is not None and not any(
        event.kind == "status" and PAUSED_STATUS in (event.new_value, event.old_value)
        for event in events
    ):
        return []
    return list(
        TicketPause.select()
        .where(TicketPause.ticket == ticket.id)
        .order_by(TicketPause.started_at, TicketPause.id)
    )


def clock_states(ticket: Ticket, now: dt.datetime) -> dict:
    """Both targets of the ticket and its running pause, for the ticket page and the API."""
    paused = ticket.status == PAUSED_STATUS
    return {
        RESPONSE: target_state(
            RESPONSE, ticket.response_due, ticket.first_response_at, now, paused
        ),
        RESOLUTION: target_state(
            RESOLUTION, ticket.resolution_due, ticket.resolved_at, now, paused
        ),
    }


def running_pause(pauses: list[TicketPause]) -> TicketPause | None:
    return next((pause for pause in reversed(pauses) if pause.ended_at is None), None)
