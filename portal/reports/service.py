"""Reads for the monthly SLA report: the tickets of a month with what was recorded before the
month ended (portal.sla.report computes the figures). A handful of queries per report, none
per ticket; company None means every company (the provider-wide overview). A closed month's
figures are computed once and read back (portal.sla_months); only open months are
counted at each request."""

from __future__ import annotations

import datetime as dt
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
    Outcome,
    ReportTicket,
    TrendPoint,
    month_bounds,
    month_report,
    previous_months,
    trend_point,
)
from portal.sla.stored_month import trend_of
from portal.tickets.models import SlaNotice, Ticket, TicketEvent, TicketPause
from portal.tickets.rules import SOURCES

TREND_MONTHS = 6
_UTC = dt.UTC


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


def _rows(query, *moments: int):
    """The query's rows as lists, the columns at ``moments`` read as UTC times."""
    for row in database.execute(query).fetchall():
        row = list(row)
        for index in moments:
            row[index] = _moment(row[index])
        yield row


OUTCOME_LEVELS = ("met", "missed")
BREACH_LEVELS = ("breach", "missed")


def _in_scope(query, company_id: int | None):
    return query if company_id is None else query.where(Ticket.company == company_id)


def report_tickets(
    company_id: int | None, start: dt.datetime, end: dt.datetime, with_details: bool = True
) -> list[ReportTicket]:
    """The tickets reported in [start, end), as the records stood when ``end`` came."""
    base = _in_scope(
        Ticket.select(Ticket.id).where(Ticket.reported_at >= start, Ticket.reported_at < end),
        company_id,
    )
    rows = _rows(
        base.select(
            Ticket.id,
            Ticket.number,
            Ticket.title,
            Ticket.priority,
            Ticket.reported_at,
            Ticket.source,
        ),
        4,
    )
    outcomes = defaultdict(dict)
    notices = SlaNotice.select(
        SlaNotice.ticket, SlaNotice.target, SlaNotice.level, SlaNotice.created_at, SlaNotice.due_at
    ).where(
        SlaNotice.ticket.in_(base),
        SlaNotice.level.in_(OUTCOME_LEVELS),
        SlaNotice.created_at < end,
    )
    for ticket_id, target, level, done_at, due_at in _rows(notices, 3, 4):
        outcomes[ticket_id][target] = Outcome(level == "met", done_at, due_at)
    classes, pauses = {}, defaultdict(list)
    if with_details:
        classes = _classes_at(base, end)
        for ticket_id, started, ended in _rows(
            TicketPause.select(
                TicketPause.ticket, TicketPause.started_at, TicketPause.ended_at
            ).where(TicketPause.ticket.in_(base), TicketPause.started_at < end),
            1,
            2,
        ):
            # a pause that ended after the month is, for this month, still running
            pauses[ticket_id].append(Pause(started, ended if ended and ended < end else None))
    return [
        ReportTicket(
            number=number,
            title=title,
            priority=classes.get(ticket_id, priority),
            reported_at=reported_at,
            outcomes=outcomes.get(ticket_id, {}),
            pauses=tuple(pauses.get(ticket_id, ())),
            source=source,
        )
        for ticket_id, number, title, priority, reported_at, source in rows
    ]


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
    return month_report(
        month,
        report_tickets(company_id, start, end),
        breaches(company_id, start, end),
        changes_done(company_id, start, end),
        clock.service_calendar(),
        sources=SOURCES,
    )


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
