"""Helpers for the planned-changes tests: a fixed 'today' and announcements made in one call."""

import datetime as dt

import pytest

from portal import clock
from portal.changes import service
from portal.changes.models import PlannedChange
from portal.sla.calendar import BERLIN

TODAY = dt.date(2026, 11, 27)  # a Friday; +10 service days = Wed 09.12.2026

NEW_EMPLOYEE = {
    "employee_name": "Lena Hoffmann",
    "start_date": "2026-12-14",
    "workstation": "new_laptop",
    "accounts": ["email", "windows"],
    "email_wished": "lena.hoffmann@alpha.example",
    "software": "DATEV",
    "phone": "new",
    "remarks": "",
}


@pytest.fixture
def fixed_today(monkeypatch):
    """The provider's "today" is TODAY; the clock's instants stay real."""
    monkeypatch.setattr(clock, "local_today", lambda now=None: TODAY)
    return TODAY


def announce(app, user, kind="new_employee", wished="2026-12-09", details=None, **kwargs):
    details = dict(NEW_EMPLOYEE if details is None and kind == "new_employee" else details or {})
    with app.test_request_context():
        change = service.create_change(user, kind, details, wished, kwargs.get("alternative"))
    return PlannedChange.get_by_id(change.id)


def berlin(day: str, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(
        dt.date.fromisoformat(day),
        dt.time.fromisoformat(hhmm),
        tzinfo=BERLIN,
    )


def schedule(app, change, technician, day="2026-12-09", start="09:00", end="12:00"):
    with app.test_request_context():
        warnings = service.schedule(
            PlannedChange.get_by_id(change.id), berlin(day, start), berlin(day, end), technician
        )
    return warnings
