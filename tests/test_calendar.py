"""Hand-checked cases and properties of the service calendars (portal/sla/calendar.py)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.sla.calendar import (
    BERLIN,
    EXTENDED,
    SERVICE,
    ServiceCalendar,
    extended_calendar,
    parse_daily_hours,
    service_calendar,
)

SERVICE_CALENDAR = service_calendar()
EXTENDED_CALENDAR = extended_calendar()


def berlin(year, month, day, hour=0, minute=0, fold=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN, fold=fold)


def same_instant(a: datetime, b: datetime) -> bool:
    # Aware datetimes sharing one ZoneInfo compare by wall clock and ignore fold, so compare
    # in UTC to tell the two 02:30 of the October night apart.
    return a.astimezone(UTC) == b.astimezone(UTC)


# Service calendar: Mon-Fri 07-19, Sat 08-18, closed Sunday and NRW holidays.
SERVICE_ADD_HOURS_CASES = [
    # Fri 18:30 +1h: 30 min until 19:00, 30 min from Sat 08:00.
    pytest.param(berlin(2026, 1, 9, 18, 30), 1, berlin(2026, 1, 10, 8, 30), id="friday-evening"),
    # Sat 17:00 +4h: 1h until 18:00, Sunday closed, Mon 07:00 + 3h.
    pytest.param(berlin(2026, 1, 10, 17), 4, berlin(2026, 1, 12, 10), id="saturday-to-monday"),
    # Sun 10:00 closed: the clock starts Mon 07:00, +2h.
    pytest.param(berlin(2026, 1, 11, 10), 2, berlin(2026, 1, 12, 9), id="sunday"),
    # Mon 18:00 +1h fills the day exactly: due at closing time, not next morning.
    pytest.param(berlin(2026, 1, 12, 18), 1, berlin(2026, 1, 12, 19), id="exactly-to-closing"),
    # Mon 06:00 before opening: 07:00 + 1.5h.
    pytest.param(berlin(2026, 1, 12, 6), 1.5, berlin(2026, 1, 12, 8, 30), id="before-opening"),
    # Thu 24.12.2026 (Heiligabend is no holiday in NRW) 18:00: 1h, then 25.+26. holidays,
    # 27. Sunday, Mon 28.12. 07:00 + 1h.
    pytest.param(berlin(2026, 12, 24, 18), 2, berlin(2026, 12, 28, 8), id="christmas"),
    # Thu 31.12.2026 18:00: 1h, Fri 1.1.2027 Neujahr, Sat 2.1. 08:00 + 1h.
    pytest.param(berlin(2026, 12, 31, 18), 2, berlin(2027, 1, 2, 9), id="new-year"),
    # Thu 2.4.2026 18:00 +12h: 1h Thu, Karfreitag 3.4. closed, Sat 4.4. 10h (11h),
    # Easter Sunday, Ostermontag 6.4. closed, Tue 7.4. 07:00 + 1h.
    pytest.param(berlin(2026, 4, 2, 18), 12, berlin(2026, 4, 7, 8), id="easter"),
    # Wed 3.6.2026 18:00: 1h, Fronleichnam Thu 4.6. closed, Fri 5.6. 07:00 + 1h.
    pytest.param(berlin(2026, 6, 3, 18), 2, berlin(2026, 6, 5, 8), id="fronleichnam"),
    # Fri 31.10.2025 (Reformationstag is no holiday in NRW) 18:00: 1h, Allerheiligen Sat 1.11.
    # closed, Sunday, Mon 3.11. 07:00 + 1h.
    pytest.param(berlin(2025, 10, 31, 18), 2, berlin(2025, 11, 3, 8), id="allerheiligen"),
    # Fri 2.10.2026 18:30: 30 min, Tag der Deutschen Einheit Sat 3.10., Sunday, Mon 07:00 + 30.
    pytest.param(berlin(2026, 10, 2, 18, 30), 1, berlin(2026, 10, 5, 7, 30), id="einheit"),
    # Thu 30.4.2026 18:00: 1h, 1. Mai Fri closed, Sat 2.5. 08:00 + 2h.
    pytest.param(berlin(2026, 4, 30, 18), 3, berlin(2026, 5, 2, 10), id="erster-mai"),
    # Sat 28.3.2026 17:00 CET: 1h, Sunday (DST night), Mon 30.3. 07:00 CEST + 3h.
    pytest.param(berlin(2026, 3, 28, 17), 4, berlin(2026, 3, 30, 10), id="service-over-dst"),
    # Mon 12.1.2026 10:00 +40h: Mon 9h (31 left), Tue 12h (19), Wed 12h (7), Thu 07:00 + 7h.
    pytest.param(berlin(2026, 1, 12, 10), 40, berlin(2026, 1, 15, 14), id="forty-hours"),
    # A timedelta works like hours: Fri 18:00 + 90 min = 60 min Fri, Sat 08:00 + 30 min.
    pytest.param(
        berlin(2026, 1, 9, 18), timedelta(minutes=90), berlin(2026, 1, 10, 8, 30), id="timedelta"
    ),
]


@pytest.mark.parametrize(("start", "hours", "expected"), SERVICE_ADD_HOURS_CASES)
def test_service_calendar_counts_only_service_hours(start, hours, expected):
    assert same_instant(SERVICE_CALENDAR.add_hours(start, hours), expected)


EXTENDED_ADD_HOURS_CASES = [
    # Sun 23:30 + 1h: every day is open, the night runs through midnight.
    pytest.param(berlin(2026, 1, 11, 23, 30), 1, berlin(2026, 1, 12, 0, 30), id="sunday-night"),
    # Karfreitag is open in the extended calendar.
    pytest.param(berlin(2026, 4, 3, 12), 1, berlin(2026, 4, 3, 13), id="holiday-open"),
    # 29.3.2026 01:30 CET (00:30 UTC) + 1 real hour = 01:30 UTC = 03:30 CEST.
    pytest.param(berlin(2026, 3, 29, 1, 30), 1, berlin(2026, 3, 29, 3, 30), id="spring-forward"),
    # Sat 28.3. 22:00 CET (21:00 UTC) + 4h = 01:00 UTC = 03:00 CEST.
    pytest.param(berlin(2026, 3, 28, 22), 4, berlin(2026, 3, 29, 3), id="spring-night"),
    # 25.10.2026 02:30 CEST (00:30 UTC) + 1h = 01:30 UTC = the second 02:30, now CET.
    pytest.param(
        berlin(2026, 10, 25, 2, 30), 1, berlin(2026, 10, 25, 2, 30, fold=1), id="fall-back"
    ),
    # Sat 24.10. 23:00 CEST (21:00 UTC) + 5h = 02:00 UTC = 03:00 CET.
    pytest.param(berlin(2026, 10, 24, 23), 5, berlin(2026, 10, 25, 3), id="fall-night"),
]


@pytest.mark.parametrize(("start", "hours", "expected"), EXTENDED_ADD_HOURS_CASES)
def test_extended_calendar_counts_real_elapsed_hours(start, hours, expected):
    assert same_instant(EXTENDED_CALENDAR.add_hours(start, hours), expected)


def test_adjacent_all_day_hours_form_one_open_period():
    calendar = ServiceCalendar(name="custom", weekly_hours={4: "07:00-24:00", 5: "00:00-12:00"})
    # Fri 23:00 + 2h crosses midnight into Saturday without waiting for an opening.
    assert calendar.add_hours(berlin(2026, 1, 9, 23), 2) == berlin(2026, 1, 10, 1)
    assert calendar.is_open(berlin(2026, 1, 10, 0))


IS_OPEN_CASES = [
    (berlin(2026, 1, 12, 7), True),  # Monday opening is inclusive
    (berlin(2026, 1, 12, 6, 59), False),
    (berlin(2026, 1, 12, 19), False),  # closing is exclusive
    (berlin(2026, 1, 10, 8), True),  # Saturday 08:00
    (berlin(2026, 1, 10, 18), False),  # Saturday closes at 18:00
    (berlin(2026, 1, 11, 12), False),  # Sunday
    (berlin(2026, 12, 24, 12), True),  # Heiligabend is a normal Thursday
    (berlin(2026, 12, 25, 12), False),  # Erster Weihnachtstag
    (berlin(2026, 6, 4, 12), False),  # Fronleichnam
    (datetime(2026, 1, 12, 6, 30, tzinfo=UTC), True),  # 07:30 in Berlin
]


@pytest.mark.parametrize(("moment", "expected"), IS_OPEN_CASES)
def test_is_open_follows_service_hours(moment, expected):
    assert SERVICE_CALENDAR.is_open(moment) is expected


@pytest.mark.parametrize(
    "moment", [berlin(2026, 1, 11, 12), berlin(2026, 4, 3, 0), berlin(2026, 3, 29, 2, 30)]
)
def test_extended_calendar_is_always_open(moment):
    assert EXTENDED_CALENDAR.is_open(moment)


NEXT_OPENING_CASES = [
    # "wieder erreichbar ab Mo, 07:00": Sat after closing -> Monday 07:00.
    (berlin(2026, 1, 10, 18, 30), berlin(2026, 1, 12, 7)),
    (berlin(2026, 1, 9, 19), berlin(2026, 1, 10, 8)),  # Fri closing -> Sat 08:00
    (berlin(2026, 1, 12, 10), berlin(2026, 1, 12, 10)),  # open: the moment itself
    (berlin(2026, 12, 24, 19), berlin(2026, 12, 28, 7)),  # over Christmas
    (berlin(2026, 4, 2, 20), berlin(2026, 4, 4, 8)),  # over Karfreitag to Saturday
]


@pytest.mark.parametrize(("moment", "expected"), NEXT_OPENING_CASES)
def test_next_opening(moment, expected):
    assert SERVICE_CALENDAR.next_opening(moment) == expected


def test_results_keep_the_time_zone_of_the_input():
    # Sat 18:30 Berlin = 17:30 UTC; Monday 07:00 Berlin = 06:00 UTC.
    result = SERVICE_CALENDAR.next_opening(datetime(2026, 1, 10, 17, 30, tzinfo=UTC))
    assert result.tzinfo is UTC
    assert result == datetime(2026, 1, 12, 6, tzinfo=UTC)
    assert SERVICE_CALENDAR.add_hours(berlin(2026, 1, 12, 10), 1).tzinfo is BERLIN


def test_adding_zero_hours_waits_for_the_next_opening_only_when_closed():
    assert SERVICE_CALENDAR.add_hours(berlin(2026, 1, 12, 10), 0) == berlin(2026, 1, 12, 10)
    assert SERVICE_CALENDAR.add_hours(berlin(2026, 1, 11, 10), 0) == berlin(2026, 1, 12, 7)


def test_naive_datetimes_and_negative_hours_are_refused():
    with pytest.raises(ValueError, match="aware"):
        SERVICE_CALENDAR.add_hours(datetime(2026, 1, 12, 10), 1)
    with pytest.raises(ValueError, match="negative"):
        SERVICE_CALENDAR.add_hours(berlin(2026, 1, 12, 10), -1)
    with pytest.raises(ValueError, match="aware"):
        SERVICE_CALENDAR.is_open(datetime(2026, 1, 12, 10))


HOLIDAY_NAME_CASES = [
    (date(2026, 1, 1), "Neujahr"),
    (date(2026, 4, 3), "Karfreitag"),
    (date(2026, 4, 6), "Ostermontag"),
    (date(2026, 5, 1), "Erster Mai"),
    (date(2026, 6, 4), "Fronleichnam"),
    (date(2026, 10, 3), "Tag der Deutschen Einheit"),
    (date(2026, 11, 1), "Allerheiligen"),
    (date(2026, 12, 25), "Erster Weihnachtstag"),
    (date(2026, 12, 26), "Zweiter Weihnachtstag"),
    (date(2026, 12, 24), None),  # Heiligabend: no public holiday in NRW
    (date(2026, 10, 31), None),  # Reformationstag: a holiday elsewhere, not in NRW
    (date(2026, 1, 12), None),
]


@pytest.mark.parametrize(("day", "expected"), HOLIDAY_NAME_CASES)
def test_holiday_name_in_german(day, expected):
    assert SERVICE_CALENDAR.holiday_name(day) == expected


SERVICE_DAY_CASES = [
    (date(2026, 1, 12), True),  # Monday
    (date(2026, 1, 10), True),  # Saturday
    (date(2026, 1, 11), False),  # Sunday
    (date(2026, 12, 24), True),  # Heiligabend
    (date(2026, 12, 25), False),
    (date(2025, 11, 1), False),  # Allerheiligen on a Saturday
]


@pytest.mark.parametrize(("day", "expected"), SERVICE_DAY_CASES)
def test_is_service_day(day, expected):
    assert SERVICE_CALENDAR.is_service_day(day) is expected


def test_extended_calendar_serves_on_sundays_and_holidays():
    assert EXTENDED_CALENDAR.is_service_day(date(2026, 12, 25))
    assert EXTENDED_CALENDAR.holiday_name(date(2026, 12, 25)) == "Erster Weihnachtstag"


NTH_SERVICE_DAY_CASES = [
    (date(2026, 12, 23), 1, date(2026, 12, 24)),  # Heiligabend counts
    (date(2026, 12, 23), 2, date(2026, 12, 28)),  # 25., 26. holidays, 27. Sunday
    (date(2026, 4, 2), 1, date(2026, 4, 4)),  # Karfreitag skipped, Saturday counts
    (date(2026, 4, 2), 2, date(2026, 4, 7)),  # Sunday and Ostermontag skipped
    (date(2026, 10, 2), 1, date(2026, 10, 5)),  # Einheit on Saturday, then Sunday
    # New employee, 10 service days from Mon 5.1.2026: Tue 6 .. Sat 10 are 1-5,
    # Mon 12 .. Fri 16 are 6-10.
    (date(2026, 1, 5), 10, date(2026, 1, 16)),
    (date(2026, 1, 11), 1, date(2026, 1, 12)),  # from a Sunday
]


@pytest.mark.parametrize(("day", "n", "expected"), NTH_SERVICE_DAY_CASES)
def test_nth_service_day_skips_sundays_and_holidays(day, n, expected):
    assert SERVICE_CALENDAR.nth_service_day(day, n) == expected


def test_nth_service_day_counts_from_one():
    with pytest.raises(ValueError):
        SERVICE_CALENDAR.nth_service_day(date(2026, 1, 12), 0)


END_OF_NTH_SERVICE_DAY_CASES = [
    # The day of the report never counts, whatever the hour.
    (berlin(2026, 1, 12, 10), 1, berlin(2026, 1, 13, 19)),  # Mon -> Tue closing
    (berlin(2026, 1, 12, 6), 1, berlin(2026, 1, 13, 19)),  # before Monday opens, too
    (berlin(2026, 1, 9, 10), 1, berlin(2026, 1, 10, 18)),  # Fri -> Sat closes 18:00
    (berlin(2026, 1, 10, 10), 1, berlin(2026, 1, 12, 19)),  # Sat -> Mon
    (berlin(2026, 1, 11, 10), 1, berlin(2026, 1, 12, 19)),  # Sun -> Mon
    (berlin(2026, 1, 12, 10), 3, berlin(2026, 1, 15, 19)),  # Mon -> Thu
    (berlin(2026, 12, 23, 10), 2, berlin(2026, 12, 28, 19)),  # over Christmas
]


@pytest.mark.parametrize(("moment", "n", "expected"), END_OF_NTH_SERVICE_DAY_CASES)
def test_end_of_nth_service_day(moment, n, expected):
    assert SERVICE_CALENDAR.end_of_nth_service_day(moment, n) == expected


def test_end_of_nth_service_day_in_extended_calendar_is_midnight():
    # Sun -> Monday is day 1; it ends at 24:00, i.e. Tue 00:00.
    result = EXTENDED_CALENDAR.end_of_nth_service_day(berlin(2026, 1, 11, 10), 1)
    assert result == berlin(2026, 1, 13, 0)


OPENING_HOURS_ON_CASES = [
    (SERVICE_CALENDAR, date(2026, 1, 12), (berlin(2026, 1, 12, 7), berlin(2026, 1, 12, 19))),
    (SERVICE_CALENDAR, date(2026, 1, 10), (berlin(2026, 1, 10, 8), berlin(2026, 1, 10, 18))),
    (SERVICE_CALENDAR, date(2026, 1, 11), None),
    (SERVICE_CALENDAR, date(2026, 6, 4), None),
    (EXTENDED_CALENDAR, date(2026, 6, 4), (berlin(2026, 6, 4), berlin(2026, 6, 5))),
]


@pytest.mark.parametrize(("calendar", "day", "expected"), OPENING_HOURS_ON_CASES)
def test_opening_hours_on(calendar, day, expected):
    assert calendar.opening_hours_on(day) == expected


def test_opening_hours_on_a_short_dst_day_last_23_hours():
    opens, closes = EXTENDED_CALENDAR.opening_hours_on(date(2026, 3, 29))
    assert closes.astimezone(UTC) - opens.astimezone(UTC) == timedelta(hours=23)


def test_factories_take_configured_hours():
    calendar = service_calendar({0: "08:00-17:00"}, closed_on_holidays=False)
    assert calendar.name == SERVICE
    assert calendar.opening_hours_on(date(2026, 1, 12)) == (
        berlin(2026, 1, 12, 8),
        berlin(2026, 1, 12, 17),
    )
    assert not calendar.is_service_day(date(2026, 1, 13))
    assert extended_calendar().name == EXTENDED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:00-19:00", (time(7), time(19))),
        ("00:00-24:00", (time(0), time(0))),
        (" 08:30 - 18:00 ", (time(8, 30), time(18))),
    ],
)
def test_parse_daily_hours(text, expected):
    assert parse_daily_hours(text) == expected


@pytest.mark.parametrize("weekly_hours", [{}, {0: "19:00-07:00"}, {7: "07:00-19:00"}, {0: "07:00"}])
def test_invalid_weekly_hours_are_refused(weekly_hours):
    with pytest.raises(ValueError):
        ServiceCalendar(name="broken", weekly_hours=weekly_hours)


def test_calendars_are_hashable_values():
    assert service_calendar() == SERVICE_CALENDAR
    assert hash(service_calendar()) == hash(SERVICE_CALENDAR)


# Properties over 2025-2028, which covers both DST nights and all holidays several times.
instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)
minutes = st.integers(min_value=0, max_value=80 * 60).map(lambda m: timedelta(minutes=m))
positive_minutes = st.integers(min_value=1, max_value=80 * 60).map(lambda m: timedelta(minutes=m))
calendars = st.sampled_from([SERVICE_CALENDAR, EXTENDED_CALENDAR])
EPSILON = timedelta(microseconds=1)


@settings(max_examples=300)
@given(calendar=calendars, start=instants, duration=positive_minutes)
def test_open_time_ends_just_after_an_open_instant(calendar, start, duration):
    result = calendar.add_hours(start, duration)
    assert result > start
    assert calendar.is_open(result - EPSILON)


@settings(max_examples=300)
@given(calendar=calendars, start=instants, first=minutes, second=positive_minutes)
def test_adding_in_two_steps_equals_adding_the_sum(calendar, start, first, second):
    in_two_steps = calendar.add_hours(calendar.add_hours(start, first), second)
    assert in_two_steps == calendar.add_hours(start, first + second)


@settings(max_examples=300)
@given(calendar=calendars, start=instants, a=minutes, b=minutes)
def test_more_hours_are_never_earlier(calendar, start, a, b):
    shorter, longer = sorted([a, b])
    assert calendar.add_hours(start, shorter) <= calendar.add_hours(start, longer)


@settings(max_examples=300)
@given(calendar=calendars, a=instants, b=instants, duration=minutes)
def test_a_later_start_is_never_due_earlier(calendar, a, b, duration):
    earlier, later = sorted([a, b])
    assert calendar.add_hours(earlier, duration) <= calendar.add_hours(later, duration)


@settings(max_examples=300)
@given(start=instants, duration=minutes)
def test_extended_calendar_is_plain_elapsed_time(start, duration):
    assert EXTENDED_CALENDAR.add_hours(start, duration) == start + duration


@settings(max_examples=300)
@given(calendar=calendars, moment=instants)
def test_next_opening_is_open_and_not_before_the_moment(calendar, moment):
    opening = calendar.next_opening(moment)
    assert opening >= moment
    assert calendar.is_open(opening)
    assert calendar.is_open(moment) == (opening == moment)
