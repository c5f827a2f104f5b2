"""The configured calendars' public holidays, stored by `init-db` and the daily job, read back
by each web worker, which then never imports the holidays library (its 250 countries cost
about 9 MiB per process)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from portal import create_app, holiday_days
from portal.db import database
from portal.holiday_days import PublicHolidayYear
from portal.migrations import migrate
from portal.models import Company
from portal.sla import calendar
from portal.sla.calendar import computed_holidays, public_holidays
from portal.sla.setup import holiday_name

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 30)


@pytest.fixture
def kept(monkeypatch):
    """The process-wide table of kept holidays, emptied for the test and restored after it."""
    monkeypatch.setattr(calendar, "_KEPT_HOLIDAYS", {})
    return calendar._KEPT_HOLIDAYS


def test_fill_stores_the_configured_calendar_for_the_years_around_today_in_both_languages(app, db):
    with app.app_context():
        assert holiday_days.fill(TODAY) == 6 * 2  # 2023 … 2028, de and en
    rows = {(r.country, r.subdivision, r.language, r.year) for r in PublicHolidayYear.select()}
    assert rows == {("DE", "NW", lang, y) for lang in ("de", "en") for y in range(2023, 2029)}


def test_a_second_fill_writes_nothing_and_another_library_version_is_computed_again(app, db):
    with app.app_context():
        holiday_days.fill(TODAY)
        assert holiday_days.fill(TODAY) == 0
        PublicHolidayYear.update(library_version="0.1").where(
            PublicHolidayYear.year == 2026, PublicHolidayYear.language == "de"
        ).execute()
        assert holiday_days.fill(TODAY) == 1
    assert PublicHolidayYear.select().where(PublicHolidayYear.library_version == "0.1").count() == 0
    assert PublicHolidayYear.select().count() == 12


# (day, German name, English name) in North Rhine-Westphalia, from the calendar on the wall
NRW_2026 = [
    (date(2026, 1, 1), "Neujahr", "New Year's Day"),
    (date(2026, 4, 3), "Karfreitag", "Good Friday"),
    (date(2026, 6, 4), "Fronleichnam", "Corpus Christi"),
    (date(2026, 10, 3), "Tag der Deutschen Einheit", "German Unity Day"),
    (date(2026, 11, 1), "Allerheiligen", "All Saints' Day"),
    (date(2026, 12, 25), "Erster Weihnachtstag", "Christmas Day"),
    (date(2026, 12, 24), None, None),  # Heiligabend is a working day
    (date(2026, 11, 30), None, None),
]


@pytest.mark.parametrize(("day", "german", "english"), NRW_2026)
def test_the_stored_holidays_read_back_name_the_same_days(app, db, kept, day, german, english):
    with app.app_context():
        holiday_days.fill(TODAY)
        assert holiday_days.load() == 12
        service = app.extensions["portal.sla.calendars"]["service"]
        assert ("DE", "NW", 2026, "de") in kept
        assert holiday_name(service, day, "de") == german
        assert holiday_name(service, day, "en") == english


def test_every_stored_year_equals_what_the_library_computes(app, db, kept):
    with app.app_context():
        holiday_days.fill(TODAY)
        holiday_days.load()
    for key, days in kept.items():
        assert dict(days) == dict(computed_holidays(key)), key


def test_the_calendar_counts_with_the_kept_holidays_not_the_library(app, kept):
    service = app.extensions["portal.sla.calendars"]["service"]
    monday = date(2026, 11, 30)
    assert service.is_service_day(monday)
    calendar.keep_holidays(("DE", "NW", 2026, "de"), {monday: "Betriebsfeier"})
    assert not service.is_service_day(monday)
    assert public_holidays(("DE", "NW", 2026, "de")) == {monday: "Betriebsfeier"}


@pytest.mark.parametrize(
    ("subdivision", "all_saints"), [("NW", "Allerheiligen"), ("BE", None), (None, None)]
)
def test_only_the_configured_subdivision_is_stored_and_read(
    tmp_path, kept, subdivision, all_saints
):
    url = f"sqlite:///{tmp_path / 'own.sqlite3'}"
    app = create_app(
        {"TESTING": True, "DATABASE_URL": url, "PROVIDER_HOLIDAY_SUBDIVISION": subdivision or ""}
    )
    with app.app_context(), database.connection_context():
        migrate()
        holiday_days.fill(TODAY)
        assert {r.subdivision for r in PublicHolidayYear.select()} == {subdivision or ""}
        holiday_days.load()
        service = app.extensions["portal.sla.calendars"]["service"]
        assert ("DE", subdivision, 2026, "de") in kept
        assert holiday_name(service, date(2026, 11, 1)) == all_saints


# How a process gets its app: gunicorn's (read at start) or a bare app (read at the first need)
STARTS = {
    "wsgi": "from wsgi import app",
    "first need": "from portal import create_app\napp = create_app()",
}
WORKER = textwrap.dedent(
    """
    import sys
    from portal.demo import DEMO_PASSWORD

    app.config["WTF_CSRF_ENABLED"] = False
    client = app.test_client()
    assert client.post(
        "/anmelden", data={"email": "kunde@muster.example", "password": DEMO_PASSWORD}
    ).status_code == 302
    form = {"title": "Drucker", "description": "Kein Ausdruck", "priority": "normal",
            "affected": "one", "callback_phone": "", "urgency": "plain"}
    created = client.post("/tickets/neu", data=form)
    assert created.status_code == 302, created.status_code
    pages = ("/tickets", created.headers["Location"], "/sla-bericht/", "/aenderungen/neu/update")
    for path in pages:
        assert client.get(path, follow_redirects=True).status_code == 200, path
    print("holidays imported:", "holidays" in sys.modules)
    """
)


@pytest.mark.parametrize("start", STARTS)
def test_a_web_worker_serves_tickets_and_due_times_without_the_holidays_library(tmp_path, start):
    env = {
        **os.environ,
        "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "PORTAL_SECRET_KEY": "test",
        "PORTAL_TOTP_REQUIRED_ROLES": "[]",
    }
    flask = [sys.executable, "-m", "flask", "--app", "portal"]
    for command in (["init-db"], ["demo-data"]):
        subprocess.run([*flask, *command], env=env, cwd=ROOT, check=True, capture_output=True)

    served = subprocess.run(
        [sys.executable, "-c", STARTS[start] + WORKER],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert served.returncode == 0, served.stderr[-2000:]
    assert "holidays imported: False" in served.stdout


def test_a_refused_read_inside_a_transaction_leaves_it_usable(app, db, kept, monkeypatch):
    """Not migrated yet (the table missing): the first need, inside the caller's transaction,
    falls back to the library, and the transaction goes on; the read is tried again later."""
    monkeypatch.setattr(holiday_days, "_RETRY_AFTER", [0.0])
    calendar.read_holidays_with(holiday_days._read_stored)
    database.execute_sql('DROP TABLE "public_holiday_year"')
    with app.app_context(), database.atomic():
        service = app.extensions["portal.sla.calendars"]["service"]
        assert holiday_name(service, date(2026, 12, 25)) == "Erster Weihnachtstag"
        assert Company.select().count() == 0  # the transaction still answers
    assert calendar._HOLIDAY_READERS  # asked again once the retry time has passed
    calendar.read_holidays_with(None)
