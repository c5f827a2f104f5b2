"""Response and resolution targets of the SLA as data, and the due times of a reported ticket."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache, partial
from types import MappingProxyType

from portal.sla.calendar import (
    EXTENDED,
    SERVICE,
    ServiceCalendar,
    extended_calendar,
    service_calendar,
)


class Priority(StrEnum):
    """Classes of the SLA page: Kritisch, Normal, Niedrig (labels live in the translations)."""

    CRITICAL = "critical"
    NORMAL = "normal"
    LOW = "low"


CRITICAL, NORMAL, LOW = Priority.CRITICAL, Priority.NORMAL, Priority.LOW
PRIORITIES: tuple[Priority, ...] = (CRITICAL, NORMAL, LOW)

# "nicht dringend – es reicht innerhalb von X Tagen": the range of X a customer may choose.
MIN_RELAXED_DAYS = 1
MAX_RELAXED_DAYS = 30


@dataclass(frozen=True)
class ResponseTarget:
    """Hours of open time until the first response, counted in the named calendar."""

    hours: float
    calendar_name: str


@dataclass(frozen=True)
class TargetRow:
    """One line of the SLA page's target table: a class and its targets with/without contract."""

    priority: Priority
    with_contract: ResponseTarget
    without_contract: ResponseTarget


# Per class, with and without a contract (PRODUCT.md): the hours of open time until the first
# response and until "Gelöst", both counted in the calendar named with them.
_DEFAULT_TARGETS = {
    (CRITICAL, True): (ResponseTarget(1, EXTENDED), ResponseTarget(8, EXTENDED)),
    (CRITICAL, False): (ResponseTarget(4, SERVICE), ResponseTarget(24, SERVICE)),
    (NORMAL, True): (ResponseTarget(4, SERVICE), ResponseTarget(24, SERVICE)),
    (NORMAL, False): (ResponseTarget(16, SERVICE), ResponseTarget(48, SERVICE)),
    (LOW, True): (ResponseTarget(16, SERVICE), ResponseTarget(60, SERVICE)),
    (LOW, False): (ResponseTarget(40, SERVICE), ResponseTarget(120, SERVICE)),
}
DEFAULT_RESPONSE_TARGETS: Mapping[tuple[Priority, bool], ResponseTarget] = MappingProxyType(
    {key: response for key, (response, _) in _DEFAULT_TARGETS.items()}
)
DEFAULT_RESOLUTION_TARGETS: Mapping[tuple[Priority, bool], ResponseTarget] = MappingProxyType(
    {key: resolution for key, (_, resolution) in _DEFAULT_TARGETS.items()}
)
RESPONSE, RESOLUTION = "response", "resolution"
TARGET_KINDS = (RESPONSE, RESOLUTION)


@cache
def default_calendars() -> Mapping[str, ServiceCalendar]:
    """The calendars the default targets refer to, by name."""
    return MappingProxyType({SERVICE: service_calendar(), EXTENDED: extended_calendar()})


def as_priority(priority: str) -> Priority:
    """The Priority for a stored key such as "normal"; ValueError for anything else."""
    try:
        return Priority(priority)
    except ValueError:
        raise ValueError(f"unknown priority {priority!r}, expected one of {PRIORITIES}") from None


def target_for(
    priority: str,
    has_contract: bool,
    overrides: Mapping[str, float] | None = None,
    kind: str = RESPONSE,
) -> ResponseTarget:
    """The target for a class; ``overrides`` (class -> hours, from a contract) keep the calendar.

    Callers pass the overrides of the customer's contract, so they apply to whichever
    ``has_contract`` is asked for. ``kind`` is RESPONSE (first response) or RESOLUTION.
    """
    priority = as_priority(priority)
    defaults = DEFAULT_RESOLUTION_TARGETS if kind == RESOLUTION else DEFAULT_RESPONSE_TARGETS
    default = defaults[priority, bool(has_contract)]
    if not overrides or priority not in overrides:
        return default
    return ResponseTarget(overrides[priority], default.calendar_name)


def response_target_table(
    contract_overrides: Mapping[str, float] | None = None,
) -> list[TargetRow]:
    """The table for the SLA page, one row per class in queue order.

    ``contract_overrides`` change only the contract column, as a contract cannot change what
    customers without one are promised.
    """
    return [
        TargetRow(
            priority=priority,
            with_contract=target_for(priority, True, contract_overrides),
            without_contract=target_for(priority, False),
        )
        for priority in PRIORITIES
    ]


def due_time(
    kind: str,
    reported_at: datetime,
    priority: str,
    has_contract: bool,
    *,
    overrides: Mapping[str, float] | None = None,
    relaxed_days: int | None = None,
    calendars: Mapping[str, ServiceCalendar] | None = None,
) -> datetime:
    """When the first response (``kind`` RESPONSE) or the solution ("Gelöst", RESOLUTION) is
    due, in the time zone of ``reported_at``.

    With ``relaxed_days`` (X = 1..30, "nicht dringend – es reicht innerhalb von X Tagen") it is
    the later of the normal target and the closing time of the X-th service day after the
    report, counted in the service calendar.
    """
    calendars = default_calendars() if calendars is None else calendars
    target = target_for(priority, has_contract, overrides, kind)
    due = calendars[target.calendar_name].add_hours(reported_at, target.hours)
    if relaxed_days is None:
        return due
    _check_relaxed_days(relaxed_days)
    relaxed_due = calendars[SERVICE].end_of_nth_service_day(reported_at, relaxed_days)
    # Compare instants: with one shared ZoneInfo, Python would compare wall clocks.
    return max(due, relaxed_due, key=lambda moment: moment.astimezone(UTC))


response_due = partial(due_time, RESPONSE)
resolution_due = partial(due_time, RESOLUTION)


def _check_relaxed_days(relaxed_days: int) -> None:
    if not MIN_RELAXED_DAYS <= relaxed_days <= MAX_RELAXED_DAYS:
        raise ValueError(
            f"relaxed days must be {MIN_RELAXED_DAYS}..{MAX_RELAXED_DAYS}, got {relaxed_days}"
        )
