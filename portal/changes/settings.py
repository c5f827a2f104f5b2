"""The installation's settings for planned changes: the recommended lead times
(CHANGE_LEAD_TIME_DAYS) and the service calendar they are counted in."""

from __future__ import annotations

import datetime as dt

from flask import current_app
from flask_babel import get_locale

from portal.changes import rules
from portal.clock import service_calendar
from portal.sla import setup


def calendar():
    """The configured service calendar (SERVICE_HOURS, holidays), the SLA page's own."""
    return service_calendar()


def holiday_name(day: dt.date) -> str | None:
    """The public holiday on `day` in the user's language."""
    return setup.holiday_name(calendar(), day, str(get_locale()))


def lead_time_overrides() -> dict:
    return dict(current_app.config.get("CHANGE_LEAD_TIME_DAYS") or {})


def lead_time_days(kind: str) -> int:
    return rules.lead_time_days(kind, lead_time_overrides())
