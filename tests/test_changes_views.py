"""Planned changes in the browser's HTML: announce per kind, warnings, withdraw, planning."""

import datetime as dt
import re

import pytest

from portal.changes.models import ChangeMessage, PlannedChange
from tests.changes_support import NEW_EMPLOYEE, TODAY, announce, fixed_today, schedule  # noqa: F401
from tests.conftest import count_queries, make_user

pytestmark = pytest.mark.usefixtures("fixed_today")


def text(response) -> str:
    return response.get_data(as_text=True)


def form_data(details: dict, wished="2026-12-09", alternative="") -> dict:
    data = {"wished_date": wished, "alternative_date": alternative}
    for key, value in details.items():
        data[key] = value
    return data


# --- announcing ----------------------------------------------------------------------


def test_customer_chooses_a_kind_and_sees_the_recommended_lead_time(client_a):
    page = text(client_a.get("/aenderungen/neu"))
    assert "Neuer Mitarbeiter" in page and "Software-Installation" in page
    assert "Empfohlener Vorlauf: 10 Servicetage" in page
    assert 'href="/aenderungen/neu/update"' in page


def test_customer_announces_a_new_employee_and_lands_on_its_page(client_a, customer_a):
    response = client_a.post("/aenderungen/neu/new_employee", data=form_data(NEW_EMPLOYEE))
    assert response.status_code == 302
    change = PlannedChange.get()
    assert response.headers["Location"] == f"/aenderungen/{change.id}"
    assert change.company_id == customer_a.company_id and change.state == "submitted"
    assert change.details["employee_name"] == "Lena Hoffmann"
    assert change.details["accounts"] == ["email", "windows"]
    assert change.recommended_earliest == dt.date(2026, 12, 9) and change.lead_time_ok
    page = text(client_a.get(response.headers["Location"]))
    assert "Vielen Dank!" in page and "Lena Hoffmann" in page and "Neues Notebook" in page
    assert "Kurzfristige Ankündigung" not in page


def test_short_notice_is_accepted_with_a_warning_naming_the_recommended_date(client_a):
    response = client_a.post(
        "/aenderungen/neu/new_employee", data=form_data(NEW_EMPLOYEE, wished="2026-12-02")
    )
    assert response.status_code == 302
    page = text(client_a.get(response.headers["Location"]))
    assert (
        "Für einen reibungslosen Ablauf empfehlen wir mindestens 10 Servicetage Vorlauf, "
        "also ab dem Mi., 09.12.2026." in page
    )
    assert not PlannedChange.get().lead_time_ok


@pytest.mark.parametrize(
    ("kind", "messages"),
    [
        (
            "new_employee",
            [
                "Bitte nennen Sie den Namen des neuen Mitarbeiters.",
                "Bitte nennen Sie den ersten Arbeitstag.",
                "Bitte wählen Sie, welchen Arbeitsplatz der Mitarbeiter bekommt.",
            ],
        ),
        (
            "software_install",
            [
                "Bitte nennen Sie die Software, die installiert werden soll.",
                "Bitte nennen Sie die Anzahl der Arbeitsplätze.",
                "Bitte sagen Sie uns, ob eine Lizenz vorhanden ist.",
            ],
        ),
        (
            "update",
            [
                "Bitte nennen Sie das System, das aktualisiert werden soll.",
                "Bitte sagen Sie uns, ob eine Ausfallzeit akzeptabel ist.",
            ],
        ),
        ("other", ["Bitte beschreiben Sie, was geplant ist."]),
    ],
)
def test_each_kind_names_its_missing_fields_in_german(client_a, kind, messages):
    response = client_a.post(f"/aenderungen/neu/{kind}", data={"wished_date": ""})
    assert response.status_code == 422
    page = text(response)
    assert "Bitte prüfen Sie die markierten Angaben." in page
    assert "Bitte geben Sie einen Wunschtermin an." in page
    for message in messages:
        assert message in page
    assert PlannedChange.select().count() == 0


