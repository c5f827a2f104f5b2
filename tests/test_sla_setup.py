"""The calendars built from configuration values, and the week as the SLA page writes it."""

from datetime import date, datetime, time

import pytest

from portal.sla.calendar import BERLIN, EXTENDED, SERVICE, SERVICE_HOURS
from portal.sla.setup import (
    OpeningHoursGroup,
    calendars_from_config,
    holiday_name,
    opening_hours_groups,
    weekly_hours_from_config,
)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"mon": "07:00-19:00"}, {0: "07:00-19:00"}),
        ({"SAT": "08:00-18:00", "sun": "10:00-12:00"}, {5: "08:00-18:00", 6: "10:00-12:00"}),
        ({"0": "07:00-19:00", 6: "00:00-24:00"}, {0: "07:00-19:00", 6: "00:00-24:00"}),
    ],
)
def test_weekdays_are_read_by_name_or_number(config, expected):
    assert weekly_hours_from_config(config) == expected


@pytest.mark.parametrize("config", [{"montag": "07:00-19:00"}, {"7": "07:00-19:00"}])
def test_unknown_weekdays_are_refused(config):
    with pytest.raises(ValueError, match="weekdays"):
        weekly_hours_from_config(config)


def test_the_same_weekday_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        weekly_hours_from_config({"mon": "07:00-19:00", "0": "08:00-18:00"})


def test_no_configuration_means_the_sla_pages_calendars():
    calendars = calendars_from_config({})
    assert calendars[SERVICE].weekly_hours[0] == SERVICE_HOURS[0]
    assert calendars[SERVICE].closed_on_holidays is True
    assert calendars[EXTENDED].closed_on_holidays is False
    assert calendars[EXTENDED].weekly_hours[6] == (time(0), time(0))


def test_configured_hours_change_when_the_hotline_is_open():
    calendars = calendars_from_config(
        {"SERVICE_HOURS": {"mon": "08:00-17:00"}, "SERVICE_CLOSED_ON_HOLIDAYS": False}
    )
    service = calendars[SERVICE]
    monday_0730 = datetime(2026, 11, 23, 7, 30, tzinfo=BERLIN)
    assert not service.is_open(monday_0730)
    assert service.next_opening(monday_0730) == datetime(2026, 11, 23, 8, 0, tzinfo=BERLIN)
    assert service.weekly_hours[5] is None  # Saturday left out: closed


def test_the_default_week_is_written_as_on_the_sla_page():
    groups = opening_hours_groups(calendars_from_config({})[SERVICE])
    assert groups == [
        OpeningHoursGroup(0, 4, time(7), time(19)),
        OpeningHoursGroup(5, 5, time(8), time(18)),
    ]


def test_days_with_the_same_hours_but_a_gap_stay_apart():
    calendar = calendars_from_config(
        {"SERVICE_HOURS": {"mon": "07:00-19:00", "wed": "07:00-19:00"}}
    )[SERVICE]
    assert [(g.first_day, g.last_day) for g in opening_hours_groups(calendar)] == [(0, 0), (2, 2)]


def test_the_extended_week_is_one_all_day_group():
    (group,) = opening_hours_groups(calendars_from_config({})[EXTENDED])
    assert (group.first_day, group.last_day, group.all_day) == (0, 6, True)


@pytest.mark.parametrize(
    ("day", "language", "expected"),
    [
        (date(2026, 6, 4), "de", "Fronleichnam"),
        (date(2026, 6, 4), "en", "Corpus Christi"),
        (date(2026, 11, 1), "de", "Allerheiligen"),
        (date(2026, 11, 2), "de", None),
    ],
)
def test_holidays_are_named_in_the_users_language(day, language, expected):
    assert holiday_name(calendars_from_config({})[SERVICE], day, language) == expected
