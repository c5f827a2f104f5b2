"""How ticket times read: "Di., 25.11., 08:30", "noch 2 Std. 15 Min.", "seit 1 Std. 5 Min."."""

from __future__ import annotations

import datetime as dt

from flask_babel import get_locale

from portal.i18n import catalogue, format_local
from portal.i18n import fast_gettext as _


def due_phrase(value: dt.datetime) -> str:
    """A promised time in local time, without the year: "Di., 25.11., 08:30"."""
    if str(get_locale()) == "en":
        return format_local(value, "EEE, d MMM, HH:mm")
    return format_local(value, "EEE, dd.MM., HH:mm")


def duration(delta: dt.timedelta, gettext=_) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return gettext("%(days)d T. %(hours)d Std.") % {"days": days, "hours": hours}
    if hours:
        return gettext("%(hours)d Std. %(minutes)d Min.") % {"hours": hours, "minutes": minutes}
    return gettext("%(minutes)d Min.") % {"minutes": minutes}


def time_left(due: dt.datetime, now: dt.datetime) -> str:
    """ "noch 2 Std. 15 Min." or "überfällig seit 5 Min." (the queue shows one per row)."""
    gettext = catalogue().ugettext  # looked up once for both strings
    if due >= now:
        return gettext("noch %(duration)s") % {"duration": duration(due - now, gettext)}
    return gettext("überfällig seit %(duration)s") % {"duration": duration(now - due, gettext)}
