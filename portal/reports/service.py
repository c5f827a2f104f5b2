"""Reads for the monthly SLA report: the tickets of a month with what was recorded before the
month ended (portal.sla.report computes the figures). A handful of queries per report, none
per ticket; company None means every company (the provider-wide overview). A closed month's
figures are computed once and read back (portal.sla_months); only open months are
counted at each request."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import defaultdict
from dataclasses import replace

from portal import clock, sla_months
from portal.changes.models import PlannedChange
from portal.db import database
from portal.sla.calendar import as_utc
from portal.sla.pause import Pause
from portal.sla.report import (
    Breach,
    MonthReport,
    MonthTickets,
    TargetColumn,
    TrendPoint,
    month_bounds,
    month_report,
    previous_months,
    trend_point,
)
from portal.sla.stored_month import trend_of
from portal.sla.targets import TARGET_KINDS
from portal.tickets.models import SlaNotice, Ticket, TicketEvent, TicketPause
from portal.tickets.rules import SOURCES

TREND_MONTHS = 6
_UTC = dt.UTC
_FROM_ISO = dt.datetime.fromisoformat


def _moment(value) -> dt.datetime | None:
    """A stored time as an aware UTC datetime: SQLite gives ISO text, PostgreSQL a naive
    datetime (both UTC). Cheaper than peewee's per-column conversion for 100 000 rows."""
    if value is None:
        return None
    if isinstance(value, str):
        try:  # appending the offset is several times faster than replace(tzinfo=…)
            return dt.datetime.fromisoformat(value + "+00:00")
        except ValueError:
            value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        return value.astimezone(_UTC)
    return dt.datetime.combine(value.date(), value.time(), _UTC)


def _moments(values) -> list[dt.datetime | None]:
    """A column of stored times as _moment reads them; SQLite's text in one pass."""
    try:
        return [None if value is None else _FROM_ISO(value + "+00:00") for value in values]
    except (TypeError, ValueError):  # PostgreSQL's datetimes, or text with an offset
        return [_moment(value) for value in values]


def _columns(query, *moments: int) -> list:
    """The query's result column by column, the columns at ``moments`` read as UTC times.
    A report reads 100 000 rows: a function call per value would cost more than the rest."""
    rows = database.execute(query).fetchall()
    columns = list(zip(*rows, strict=True)) or [() for _ in query.selected_columns]
    for index in moments:
        columns[index] = _moments(columns[index])
    return columns


OUTCOME_LEVELS = ("met", "missed")
BREACH_LEVELS = ("breach", "missed")


def _in_scope(query, company_id: int | None):
    return query if company_id is None else query.where(Ticket.company == company_id)


def report_tickets(
    company_id: int | None, start: dt.datetime, end: dt.datetime, with_details: bool = True
) -> MonthTickets:
    """The tickets reported in [start, end), as the records stood when ``end`` came: a query
    for the tickets, one for their outcomes (a join of both is slower in SQLite), and with
    the details one for class changes and one for pauses."""
    base = _in_scope(
        Ticket.select(Ticket.id).where(Ticket.reported_at >= start, Ticket.reported_at < end),
        company_id,
    )
    ids, numbers, classes, sources, reported = _columns(
        base.select(Ticket.id, Ticket.number, Ticket.priority, Ticket.source, Ticket.reported_at),
        4,
    )
    position = {ticket_id: index for index, ticket_id in enumerate(ids)}
    targets = {kind: TargetColumn([None] * len(ids), [None] * len(ids)) for kind in TARGET_KINDS}
    notices = SlaNotice.select(
        SlaNotice.ticket, SlaNotice.target, SlaNotice.level, SlaNotice.created_at
    ).where(
        SlaNotice.ticket.in_(base),
        SlaNotice.level.in_(OUTCOME_LEVELS),
        SlaNotice.created_at < end,
    )
    for ticket_id, target, level, done_at in database.execute(notices).fetchall():
        column, index = targets[target], position[ticket_id]
        column.met[index], column.done_at[index] = level == "met", done_at
    for column in targets.values():
        column.done_at[:] = _moments(column.done_at)
    pauses = {}
    if with_details:
        classes = list(classes)
        for ticket_id, priority in _classes_at(base, end).items():
            classes[position[ticket_id]] = priority
        pauses = {position[ticket_id]: each for ticket_id, each in _pauses(base, end).items()}
    return MonthTickets(numbers, classes, sources, reported, targets, pauses)


def _pauses(base, end: dt.datetime) -> dict[int, list[Pause]]:
    found = defaultdict(list)
    query = TicketPause.select(
        TicketPause.ticket, TicketPause.started_at, TicketPause.ended_at
    ).where(TicketPause.ticket.in_(base), TicketPause.started_at < end)
    for ticket_id, started, ended in zip(*_columns(query, 1, 2), strict=True):
        # a pause that ended after the month is, for this month, still running
        found[ticket_id].append(Pause(started, ended if ended and ended < end else None))
    return found


