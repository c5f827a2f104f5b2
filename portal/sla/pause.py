"""The SLA clock stands still while a ticket waits for the customer: how pauses move due times.

A pause moves a due time by the open time it covered, counted in the calendar of the target,
so the time left when the pause began is the time left when it ends. A pause that begins
after a due time has passed moves nothing: a missed target stays missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from portal.sla.calendar import ServiceCalendar, as_utc


@dataclass(frozen=True)
class Pause:
    """One stretch of "Wartet auf Ihre Rückmeldung"; ``ended_at`` None while it lasts."""

    started_at: datetime
    ended_at: datetime | None = None


def paused_open_time(pause: Pause, calendar: ServiceCalendar, now: datetime) -> timedelta:
    """The open time the pause covered (up to ``now`` while it lasts)."""
    end = pause.ended_at if pause.ended_at is not None else now
    return calendar.open_time_between(pause.started_at, end)


def due_after_pause(due: datetime, pause: Pause, calendar: ServiceCalendar) -> datetime:
    """``due`` moved by the open time of a finished pause (in the time zone of ``due``)."""
    if pause.ended_at is None or as_utc(pause.started_at) >= as_utc(due):
        return due
    paused = calendar.open_time_between(pause.started_at, pause.ended_at)
    if paused <= timedelta(0):
        # add_hours(due, 0) would move a due time at closing time to the next opening
        return due
    return calendar.add_hours(due, paused)


def due_after_pauses(due: datetime, pauses: Iterable[Pause], calendar: ServiceCalendar) -> datetime:
    """``due`` moved by every finished pause, earliest first (each sees the moved due time)."""
    for pause in sorted(pauses, key=lambda p: as_utc(p.started_at)):
        due = due_after_pause(due, pause, calendar)
    return due


def share_used(
    started_at: datetime,
    due: datetime,
    now: datetime,
    pauses: Iterable[Pause],
    calendar: ServiceCalendar,
) -> float:
    """How much of a target's open time is used at ``now`` (1.0 = due), pauses not counted.

    ``due`` is the due time already moved by the finished pauses, so the target's length is
    the open time from start to due less the open time paused before ``due``.
    """
    pauses = list(pauses)
    paused_before_due = sum(
        (paused_open_time(p, calendar, now) for p in pauses if p.ended_at is not None),
        timedelta(0),
    )
    length = calendar.open_time_between(started_at, due) - paused_before_due
    if length <= timedelta(0):
        return 1.0
    if as_utc(now) >= as_utc(due):
        return 1.0
    left = calendar.open_time_between(now, due)
    return max(0.0, 1.0 - left / length)
