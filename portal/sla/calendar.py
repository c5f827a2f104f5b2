"""Service calendars (opening hours, NRW holidays) and arithmetic that counts only open hours."""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
# A moment as the API takes it: ISO 8601 date and time, seconds and offset optional. Without an
# offset it is the provider's local time (BERLIN), as people say times on the phone.
LOCAL_MOMENT_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?$"
)
_LOCAL_MOMENT = re.compile(LOCAL_MOMENT_PATTERN)
MIDNIGHT = time(0)
ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)

SERVICE = "service"
EXTENDED = "extended"

# (opens, closes) in local time; closes == 00:00 means 24:00, the midnight that ends the day.
DailyHours = tuple[time, time]

SERVICE_HOURS: Mapping[int, DailyHours] = MappingProxyType(
    {
        **{day: (time(7), time(19)) for day in (MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)},
        SATURDAY: (time(8), time(18)),
    }
)
EXTENDED_HOURS: Mapping[int, DailyHours] = MappingProxyType(
    {day: (MIDNIGHT, MIDNIGHT) for day in range(7)}
)

# Any real calendar opens within a few days; the bound only stops a calendar that never opens.
_MAX_SEARCH_DAYS = 3 * 366


def parse_daily_hours(text: str) -> DailyHours:
    """Read configuration text such as "07:00-19:00" or "00:00-24:00" into (opens, closes)."""
    opens_text, separator, closes_text = text.partition("-")
    if not separator:
        raise ValueError(f"opening hours must look like 07:00-19:00, got {text!r}")
    closes_text = closes_text.strip()
    closes = MIDNIGHT if closes_text == "24:00" else time.fromisoformat(closes_text)
    return time.fromisoformat(opens_text.strip()), closes


# Public holidays by (country, subdivision, year, language): the day and its name.
HolidayKey = tuple[str, str | None, int, str]
# The holidays library's language for each of the portal's.
HOLIDAY_LANGUAGES: Mapping[str, str] = MappingProxyType({"de": "de", "en": "en_US"})
_KEPT_HOLIDAYS: dict[HolidayKey, Mapping[date, str]] = {}


# At most one reader that keeps the holidays stored elsewhere, called on the first miss.
_HOLIDAY_READERS: list[Callable[[], bool]] = []
_READING = threading.Lock()


def keep_holidays(key: HolidayKey, days: Mapping[date, str]) -> None:
    """Holidays computed elsewhere (the database keeps them: portal/holiday_days.py), used
    instead of computing them here."""
    _KEPT_HOLIDAYS[key] = MappingProxyType(dict(days))


def read_holidays_with(reader: Callable[[], bool] | None) -> None:
    """``reader`` keeps (keep_holidays) what is stored, the first time holidays are needed,
    and says whether it could read; if not, it is asked again next time. None: no reader
    (what is stored has been read)."""
    _HOLIDAY_READERS[:] = [reader] if reader else []


def public_holidays(key: HolidayKey) -> Mapping[date, str]:
    """The holidays of (country, subdivision, year, language): kept ones, else computed."""
    kept = _KEPT_HOLIDAYS.get(key)
    if kept is None and _HOLIDAY_READERS:
        with _READING:  # one thread reads; the others wait for what it keeps
            if _HOLIDAY_READERS and _HOLIDAY_READERS[0]():
                _HOLIDAY_READERS.clear()
        kept = _KEPT_HOLIDAYS.get(key)
    return kept if kept is not None else computed_holidays(key)


@cache
def computed_holidays(key: HolidayKey) -> Mapping[date, str]:
    """The holidays library's answer. Imported here, not at the top: looking up one country
    imports the modules of all its 250 (about 9 MiB in each process), which a web worker
    whose holidays the database keeps never needs."""
    import holidays

    country, subdivision, year, language = key
    found = holidays.country_holidays(
        country, subdiv=subdivision, years=year, language=HOLIDAY_LANGUAGES[language]
    )
    return MappingProxyType(dict(found))


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC; ValueError for a naive datetime, whose instant is unknown."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"an aware datetime is required, got naive {moment!r}")
    return moment.astimezone(UTC)


