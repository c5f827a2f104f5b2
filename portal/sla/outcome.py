"""Where a ticket stands against one SLA target: met, missed, open (time left) or paused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portal.sla.calendar import as_utc

MET, MISSED, OPEN, OVERDUE, PAUSED = "met", "missed", "open", "overdue", "paused"
# What the API reports as a target's outcome (schemas.py lists the same values).
OUTCOMES = (MET, MISSED, OPEN, OVERDUE, PAUSED)


@dataclass(frozen=True)
class TargetState:
    """One target of a ticket: its due time, when it was done (None: not yet), the outcome."""

    kind: str  # response | resolution
    due: datetime | None
    done_at: datetime | None
    outcome: str


def target_state(
    kind: str, due: datetime | None, done_at: datetime | None, now: datetime, paused: bool
) -> TargetState:
    """Done in time is met, done late missed; not done: overdue after the due time (a pause
    does not help a target already missed), else paused while the ticket waits, else open."""
    if done_at is not None:
        met = due is None or as_utc(done_at) <= as_utc(due)
        return TargetState(kind, due, done_at, MET if met else MISSED)
    if due is not None and as_utc(now) > as_utc(due):
        return TargetState(kind, due, None, OVERDUE)
    return TargetState(kind, due, None, PAUSED if paused else OPEN)
