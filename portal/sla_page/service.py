"""The SLA as the portal shows it: configured calendars, hotline status, response targets.

The SLA page, the hotline box, the wizard and GET /api/v1/sla all call these functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from babel.dates import get_day_names
from flask import current_app
from flask_babel import format_datetime, format_decimal, get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.clock import calendars, now
from portal.sla import targets
from portal.sla.calendar import EXTENDED, MIDNIGHT, SERVICE
from portal.sla.setup import WEEKDAY_KEYS, OpeningHoursGroup, opening_hours_groups
from portal.sla_page.hotline import hotline_for, hotline_status, viewer_kind

CALENDAR_LABELS = {SERVICE: _l("Servicezeiten"), EXTENDED: _l("erweiterte Zeiten")}
PRIORITY_LABELS = {
    targets.CRITICAL: _l("Kritisch"),
    targets.NORMAL: _l("Normal"),
    targets.LOW: _l("Niedrig"),
}
CONTRACT_LABELS = {True: _l("Vertragskunden"), False: _l("Kunden ohne Vertrag")}


# --- opening hours as text ------------------------------------------------------------


def _clock_time(value, closing: bool = False) -> str:
    if closing and value == MIDNIGHT:
        return "24:00"
    return f"{value.hour}:{value.minute:02d}"


def _group_text(group: OpeningHoursGroup) -> str:
    if group.all_day and (group.first_day, group.last_day) == (0, 6):
        return _("täglich rund um die Uhr")
    names = get_day_names("abbreviated", locale=get_locale())
    days = names[group.first_day]
    if group.last_day != group.first_day:
        days = f"{names[group.first_day]} – {names[group.last_day]}"
    return _(
        "%(days)s %(opens)s – %(closes)s Uhr",
        days=days,
        opens=_clock_time(group.opens),
        closes=_clock_time(group.closes, closing=True),
    )


def hours_lines(calendar_name: str = SERVICE) -> list[str]:
    """["Mo. – Fr. 7:00 – 19:00 Uhr", "Sa. 8:00 – 18:00 Uhr"] from the configured calendar."""
    return [_group_text(group) for group in opening_hours_groups(calendars()[calendar_name])]


def hours_text(calendar_name: str = SERVICE) -> str:
    """As the SLA page writes it: "Mo. – Fr. 7:00 – 19:00 Uhr (Sa. 8:00 – 18:00 Uhr)"."""
    first, *others = hours_lines(calendar_name)
    return f"{first} ({', '.join(others)})" if others else first


def hours_json(calendar_name: str = SERVICE) -> list[dict]:
    return [
        {
            "days": list(WEEKDAY_KEYS[group.first_day : group.last_day + 1]),
            "opens": group.opens.strftime("%H:%M"),
            "closes": _clock_time(group.closes, closing=True).zfill(5),
        }
        for group in opening_hours_groups(calendars()[calendar_name])
    ]


def holidays_close(calendar_name: str = SERVICE) -> bool:
    return calendars()[calendar_name].closed_on_holidays


HOTLINE_BOX = "portal.sla_page.hotline_box"


def hotline_box() -> dict:
    """The hotline box on every page: status and hours, and what "call us" means for the
    viewer (portal.sla_page.hotline), computed once per minute, language and kind of viewer.

    Opening hours start and end on full minutes, so the status at the start of the minute
    is the status for all of it; the cache lives with the app (its configured calendars).
    """
    minute = now().replace(second=0, microsecond=0)
    viewer = viewer_kind(current_user)
    key = (str(get_locale()), minute, viewer)
    cache = current_app.extensions.setdefault(HOTLINE_BOX, {})
    box = cache.get(key)
    if box is None:
        if len(cache) > 32:  # older minutes
            cache.clear()
        box = cache[key] = {
            "hotline_status": hotline_status(minute),
            "hotline_hours": hours_text(),
            "hotline": hotline_for(viewer, minute),
        }
    return box


def deadline_text(moment: datetime) -> str:
    """ "Di., 25.11., 08:30" (German) or "Tue 25 Nov, 08:30" (English), in local time."""
    pattern = "EEE d MMM, HH:mm" if str(get_locale()) == "en" else "EEE, dd.MM., HH:mm"
    return format_datetime(moment, pattern)


# --- response targets -------------------------------------------------------------------


@dataclass(frozen=True)
class Contract:
    """What a signed-in customer's company was promised."""

    has_contract: bool
    overrides: Mapping[str, float]


