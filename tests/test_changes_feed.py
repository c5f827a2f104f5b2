"""The iCalendar feeds, parsed back with the icalendar library: events, times, UIDs, secrets."""

import datetime as dt
import re

import pytest
from icalendar import Calendar

from portal.changes.models import FeedSecret, PlannedChange
from tests.changes_support import announce, fixed_today, schedule  # noqa: F401
from tests.conftest import make_user

pytestmark = pytest.mark.usefixtures("fixed_today")

FEED_LINK = re.compile(r"http://localhost(/aenderungen/kalender/[A-Za-z0-9_-]+\.ics)")


def feed_path(client, page: str) -> str:
    match = FEED_LINK.search(client.get(page).get_data(as_text=True))
    assert match, "page shows no feed link"
    return match.group(1)


def events(client, path: str) -> list:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.data).walk("VEVENT")


@pytest.fixture
def scheduled(app, customer_a, customer_b, staff):
    mine = announce(app, customer_a)
    schedule(app, mine, staff, day="2026-12-09", start="09:00", end="12:00")
    theirs = announce(app, customer_b, kind="other", details={"description": "Beta-Router"})
    schedule(app, theirs, staff, day="2026-12-10", start="14:00", end="15:30")
    unscheduled = announce(app, customer_a, kind="other", details={"description": "Noch offen"})
    return mine, theirs, unscheduled


def test_company_feed_lists_only_its_scheduled_changes(client_a, client, scheduled, staff):
    mine, _theirs, _open = scheduled
    path = feed_path(client_a, "/aenderungen")
    found = events(client, path)  # calendar clients fetch without a session
    assert len(found) == 1
    event = found[0]
    assert event["SUMMARY"] == "Geplante Änderung: Lena Hoffmann"
    assert event.decoded("DTSTART") == dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 12, 9, 11, 0, tzinfo=dt.UTC)
    description = str(event["DESCRIPTION"])
    assert "Neuer Mitarbeiter" in description and staff.name in description
    # nothing internal: no other company, no e-mail addresses or phone numbers of people
    body = client.get(path).get_data(as_text=True)
    assert "Beta" not in body and staff.email not in body and "@alpha.example" not in body


def test_technician_feed_has_all_their_slots_with_customer_details(staff_client, client, scheduled):
    path = feed_path(staff_client, "/einsatzplanung")
    found = sorted(events(client, path), key=lambda e: e.decoded("DTSTART"))
    assert [str(e["SUMMARY"]) for e in found] == [
        "Alpha Steuerberatung GmbH: Lena Hoffmann",
        "Beta Logistik KG: Beta-Router",
    ]
    assert "Ansprechpartner: Anna Alpha (anna@alpha.example)" in str(found[0]["DESCRIPTION"])
    assert found[1].decoded("DTEND") == dt.datetime(2026, 12, 10, 14, 30, tzinfo=dt.UTC)


def test_other_technicians_slots_are_not_in_my_feed(app, client, scheduled):
    tom = make_user(app, "tom@provider.example", "Tom Technik", "staff")
    from tests.conftest import login_client

    path = feed_path(login_client(app, tom), "/einsatzplanung")
    assert events(client, path) == []


def test_uid_is_stable_when_a_change_is_rescheduled(app, client_a, client, scheduled, staff):
    mine = scheduled[0]
    path = feed_path(client_a, "/aenderungen")
    before = events(client, path)[0]
    schedule(app, mine, staff, day="2026-12-11", start="10:00", end="11:00")
    after = events(client, path)[0]
    assert str(before["UID"]) == str(after["UID"]) and str(after["UID"]).startswith(
        "planned-change-"
    )
    assert after.decoded("DTSTART") == dt.datetime(2026, 12, 11, 9, 0, tzinfo=dt.UTC)


def test_withdrawn_changes_leave_the_feed_and_done_ones_stay(client_a, client, scheduled):
    mine = scheduled[0]
    path = feed_path(client_a, "/aenderungen")
    PlannedChange.update(state="done").where(PlannedChange.id == mine.id).execute()
    assert len(events(client, path)) == 1
    PlannedChange.update(state="withdrawn").where(PlannedChange.id == mine.id).execute()
    assert events(client, path) == []


def test_renewing_the_secret_kills_the_old_link(client_a, client, scheduled):
    old = feed_path(client_a, "/aenderungen")
    response = client_a.post("/aenderungen/kalender/erneuern")
    assert response.status_code == 302
    new = feed_path(client_a, "/aenderungen")
    assert new != old
    assert client.get(old).status_code == 404
    assert len(events(client, new)) == 1


def test_staff_renews_only_their_own_link(staff_client, client_a, client, scheduled):
    company_link = feed_path(client_a, "/aenderungen")
    staff_link = feed_path(staff_client, "/einsatzplanung")
    staff_client.post("/aenderungen/kalender/erneuern")
    assert client.get(staff_link).status_code == 404
    assert client.get(company_link).status_code == 200


def test_unknown_secret_is_404(client, db):
    assert client.get("/aenderungen/kalender/erfunden.ics").status_code == 404
    assert client.get("/aenderungen/kalender/" + "x" * 100 + ".ics").status_code == 404


def test_secrets_are_long_and_random(client_a, client_b, scheduled):
    feed_path(client_a, "/aenderungen"), feed_path(client_b, "/aenderungen")
    secrets = [row.secret for row in FeedSecret.select()]
    assert len(set(secrets)) == 2 and all(len(s) >= 40 for s in secrets)


@pytest.mark.parametrize(
    "change", [{"active": False}, {"role": "customer"}], ids=["deactivated", "demoted"]
)
def test_technician_feed_ends_with_the_staff_account(
    staff_client, client, scheduled, staff, change
):
    from portal.models import User

    path = feed_path(staff_client, "/einsatzplanung")
    assert client.get(path).status_code == 200
    User.update(**change).where(User.id == staff.id).execute()
    assert client.get(path).status_code == 404
