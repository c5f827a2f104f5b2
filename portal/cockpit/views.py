"""The staff's start page (Übersicht) and its live part (portal/live.py)."""

from __future__ import annotations

from flask import render_template
from flask_babel import format_date, get_locale
from flask_login import current_user

from portal.access import staff_required
from portal.cockpit import bp, charts, figures
from portal.db import utcnow
from portal.live import fragment_response, poll_seconds
from portal.tickets.models import Ticket


def _figures() -> dict:
    """What cockpit/_figures.html shows (the page includes it, its live URL renders it)."""
    now = utcnow()
    new_per_day = figures.per_day(current_user, Ticket.reported_at, now)
    solved_per_day = figures.per_day(current_user, Ticket.resolved_at, now)
    weeks = figures.responses_per_week(current_user, now)
    return dict(
        counts=figures.open_counts(current_user, now),
        new_per_day=new_per_day,
        new_chart=_day_chart(new_per_day),
        solved_per_day=solved_per_day,
        solved_chart=_day_chart(solved_per_day),
        weeks=weeks,
        weeks_chart=charts.bar_chart(
            [(met, late) for _, met, late in weeks],
            [format_date(monday, _day_pattern()) for monday, _, _ in weeks],
            label_every=3,
        ),
    )


def _day_pattern() -> str:
    """A day under a bar: "29.11." in German, "29 Nov" in English."""
    return "d MMM" if str(get_locale()) == "en" else "dd.MM."


def _day_chart(series: list[tuple]) -> charts.Chart:
    return charts.bar_chart(
        [(count,) for _, count in series],
        [format_date(day, _day_pattern()) for day, _ in series],
        label_every=7,
    )


@bp.route("/cockpit")
@staff_required
def index():
    return render_template("cockpit/index.html", interval=poll_seconds(), **_figures())


@bp.route("/cockpit/zahlen")
@staff_required
def live_figures():
    return fragment_response(render_template("cockpit/_figures.html", **_figures()))
