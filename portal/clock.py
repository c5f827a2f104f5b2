"""The configured SLA calendars, the current time and the provider's "today", shared by every
area of the portal.

The calendars are built once from configuration (SERVICE_HOURS, EXTENDED_HOURS, …) so the
hotline box, response targets and lead times of planned changes all count the same hours.
The provider's time zone is the calendars' own (Europe/Berlin, `portal.sla.calendar.BERLIN`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from flask import current_app

from portal.db import utcnow
from portal.sla.calendar import BERLIN, SERVICE, ServiceCalendar, as_utc
from portal.sla.setup import calendars_from_config

EXTENSION_KEY = "portal.sla.calendars"


def init_app(app) -> None:
    app.extensions[EXTENSION_KEY] = calendars_from_config(app.config)


def calendars() -> Mapping[str, ServiceCalendar]:
    return current_app.extensions[EXTENSION_KEY]


def service_calendar() -> ServiceCalendar:
    return calendars()[SERVICE]


def now() -> datetime:
    """The current instant in UTC; app config CLOCK (a callable) replaces the real clock."""
    clock = current_app.config.get("CLOCK") or utcnow
    return as_utc(clock())


_now = now  # for local_today, whose parameter takes the name


def local_today(now: datetime | None = None) -> date:
    """The provider's date (Europe/Berlin) at the instant `now`, by default the clock's now()."""
    instant = _now() if now is None else as_utc(now)
    return instant.astimezone(BERLIN).date()
