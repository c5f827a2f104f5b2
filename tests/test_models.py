"""The model-level queries that several areas share."""

import datetime as dt

import pytest

from portal.models import User
from tests.conftest import make_user


def test_active_staff_are_the_active_technicians_and_admins_by_name_regardless_of_case(
    app, customer_a, staff, admin
):
    away = make_user(app, "away@provider.example", "Anton Abwesend", role="staff")
    away.active = False
    away.save()
    lower = make_user(app, "bert@provider.example", "bert Kleinschreiber", role="staff")

    names = [user.name for user in User.active_staff()]

    assert names == sorted([staff.name, admin.name, lower.name], key=str.lower)


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        # SQLite's text, with and without fractions of a second
        ("2026-11-15 22:35:48.357575", dt.datetime(2026, 11, 15, 22, 35, 48, 357575, dt.UTC)),
        ("2026-11-15 22:35:48", dt.datetime(2026, 11, 15, 22, 35, 48, tzinfo=dt.UTC)),
        ("2026-03-29T01:30:00", dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)),
        # PostgreSQL's naive datetime
        (dt.datetime(2026, 10, 25, 0, 59, 59), dt.datetime(2026, 10, 25, 0, 59, 59, tzinfo=dt.UTC)),
        (
            dt.datetime(2026, 11, 28, 23, 34, 18, 103555),
            dt.datetime(2026, 11, 28, 23, 34, 18, 103555, tzinfo=dt.UTC),
        ),
        # an aware value stays the instant it is
        (
            dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            dt.datetime(2026, 7, 1, 6, 0, tzinfo=dt.UTC),
        ),
        (None, None),
    ],
)
def test_stored_times_read_back_as_aware_utc(stored, expected):
    from portal.db import UTCDateTimeField

    read = UTCDateTimeField().python_value(stored)
    assert read == expected  # the same instant
    assert read is None or read.tzinfo is not None  # never naive