def parse_local_moment(text: str) -> datetime:
    """The instant (in UTC) of an API time such as 2026-11-25T08:30 or 2026-11-25T08:30:00+01:00;
    a time without offset is read as Berlin time. ValueError for anything else, OverflowError
    for a moment outside the years 1..9999 once in UTC."""
    if not isinstance(text, str) or not _LOCAL_MOMENT.fullmatch(text):
        raise ValueError(f"not an ISO 8601 date and time: {text!r}")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BERLIN)
    return moment.astimezone(UTC)


def _local_date(moment: datetime) -> date:
    return moment.astimezone(BERLIN).date()


def _as_duration(hours: float | timedelta) -> timedelta:
    duration = hours if isinstance(hours, timedelta) else timedelta(hours=hours)
    if duration < timedelta(0):
        raise ValueError(f"open hours to add must not be negative, got {hours!r}")
    return duration


def _normalise_weekly_hours(
    weekly_hours: Mapping[int, DailyHours | str] | tuple[DailyHours | None, ...],
) -> tuple[DailyHours | None, ...]:
    if not isinstance(weekly_hours, Mapping):
        weekly_hours = dict(enumerate(weekly_hours))
    unknown_days = set(weekly_hours) - set(range(7))
    if unknown_days:
        raise ValueError(f"weekdays are 0 (Monday) to 6 (Sunday), got {sorted(unknown_days)}")
    week = []
    for weekday in range(7):
        hours = weekly_hours.get(weekday)
        if isinstance(hours, str):
            hours = parse_daily_hours(hours)
        if hours is not None:
            _check_daily_hours(hours)
        week.append(hours)
    if not any(week):
        raise ValueError("a service calendar needs at least one open weekday")
    return tuple(week)


def _check_daily_hours(hours: DailyHours) -> None:
    opens, closes = hours
    if opens.tzinfo is not None or closes.tzinfo is not None:
        raise ValueError("opening hours are local wall-clock times without a time zone")
    if closes != MIDNIGHT and closes <= opens:
        raise ValueError(f"a day must close after it opens, got {opens}-{closes}")


