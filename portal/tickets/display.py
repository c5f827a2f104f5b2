"""How ticket times read: "Di., 25.11., 08:30", "noch 2 Std. 15 Min.", "seit 1 Std. 5 Min."."""

from __future__ import annotations

import datetime as dt

from flask_babel import get_locale

from portal.i18n import fast_gettext as _
from portal.i18n import format_local


def due_phrase(value: dt.datetime) -> str:
    """A promised time in local time, without the year: "Di., 25.11., 08:30"."""
    if str(get_locale()) == "en":
        return format_local(value, "EEE, d MMM, HH:mm")
    return format_local(value, "EEE, dd.MM., HH:mm")


def duration(delta: dt.timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("%(days)d T. %(hours)d Std.", days=days, hours=hours)
    if hours:
        return _("%(hours)d Std. %(minutes)d Min.", hours=hours, minutes=minutes)
    return _("%(minutes)d Min.", minutes=minutes)


def time_left(due: dt.datetime, now: dt.datetime) -> str:
    if due >= now:
        return _("noch %(duration)s", duration=duration(due - now))
    return _("überfällig seit %(duration)s", duration=duration(now - due))