def contract_of(user) -> Contract | None:
    """The customer's contract; None for anonymous visitors and staff (they see both columns)."""
    if not getattr(user, "is_authenticated", False) or user.is_staff or not user.company_id:
        return None
    company = user.company
    return Contract(company.has_contract, company.target_overrides())


def current_contract() -> Contract | None:
    return contract_of(current_user)


def target_text(target: targets.ResponseTarget) -> str:
    """ "4 Stunden (Servicezeiten)"."""
    return _(
        "%(duration)s (%(calendar)s)",
        duration=duration_text(target.hours),
        calendar=CALENDAR_LABELS.get(target.calendar_name, target.calendar_name),
    )


def duration_text(hours: float) -> str:
    return ngettext(
        "%(hours)s Stunde",
        "%(hours)s Stunden",
        1 if hours == 1 else 2,
        hours=format_decimal(hours),
    )


def target_table(contract: Contract | None = None) -> list[targets.TargetRow]:
    """The SLA page's table; a contract's own targets replace the defaults in its column."""
    overrides = contract.overrides if contract and contract.has_contract else None
    return targets.response_target_table(overrides)


def applicable_target(priority: str, contract: Contract) -> targets.ResponseTarget:
    overrides = contract.overrides if contract.has_contract else None
    return targets.target_for(priority, contract.has_contract, overrides)


def response_deadline(priority: str, contract: Contract, moment: datetime | None = None):
    """When the first response is due if the customer reports now."""
    overrides = contract.overrides if contract.has_contract else None
    return targets.response_due(
        now() if moment is None else moment,
        priority,
        contract.has_contract,
        overrides=overrides,
        calendars=calendars(),
    )


def target_json(priority: str, target: targets.ResponseTarget) -> dict:
    return {
        "priority": str(priority),
        "label": str(PRIORITY_LABELS[priority]),
        "hours": target.hours,
        "calendar": target.calendar_name,
        "text": target_text(target),
    }


# --- the classes and the SLA page's examples ---------------------------------------------

CLASS_DEFINITIONS = {
    targets.CRITICAL: _l(
        "Als kritische Störung stufen wir einen Vorgang ein, bei dem ein Großteil oder sogar "
        "das ganze Unternehmen erheblich in der Arbeit behindert ist."
    ),
    targets.NORMAL: None,  # the SLA page gives only examples
    targets.LOW: _l("Alle Mängel, die nicht unter die beiden erstgenannten Kategorien fallen"),
}


@dataclass(frozen=True)
class SlaClass:
    priority: str
    label: str
    definition: str | None
    examples: list[tuple[str, str]]  # (example key, text in the user's language)


def sla_classes() -> list[SlaClass]:
    """The three classes with the SLA page's examples (from the triage engine's list)."""
    from portal.triage.examples import SLA_EXAMPLES

    classes = []
    for priority in targets.PRIORITIES:
        examples = [
            (example.key, _(example.text))
            for example in SLA_EXAMPLES
            if example.priority == priority and example.key != "other"
        ]
        classes.append(
            SlaClass(
                str(priority),
                str(PRIORITY_LABELS[priority]),
                _text_or_none(CLASS_DEFINITIONS[priority]),
                examples,
            )
        )
    return classes


def _text_or_none(text) -> str | None:
    return None if text is None else str(text)
