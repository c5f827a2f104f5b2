"""Step 18: the public holidays of the configured calendars, kept per year and language."""

import peewee

from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(18)
def create_public_holiday_years(db):
    """One row per country, subdivision ("" for none), language and year: the days and their
    names as JSON, and the holidays library's version that computed them."""
    year = _frozen(
        db,
        "public_holiday_year",
        {
            "country": peewee.CharField(max_length=8),
            "subdivision": peewee.CharField(max_length=16, default=""),
            "language": peewee.CharField(max_length=8),
            "year": peewee.IntegerField(),
            "days": peewee.TextField(),
            "library_version": peewee.CharField(max_length=40),
        },
        indexes=((("country", "subdivision", "language", "year"), True),),
    )
    db.create_tables([year])