@pytest.mark.parametrize(
    ("kind", "details", "field_message"),
    [
        (
            "software_install",
            {"product": "Acrobat", "workstations": "0", "licence": "yes"},
            "Bitte geben Sie eine Zahl von 1 bis 1000 an.",
        ),
        (
            "software_install",
            {"product": "Acrobat", "workstations": "drei", "licence": "yes"},
            "Bitte geben Sie eine ganze Zahl ein.",
        ),
        (
            "software_install",
            {"product": "Acrobat", "workstations": "3", "licence": "vielleicht"},
            "Bitte wählen Sie eine der angebotenen Möglichkeiten.",
        ),
        (
            "new_employee",
            {**NEW_EMPLOYEE, "email_wished": "lena at alpha"},
            "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
        ),
        (
            "new_employee",
            {**NEW_EMPLOYEE, "start_date": "nächsten Montag"},
            "Bitte geben Sie ein Datum an (TT.MM.JJJJ).",
        ),
        (
            "new_employee",
            {**NEW_EMPLOYEE, "accounts": ["email", "mainframe"]},
            "Bitte wählen Sie nur angebotene Möglichkeiten.",
        ),
        ("other", {"description": "x" * 4001}, "Höchstens 4000 Zeichen."),
    ],
)
def test_invalid_values_are_explained(client_a, kind, details, field_message):
    response = client_a.post(f"/aenderungen/neu/{kind}", data=form_data(details))
    assert response.status_code == 422
    assert field_message in text(response)
    assert PlannedChange.select().count() == 0


@pytest.mark.parametrize(
    ("wished", "message"),
    [
        ("2026-11-26", "Der 26.11.2026 liegt in der Vergangenheit."),
        ("2026-11-29", "Am 29.11.2026 (Sonntag) arbeiten wir nicht."),
        ("2026-12-25", "Der 25.12.2026 ist ein Feiertag (Erster Weihnachtstag)."),
        ("2027-11-29", "Der 29.11.2027 liegt mehr als ein Jahr in der Zukunft."),
        ("29.11.2026", "Am 29.11.2026 (Sonntag) arbeiten wir nicht."),  # German format too
        ("31.11.2026", "Bitte geben Sie ein Datum an (TT.MM.JJJJ)."),
    ],
)
def test_impossible_wished_dates_are_refused_with_a_clear_message(client_a, wished, message):
    response = client_a.post(
        "/aenderungen/neu/other", data={"description": "Umzug", "wished_date": wished}
    )
    assert response.status_code == 422
    assert message in text(response)
    assert PlannedChange.select().count() == 0


def test_alternative_date_is_checked_like_the_wished_date(client_a):
    response = client_a.post(
        "/aenderungen/neu/other",
        data={
            "description": "Umzug",
            "wished_date": "2026-12-09",
            "alternative_date": "2026-12-26",
        },
    )
    assert response.status_code == 422
    assert "Der 26.12.2026 ist ein Feiertag (Zweiter Weihnachtstag)." in text(response)


def test_unknown_kind_is_404(client_a):
    assert client_a.get("/aenderungen/neu/party").status_code == 404


def test_staff_cannot_announce_and_customers_cannot_plan(staff_client, client_a):
    assert staff_client.get("/aenderungen/neu/other").status_code == 403
    assert client_a.get("/einsatzplanung").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/aenderungen")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


# --- list, detail, withdraw, messages ---------------------------------------------------


def test_customer_sees_the_planned_slot_and_technician(app, client_a, customer_a, staff):
    change = announce(app, customer_a)
    schedule(app, change, staff)
    page = text(client_a.get("/aenderungen"))
    assert "Lena Hoffmann" in page and "Eingeplant" in page
    assert "Mi., 09.12.2026, 09:00 – 12:00" in page and staff.name in page


def test_customer_cannot_open_other_companys_change(app, client_b, customer_a):
    change = announce(app, customer_a)
    assert client_b.get(f"/aenderungen/{change.id}").status_code == 404
    assert client_b.post(f"/aenderungen/{change.id}/zurueckziehen").status_code == 404
    response = client_b.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Hallo"})
    assert response.status_code == 404
    assert "Lena Hoffmann" not in text(client_b.get("/aenderungen"))
    assert PlannedChange.get_by_id(change.id).state == "submitted"
    assert ChangeMessage.select().count() == 0


