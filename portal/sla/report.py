"""The monthly SLA report as plain values: which promises were kept, ticket by ticket.

The caller hands in the tickets reported in the month with what was recorded before the
month ended (outcomes, pauses clipped to the month's end), so a past month never changes.
Times are measured in service hours (the service calendar), paused time left out.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from portal.sla.calendar import BERLIN, ServiceCalendar, as_utc
from portal.sla.pause import Pause
from portal.sla.targets import PRIORITIES, RESOLUTION, RESPONSE, TARGET_KINDS

HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class Outcome:
    met: bool
    done_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class ReportTicket:
    number: str
    title: str
    priority: str  # the class at the end of the month
    reported_at: datetime
    outcomes: dict[str, Outcome]  # by target, only those recorded before the month ended
    pauses: tuple[Pause, ...] = ()  # ended_at None or after the month: clipped by the caller
    source: str = ""


@dataclass(frozen=True)
class Breach:
    number: str
    target: str
    due_at: datetime


@dataclass(frozen=True)
class TargetFigures:
    """One target over the month: the tickets behind each number, and the times."""

    target: str
    met: list[str]
    missed: list[str]
    open: list[str]
    median_hours: float | None
    p90_hours: float | None

    @property
    def met_percent(self) -> float | None:
        done = len(self.met) + len(self.missed)
        return None if not done else 100.0 * len(self.met) / done


@dataclass(frozen=True)
class TrendPoint:
    month: date
    tickets: int
    response_percent: float | None
    resolution_percent: float | None


@dataclass(frozen=True)
class MonthReport:
    month: date
    tickets: int
    by_class: dict[str, int]
    by_source: dict[str, int]
    targets: dict[str, TargetFigures]
    paused_hours: float
    breaches: list[Breach]
    changes_done: int
    trend: list[TrendPoint] = field(default_factory=list)


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """[start, end) of a calendar month in Berlin time, as aware datetimes."""
    start = datetime(month.year, month.month, 1, tzinfo=BERLIN)
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return start, datetime(following.year, following.month, 1, tzinfo=BERLIN)


def previous_months(month: date, count: int) -> list[date]:
    """``count`` months ending with ``month``, oldest first."""
    months = []
    year, number = month.year, month.month
    for _ in range(count):
        months.append(date(year, number, 1))
        year, number = (year, number - 1) if number > 1 else (year - 1, 12)
    return months[::-1]


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0.5: the median's upper neighbour for even counts is not
    used; the median itself is statistics.median). None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def service_hours_taken(
    ticket: ReportTicket, done_at: datetime, calendar: ServiceCalendar
) -> float:
    """Service hours from report to ``done_at``, less the service hours paused before it."""
    total = calendar.open_time_between(ticket.reported_at, done_at)
    for pause in ticket.pauses:  # few tickets have one: the common path stays short
        end = pause.ended_at if pause.ended_at is not None else done_at
        end = min(as_utc(end), as_utc(done_at))
        total -= calendar.open_time_between(pause.started_at, end)
    return max(total, timedelta(0)) / HOUR


def target_figures(
    target: str, tickets: Iterable[ReportTicket], calendar: ServiceCalendar
) -> TargetFigures:
    met, missed, still_open, hours = [], [], [], []
    for ticket in tickets:
        outcome = ticket.outcomes.get(target)
        if outcome is None:
            still_open.append(ticket.number)
            continue
        (met if outcome.met else missed).append(ticket.number)
        hours.append(service_hours_taken(ticket, outcome.done_at, calendar))
    # the tickets behind each figure in number order, whatever order the database gave
    return TargetFigures(
        target=target,
        met=sorted(met),
        missed=sorted(missed),
        open=sorted(still_open),
        median_hours=statistics.median(hours) if hours else None,
        p90_hours=percentile(hours, 0.9),
    )


def paused_hours(tickets: Iterable[ReportTicket], month: date, calendar: ServiceCalendar) -> float:
    """Service hours paused inside the month (a pause still running counts to the month's end)."""
    start, end = month_bounds(month)
    total = timedelta(0)
    for ticket in tickets:
        for pause in ticket.pauses:
            stop = pause.ended_at if pause.ended_at is not None else end
            begin = max(as_utc(pause.started_at), as_utc(start))
            total += calendar.open_time_between(begin, min(as_utc(stop), as_utc(end)))
    return total / HOUR


def month_report(
    month: date,
    tickets: Sequence[ReportTicket],
    breaches: Sequence[Breach],
    changes_done: int,
    calendar: ServiceCalendar,
    trend: Sequence[TrendPoint] = (),
    sources: Sequence[str] = (),
) -> MonthReport:
    """``sources``: every source in the order shown, listed with 0 when no ticket came that
    way (a source not among them is counted after them)."""
    by_class = {priority.value: 0 for priority in PRIORITIES}
    by_source = dict.fromkeys(sources, 0)
    for ticket in tickets:
        by_class[ticket.priority] = by_class.get(ticket.priority, 0) + 1
        if ticket.source:
            by_source[ticket.source] = by_source.get(ticket.source, 0) + 1
    return MonthReport(
        month=month,
        tickets=len(tickets),
        by_class=by_class,
        by_source=by_source,
        targets={kind: target_figures(kind, tickets, calendar) for kind in TARGET_KINDS},
        paused_hours=paused_hours(tickets, month, calendar),
        breaches=sorted(breaches, key=lambda b: (as_utc(b.due_at), b.number, b.target)),
        changes_done=changes_done,
        trend=list(trend),
    )


def trend_point(month: date, tickets: Sequence[ReportTicket]) -> TrendPoint:
    """The few figures the six-month chart shows for one month."""

    def percent(target: str) -> float | None:
        done = [t.outcomes[target].met for t in tickets if target in t.outcomes]
        return None if not done else 100.0 * sum(done) / len(done)

    return TrendPoint(month, len(tickets), percent(RESPONSE), percent(RESOLUTION))
