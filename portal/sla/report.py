"""The monthly SLA report as plain values: which promises were kept, ticket by ticket.

The caller hands in the tickets reported in the month with what was recorded before the
month ended (outcomes, pauses clipped to the month's end), so a past month never changes.
Times are measured in service hours (the service calendar), paused time left out.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from portal.sla.calendar import BERLIN, ServiceCalendar, as_utc
from portal.sla.pause import Pause
from portal.sla.targets import PRIORITIES, RESOLUTION, RESPONSE, TARGET_KINDS

HOUR = timedelta(hours=1)
ZERO = timedelta(0)


@dataclass(frozen=True)
class TargetColumn:
    """One target's outcome for each ticket: met (True), missed (False) or None when none
    was recorded before the month ended, and when it was done."""

    met: Sequence[bool | None]
    done_at: Sequence[datetime | None]


@dataclass(frozen=True)
class MonthTickets:
    """The tickets reported in a month, column by column: entry i of each column is ticket i.
    A report counts up to 100 000 tickets, and columns cost far less than an object each."""

    numbers: Sequence[str]
    classes: Sequence[str]  # the class each had at the end of the month
    sources: Sequence[str]
    reported_at: Sequence[datetime]
    targets: Mapping[str, TargetColumn]  # by target kind
    # by ticket position; ended_at None or after the month: clipped by the caller
    pauses: Mapping[int, Sequence[Pause]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.numbers)


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


def paused_before(
    pauses: Sequence[Pause], done_at: datetime, calendar: ServiceCalendar
) -> timedelta:
    """The service time the ticket spent paused before ``done_at`` (not counted as taken)."""
    total = ZERO
    for pause in pauses:
        end = pause.ended_at if pause.ended_at is not None else done_at
        end = min(as_utc(end), as_utc(done_at))
        total += calendar.open_time_between(pause.started_at, end)
    return total


def target_figures(
    target: str,
    tickets: MonthTickets,
    calendar: ServiceCalendar,
    taken: Sequence[timedelta | None],
) -> TargetFigures:
    """``taken``: the service time from each ticket's report to the target's outcome
    (calendar.open_times_since), pauses not yet left out."""
    met, missed, still_open, hours = [], [], [], []
    column = tickets.targets[target]
    pauses = tickets.pauses
    for position, (number, was_met) in enumerate(zip(tickets.numbers, column.met, strict=True)):
        if was_met is None:
            still_open.append(number)
            continue
        (met if was_met else missed).append(number)
        elapsed = taken[position]  # from report to done, in service time
        if position in pauses:  # few tickets: the common path stays short
            elapsed -= paused_before(pauses[position], column.done_at[position], calendar)
        hours.append(max(elapsed, ZERO) / HOUR)
    hours.sort()  # once: median and percentile sort again, which a sorted list makes cheap
    # the tickets behind each figure in number order, whatever order the database gave
    return TargetFigures(
        target=target,
        met=sorted(met),
        missed=sorted(missed),
        open=sorted(still_open),
        median_hours=statistics.median(hours) if hours else None,
        p90_hours=percentile(hours, 0.9),
    )


def paused_hours(tickets: MonthTickets, month: date, calendar: ServiceCalendar) -> float:
    """Service hours paused inside the month (a pause still running counts to the month's end)."""
    start, end = month_bounds(month)
    total = ZERO
    for pauses in tickets.pauses.values():
        for pause in pauses:
            stop = pause.ended_at if pause.ended_at is not None else end
            begin = max(as_utc(pause.started_at), as_utc(start))
            total += calendar.open_time_between(begin, min(as_utc(stop), as_utc(end)))
    return total / HOUR


def _counted(values: Iterable[str], first: Iterable[str]) -> dict[str, int]:
    """How often each value occurs, ``first`` listed in their order (with 0), then the rest."""
    counts = dict.fromkeys(first, 0)
    for value, count in Counter(values).items():
        counts[value] = counts.get(value, 0) + count
    return counts


def month_report(
    month: date,
    tickets: MonthTickets,
    breaches: Sequence[Breach],
    changes_done: int,
    calendar: ServiceCalendar,
    trend: Sequence[TrendPoint] = (),
    sources: Sequence[str] = (),
) -> MonthReport:
    """``sources``: every source in the order shown, listed with 0 when no ticket came that
    way (a source not among them is counted after them)."""
    return MonthReport(
        month=month,
        tickets=len(tickets),
        by_class=_counted(tickets.classes, (priority.value for priority in PRIORITIES)),
        by_source=_counted(filter(None, tickets.sources), sources),
        targets={
            kind: target_figures(kind, tickets, calendar, taken)
            for kind, taken in zip(
                TARGET_KINDS,
                calendar.open_times_since(
                    tickets.reported_at, *(tickets.targets[kind].done_at for kind in TARGET_KINDS)
                ),
                strict=True,
            )
        },
        paused_hours=paused_hours(tickets, month, calendar),
        breaches=sorted(breaches, key=lambda b: (as_utc(b.due_at), b.number, b.target)),
        changes_done=changes_done,
        trend=list(trend),
    )


def trend_point(month: date, tickets: MonthTickets) -> TrendPoint:
    """The few figures the six-month chart shows for one month."""

    def percent(target: str) -> float | None:
        done = [met for met in tickets.targets[target].met if met is not None]
        return None if not done else 100.0 * sum(done) / len(done)

    return TrendPoint(month, len(tickets), percent(RESPONSE), percent(RESOLUTION))
