"""The service calendars built from configuration values, in one place (no Flask, no peewee)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from types import MappingProxyType

from portal.sla.calendar import (
    EXTENDED,
    EXTENDED_HOURS,
    MIDNIGHT,
    SERVICE,
    SERVICE_HOURS,
    ServiceCalendar,
    extended_calendar,
    service_calendar,
)

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekly_hours_from_config(hours: Mapping[str | int, str]) -> dict[int, str]:
    """{"mon": "07:00-19:00", …} (or weekday numbers 0-6, also as text) -> {0: "07:00-19:00"}."""
    week = {}
    for key, value in hours.items():
        weekday = _weekday(key)
        if weekday in week:
            raise ValueError(f"opening hours for weekday {key!r} are given twice")
        week[weekday] = value
    return week


def _weekday(key: str | int) -> int:
    text = str(key).strip().lower()
    if text in WEEKDAY_KEYS:
        return WEEKDAY_KEYS.index(text)
    if text.isdigit() and int(text) < 7:
        return int(text)
    raise ValueError(f"weekdays are mon … sun or 0 … 6, got {key!r}")


def calendars_from_config(config: Mapping) -> Mapping[str, ServiceCalendar]:
    """The calendars response targets refer to, by name, from app configuration values.

    Reads SERVICE_HOURS, SERVICE_CLOSED_ON_HOLIDAYS, EXTENDED_HOURS,
    EXTENDED_CLOSED_ON_HOLIDAYS and PROVIDER_HOLIDAY_SUBDIVISION; a missing key means the
    SLA page's default.
    """
    subdivision = config.get("PROVIDER_HOLIDAY_SUBDIVISION", "NW") or None
    service_hours = config.get("SERVICE_HOURS")
    extended_hours = config.get("EXTENDED_HOURS")
    return MappingProxyType(
        {
            SERVICE: service_calendar(
                SERVICE_HOURS if service_hours is None else weekly_hours_from_config(service_hours),
                closed_on_holidays=config.get("SERVICE_CLOSED_ON_HOLIDAYS", True),
                holiday_subdivision=subdivision,
            ),
            EXTENDED: extended_calendar(
                EXTENDED_HOURS
                if extended_hours is None
                else weekly_hours_from_config(extended_hours),
                closed_on_holidays=config.get("EXTENDED_CLOSED_ON_HOLIDAYS", False),
                holiday_subdivision=subdivision,
            ),
        }
    )


@dataclass(frozen=True)
class OpeningHoursGroup:
    """Weekdays in a row with equal hours, e.g. Mon-Fri 07:00-19:00 (closing 00:00 = 24:00)."""

    first_day: int
    last_day: int
    opens: time
    closes: time

    @property
    def all_day(self) -> bool:
        return self.opens == MIDNIGHT and self.closes == MIDNIGHT


def opening_hours_groups(calendar: ServiceCalendar) -> list[OpeningHoursGroup]:
    """The week as the SLA page writes it: runs of weekdays that share their hours."""
    groups: list[OpeningHoursGroup] = []
    for weekday, hours in enumerate(calendar.weekly_hours):
        if hours is None:
            continue
        previous = groups[-1] if groups else None
        if (
            previous
            and previous.last_day == weekday - 1
            and (previous.opens, previous.closes) == hours
        ):
            groups[-1] = OpeningHoursGroup(previous.first_day, weekday, *hours)
        else:
            groups.append(OpeningHoursGroup(weekday, weekday, *hours))
    return groups


def holiday_name(calendar: ServiceCalendar, day: date, language: str = "de") -> str | None:
    """The public holiday on ``day`` named in ``language`` ("de" or "en"), or None."""
    return calendar.holidays_in(day.year, language).get(day)
