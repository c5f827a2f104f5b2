"""How ticket times read: "Di., 25.11., 08:30", "noch 2 Std. 15 Min.", "seit 1 Std. 5 Min."."""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

from flask import current_app
from flask_babel import get_locale
from markupsafe import Markup

from portal.i18n import catalogue, format_local, translated
from portal.i18n import fast_gettext as _
from portal.tickets import rules
from portal.tickets.labels import PRIORITY_LABELS, status_labels


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


def time_left(due: dt.datetime, now: dt.datetime, translations=None) -> str:
    """ "noch 2 Std. 15 Min." or "überfällig seit 5 Min." (the queue shows one per row)."""
    late = due < now
    minutes = (now - due if late else due - now) // _MINUTE
    return _time_left_text(translations or catalogue(), late, minutes)


_MINUTE = dt.timedelta(minutes=1)


@functools.lru_cache(maxsize=2048)
def _time_left_text(translations, late: bool, minutes: int) -> str:
    """One text per catalogue, direction and whole minute: a queue of 25 rows, polled every
    few seconds, asks for the same few again and again."""
    gettext = translations.ugettext
    text = duration(dt.timedelta(minutes=minutes), gettext)
    if late:
        return gettext("überfällig seit %(duration)s") % {"duration": text}
    return gettext("noch %(duration)s") % {"duration": text}


class QueueLine(NamedTuple):
    """One row of the staff queue with what its due column says, worked out once."""

    ticket: object  # a row of queries.list_rows
    next_due: dt.datetime  # the earlier open target (queue_due)
    state: str  # "paused", "late", "soon" or "" (the row's marking)
    left: str  # "noch 2 Std. 15 Min.", "überfällig seit 5 Min."
    flags: Markup  # "dringend", "nicht dringend" beside the class


def queue_lines(rows: list, now: dt.datetime, ticket_badges: Badges) -> list[QueueLine]:
    """The queue's rows with their marking and time left, in Python rather than in the
    template, where each of these calls would cost as much as the rest of the row."""
    translations = catalogue()
    lines = []
    for ticket in rows:
        next_due = ticket.queue_due or ticket.response_due
        if ticket.paused_rank:
            state = "paused"
        elif rules.is_overdue(None, next_due, now):
            state = "late"
        elif rules.is_due_soon(None, ticket.reported_at, next_due, now):
            state = "soon"
        else:
            state = ""
        left = time_left(next_due, now, translations)
        lines.append(QueueLine(ticket, next_due, state, left, ticket_badges.flags(ticket)))
    return lines


STATUS_BADGE_CLASSES = {
    "new": "badge-status",
    "in_progress": "badge-status",
    "waiting_for_customer": "badge-warn",
    "resolved": "badge-ok",
    "closed": "badge-ok",
}
BADGES_KEY = "portal.tickets.badges"


class Badges:
    """The ticket badges (class, status, "dringend", "nicht dringend") as ready HTML in one
    language: the one place their markup is written. A list row looks them up instead of
    calling a macro per badge."""

    def __init__(self, priority_labels: dict, status_labels: dict, urgent: str, relaxed: str):
        self.priority = {
            key: Markup('<span class="badge badge-{}">{}</span>').format(key, label)
            for key, label in priority_labels.items()
        }
        self.status = {
            key: Markup('<span class="badge {}">{}</span>').format(STATUS_BADGE_CLASSES[key], label)
            for key, label in status_labels.items()
        }
        self.urgent = Markup(' <span class="badge badge-critical">{}</span>').format(urgent)
        self.relaxed = Markup(' <span class="badge badge-low">{}</span>').format(relaxed)

    def flags(self, ticket) -> Markup:
        """ "dringend" (a normal ticket only) and "nicht dringend" beside the class."""
        urgent = self.urgent if ticket.urgent and ticket.priority == "normal" else ""
        return Markup(urgent) + (self.relaxed if ticket.relaxed_days else "")


def badges(staff: bool = False) -> Badges:
    """The badges of the current language and audience (staff read "Wartet auf Kunde"),
    built once per app, language and audience."""
    cache = current_app.extensions.setdefault(BADGES_KEY, {})
    key = (str(get_locale()), staff)
    found = cache.get(key)
    if found is None:
        found = cache[key] = Badges(
            translated(PRIORITY_LABELS),
            translated(status_labels(staff)),
            _("dringend"),
            _("nicht dringend"),
        )
    return found
