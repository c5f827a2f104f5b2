"""A closed month's SLA figures as they are stored once: when a month counts as closed, and
its MonthReport to JSON and back (the six-month trend is not stored: it is put together from
the months it shows). Plain values in and out; portal.sla_months reads and writes them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta

from portal.sla.calendar import BERLIN, ServiceCalendar
from portal.sla.report import (
    Breach,
    MonthReport,
    TargetFigures,
    TrendPoint,
    month_bounds,
)
from portal.sla.targets import RESOLUTION, RESPONSE

# Bump when month_report counts differently: every stored month is then computed again.
FIGURES_VERSION = 2  # 2: tickets by source


def month_of(moment: datetime) -> date:
    """The calendar month (its first day) an instant falls in, in Berlin time."""
    local = moment.astimezone(BERLIN)
    return date(local.year, local.month, 1)


def month_closed(month: date, today: date, after_days: int) -> bool:
    """A month is closed ``after_days`` full days after its last day: from then on its
    figures are stored, and only a late record that falls into it computes them again."""
    following = month_bounds(month)[1].date()
    return today >= following + timedelta(days=after_days)


def figures_basis(calendar: ServiceCalendar) -> str:
    """What stored figures depend on besides the records: the way they are counted and the
    service hours they are measured in. Stored figures of another basis are computed again."""
    digest = hashlib.sha256(repr(calendar).encode()).hexdigest()[:16]
    return f"{FIGURES_VERSION}:{digest}"


def trend_of(report: MonthReport) -> TrendPoint:
    """The month's point in a six-month chart, from its full figures."""
    return TrendPoint(
        report.month,
        report.tickets,
        report.targets[RESPONSE].met_percent,
        report.targets[RESOLUTION].met_percent,
    )


def figures_json(report: MonthReport) -> str:
    """The month's figures (without the trend) as JSON; floats keep every digit."""
    return json.dumps(
        {
            "month": report.month.isoformat(),
            "tickets": report.tickets,
            "by_class": report.by_class,
            "by_source": report.by_source,
            "targets": {
                kind: {
                    "met": figures.met,
                    "missed": figures.missed,
                    "open": figures.open,
                    "median_hours": figures.median_hours,
                    "p90_hours": figures.p90_hours,
                }
                for kind, figures in report.targets.items()
            },
            "paused_hours": report.paused_hours,
            "breaches": [
                [breach.number, breach.target, breach.due_at.isoformat()]
                for breach in report.breaches
            ],
            "changes_done": report.changes_done,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def figures_from_json(text: str, trend: list[TrendPoint] | None = None) -> MonthReport:
    """The MonthReport stored by figures_json, with the trend the caller put together."""
    data = json.loads(text)
    return MonthReport(
        month=date.fromisoformat(data["month"]),
        tickets=data["tickets"],
        by_class=data["by_class"],
        by_source=data["by_source"],
        targets={
            kind: TargetFigures(target=kind, **figures) for kind, figures in data["targets"].items()
        },
        paused_hours=data["paused_hours"],
        breaches=[
            Breach(number, target, datetime.fromisoformat(due_at))
            for number, target, due_at in data["breaches"]
        ],
        changes_done=data["changes_done"],
        trend=list(trend or ()),
    )
