"""The outcome of each SLA target, recorded once when the target is done (the first response,
the first "Gelöst"): met or missed against the due time it had then. The monthly report
reads these rows, so reopening a ticket or changing its class later rewrites no past month."""

from __future__ import annotations

import datetime as dt

from portal import sla_months
from portal.sla.calendar import as_utc
from portal.sla.targets import RESOLUTION, RESPONSE
from portal.tickets.models import SlaNotice, Ticket

MET, MISSED = "met", "missed"


def record_outcomes(ticket: Ticket, now: dt.datetime) -> None:
    """Call inside the write that may have given the first response or solved the ticket."""
    done = {RESPONSE: ticket.first_response_at, RESOLUTION: ticket.resolved_at}
    due = {RESPONSE: ticket.response_due, RESOLUTION: ticket.resolution_due}
    open_targets = [target for target, when in done.items() if when is not None]
    if not open_targets:
        return
    recorded = set(
        SlaNotice.select(SlaNotice.target)
        .where(
            SlaNotice.ticket == ticket.id,
            SlaNotice.target.in_(open_targets),
            SlaNotice.level.in_((MET, MISSED)),
        )
        .tuples()
    )
    for target in open_targets:
        if (target,) in recorded or due[target] is None:
            continue
        met = as_utc(done[target]) <= as_utc(due[target])
        SlaNotice.create(
            ticket=ticket.id,
            target=target,
            level=MET if met else MISSED,
            due_at=due[target],
            created_at=done[target],
        )
        # a closed month counts a late record: the outcome, and a miss as a breach when due
        sla_months.recorded(ticket.company_id, ticket.reported_at, now, at=done[target])
        if not met:
            sla_months.recorded(ticket.company_id, due[target], now)