def test_customer_withdraws_an_announcement(app, client_a, customer_a):
    change = announce(app, customer_a)
    response = client_a.post(f"/aenderungen/{change.id}/zurueckziehen")
    assert response.status_code == 302
    assert PlannedChange.get_by_id(change.id).state == "withdrawn"
    page = text(client_a.get(f"/aenderungen/{change.id}"))
    assert "Zurückgezogen" in page and "Ankündigung zurückziehen</button>" not in page


def test_a_done_change_cannot_be_withdrawn(app, client_a, customer_a):
    change = announce(app, customer_a)
    PlannedChange.update(state="done").where(PlannedChange.id == change.id).execute()
    response = client_a.post(f"/aenderungen/{change.id}/zurueckziehen", follow_redirects=True)
    assert "kann nicht mehr geändert werden" in text(response)
    assert PlannedChange.get_by_id(change.id).state == "done"


def test_staff_cannot_withdraw_for_the_customer(app, staff_client, customer_a):
    change = announce(app, customer_a)
    assert staff_client.post(f"/aenderungen/{change.id}/zurueckziehen").status_code == 403


def test_customer_and_staff_exchange_messages(app, client_a, staff_client, customer_a):
    change = announce(app, customer_a)
    client_a.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Geht auch 8 Uhr?"})
    staff_client.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Ja, gern."})
    page = text(client_a.get(f"/aenderungen/{change.id}"))
    assert page.index("Geht auch 8 Uhr?") < page.index("Ja, gern.")
    response = client_a.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "  "})
    assert response.status_code == 422 and "Bitte schreiben Sie eine Nachricht." in text(response)


# --- staff: schedule, decline, done -----------------------------------------------------


def schedule_form(technician, day="2026-12-09", start="09:00", end="12:00"):
    return {
        "schedule-day": day,
        "schedule-start": start,
        "schedule-end": end,
        "schedule-technician": str(technician.id),
    }


def test_staff_schedules_in_local_time_stored_as_utc(app, staff_client, customer_a, staff):
    change = announce(app, customer_a)
    response = staff_client.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff))
    assert response.status_code == 302
    change = PlannedChange.get_by_id(change.id)
    assert change.state == "scheduled" and change.technician_id == staff.id
    assert change.scheduled_start == dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC)
    assert change.scheduled_end == dt.datetime(2026, 12, 9, 11, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schedule-end": "08:00"}, "Das Ende muss nach dem Beginn liegen."),
        ({"schedule-start": "9 Uhr"}, "Bitte geben Sie eine Uhrzeit an (HH:MM)."),
        ({"schedule-day": ""}, "Bitte geben Sie ein Datum an (TT.MM.JJJJ)."),
        ({"schedule-technician": ""}, "Bitte wählen Sie einen Techniker aus."),
        ({"schedule-technician": "²"}, "Bitte wählen Sie einen Techniker aus."),
        ({"schedule-day": "0001-01-01"}, "Bitte geben Sie ein Datum an (TT.MM.JJJJ)."),
    ],
)
def test_bad_slots_are_explained(app, staff_client, customer_a, staff, data, message):
    change = announce(app, customer_a)
    form = {**schedule_form(staff), **data}
    response = staff_client.post(f"/aenderungen/{change.id}/einplanen", data=form)
    assert response.status_code == 422 and message in text(response)
    assert PlannedChange.get_by_id(change.id).state == "submitted"


def test_a_customer_cannot_be_technician(app, staff_client, customer_a, staff):
    change = announce(app, customer_a)
    form = {**schedule_form(staff), "schedule-technician": str(customer_a.id)}
    response = staff_client.post(f"/aenderungen/{change.id}/einplanen", data=form)
    assert response.status_code == 422


