"""Planned-change rules, hand-checked: lead times across holidays, date checks, double bookings."""

import datetime as dt

import pytest

from portal.changes import rules
from portal.changes.rules import Slot
from portal.sla.calendar import BERLIN, service_calendar

D = dt.date.fromisoformat
CAL = service_calendar()


@pytest.mark.parametrize(
    ("kind", "today", "expected"),
    [
        # Fri 27.11.: 10 service days (Mon-Sat) -> Wed 09.12.2026, the SLA-page example
        ("new_employee", "2026-11-27", "2026-12-09"),
        # Mon 21.12.: 22, 23, 24 (Christmas Eve is a working day), 25+26 holidays, Sun, 28, 29
        ("software_install", "2026-12-21", "2026-12-29"),
        # Tue 22.12.: 23, 24, (25, 26 holidays, Sun 27), 28
        ("other", "2026-12-22", "2026-12-28"),
        # Mon 28.12.: 29, 30, 31, (Neujahr Fri 1.1.), Sat 2.1., (Sun), Mon 4.1.
        ("update", "2026-12-28", "2027-01-04"),
        # Thu 25.3.2027: (Karfreitag 26.), Sat 27., (Sun, Ostermontag 29.), 30., 31.
        ("other", "2027-03-25", "2027-03-31"),
        # Mon 1.6.2026: 2, 3, (Fronleichnam Thu 4.), 5, Sat 6, (Sun), Mon 8
        ("software_install", "2026-06-01", "2026-06-08"),
        # announced on a Sunday: Monday is the first day of notice
        ("other", "2026-11-29", "2026-12-02"),
    ],
)
def test_recommended_earliest_counts_service_days_skipping_sundays_and_holidays(
    kind, today, expected
):
    lead = rules.lead_time(kind, D(today), D(expected), CAL)
    assert lead.recommended_earliest == D(expected)
    assert lead.ok


@pytest.mark.parametrize(
    ("kind", "today", "wished", "ok"),
    [
        ("new_employee", "2026-11-27", "2026-12-08", False),  # one day short
        ("new_employee", "2026-11-27", "2026-12-09", True),  # exactly enough
        ("software_install", "2026-12-21", "2026-12-28", False),  # holidays make it short
        ("other", "2026-12-22", "2026-12-22", False),  # today
        ("update", "2026-12-28", "2027-02-01", True),
    ],
)
def test_shorter_notice_is_flagged_not_refused(kind, today, wished, ok):
    assert rules.lead_time(kind, D(today), D(wished), CAL).ok is ok


def test_lead_times_are_configurable_per_kind():
    assert rules.lead_time_days("new_employee") == 10
    assert rules.lead_time_days("new_employee", {"new_employee": 15}) == 15
    assert rules.lead_time_days("other", {"new_employee": 15}) == 3
    with pytest.raises(ValueError):
        rules.lead_time_days("party")


@pytest.mark.parametrize(
    ("day", "today", "problem"),
    [
        ("2026-11-26", "2026-11-27", (rules.PAST, None)),
        ("2026-11-27", "2026-11-27", None),  # today is allowed (with a warning elsewhere)
        ("2026-11-28", "2026-11-27", None),  # Saturday is a service day
        ("2026-11-29", "2026-11-27", (rules.CLOSED_DAY, None)),  # Sunday
        ("2026-12-25", "2026-11-27", (rules.HOLIDAY, "Erster Weihnachtstag")),
        ("2026-10-03", "2026-10-01", (rules.HOLIDAY, "Tag der Deutschen Einheit")),  # Saturday
        ("2026-11-01", "2026-10-01", (rules.HOLIDAY, "Allerheiligen")),  # on a Sunday
        ("2026-12-24", "2026-11-27", None),  # Christmas Eve is no public holiday
        ("2027-11-27", "2026-11-27", None),  # exactly one year ahead
        ("2027-11-29", "2026-11-27", (rules.TOO_FAR, None)),  # more than a year (a Monday)
        ("2029-03-01", "2028-02-29", (rules.TOO_FAR, None)),  # leap day: a year is 28 Feb
        ("2029-02-28", "2028-02-29", None),
    ],
)
def test_date_problems(day, today, problem):
    assert rules.date_problem(D(day), D(today), CAL) == problem


