"""The numbers of the staff's start page, read with few queries: one GROUP BY over the open
tickets for every count, one query per chart (hour buckets, folded into local days in Python
so that a day is a day in Europe/Berlin, on SQLite and PostgreSQL alike).

Each count uses the same condition as the queue's filter it links to (TicketFilter), so the
number on the tile is the number of rows the link shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee

from portal.db import is_postgres
from portal.models import User
from portal.sla.calendar import BERLIN
from portal.sla.targets import PRIORITIES
from portal.tickets.models import Ticket
from portal.tickets.queries import (
    due_soon_condition,
    open_tickets,
    overdue_condition,
    scoped_tickets,
)

DAYS = 30
WEEKS = 12
COUNTS = ("unassigned", "due_soon", "overdue", "mine", "paused")


@dataclass
class OpenCounts:
    """Open tickets per class and per state; newest_critical: the id of the newest open
    critical ticket (the page's notification compares it between two polls)."""

    by_priority: dict[str, int] = field(default_factory=dict)
    unassigned: int = 0
    due_soon: int = 0
    overdue: int = 0
    mine: int = 0
    paused: int = 0
    newest_critical: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_priority.values())


def _how_many(condition) -> peewee.Node:
    return peewee.fn.SUM(peewee.Case(None, [(condition, 1)], 0))


def open_counts(viewer: User, now: dt.datetime) -> OpenCounts:
    """Every count of the start page: one query, grouped by class."""
    critical = str(PRIORITIES[0])
    query = (
        open_tickets(scoped_tickets(viewer))
        .select(
            Ticket.priority,
            peewee.fn.COUNT(peewee.SQL("*")).alias("total"),
            _how_many(Ticket.assignee.is_null()).alias("unassigned"),
            _how_many(due_soon_condition(now)).alias("due_soon"),
            _how_many(overdue_condition(now)).alias("overdue"),
            _how_many(Ticket.assignee == viewer.id).alias("mine"),
            _how_many(Ticket.status == "waiting_for_customer").alias("paused"),
            peewee.fn.MAX(peewee.Case(None, [(Ticket.priority == critical, Ticket.id)])).alias(
                "newest_critical"
            ),
        )
        .group_by(Ticket.priority)
        .tuples()
    )
    counts = OpenCounts(by_priority={str(p): 0 for p in PRIORITIES})
    for priority, total, *states, newest_critical in query:
        counts.by_priority[priority] = total
        for name, value in zip(COUNTS, states, strict=True):
            setattr(counts, name, getattr(counts, name) + int(value or 0))
        counts.newest_critical = max(counts.newest_critical, newest_critical or 0)
    return counts


def _hour(column) -> peewee.Node:
    """A stored time (naive UTC) cut to its hour, as text 'YYYY-MM-DD HH' (coerce(False):
    peewee would otherwise read the text back as the column's datetime)."""
    if is_postgres():
        return peewee.fn.to_char(column, "YYYY-MM-DD HH24").coerce(False)
    return peewee.fn.strftime("%Y-%m-%d %H", column).coerce(False)


def _local_day(hour_text: str) -> dt.date:
    hour = dt.datetime.strptime(hour_text, "%Y-%m-%d %H").replace(tzinfo=dt.UTC)
    return hour.astimezone(BERLIN).date()


def local_days(now: dt.datetime, days: int = DAYS) -> list[dt.date]:
    """The last ``days`` days in Europe/Berlin, today included, oldest first."""
    today = now.astimezone(BERLIN).date()
    return [today - dt.timedelta(days=back) for back in range(days - 1, -1, -1)]


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=BERLIN).astimezone(dt.UTC)


def per_day(viewer: User, column, now: dt.datetime, days: int = DAYS) -> list[tuple]:
    """(day, count) of the tickets whose ``column`` (reported_at, resolved_at) falls on each
    of the last ``days`` local days: one query."""
    dates = local_days(now, days)
    bucket = _hour(column)
    query = (
        scoped_tickets(viewer)
        .select(bucket, peewee.fn.COUNT(peewee.SQL("*")))
        .where(column >= _day_start(dates[0]), column <= now)
        .group_by(bucket)
        .tuples()
    )
    counted = dict.fromkeys(dates, 0)
    for hour_text, count in query:
        day = _local_day(hour_text)
        if day in counted:
            counted[day] += count
    return list(counted.items())


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def responses_per_week(viewer: User, now: dt.datetime, weeks: int = WEEKS) -> list[tuple]:
    """(Monday, met, late) of the first responses given in each of the last ``weeks`` local
    weeks, this one included: met means given by response_due. One query."""
    this_week = week_start(now.astimezone(BERLIN).date())
    mondays = [this_week - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    bucket = _hour(Ticket.first_response_at)
    query = (
        scoped_tickets(viewer)
        .select(
            bucket,
            _how_many(Ticket.first_response_at <= Ticket.response_due),
            peewee.fn.COUNT(peewee.SQL("*")),
        )
        .where(Ticket.first_response_at >= _day_start(mondays[0]), Ticket.first_response_at <= now)
        .group_by(bucket)
        .tuples()
    )
    counted = {monday: [0, 0] for monday in mondays}
    for hour_text, met, total in query:
        week = counted.get(week_start(_local_day(hour_text)))
        if week is not None:
            week[0] += int(met or 0)
            week[1] += int(total) - int(met or 0)
    return [(monday, met, late) for monday, (met, late) in counted.items()]
