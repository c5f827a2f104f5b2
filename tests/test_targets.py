"""Hand-checked first-response targets (portal/sla/targets.py) against PRODUCT.md's table."""

from datetime import UTC, datetime

import pytest

from portal.sla.calendar import BERLIN, EXTENDED, SERVICE, extended_calendar, service_calendar
from portal.sla.targets import (
    PRIORITIES,
    Priority,
    ResponseTarget,
    TargetRow,
    response_due,
    response_target_table,
    target_for,
)


def berlin(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


FRIDAY_1500 = berlin(2026, 1, 9, 15)
MONDAY_1000 = berlin(2026, 1, 12, 10)
SUNDAY_2330 = berlin(2026, 1, 11, 23, 30)

EVERY_CELL_CASES = [
    # Reported Fri 9.1.2026 15:00; service hours Fri until 19:00, Sat 08-18.
    (FRIDAY_1500, "critical", True, berlin(2026, 1, 9, 16)),  # 1h extended
    (FRIDAY_1500, "critical", False, berlin(2026, 1, 9, 19)),  # 4h fill Friday exactly
    (FRIDAY_1500, "normal", True, berlin(2026, 1, 9, 19)),  # 4h likewise
    # 16h: Fri 4h (12 left), Sat 10h (2 left), Mon 07:00 + 2h.
    (FRIDAY_1500, "normal", False, berlin(2026, 1, 12, 9)),
    (FRIDAY_1500, "low", True, berlin(2026, 1, 12, 9)),
    # 40h: Fri 4 (36 left), Sat 10 (26), Mon 12 (14), Tue 12 (2), Wed 07:00 + 2h.
    (FRIDAY_1500, "low", False, berlin(2026, 1, 14, 9)),
    # Reported Mon 12.1.2026 10:00; 9 service hours left on Monday.
    (MONDAY_1000, "critical", True, berlin(2026, 1, 12, 11)),
    (MONDAY_1000, "critical", False, berlin(2026, 1, 12, 14)),
    (MONDAY_1000, "normal", True, berlin(2026, 1, 12, 14)),
    (MONDAY_1000, "normal", False, berlin(2026, 1, 13, 14)),  # Mon 9h, Tue 07:00 + 7h
    (MONDAY_1000, "low", True, berlin(2026, 1, 13, 14)),
    # 40h: Mon 9 (31 left), Tue 12 (19), Wed 12 (7), Thu 07:00 + 7h.
    (MONDAY_1000, "low", False, berlin(2026, 1, 15, 14)),
]


@pytest.mark.parametrize(("reported_at", "priority", "has_contract", "due"), EVERY_CELL_CASES)
def test_every_cell_of_the_target_table(reported_at, priority, has_contract, due):
    assert response_due(reported_at, priority, has_contract) == due


SUNDAY_NIGHT_CASES = [
    # A contract customer's critical incident runs in the extended calendar: Mon 00:30.
    (SUNDAY_2330, True, berlin(2026, 1, 12, 0, 30)),
    # Without contract the clock waits for Monday 07:00, then 4h.
    (SUNDAY_2330, False, berlin(2026, 1, 12, 11)),
    # DST night 29.3.2026: 01:30 CET + 1 real hour = 03:30 CEST.
    (berlin(2026, 3, 29, 1, 30), True, berlin(2026, 3, 29, 3, 30)),
    # Karfreitag noon: the extended calendar includes holidays.
    (berlin(2026, 4, 3, 12), True, berlin(2026, 4, 3, 13)),
]


@pytest.mark.parametrize(("reported_at", "has_contract", "due"), SUNDAY_NIGHT_CASES)
def test_critical_incident_at_night_and_on_holidays(reported_at, has_contract, due):
    assert response_due(reported_at, "critical", has_contract) == due


OVERRIDE_CASES = [
    # Contract promises 2h for normal: Mon 10:00 -> 12:00 in service hours.
    (MONDAY_1000, "normal", {"normal": 2}, berlin(2026, 1, 12, 12)),
    # An override for another class changes nothing: default 4h.
    (MONDAY_1000, "normal", {"low": 8}, berlin(2026, 1, 12, 14)),
    # Critical override keeps the extended calendar: Sun 23:30 + 2h = Mon 01:30.
    (SUNDAY_2330, "critical", {"critical": 2}, berlin(2026, 1, 12, 1, 30)),
    # Half an hour from Mon 18:45: 15 min Monday, Tue 07:00 + 15 min.
    (berlin(2026, 1, 12, 18, 45), "normal", {"normal": 0.5}, berlin(2026, 1, 13, 7, 15)),
    # Keys may be the enum as well as the stored string.
    (MONDAY_1000, "low", {Priority.LOW: 1}, berlin(2026, 1, 12, 11)),
]


@pytest.mark.parametrize(("reported_at", "priority", "overrides", "due"), OVERRIDE_CASES)
def test_contract_overrides_change_hours_but_keep_the_calendar(
    reported_at, priority, overrides, due
):
    assert response_due(reported_at, priority, True, overrides=overrides) == due


RELAXED_CASES = [
    # Normal target Mon 14:00; 3rd service day after Monday is Thursday -> Thu 19:00 is later.
    (MONDAY_1000, "normal", True, 3, berlin(2026, 1, 15, 19)),
    # 40h target Thu 14:00 is later than the end of Tuesday (1 day): the target stays.
    (MONDAY_1000, "low", False, 1, berlin(2026, 1, 15, 14)),
    # Fri 15:00, normal due Fri 19:00; 1st service day after Friday is Saturday, closes 18:00.
    (FRIDAY_1500, "normal", True, 1, berlin(2026, 1, 10, 18)),
    # Critical with contract Sun 23:30: due Mon 00:30, relaxed to end of Monday service hours.
    (SUNDAY_2330, "critical", True, 1, berlin(2026, 1, 12, 19)),
    # Wed 23.12.2026 10:00, 16h due Thu 24.12. 14:00; 2nd service day is Mon 28.12. (holidays,
    # Sunday) -> 19:00.
    (berlin(2026, 12, 23, 10), "normal", False, 2, berlin(2026, 12, 28, 19)),
]


@pytest.mark.parametrize(("reported_at", "priority", "has_contract", "days", "due"), RELAXED_CASES)
def test_relaxed_ticket_is_due_at_the_later_of_target_and_x_th_service_day(
    reported_at, priority, has_contract, days, due
):
    assert response_due(reported_at, priority, has_contract, relaxed_days=days) == due


@pytest.mark.parametrize("days", [0, 31, -1])
def test_relaxed_days_outside_1_to_30_are_refused(days):
    with pytest.raises(ValueError, match="relaxed days"):
        response_due(MONDAY_1000, "normal", True, relaxed_days=days)


def test_unknown_priority_is_refused():
    with pytest.raises(ValueError, match="unknown priority"):
        response_due(MONDAY_1000, "urgent", True)


def test_configured_calendars_are_used():
    short_days = service_calendar({day: "08:00-17:00" for day in range(5)})
    calendars = {SERVICE: short_days, EXTENDED: extended_calendar()}
    # Mon 15:00 + 4h with 08-17: 2h Monday, Tue 08:00 + 2h.
    due = response_due(berlin(2026, 1, 12, 15), "normal", True, calendars=calendars)
    assert due == berlin(2026, 1, 13, 10)


def test_response_due_keeps_the_time_zone_of_reported_at():
    # Mon 10:00 Berlin = 09:00 UTC; due 14:00 Berlin = 13:00 UTC.
    due = response_due(datetime(2026, 1, 12, 9, tzinfo=UTC), "normal", True)
    assert due.tzinfo is UTC
    assert due == datetime(2026, 1, 12, 13, tzinfo=UTC)


# PRODUCT.md's two tables as they are written there: class | contract customer | no contract
PRODUCT_TABLES = {
    "response": """
        critical | 1 h, extended calendar | 4 h, service calendar
        normal | 4 h, service calendar | 16 h, service calendar
        low | 16 h, service calendar | 40 h, service calendar
    """,
    "resolution": """
        critical | 8 h, extended calendar | 24 h, service calendar
        normal | 24 h, service calendar | 48 h, service calendar
        low | 60 h, service calendar | 120 h, service calendar
    """,
}


@pytest.mark.parametrize("kind", ["response", "resolution"])
def test_default_targets_match_the_product_tables(kind):
    def written(target):
        return f"{target.hours:g} h, {target.calendar_name} calendar"

    rows = [
        " | ".join(
            (
                priority,
                written(target_for(priority, True, kind=kind)),
                written(target_for(priority, False, kind=kind)),
            )
        )
        for priority in PRIORITIES
    ]
    assert rows == [line.strip() for line in PRODUCT_TABLES[kind].strip().splitlines()]


def test_target_for_applies_overrides_with_the_default_calendar():
    assert target_for("critical", True) == ResponseTarget(1, EXTENDED)
    assert target_for("critical", True, {"critical": 3}) == ResponseTarget(3, EXTENDED)
    assert target_for("low", False, {"critical": 3}) == ResponseTarget(40, SERVICE)


def test_target_table_lists_every_class_in_queue_order():
    assert response_target_table() == [
        TargetRow("critical", ResponseTarget(1, EXTENDED), ResponseTarget(4, SERVICE)),
        TargetRow("normal", ResponseTarget(4, SERVICE), ResponseTarget(16, SERVICE)),
        TargetRow("low", ResponseTarget(16, SERVICE), ResponseTarget(40, SERVICE)),
    ]
    assert [row.priority for row in response_target_table()] == list(PRIORITIES)


def test_contract_overrides_change_only_the_contract_column_of_the_table():
    normal_row = response_target_table({"normal": 2})[1]
    assert normal_row.with_contract == ResponseTarget(2, SERVICE)
    assert normal_row.without_contract == ResponseTarget(16, SERVICE)