@dataclass(frozen=True)
class ServiceCalendar:
    """When the provider is reachable: weekly opening hours, closed on public holidays or not.

    ``weekly_hours`` may be given as a mapping weekday (0 = Monday) -> (opens, closes) or
    "HH:MM-HH:MM"; it is stored as a 7-tuple indexed by weekday, ``None`` meaning closed.
    A closing time of 00:00 means 24:00, so 00:00-00:00 is open all day, and two such days in
    a row form one continuous open period.

    Arithmetic runs on UTC instants while opening hours are read in Europe/Berlin, so DST
    nights (23 h and 25 h days) come from the time zone database, never from hand-written
    offsets. Methods taking a datetime return the same instant in the time zone of that input.
    Naive datetimes are refused with ValueError.
    """

    name: str
    weekly_hours: tuple[DailyHours | None, ...]
    closed_on_holidays: bool = True
    holiday_country: str = "DE"
    holiday_subdivision: str | None = "NW"

    def __post_init__(self) -> None:
        object.__setattr__(self, "weekly_hours", _normalise_weekly_hours(self.weekly_hours))

    def holiday_name(self, day: date) -> str | None:
        """German name of the public holiday on ``day``, whether or not it closes this calendar."""
        return self.holidays_in(day.year).get(day)

    def holidays_in(self, year: int, language: str = "de") -> Mapping[date, str]:
        """The public holidays of ``year`` where the calendar is, named in ``language``."""
        return public_holidays((self.holiday_country, self.holiday_subdivision, year, language))

    def is_service_day(self, day: date) -> bool:
        """Whether the calendar opens at all on ``day``."""
        if self.weekly_hours[day.weekday()] is None:
            return False
        return not (self.closed_on_holidays and self.holiday_name(day) is not None)

    def opening_hours_on(self, day: date) -> tuple[datetime, datetime] | None:
        """(opens, closes) on ``day`` as aware Europe/Berlin datetimes, or None if closed."""
        if not self.is_service_day(day):
            return None
        opens, closes = self.weekly_hours[day.weekday()]
        closing_day = day + ONE_DAY if closes == MIDNIGHT else day
        return (
            datetime.combine(day, opens, tzinfo=BERLIN),
            datetime.combine(closing_day, closes, tzinfo=BERLIN),
        )

    def is_open(self, moment: datetime) -> bool:
        """Whether ``moment`` lies inside opening hours (opening inclusive, closing exclusive)."""
        instant = as_utc(moment)
        interval = self._open_interval_utc(_local_date(instant))
        return interval is not None and interval[0] <= instant < interval[1]

    def next_opening(self, moment: datetime) -> datetime:
        """``moment`` itself if open, else the instant the calendar next opens (input's tz)."""
        return self.add_hours(moment, timedelta(0))

    def add_hours(self, start: datetime, hours: float | timedelta) -> datetime:
        """The instant after ``hours`` of open time have passed since ``start`` (input's tz).

        Adding 0 gives ``start`` if open, else the next opening. A duration that exactly
        fills the open time of a day ends at that day's closing time, not at the next opening.
        """
        remaining = _as_duration(hours)
        instant = as_utc(start)
        for opens, closes in self._open_intervals_from(_local_date(instant)):
            if closes <= instant:
                continue
            begin = max(opens, instant)
            if remaining <= closes - begin:
                return (begin + remaining).astimezone(start.tzinfo)
            remaining -= closes - begin
        raise AssertionError("unreachable: _open_intervals_from raises when it runs out")

    def open_time_between(self, start: datetime, end: datetime) -> timedelta:
        """The open time from ``start`` to ``end``; zero when ``end`` is not after ``start``.

        Both in one local year: the difference of two look-ups in that year's running totals
        of open time (reports count this for 100 000 tickets); else day by day."""
        # the reads hand in UTC already: as_utc only where needed (it refuses naive times)
        begin = start if start.tzinfo is UTC else as_utc(start)
        finish = end if end.tzinfo is UTC else as_utc(end)
        if finish <= begin:
            return timedelta(0)
        if begin.year == finish.year:
            year = self._open_year(begin.year)
            if year.first <= begin and finish < year.last:
                since, until = year.open_before_each((begin, finish))
                return until - since
        return self._open_time_day_by_day(begin, finish)

    def open_times_since(
        self, starts: Sequence[datetime], *ends: Sequence[datetime | None]
    ) -> list[list[timedelta | None]]:
        """For each column of ``ends``: open_time_between(starts[i], column[i]) for every i
        (None where the end is None). A monthly report counts its 100 000 tickets' first
        response and resolution so, each start looked up once in the year's running totals."""
        if not starts:
            return [[] for _ in ends]
        year = self._open_year(starts[0].year)
        since = year.open_before_each(starts)
        found = []
        for column in ends:
            until = year.open_before_each(column)
            taken: list[timedelta | None] = []
            for begin, finish, opened, closed in zip(starts, column, since, until, strict=True):
                if finish is None:
                    taken.append(None)
                elif opened is not None and closed is not None:  # both in the year, in UTC
                    taken.append(closed - opened if closed > opened else _ZERO)
                else:  # another year, or not UTC: the general way
                    taken.append(self.open_time_between(begin, finish))
            found.append(taken)
        return found

    def _open_year(self, year: int) -> _OpenYear:
        years = self.__dict__.setdefault("_open_years", {})  # not a field: eq/hash ignore it
        found = years.get(year)
        if found is None:
            found = years[year] = _OpenYear(self, year)
        return found

    def _open_time_day_by_day(self, start: datetime, end: datetime) -> timedelta:
        """open_time_between the straightforward way, stepping through the open days."""
        begin, finish = as_utc(start), as_utc(end)
        total = timedelta(0)
        if finish <= begin:
            return total
        for opens, closes in self._open_intervals_from(_local_date(begin)):
            if opens >= finish:
                return total
            total += max(timedelta(0), min(closes, finish) - max(opens, begin))
            if closes >= finish:  # no need to look up the next open day
                return total
        raise AssertionError("unreachable: _open_intervals_from raises when it runs out")

    def nth_service_day(self, day: date, n: int) -> date:
        """The ``n``-th service day strictly after ``day`` (n >= 1), e.g. for lead times."""
        if n < 1:
            raise ValueError(f"n counts service days from 1, got {n}")
        for offset in range(1, _MAX_SEARCH_DAYS + 1):
            candidate = day + timedelta(days=offset)
            if self.is_service_day(candidate):
                n -= 1
                if n == 0:
                    return candidate
        raise ValueError(f"calendar {self.name!r} has too few service days after {day}")

    def end_of_nth_service_day(self, moment: datetime, n: int) -> datetime:
        """Closing time of the ``n``-th service day after the local date of ``moment``.

        The day of ``moment`` never counts, whatever the hour: "within 1 day" reported on
        Monday means by Tuesday's closing time. Returned in the time zone of ``moment``.
        """
        day = self.nth_service_day(_local_date(as_utc(moment)), n)
        _, closes = self.opening_hours_on(day)
        return closes.astimezone(moment.tzinfo)

    def _open_interval_utc(self, day: date) -> tuple[datetime, datetime] | None:
        return _cached_open_interval_utc(self, day)

    def _open_intervals_from(self, day: date) -> Iterator[tuple[datetime, datetime]]:
        for offset in range(_MAX_SEARCH_DAYS):
            interval = self._open_interval_utc(day + timedelta(days=offset))
            if interval is not None:
                yield interval
        raise ValueError(f"calendar {self.name!r} does not open within {_MAX_SEARCH_DAYS} days")


