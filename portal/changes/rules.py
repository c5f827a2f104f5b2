"""Planned changes as pure rules: kinds, states, lead times, date checks, double bookings.

No Flask, no peewee: values in, values out, so every rule has a table of hand-checked cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

KINDS = ("new_employee", "software_install", "update", "other")
STATES = ("submitted", "scheduled", "done", "declined", "withdrawn")
OPEN_STATES = ("submitted", "scheduled")
# From the SLA page's request to announce changes early; configurable per installation
# through CHANGE_LEAD_TIME_DAYS (a mapping kind -> service days, merged over these).
DEFAULT_LEAD_TIME_DAYS: Mapping[str, int] = {
    "new_employee": 10,
    "software_install": 5,
    "update": 5,
    "other": 3,
}

# Date problems, as codes the service turns into messages in the user's language.
PAST = "past"
CLOSED_DAY = "closed_day"
HOLIDAY = "holiday"
TOO_FAR = "too_far"


def lead_time_days(kind: str, overrides: Mapping[str, int] | None = None) -> int:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return {**DEFAULT_LEAD_TIME_DAYS, **(overrides or {})}[kind]


def recommended_earliest(today: dt.date, days: int, calendar) -> dt.date:
    """The first date with `days` service days of notice: the days-th service day after today."""
    if days < 1:
        return today
    return calendar.nth_service_day(today, days)


@dataclass(frozen=True)
class LeadTime:
    days: int
    recommended_earliest: dt.date
    ok: bool


def lead_time(kind: str, today: dt.date, wished: dt.date, calendar, overrides=None) -> LeadTime:
    """Whether `wished` leaves the recommended notice; short notice is a warning, never refused."""
    days = lead_time_days(kind, overrides)
    earliest = recommended_earliest(today, days, calendar)
    return LeadTime(days=days, recommended_earliest=earliest, ok=wished >= earliest)


def latest_allowed(today: dt.date) -> dt.date:
    """The same date a year later (28 February for 29 February): later is "more than a year"."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def date_problem(day: dt.date, today: dt.date, calendar) -> tuple[str, str | None] | None:
    """(code, holiday name or None) when `day` cannot be a wished date, else None."""
    if day < today:
        return PAST, None
    if day > latest_allowed(today):
        return TOO_FAR, None
    holiday = calendar.holiday_name(day)
    if holiday and not calendar.is_service_day(day):
        return HOLIDAY, holiday
    if not calendar.is_service_day(day):
        return CLOSED_DAY, None
    return None


# --- double bookings -----------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    key: int  # the change's id
    technician: int
    start: dt.datetime
    end: dt.datetime


def overlaps(a: Slot, b: Slot) -> bool:
    """Half-open intervals: a slot ending at 10:00 and one starting at 10:00 do not collide."""
    return a.technician == b.technician and a.start < b.end and b.start < a.end


def double_bookings(slots: Iterable[Slot]) -> dict[int, set[int]]:
    """Each slot colliding with another slot of its technician -> the keys it collides with."""
    by_technician: dict[int, list[Slot]] = {}
    for slot in slots:
        by_technician.setdefault(slot.technician, []).append(slot)
    clashes: dict[int, set[int]] = {}
    for own in by_technician.values():
        own.sort(key=lambda s: (s.start, s.end, s.key))
        for i, slot in enumerate(own):
            for later in own[i + 1 :]:
                if later.start >= slot.end:
                    break
                clashes.setdefault(slot.key, set()).add(later.key)
                clashes.setdefault(later.key, set()).add(slot.key)
    return clashes


def clashes_with(candidate: Slot, others: Iterable[Slot]) -> list[int]:
    return sorted(o.key for o in others if o.key != candidate.key and overlaps(candidate, o))


# --- weeks -----------------------------------------------------------------------

# Years a person can mean: outside them a typed date is a typo (and year 1 or 9999 would
# overflow the arithmetic of the week view and of the conversion to UTC).
YEARS = range(1900, 3000)


def plausible_date(day: dt.date) -> dt.date:
    if day.year not in YEARS:
        raise ValueError(f"year out of range: {day.year}")
    return day


def parse_iso_week(text: str) -> dt.date:
    """The Monday of an ISO week given as "2026-W49"; ValueError for anything else."""
    year_text, separator, week_text = text.strip().upper().partition("-W")
    if not separator or not (year_text.isdigit() and week_text.isdigit()):
        raise ValueError(f"not an ISO week: {text!r}")
    return plausible_date(dt.date.fromisocalendar(int(year_text), int(week_text), 1))


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def planning_monday(today: dt.date) -> dt.date:
    """The Monday of the week the plan shows first: this week, and on a Sunday (the plan
    shows Monday to Saturday, so this week is over) the coming one."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday + dt.timedelta(days=7) if today.weekday() == 6 else monday


def week_days(monday: dt.date, days: int = 6) -> list[dt.date]:
    """Monday to Saturday: the days the service calendar can open."""
    return [monday + dt.timedelta(days=offset) for offset in range(days)]


def local_slot(day: dt.date, start: dt.time, end: dt.time, zone) -> tuple[dt.datetime, dt.datetime]:
    """A slot typed as a local date with start and end time, as aware UTC datetimes."""
    start_at = dt.datetime.combine(day, start, tzinfo=zone).astimezone(dt.UTC)
    end_at = dt.datetime.combine(day, end, tzinfo=zone).astimezone(dt.UTC)
    return start_at, end_at


def parse_day(text: str) -> dt.date:
    """A date typed as 2026-12-09 (ISO, what date inputs send) or 09.12.2026 (German)."""
    text = text.strip()
    if "." in text:
        day, month, year = text.split(".")
        return plausible_date(dt.date(int(year), int(month), int(day)))
    return plausible_date(dt.date.fromisoformat(text))
