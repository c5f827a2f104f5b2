"""The configured SLA calendars and the current time, shared by every area of the portal.

The calendars are built once from configuration (SERVICE_HOURS, EXTENDED_HOURS, …) so the
hotline box, response targets and lead times of planned changes all count the same hours.
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


def local_today() -> date:
    return now().astimezone(BERLIN).date()
