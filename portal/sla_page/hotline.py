"""What "call the hotline" means for the viewer at this moment.

A contract customer reaches the hotline with a critical problem in the extended hours and
with anything else in the service hours; a customer without contract only in the service
hours. Anonymous visitors see both; staff see the service hours. The header box, the start
page, the wizard and the ticket pages all read one `Hotline` from here, so they never
contradict each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _

from portal.sla.calendar import EXTENDED, SERVICE

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
    from portal.sla_page.service import _weekday_and_time, hotline_status

    service = hotline_status(moment, SERVICE)
    extended = hotline_status(moment, EXTENDED)
    service_when = "" if service.open_now else _weekday_and_time(moment, service.next_opening)
    extended_when = "" if extended.open_now else _weekday_and_time(moment, extended.next_opening)
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