def test_double_booking_is_warned_about_before_saving_and_allowed_once_confirmed(
    app, staff_client, customer_a, customer_b, staff
):
    first = announce(app, customer_a)
    second = announce(app, customer_b, kind="other", details={"description": "Drucker umziehen"})
    staff_client.post(f"/aenderungen/{first.id}/einplanen", data=schedule_form(staff))
    data = schedule_form(staff, start="11:00", end="13:00")
    response = staff_client.post(f"/aenderungen/{second.id}/einplanen", data=data)
    page = text(response)
    assert response.status_code == 409
    assert "Noch nicht gespeichert" in page and "Achtung, Doppelbuchung" in page
    assert "Lena Hoffmann" in page and "Trotzdem einplanen" in page
    assert PlannedChange.get_by_id(second.id).state == "submitted"

    response = staff_client.post(
        f"/aenderungen/{second.id}/einplanen",
        data={**data, "confirm_clash": "1"},
        follow_redirects=True,
    )
    assert "Achtung, Doppelbuchung" in text(response)
    assert PlannedChange.get_by_id(second.id).state == "scheduled"


def test_done_is_offered_only_for_scheduled_changes(app, staff_client, customer_a, staff):
    change = announce(app, customer_a)
    assert "Als erledigt markieren" not in text(staff_client.get(f"/aenderungen/{change.id}"))
    staff_client.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff))
    assert "Als erledigt markieren" in text(staff_client.get(f"/aenderungen/{change.id}"))


def test_decline_needs_a_reason_the_customer_then_sees(app, staff_client, client_a, customer_a):
    change = announce(app, customer_a)
    response = staff_client.post(f"/aenderungen/{change.id}/ablehnen", data={"decline-reason": ""})
    assert response.status_code == 422
    assert "Bitte nennen Sie dem Kunden den Grund für die Ablehnung." in text(response)
    staff_client.post(
        f"/aenderungen/{change.id}/ablehnen", data={"decline-reason": "Das Gerät ist zu alt."}
    )
    page = text(client_a.get(f"/aenderungen/{change.id}"))
    assert "Abgelehnt" in page and "Das Gerät ist zu alt." in page


def test_staff_marks_a_change_done(app, staff_client, customer_a, staff):
    change = announce(app, customer_a)
    schedule(app, change, staff)
    assert staff_client.post(f"/aenderungen/{change.id}/erledigt").status_code == 302
    assert PlannedChange.get_by_id(change.id).state == "done"


def test_customer_cannot_use_staff_actions(app, client_a, customer_a, staff):
    change = announce(app, customer_a)
    assert client_a.post(f"/aenderungen/{change.id}/erledigt").status_code == 403
    assert (
        client_a.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff)).status_code
        == 403
    )
    assert (
        client_a.post(
            f"/aenderungen/{change.id}/ablehnen", data={"decline-reason": "x"}
        ).status_code
        == 403
    )
    assert PlannedChange.get_by_id(change.id).state == "submitted"


# --- planning page and week view ---------------------------------------------------------


def test_planning_lists_by_wished_date_and_marks_short_notice(
    app, staff_client, customer_a, customer_b
):
    announce(app, customer_a, wished="2026-12-10")
    announce(app, customer_b, kind="other", wished="2026-11-30", details={"description": "Router"})
    page = text(staff_client.get("/einsatzplanung"))
    assert page.index("Router") < page.index("Lena Hoffmann")
    assert page.count('class="badge badge-warn">Kurzfristig') == 1


def test_planning_filters_by_state_company_and_kind(
    app, staff_client, customer_a, customer_b, company_b
):
    announce(app, customer_a)
    announce(app, customer_b, kind="other", details={"description": "Router tauschen"})
    page = text(staff_client.get(f"/einsatzplanung?company={company_b.id}"))
    assert "Router tauschen" in page and "Lena Hoffmann" not in page
    page = text(staff_client.get("/einsatzplanung?kind=new_employee"))
    assert "Router tauschen" not in page and "Lena Hoffmann" in page
    page = text(staff_client.get("/einsatzplanung?state=done"))
    assert "Router tauschen" not in page and "Lena Hoffmann" not in page
    assert staff_client.get("/einsatzplanung?state=bogus").status_code == 400
    assert staff_client.get("/einsatzplanung?company=abc").status_code == 400


