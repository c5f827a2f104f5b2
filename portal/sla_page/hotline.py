"""What "call the hotline" means for the viewer at this moment.

A contract customer reaches the hotline with a critical problem in the extended hours and
with anything else in the service hours; a customer without contract only in the service
hours. Anonymous visitors see both; staff see the service hours. The header box, the start
page, the wizard and the ticket pages all read one `Hotline` from here, so they never
contradict each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import format_datetime, get_locale
from flask_babel import gettext as _

from portal.clock import calendars, local_today, now
from portal.sla.calendar import EXTENDED, SERVICE, as_utc
from portal.sla.setup import holiday_name

CONTRACT = "contract"
NO_CONTRACT = "no_contract"
ANONYMOUS = "anonymous"
STAFF = "staff"


@dataclass(frozen=True)
class HotlineLine:
    """One line of the header box: for whom (None: everyone), open now, and the text."""

    audience: str | None
    open_now: bool
    text: str


@dataclass(frozen=True)
class Hotline:
    viewer: str
    extended_open: bool  # contract customers' critical problems reach us now
    extended_when: str  # when the extended hours start again ("" when open)
    service_open: bool
    service_when: str  # when the service hours start again ("" when open)
    lines: tuple[HotlineLine, ...]
    note: str  # under the lines, e.g. that a report in the portal is queued at once

    @property
    def critical_open(self) -> bool:
        """A critical problem of this viewer reaches someone on the phone now."""
        return self.extended_open if self.viewer == CONTRACT else self.service_open

    @property
    def critical_when(self) -> str:
        return self.extended_when if self.viewer == CONTRACT else self.service_when


def viewer_kind(user) -> str:
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    if user.is_staff:
        return STAFF
    company = user.company if user.company_id else None
    return CONTRACT if company is not None and company.has_contract else NO_CONTRACT


def hotline_for(viewer: str, moment: datetime) -> Hotline:
    service = hotline_status(moment, SERVICE)
    extended = hotline_status(moment, EXTENDED)
    service_when = "" if service.open_now else weekday_and_time(moment, service.next_opening)
    extended_when = "" if extended.open_now else weekday_and_time(moment, extended.next_opening)
    return Hotline(
        viewer=viewer,
        extended_open=extended.open_now,
        extended_when=extended_when,
        service_open=service.open_now,
        service_when=service_when,
        lines=tuple(_lines(viewer, service, extended)),
        note=_note(viewer, service),
    )


def _lines(viewer, service, extended) -> list[HotlineLine]:
    """The header box: one line while the service hours are open (everyone is served), else
    what the viewer may still do, and when the line opens again."""
    if service.open_now or viewer == STAFF:
        return [HotlineLine(None, service.open_now, service.text)]
    critical = HotlineLine(
        _("Kritische Störungen (Vertragskunden)")
        if viewer == ANONYMOUS
        else _("Kritische Störungen"),
        extended.open_now,
        _("jetzt erreichbar") if extended.open_now else extended.text,
    )
    others = _("Alle anderen Anliegen") if viewer == ANONYMOUS else _("Andere Anliegen")
    if viewer == NO_CONTRACT:
        return [HotlineLine(None, False, service.text)]
    return [critical, HotlineLine(others, False, service.text)]


def _note(viewer, service) -> str:
    if service.open_now or viewer in (STAFF, CONTRACT):
        return ""
    return _("Was Sie hier melden, steht sofort in unserer Warteschlange.")


# --- the hotline status -----------------------------------------------------------------


@dataclass(frozen=True)
class HotlineStatus:
    open_now: bool
    next_opening: datetime  # aware, UTC; the moment itself when open
    holiday: str | None  # today's holiday if it closes the hotline
    text: str


def hotline_status(moment: datetime | None = None, calendar_name: str = SERVICE) -> HotlineStatus:
    """ "jetzt erreichbar", or when and why closed, for a calendar (default: the service
    calendar) at ``moment``."""
    moment = now() if moment is None else as_utc(moment)
    calendar = calendars()[calendar_name]
    if calendar.is_open(moment):
        return HotlineStatus(True, moment, None, _("jetzt erreichbar"))
    next_opening = calendar.next_opening(moment)
    when = weekday_and_time(moment, next_opening)
    today = local_today(moment)
    holiday = None
    if calendar.closed_on_holidays and calendar.weekly_hours[today.weekday()] is not None:
        holiday = holiday_name(calendar, today, str(get_locale()))
    if holiday:
        text = _(
            "heute geschlossen (%(holiday)s) – wieder erreichbar ab %(when)s",
            holiday=holiday,
            when=when,
        )
    else:
        text = _("derzeit geschlossen – wieder erreichbar ab %(when)s", when=when)
    return HotlineStatus(False, next_opening, holiday, text)


def weekday_and_time(moment: datetime, later: datetime) -> str:
    """ "Sa., 08:00" within the coming week; with the date when further away."""
    if later - moment < timedelta(days=6):
        return format_datetime(later, "EEE, HH:mm")
    pattern = "EEE d MMM, HH:mm" if str(get_locale()) == "en" else "EEE, dd.MM., HH:mm"
    return format_datetime(later, pattern)