def _slot(key, technician, start, end, day="2026-12-09"):
    def at(hhmm):
        return dt.datetime.combine(D(day), dt.time.fromisoformat(hhmm), tzinfo=BERLIN)

    return Slot(key, technician, at(start), at(end))


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ([], {}),
        ([_slot(1, 7, "09:00", "12:00")], {}),
        # back to back is not a double booking (half-open slots)
        ([_slot(1, 7, "09:00", "12:00"), _slot(2, 7, "12:00", "13:00")], {}),
        # overlap by one minute
        ([_slot(1, 7, "09:00", "12:00"), _slot(2, 7, "11:59", "13:00")], {1: {2}, 2: {1}}),
        # same time, different technicians: fine
        ([_slot(1, 7, "09:00", "12:00"), _slot(2, 8, "09:00", "12:00")], {}),
        # one long slot covering two short ones that do not touch each other
        (
            [
                _slot(1, 7, "08:00", "17:00"),
                _slot(2, 7, "09:00", "10:00"),
                _slot(3, 7, "14:00", "15:00"),
            ],
            {1: {2, 3}, 2: {1}, 3: {1}},
        ),
        # a slot contained in another, given in reverse order
        ([_slot(5, 7, "10:00", "11:00"), _slot(4, 7, "09:00", "18:00")], {4: {5}, 5: {4}}),
        # different days never clash
        (
            [_slot(1, 7, "09:00", "12:00"), _slot(2, 7, "09:00", "12:00", day="2026-12-10")],
            {},
        ),
    ],
)
def test_double_bookings(slots, expected):
    assert rules.double_bookings(slots) == expected


def test_clashes_with_ignores_the_change_itself():
    own = _slot(1, 7, "09:00", "12:00")
    others = [own, _slot(2, 7, "10:00", "11:00"), _slot(3, 8, "10:00", "11:00")]
    assert rules.clashes_with(own, others) == [2]


@pytest.mark.parametrize(
    ("text", "monday"),
    [("2026-W49", "2026-11-30"), ("2026-w01", "2025-12-29"), ("2026-W53", "2026-12-28")],
)
def test_iso_weeks(text, monday):
    assert rules.parse_iso_week(text) == D(monday)
    assert rules.iso_week(D(monday)) == text.upper()


@pytest.mark.parametrize(
    "text", ["", "2026", "2026-49", "2026-W54", "2025-W53", "abcd-Wxy", "9999-W52", "0001-W01"]
)
def test_invalid_iso_weeks_are_refused(text):
    with pytest.raises(ValueError):
        rules.parse_iso_week(text)


def test_local_slot_is_stored_in_utc_across_dst():
    winter = rules.local_slot(D("2026-12-09"), dt.time(9), dt.time(12), BERLIN)
    summer = rules.local_slot(D("2026-07-01"), dt.time(9), dt.time(12), BERLIN)
    assert winter == (
        dt.datetime(2026, 12, 9, 8, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 9, 11, tzinfo=dt.UTC),
    )
    assert summer[0] == dt.datetime(2026, 7, 1, 7, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-12-09", "2026-12-09"), ("09.12.2026", "2026-12-09"), (" 9.1.2027 ", "2027-01-09")],
)
def test_dates_are_read_in_iso_and_german_format(text, day):
    assert rules.parse_day(text) == D(day)


@pytest.mark.parametrize(
    "text",
    ["", "31.11.2026", "9.12.", "2026-13-01", "morgen", "1.2.3.4", "0001-01-01", "31.12.9999"],
)
def test_unreadable_dates_are_refused(text):
    with pytest.raises(ValueError):
        rules.parse_day(text)


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (dt.date(2026, 12, 7), dt.date(2026, 12, 7)),  # Monday
        (dt.date(2026, 12, 12), dt.date(2026, 12, 7)),  # Saturday: still this week
        (dt.date(2026, 12, 13), dt.date(2026, 12, 14)),  # Sunday: the coming week
    ],
)
def test_the_plan_opens_on_the_coming_week_on_a_sunday(today, monday):
    assert rules.planning_monday(today) == monday