@lru_cache(maxsize=8192)
def _cached_open_interval_utc(
    calendar: ServiceCalendar, day: date
) -> tuple[datetime, datetime] | None:
    """A day's opening hours as UTC instants; cached, as reports count the same days for
    thousands of tickets (a calendar is immutable, so the cache never goes stale)."""
    hours = calendar.opening_hours_on(day)
    if hours is None:
        return None
    opens, closes = hours
    return opens.astimezone(UTC), closes.astimezone(UTC)


class _OpenYear:
    """A calendar's open intervals over one local year (UTC), with the open time before each,
    so the open time before an instant is one bisection. Exact: sums of timedeltas."""

    def __init__(self, calendar: ServiceCalendar, year: int) -> None:
        self.first = datetime(year, 1, 1, tzinfo=BERLIN).astimezone(UTC)
        self.last = datetime(year + 1, 1, 1, tzinfo=BERLIN).astimezone(UTC)
        self.opens: list[datetime] = []
        self.closes: list[datetime] = []
        self.before: list[timedelta] = []  # open time of the year before each interval
        total = timedelta(0)
        day = date(year, 1, 1)
        while day.year == year:
            interval = calendar._open_interval_utc(day)
            if interval is not None:
                self.opens.append(interval[0])
                self.closes.append(interval[1])
                self.before.append(total)
                total += interval[1] - interval[0]
            day += ONE_DAY

    def open_before_each(self, instants: Iterable[datetime | None]) -> list[timedelta | None]:
        """The year's open time before each instant; None for an instant the year does not
        cover, one not in UTC, or None (a loop here, not a call an instant: reports ask for
        200 000)."""
        opens, closes, before = self.opens, self.closes, self.before
        first, last = self.first, self.last
        found: list[timedelta | None] = []
        for instant in instants:
            if instant is None or instant.tzinfo is not UTC or not first <= instant < last:
                found.append(None)
                continue
            index = bisect_right(opens, instant) - 1
            if index < 0:
                found.append(_ZERO)
            else:
                until = instant if instant < closes[index] else closes[index]
                found.append(before[index] + (until - opens[index]))
        return found


def service_calendar(
    weekly_hours: Mapping[int, DailyHours | str] | None = None,
    *,
    closed_on_holidays: bool = True,
    holiday_subdivision: str | None = "NW",
) -> ServiceCalendar:
    """Servicezeiten: Mon-Fri 07:00-19:00, Sat 08:00-18:00, closed on Sundays and NRW holidays."""
    return ServiceCalendar(
        name=SERVICE,
        weekly_hours=SERVICE_HOURS if weekly_hours is None else weekly_hours,
        closed_on_holidays=closed_on_holidays,
        holiday_subdivision=holiday_subdivision,
    )


def extended_calendar(
    weekly_hours: Mapping[int, DailyHours | str] | None = None,
    *,
    closed_on_holidays: bool = False,
    holiday_subdivision: str | None = "NW",
) -> ServiceCalendar:
    """Erweiterte Zeiten for contract customers' critical incidents: every day 00:00-24:00."""
    return ServiceCalendar(
        name=EXTENDED,
        weekly_hours=EXTENDED_HOURS if weekly_hours is None else weekly_hours,
        closed_on_holidays=closed_on_holidays,
        holiday_subdivision=holiday_subdivision,
    )