def _classes_at(base, end: dt.datetime) -> dict[int, str]:
    """The class each ticket had when the month ended, from its class-change events."""
    classes: dict[int, str] = {}
    events = (
        TicketEvent.select(
            TicketEvent.ticket, TicketEvent.old_value, TicketEvent.new_value, TicketEvent.created_at
        )
        .where(TicketEvent.ticket.in_(base), TicketEvent.kind == "priority")
        .order_by(TicketEvent.created_at, TicketEvent.id)
        .tuples()
    )
    for ticket_id, old, new, when in events:
        if when < end:
            classes[ticket_id] = new
        else:
            classes.setdefault(ticket_id, old)  # changed only later: it was the old class
    return classes


def breaches(company_id: int | None, start: dt.datetime, end: dt.datetime) -> list[Breach]:
    """Every target whose due time fell in the month and that was missed (once each)."""
    query = _in_scope(
        SlaNotice.select(Ticket.number, SlaNotice.target, SlaNotice.due_at)
        .join(Ticket)
        .where(
            SlaNotice.level.in_(BREACH_LEVELS),
            SlaNotice.due_at >= start,
            SlaNotice.due_at < end,
        ),
        company_id,
    )
    found = {}
    for number, target, due_at in query.tuples():
        found.setdefault((number, target), Breach(number, target, due_at))
    return list(found.values())


def changes_done(company_id: int | None, start: dt.datetime, end: dt.datetime) -> int:
    query = PlannedChange.select().where(
        PlannedChange.state == "done",
        PlannedChange.scheduled_start >= start,
        PlannedChange.scheduled_start < end,
    )
    if company_id is not None:
        query = query.where(PlannedChange.company == company_id)
    return query.count()


def compute_month(company_id: int | None, month: dt.date) -> MonthReport:
    """The month's figures afresh from the records (without the trend)."""
    start, end = (as_utc(moment) for moment in month_bounds(month))
    with _cycles_collected_after():
        return month_report(
            month,
            report_tickets(company_id, start, end),
            breaches(company_id, start, end),
            changes_done(company_id, start, end),
            clock.service_calendar(),
            sources=SOURCES,
        )


@contextlib.contextmanager
def _cycles_collected_after():
    """A month of 100 000 tickets makes several hundred thousand rows and lists that all live
    until its figures are counted: the cycle collector, run every few thousand allocations,
    would walk the growing heap again and again and find nothing to free (a sixth of the
    overview's time in bench/sla_report.py). It waits until the count is done; reference
    counting frees as usual meanwhile. Safe with threads: only the outermost caller that
    found it enabled enables it again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _live_trend_point(company_id: int | None, month: dt.date) -> TrendPoint:
    first, last = (as_utc(moment) for moment in month_bounds(month))
    return trend_point(month, report_tickets(company_id, first, last, False))


def build_report(company_id: int | None, month: dt.date) -> MonthReport:
    """The month's report with its six-month trend: closed months from what is stored
    (computed and stored first when missing or marked), open months counted now."""
    scope = sla_months.scope_of(company_id)
    shown = previous_months(month, TREND_MONTHS)
    stored = sla_months.kept(scope, [m for m in shown if sla_months.is_closed(m)], month)
    trend, report = [], None
    for each in shown:
        kept = stored.get(each)  # None: the month is still open
        if kept is not None and kept.trend is not None:  # stored, and current
            point = kept.trend
            if each == month:
                report = kept.report([])
        elif kept is None and each != month:  # an open month before: the chart's figures only
            point = _live_trend_point(company_id, each)
        else:
            fresh = compute_month(company_id, each)
            if kept is not None:  # closed, but not stored yet or marked by a late record
                sla_months.store(scope, fresh, kept.generation)
            point = trend_of(fresh)
            if each == month:
                report = fresh
        trend.append(point)
    return replace(report, trend=trend)


def keep_closed_months() -> int:
    """The hourly job: compute and store the closed months that reports show now (the last
    TREND_MONTHS before this one), for the overview and every company with tickets in them.
    Returns how many were computed."""
    today = clock.local_today()
    shown = previous_months(dt.date(today.year, today.month, 1), TREND_MONTHS + 1)[:-1]
    closed = [month for month in shown if sla_months.is_closed(month)]
    if not closed:
        return 0
    start = as_utc(month_bounds(closed[0])[0])
    end = as_utc(month_bounds(closed[-1])[1])
    companies = (
        Ticket.select(Ticket.company)
        .where(Ticket.reported_at >= start, Ticket.reported_at < end)
        .distinct()
        .tuples()
    )
    computed = 0
    for company_id in [None, *sorted(company for (company,) in companies)]:
        scope = sla_months.scope_of(company_id)
        for month, kept in sla_months.kept(scope, closed, None).items():
            if kept.trend is None:
                sla_months.store(scope, compute_month(company_id, month), kept.generation)
                computed += 1
    return computed
