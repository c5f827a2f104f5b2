"""open_time_between reads a year's running totals (fast, for reports over 100 000 tickets);
it must give exactly what stepping day by day through the open intervals gives."""

from datetime import UTC, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.sla.calendar import BERLIN, MIDNIGHT, extended_calendar, service_calendar

CALENDARS = {
    "service": service_calendar(),
    "service-open-on-holidays": service_calendar(closed_on_holidays=False),
    "extended": extended_calendar(),
    "extended-closed-on-holidays": extended_calendar(closed_on_holidays=True),
    # late shifts ending at midnight, the weekend open all day: adjacent periods
    "night": service_calendar(
        {0: (time(22), MIDNIGHT), 3: (time(22), MIDNIGHT), 5: "00:00-24:00", 6: "00:00-24:00"}
    ),
}
ZONES = (UTC, BERLIN, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-7)))


def berlin(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@settings(max_examples=400, deadline=None)
@given(
    name=st.sampled_from(sorted(CALENDARS)),
    start=st.datetimes(
        min_value=datetime(2024, 12, 1), max_value=datetime(2028, 1, 31), timezones=st.just(UTC)
    ),
    length=st.one_of(
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=30)),
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=500)),
        st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(0)),
    ),
    zones=st.tuples(st.sampled_from(ZONES), st.sampled_from(ZONES)),
)
def test_open_time_between_equals_stepping_day_by_day(name, start, length, zones):
    calendar = CALENDARS[name]
    begin, end = start.astimezone(zones[0]), (start + length).astimezone(zones[1])
    assert calendar.open_time_between(begin, end) == calendar._open_time_day_by_day(begin, end)


@pytest.mark.parametrize(
    ("name", "start", "end", "hours"),
    [
        # Thursday 31 Dec 18:00 to Saturday 2 Jan 09:00: 1 h + (New Year closed) + 1 h
        ("service", berlin(2026, 12, 31, 18), berlin(2027, 1, 2, 9), 2),
        # New Year's Eve 23:00 Berlin is 22:00 UTC: across the local year's end, all open
        ("extended", berlin(2026, 12, 31, 23), berlin(2027, 1, 1, 1), 2),
        # the 25-hour day at the end of summer time, counted in real hours
        ("extended", berlin(2026, 10, 25), berlin(2026, 10, 26), 25),
        # the 23-hour day in spring
        ("extended", berlin(2026, 3, 29), berlin(2026, 3, 30), 23),
        # Friday 17:00 to Monday 08:00: 2 h Friday, 10 h Saturday, closed Sunday, 1 h Monday
        ("service", berlin(2026, 11, 13, 17), berlin(2026, 11, 16, 8), 13),
        # Good Friday and Easter Monday closed: Thursday 18:00 to Tuesday 08:00
        ("service", berlin(2026, 4, 2, 18), berlin(2026, 4, 7, 8), 1 + 10 + 1),
        # a whole year of service hours: 261 weekdays * 12 h + 52 Saturdays * 10 h, less the
        # NRW holidays of 2026 on weekdays (1.1., 3.4., 6.4., 1.5., 14.5., 25.5., 4.6., 25.12.)
        # and on Saturdays (3.10., 26.12.); 1.11. is a Sunday
        ("service", berlin(2026, 1, 1), berlin(2027, 1, 1), 261 * 12 + 52 * 10 - 8 * 12 - 2 * 10),
    ],
)
def test_open_time_between_hand_checked(name, start, end, hours):
    assert CALENDARS[name].open_time_between(start, end) == timedelta(hours=hours)


def test_open_time_between_refuses_naive_times():
    with pytest.raises(ValueError, match="aware"):
        service_calendar().open_time_between(datetime(2026, 1, 5, 8), berlin(2026, 1, 5, 9))


END = st.one_of(
    st.none(), st.timedeltas(min_value=timedelta(days=-1), max_value=timedelta(days=40))
)


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(sorted(CALENDARS)),
    rows=st.lists(
        st.tuples(
            st.datetimes(
                min_value=datetime(2025, 12, 20),
                max_value=datetime(2027, 1, 10),
                timezones=st.sampled_from(ZONES),
            ),
            END,
            END,
        ),
        max_size=30,
    ),
)
def test_open_times_since_equals_one_pair_at_a_time(name, rows):
    """The report's bulk form (a start, two ends): pairs in and out of the first start's
    year, in any zone, and None for an end not yet recorded."""
    calendar = CALENDARS[name]
    starts = [start for start, _, _ in rows]
    columns = [[None if row[k] is None else row[0] + row[k] for row in rows] for k in (1, 2)]
    expected = [
        [
            None if end is None else calendar.open_time_between(start, end)
            for start, end in zip(starts, column, strict=True)
        ]
        for column in columns
    ]
    assert calendar.open_times_since(starts, *columns) == expected