def test_week_view_shows_slots_per_technician_and_flags_double_bookings(
    app, staff_client, customer_a, staff
):
    other_technician = make_user(app, "tom@provider.example", "Tom Technik", "staff")
    first = announce(app, customer_a)
    second = announce(app, customer_a, kind="other", details={"description": "Switch tauschen"})
    third = announce(app, customer_a, kind="other", details={"description": "Drucker"})
    schedule(app, first, staff, day="2026-12-09", start="09:00", end="12:00")
    schedule(app, second, staff, day="2026-12-09", start="11:00", end="12:30")
    schedule(app, third, other_technician, day="2026-12-10", start="09:00", end="10:00")
    page = text(staff_client.get("/einsatzplanung?week=2026-W50"))
    assert "KW 50" in page and "Mo., 07.12.2026" in page and "Sa., 12.12.2026" in page
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", page, re.S)
    by_name = {re.match(r"([^<]+)</th>", row).group(1): row for row in rows}
    paula, tom = by_name[staff.name], by_name["Tom Technik"]
    cells = re.findall(r"<td>(.*?)</td>", paula, re.S)
    assert len(cells) == 6  # Monday to Saturday
    assert "Lena Hoffmann" in cells[2] and "Switch tauschen" in cells[2]
    assert cells[2].count("Doppelbuchung") == 2
    assert "Drucker" in re.findall(r"<td>(.*?)</td>", tom, re.S)[3] and "Doppelbuchung" not in tom
    assert "Doppelbuchungen" in page
    # another week is empty
    assert "Lena Hoffmann" not in text(staff_client.get("/einsatzplanung?week=2026-W51&state=done"))


def test_week_navigation_links_and_bad_week(staff_client, staff):
    page = text(staff_client.get("/einsatzplanung?week=2026-W01"))
    assert "week=2025-W52" in page and "week=2026-W02" in page
    response = staff_client.get("/einsatzplanung?week=naechste")
    assert response.status_code == 400 and "2026-W49" in text(response)
    for week in ("9999-W52", "0001-W01"):
        assert staff_client.get(f"/einsatzplanung?week={week}").status_code == 400


@pytest.mark.parametrize("company", ["²", "99999999999999999999", "1" * 5000])
def test_unreadable_company_filter_is_a_400(staff_client, staff, company):
    response = staff_client.get(f"/einsatzplanung?company={company}")
    assert response.status_code == 400 and "Unbekannter Filterwert" in text(response)


def test_holidays_are_named_in_the_week_view(staff_client, staff):
    page = text(staff_client.get("/einsatzplanung?week=2026-W52"))
    assert "Erster Weihnachtstag" in page
    page = text(staff_client.get("/einsatzplanung?week=2026-W52&lang=en"))
    assert "Christmas Day" in page and "Weihnachtstag" not in page


def test_holiday_in_an_english_date_message_is_named_in_english(client_a):
    response = client_a.post(
        "/aenderungen/neu/other?lang=en", data={"description": "Move", "wished_date": "2026-12-25"}
    )
    assert response.status_code == 422
    assert "(Christmas Day)" in text(response) and "Weihnachtstag" not in text(response)


# --- query budgets ----------------------------------------------------------------------


def _seed(app, customer, technician, count):
    for i in range(count):
        change = announce(app, customer, kind="other", details={"description": f"Aufgabe {i}"})
        if i % 2:
            schedule(
                app, change, technician, start=f"{8 + i % 8:02d}:00", end=f"{9 + i % 8:02d}:00"
            )


@pytest.mark.parametrize(
    ("who", "path"), [("customer", "/aenderungen"), ("staff", "/einsatzplanung?week=2026-W50")]
)
def test_list_pages_use_a_constant_number_of_queries(
    app, client_a, staff_client, customer_a, staff, who, path
):
    client = client_a if who == "customer" else staff_client
    _seed(app, customer_a, staff, 2)
    client.get(path)  # creates the feed secret once
    with count_queries() as few:
        assert client.get(path).status_code == 200
    _seed(app, customer_a, staff, 12)
    with count_queries() as many:
        page = text(client.get(path))
    assert "Aufgabe 11" in page
    assert many.count == few.count <= 8
