"""The stored figures of closed months, so that a report counts only the months still open.

The rule: a month is closed SLA_MONTH_CLOSED_AFTER_DAYS (7) days after its last day. Until
then its figures are computed at every request; from then on they are computed once (by the
hourly job portal/reports/tasks.py, or by the first request that needs them) and read back.
A record written later that the month counts – a ticket reported with a time in it, an
outcome, pause or class change dated before its end, a breach due in it, a planned change of
it marked done – calls recorded(), which marks the month's figures (the company's and the
overview's) to be computed again. A stored month always equals a fresh computation.

Each row has a generation: recorded() raises it, and figures computed from what was read at
one generation are stored only if it has not moved since, so a record written while the
figures were being computed is never lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee
from flask import current_app

from portal import clock
from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel
from portal.sla.calendar import as_utc
from portal.sla.report import MonthReport, TrendPoint, month_bounds
from portal.sla.stored_month import (
    figures_basis,
    figures_from_json,
    figures_json,
    month_closed,
    month_of,
    trend_of,
)

EVERY_COMPANY = 0  # the scope of the provider-wide overview; a company's scope is its id


class SlaMonth(BaseModel):
    """One closed month of one scope: the trend's figures as columns, the MonthReport as JSON
    (NULL while it is to be computed again)."""

    scope = peewee.IntegerField()
    month = peewee.DateField()
    generation = peewee.IntegerField(default=0)
    basis = peewee.CharField(max_length=40, default="")  # portal.sla.stored_month.figures_basis
    tickets = peewee.IntegerField(default=0)
    response_percent = peewee.DoubleField(null=True)
    resolution_percent = peewee.DoubleField(null=True)
    figures = peewee.TextField(null=True)
    computed_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "sla_month"
        indexes = ((("scope", "month"), True),)


def scope_of(company_id: int | None) -> int:
    return EVERY_COMPANY if company_id is None else company_id


def closed_after_days() -> int:
    return int(current_app.config["SLA_MONTH_CLOSED_AFTER_DAYS"])


def is_closed(month: dt.date, now: dt.datetime | None = None) -> bool:
    """Whether the month is closed at ``now`` (by default the clock's)."""
    return month_closed(month, clock.local_today(now), closed_after_days())


def current_basis() -> str:
    return figures_basis(clock.service_calendar())


# --- the writers' side ------------------------------------------------------------------


def recorded(
    company_id: int, about: dt.datetime, now: dt.datetime, at: dt.datetime | None = None
) -> None:
    """A write at ``now`` stored a record of ``company_id`` that the month of ``about`` counts
    (a report time, a due time, a planned change's start). ``at``: when the record says it
    happened; one dated after the month's end does not count for it. Call inside the write's
    transaction; for a month still open at ``now`` this costs nothing."""
    month = month_of(as_utc(about))
    if not is_closed(month, now):
        return
    if at is not None and as_utc(at) >= as_utc(month_bounds(month)[1]):
        return
    for scope in {company_id, EVERY_COMPANY}:
        SlaMonth.insert(scope=scope, month=month, generation=1).on_conflict(
            conflict_target=[SlaMonth.scope, SlaMonth.month],
            update={SlaMonth.generation: SlaMonth.generation + 1, SlaMonth.figures: None},
        ).execute()


# --- the report's side ------------------------------------------------------------------


@dataclass(frozen=True)
class Kept:
    """What is stored of one closed month: its generation (0: nothing stored yet), and its
    trend point and figures when they are current."""

    month: dt.date
    generation: int = 0
    trend: TrendPoint | None = None
    figures: str | None = None

    def report(self, trend: list[TrendPoint]) -> MonthReport:
        return figures_from_json(self.figures, trend)


def kept(scope: int, months: list[dt.date], figures_of: dt.date | None) -> dict[dt.date, Kept]:
    """The stored state of ``months`` (closed ones) in one query; the JSON only for the month
    ``figures_of``. A month whose figures are missing, marked or of another basis has no trend
    point: the caller computes it and stores it with store()."""
    if not months:
        return {}
    basis = current_basis()
    found = {month: Kept(month) for month in months}
    wants_figures = peewee.Case(None, ((SlaMonth.month == figures_of, SlaMonth.figures),), None)
    query = SlaMonth.select(
        SlaMonth.month,
        SlaMonth.generation,
        SlaMonth.basis,
        SlaMonth.figures.is_null(False).alias("current"),
        SlaMonth.tickets,
        SlaMonth.response_percent,
        SlaMonth.resolution_percent,
        wants_figures.alias("json"),
    ).where(SlaMonth.scope == scope, SlaMonth.month.in_(months))
    for (
        month,
        generation,
        row_basis,
        current,
        tickets,
        response,
        resolution,
        text,
    ) in query.tuples():
        month = _date(month)
        if not current or row_basis != basis:
            found[month] = Kept(month, generation)
            continue
        point = TrendPoint(month, tickets, response, resolution)
        found[month] = Kept(month, generation, point, text)
    return found


def _date(value) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def store(scope: int, report: MonthReport, generation: int) -> None:
    """Keep a closed month's freshly computed figures, unless a record was written into the
    month since ``generation`` was read (then the next request computes it again)."""
    point = trend_of(report)
    values = {
        SlaMonth.basis: current_basis(),
        SlaMonth.tickets: point.tickets,
        SlaMonth.response_percent: point.response_percent,
        SlaMonth.resolution_percent: point.resolution_percent,
        SlaMonth.figures: figures_json(report),
        SlaMonth.computed_at: utcnow(),
    }
    SlaMonth.insert(
        {SlaMonth.scope: scope, SlaMonth.month: report.month, SlaMonth.generation: generation}
        | values
    ).on_conflict(
        conflict_target=[SlaMonth.scope, SlaMonth.month],
        update=values,
        where=(SlaMonth.generation == generation),
    ).execute()
