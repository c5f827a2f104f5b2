"""The public holidays of the configured calendars, kept in the database.

The holidays library computes a country's holidays well, but looking up one country imports
the modules of all its 250 (about 9 MiB in every process). So `flask init-db` and a daily job
compute the configured calendars' holidays for the years around today once, in both
languages, and store them; each web worker reads them back (one query) the first time a
calendar needs them (wsgi.py: at start) and never imports the library. A year or calendar not
stored (a report of long ago, a changed PROVIDER_HOLIDAY_SUBDIVISION before the job ran) is
computed by the library as before: the answer is the same, only the memory is spent. Rows
computed by another version of the library are computed again by the next fill and ignored
until then.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import date
from importlib.metadata import version

import peewee
from flask import has_app_context
from huey import crontab

from portal import clock, jobs
from portal.db import database
from portal.models import BaseModel
from portal.sla.calendar import (
    HOLIDAY_LANGUAGES,
    computed_holidays,
    keep_holidays,
    read_holidays_with,
)

log = logging.getLogger(__name__)

# Reports look back into last years, due times a few weeks ahead: the years kept around today.
YEARS_BACK, YEARS_AHEAD = 3, 2


class PublicHolidayYear(BaseModel):
    country = peewee.CharField(max_length=8)
    subdivision = peewee.CharField(max_length=16, default="")  # "" for the whole country
    language = peewee.CharField(max_length=8)
    year = peewee.IntegerField()
    days = peewee.TextField()  # JSON: {"2026-12-25": "Erster Weihnachtstag", …}
    library_version = peewee.CharField(max_length=40)

    class Meta:
        table_name = "public_holiday_year"
        indexes = ((("country", "subdivision", "language", "year"), True),)


def library_version() -> str:
    """Read from the package's metadata: importing the library to ask would cost its memory."""
    return version("holidays")


def places() -> set[tuple[str, str | None]]:
    """(country, subdivision) of every configured calendar."""
    return {(cal.holiday_country, cal.holiday_subdivision) for cal in clock.calendars().values()}


def years_around(today: date) -> range:
    return range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)


def fill(today: date | None = None) -> int:
    """Compute and store the configured calendars' holidays for the years around ``today``
    (rows already stored by this library version are left alone); how many were written.
    Two fills at once write the same rows: the unique index and the upsert keep one."""
    with database.atomic():
        return _fill(today)


def _fill(today: date | None) -> int:
    current = library_version()
    stored = {
        (row.country, row.subdivision, row.language, row.year)
        for row in PublicHolidayYear.select().where(PublicHolidayYear.library_version == current)
    }
    written = 0
    for country, subdivision in sorted(places(), key=str):
        for year in years_around(today or clock.local_today()):
            for language in HOLIDAY_LANGUAGES:
                if (country, subdivision or "", language, year) in stored:
                    continue
                days = computed_holidays((country, subdivision, year, language))
                text = json.dumps({day.isoformat(): name for day, name in sorted(days.items())})
                fields = {
                    PublicHolidayYear.days: text,
                    PublicHolidayYear.library_version: current,
                }
                PublicHolidayYear.insert(
                    country=country,
                    subdivision=subdivision or "",
                    language=language,
                    year=year,
                    days=text,
                    library_version=current,
                ).on_conflict(
                    conflict_target=[
                        PublicHolidayYear.country,
                        PublicHolidayYear.subdivision,
                        PublicHolidayYear.language,
                        PublicHolidayYear.year,
                    ],
                    update=fields,
                ).execute()
                written += 1
    return written


def load() -> int:
    """Hand the stored holidays of the configured calendars to the calendar arithmetic; how
    many years (per language) were read."""
    wanted = {(country, subdivision or "") for country, subdivision in places()}
    loaded = 0
    for row in PublicHolidayYear.select().where(
        PublicHolidayYear.library_version == library_version()
    ):
        if (row.country, row.subdivision) not in wanted:
            continue
        days = {date.fromisoformat(day): name for day, name in json.loads(row.days).items()}
        key = (row.country, row.subdivision or None, row.year, row.language)
        keep_holidays(key, days)
        loaded += 1
    return loaded


def init_app(app) -> None:
    """Each process reads the stored holidays the first time a calendar needs them."""
    read_holidays_with(_read_stored)


def read_at_start() -> None:
    """Read them now, with a connection of its own (a gunicorn worker at start, so that no
    request pays the query); a database not reachable yet is read at the first need."""
    try:
        with database.connection_context():
            if _read_stored():
                read_holidays_with(None)
    except peewee.DatabaseError:
        log.warning("public holidays not read at start", exc_info=True)
    # Closed, not kept in the pool: under `gunicorn --preload` this runs before the fork, and
    # workers must not share a connection.
    if hasattr(database.obj, "close_idle"):
        database.close_idle()


def _read_stored() -> bool:
    """load() where a request, CLI command or job has its connection; False (asked again
    later) elsewhere, and for a minute after a refused read (the table not migrated yet: the
    library computes meanwhile). Inside a transaction it reads in a savepoint, so that a
    refused read does not abort the caller's transaction."""
    if not has_app_context() or database.is_closed():
        return False
    if time.monotonic() < _RETRY_AFTER[0]:
        return False
    try:
        with database.atomic():
            log.debug("public holidays read from the database: %d years", load())
    except peewee.DatabaseError:
        _RETRY_AFTER[0] = time.monotonic() + RETRY_SECONDS
        log.warning("stored public holidays unreadable; computing them", exc_info=True)
        return False
    return True


RETRY_SECONDS = 60
_RETRY_AFTER = [0.0]


def register(huey):
    """The daily job that keeps the years around today stored (a new year, a new library)."""

    @jobs.periodic(huey, crontab(minute="17", hour="3"), "holidays.keep_years")
    def keep_holiday_years():
        return fill()

    return keep_holiday_years
