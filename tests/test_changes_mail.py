"""E-mails about planned changes, through a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from icalendar import Calendar

from portal.changes import service
from portal.changes.models import PlannedChange
from portal.models import User
from tests.changes_support import NEW_EMPLOYEE, announce, berlin, fixed_today, schedule  # noqa: F401
from tests.conftest import free_port, mail_text, make_user

pytestmark = pytest.mark.usefixtures("fixed_today")

SUPPORT = "dienst@provider.example"
TITLE = "Neuer Mitarbeiter – Lena Hoffmann"  # kind and title, as mails name a change


@pytest.fixture
def app_config(smtp):
    _mailbox, port = smtp
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port, "SUPPORT_EMAIL": SUPPORT}


def announcement_form(wished="2026-12-09") -> dict:
    return {"wished_date": wished, "alternative_date": "", **NEW_EMPLOYEE}


def schedule_form(technician, day="2026-12-09", start="09:00", end="12:00") -> dict:
    return {
        "schedule-day": day,
        "schedule-start": start,
        "schedule-end": end,
        "schedule-technician": str(technician.id),
    }


def invitation(message) -> Calendar:
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"
    assert attachment.get_filename().endswith(".ics")
    return Calendar.from_ical(attachment.get_payload(decode=True))


def cancellation(message) -> Calendar:
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "CANCEL"
    assert attachment.get_filename().endswith(".ics")
    return Calendar.from_ical(attachment.get_payload(decode=True))


def at(monkeypatch, moment: dt.datetime) -> None:
    """Store the following changes as made at `moment` (the SEQUENCE follows updated_at)."""
    monkeypatch.setattr(service, "utcnow", lambda: moment)


def prefer_english(user) -> None:
    User.update(preferred_language="en").where(User.id == user.id).execute()


# --- to the provider --------------------------------------------------------------------


def test_announcement_tells_support_kind_company_wished_date_and_short_notice(
    client_a, customer_a, mailbox
):
    response = client_a.post("/aenderungen/neu/new_employee", data=announcement_form("2026-12-03"))
    assert response.status_code == 302
    change = PlannedChange.get()
    [alert] = mailbox.messages
    assert alert["To"] == SUPPORT
    assert alert["Subject"] == f"Neue geplante Änderung von Alpha Steuerberatung GmbH: {TITLE}"
    text = mail_text(alert)
    assert "Firma: Alpha Steuerberatung GmbH" in text
    assert "Art: Neuer Mitarbeiter" in text
    assert "Wunschtermin: Do., 03.12.2026" in text
    assert "Kurzfristig: Wir empfehlen 10 Servicetage Vorlauf, also ab dem Mi., 09.12.2026." in text
    assert "Anna Alpha (anna@alpha.example)" in text and "DATEV" in text
    assert f"http://localhost/aenderungen/{change.id}" in text


def test_announcement_with_enough_notice_has_no_warning(client_a, mailbox):
    client_a.post("/aenderungen/neu/new_employee", data=announcement_form("2026-12-09"))
    [alert] = mailbox.messages
    assert "Kurzfristig" not in mail_text(alert)


def test_customer_message_goes_to_support_until_a_technician_is_scheduled(
    app, client_a, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    client_a.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Geht auch 8 Uhr?"})
    [first] = mailbox.messages
    assert first["To"] == SUPPORT and "Geht auch 8 Uhr?" in mail_text(first)
    assert first["Subject"].startswith("Kundennachricht zur geplanten Änderung")

    schedule(app, change, staff)
    mailbox.messages.clear()
    client_a.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Danke!"})
    [second] = mailbox.messages
    assert second["To"] == staff.email
    assert "Anna Alpha schreibt:" in mail_text(second) and "Danke!" in mail_text(second)


def test_withdrawal_tells_the_scheduled_technician_the_slot_is_free(
    app, client_a, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    schedule(app, change, staff)
    mailbox.messages.clear()
    assert client_a.post(f"/aenderungen/{change.id}/zurueckziehen").status_code == 302
    [notice] = mailbox.to(staff.email)  # the customer's confirmation: see below
    assert notice["To"] == staff.email
    assert notice["Subject"].startswith("Zurückgezogen:")
    text = mail_text(notice)
    assert f"Alpha Steuerberatung GmbH hat die geplante Änderung „{TITLE}“" in text
    assert "Der Termin Mi., 09.12.2026, 09:00 bis 12:00 Uhr (Paula Technik) ist damit frei." in text


def test_withdrawal_through_the_api_tells_support(app, client_a, customer_a, mailbox):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    client_a.patch(f"/api/v1/changes/{change.id}", json={"state": "withdrawn"})
    assert [m["To"] for m in mailbox.messages] == [SUPPORT]


def test_technician_gets_provider_mails_in_their_language_support_in_german(
    app, client_a, customer_a, staff, mailbox
):
    prefer_english(staff)
    client_a.post("/aenderungen/neu/new_employee", data=announcement_form())
    [alert] = mailbox.messages
    assert alert["Subject"].startswith("Neue geplante Änderung von")  # support: German
    change = PlannedChange.get()
    schedule(app, change, User.get_by_id(staff.id))
    mailbox.messages.clear()
    client_a.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Frage"})
    [to_staff] = mailbox.to(staff.email)
    assert to_staff["Subject"].startswith("Customer message about the planned change")
    assert "Anna Alpha writes:" in mail_text(to_staff)


# --- to the customer --------------------------------------------------------------------


def test_scheduling_mails_the_customer_slot_technician_link_and_calendar_invitation(
    app, staff_client, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    response = staff_client.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff))
    assert response.status_code == 302
    [message] = mailbox.messages
    assert message["To"] == customer_a.email
    assert message["Subject"] == f"Ihre geplante Änderung ist eingeplant: {TITLE}"
    text = mail_text(message)
    assert text.startswith("Guten Tag Anna Alpha,")
    assert "Termin: Mi., 09.12.2026, 09:00 bis 12:00 Uhr" in text  # Europe/Berlin
    assert "Techniker: Paula Technik" in text
    assert f"Ihre Änderung im Kundenportal: http://localhost/aenderungen/{change.id}" in text

    calendar = invitation(message)
    assert str(calendar["METHOD"]) == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 12, 9, 11, 0, tzinfo=dt.UTC)
    assert str(event["SUMMARY"]) == "Geplante Änderung: Lena Hoffmann"
    assert str(event["UID"]) == f"planned-change-{change.id}@bluvo.de"  # the feed's UID
    assert str(event["URL"]) == f"http://localhost/aenderungen/{change.id}"
    assert "Paula Technik" in str(event["DESCRIPTION"])


def test_rescheduling_mails_the_new_and_the_old_slot_saving_it_again_mails_nothing(
    app, staff_client, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    schedule(app, change, staff)
    mailbox.messages.clear()
    form = schedule_form(staff, day="2026-12-10", start="14:00", end="15:30")
    staff_client.post(f"/aenderungen/{change.id}/einplanen", data=form)
    [message] = mailbox.messages
    assert message["Subject"] == f"Neuer Termin für Ihre geplante Änderung: {TITLE}"
    text = mail_text(message)
    assert "Termin: Do., 10.12.2026, 14:00 bis 15:30 Uhr" in text
    assert "Bisher: Mi., 09.12.2026, 09:00 bis 12:00 Uhr (Paula Technik)" in text
    [event] = invitation(message).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2026, 12, 10, 13, 0, tzinfo=dt.UTC)
    assert str(event["UID"]) == f"planned-change-{change.id}@bluvo.de"  # replaces the old one

    mailbox.messages.clear()
    staff_client.post(f"/aenderungen/{change.id}/einplanen", data=form)
    assert mailbox.messages == []


def test_decline_mails_the_customer_the_reason(app, staff_client, customer_a, mailbox):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    staff_client.post(
        f"/aenderungen/{change.id}/ablehnen", data={"decline-reason": "Das Gerät ist zu alt."}
    )
    [message] = mailbox.to(customer_a.email)
    assert message["Subject"] == f"Ihre geplante Änderung wurde abgelehnt: {TITLE}"
    text = mail_text(message)
    assert "Das Gerät ist zu alt." in text and "02102 / 7315-444" in text
    assert list(message.iter_attachments()) == []


def test_decline_of_a_scheduled_change_cancels_the_invitation(
    app, staff_client, customer_a, staff, mailbox, monkeypatch
):
    change = announce(app, customer_a)
    at(monkeypatch, dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC))
    staff_client.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff))
    [invited] = invitation(mailbox.to(customer_a.email)[0]).walk("VEVENT")
    mailbox.messages.clear()
    at(monkeypatch, dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC))
    staff_client.post(
        f"/aenderungen/{change.id}/ablehnen", data={"decline-reason": "Das Gerät ist zu alt."}
    )
    [message] = mailbox.to(customer_a.email)
    assert message["Subject"] == f"Ihre geplante Änderung wurde abgelehnt: {TITLE}"
    assert "Im Anhang finden Sie die Absage für Ihren Kalender" in mail_text(message)
    calendar = cancellation(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == str(invited["UID"]) == f"planned-change-{change.id}@bluvo.de"
    assert str(event["STATUS"]) == "CANCELLED" and str(invited["STATUS"]) == "CONFIRMED"
    assert event.decoded("SEQUENCE") > invited.decoded("SEQUENCE") >= 0
    assert event.decoded("DTSTART") == invited.decoded("DTSTART")
    assert event.decoded("DTEND") == invited.decoded("DTEND")


def test_each_new_slot_and_the_cancellation_raise_the_sequence(
    app, staff_client, customer_a, staff, mailbox, monkeypatch
):
    change = announce(app, customer_a)
    at(monkeypatch, dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC))
    schedule(app, change, staff)
    at(monkeypatch, dt.datetime(2026, 11, 27, 9, 5, tzinfo=dt.UTC))
    schedule(app, change, staff, day="2026-12-10")
    at(monkeypatch, dt.datetime(2026, 11, 27, 9, 10, tzinfo=dt.UTC))
    staff_client.post(f"/aenderungen/{change.id}/ablehnen", data={"decline-reason": "Zu alt."})
    first, second, declined = mailbox.to(customer_a.email)
    sequences = [
        invitation(first).walk("VEVENT")[0].decoded("SEQUENCE"),
        invitation(second).walk("VEVENT")[0].decoded("SEQUENCE"),
        cancellation(declined).walk("VEVENT")[0].decoded("SEQUENCE"),
    ]
    assert sequences == sorted(set(sequences))  # strictly growing
    assert max(sequences) < 2**31  # RFC 5545 integers are 32-bit


def test_scheduling_and_declining_in_one_patch_still_cancels_with_a_higher_sequence(
    app, staff_client, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    response = staff_client.patch(
        f"/api/v1/changes/{change.id}",
        json={
            "scheduled_start": "2026-12-09T09:00",
            "scheduled_end": "2026-12-09T12:00",
            "technician": staff.email,
            "state": "declined",
            "decline_reason": "Doch nicht möglich.",
        },
    )
    assert response.status_code == 200, response.json
    scheduled, declined = mailbox.to(customer_a.email)  # the same second
    [invited] = invitation(scheduled).walk("VEVENT")
    [cancelled] = cancellation(declined).walk("VEVENT")
    assert cancelled["UID"] == invited["UID"]
    assert cancelled.decoded("SEQUENCE") > invited.decoded("SEQUENCE")


def test_customer_withdrawing_a_scheduled_change_gets_a_confirmation_with_the_cancellation(
    app, client_a, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    schedule(app, change, staff)
    [invited] = invitation(mailbox.to(customer_a.email)[0]).walk("VEVENT")
    mailbox.messages.clear()
    assert client_a.post(f"/aenderungen/{change.id}/zurueckziehen").status_code == 302
    assert [m["To"] for m in mailbox.messages] == [staff.email, customer_a.email]
    [message] = mailbox.to(customer_a.email)
    assert message["Subject"] == f"Ihre geplante Änderung ist zurückgezogen: {TITLE}"
    text = mail_text(message)
    assert text.startswith("Guten Tag Anna Alpha,")
    assert "Der Termin Mi., 09.12.2026, 09:00 bis 12:00 Uhr entfällt." in text
    [event] = cancellation(message).walk("VEVENT")
    assert event["UID"] == invited["UID"] and str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("SEQUENCE") > invited.decoded("SEQUENCE")


def test_withdrawing_an_unscheduled_change_sends_the_customer_nothing(
    app, client_a, customer_a, mailbox
):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    client_a.post(f"/aenderungen/{change.id}/zurueckziehen")
    assert mailbox.to(customer_a.email) == []
    assert [m["To"] for m in mailbox.messages] == [SUPPORT]


def test_withdrawal_through_the_api_cancels_in_the_customers_language(
    app, client_a, customer_a, staff, mailbox
):
    prefer_english(customer_a)
    change = announce(app, User.get_by_id(customer_a.id))
    schedule(app, change, staff)
    mailbox.messages.clear()
    client_a.patch(f"/api/v1/changes/{change.id}", json={"state": "withdrawn"})
    [message] = mailbox.to(customer_a.email)
    assert message["Subject"] == (
        "Your planned change has been withdrawn: New employee – Lena Hoffmann"
    )
    text = mail_text(message)
    assert text.startswith("Dear Anna Alpha,")
    assert "Wed, 9 Dec 2026, 09:00 to 12:00" in text
    [event] = cancellation(message).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Planned change: Lena Hoffmann"


def test_done_mails_the_customer(app, staff_client, customer_a, staff, mailbox):
    change = announce(app, customer_a)
    schedule(app, change, staff)
    mailbox.messages.clear()
    staff_client.post(f"/aenderungen/{change.id}/erledigt")
    [message] = mailbox.messages
    assert message["To"] == customer_a.email
    assert message["Subject"] == f"Ihre geplante Änderung ist erledigt: {TITLE}"


def test_staff_message_goes_to_the_announcing_customer(
    app, staff_client, customer_a, company_a, mailbox
):
    make_user(app, "carla@alpha.example", "Carla Alpha", "customer", company_a)
    change = announce(app, customer_a)
    mailbox.messages.clear()
    staff_client.post(f"/aenderungen/{change.id}/nachricht", data={"message-body": "Ja, gern."})
    [message] = mailbox.messages  # not to colleagues of the same company
    assert message["To"] == customer_a.email
    assert message["Subject"] == f"Neue Nachricht zu Ihrer geplanten Änderung: {TITLE}"
    assert "schreibt Paula Technik:" in mail_text(message) and "Ja, gern." in mail_text(message)


def test_customer_mail_and_invitation_are_in_the_customers_language(
    app, staff_client, customer_a, staff, mailbox
):
    prefer_english(customer_a)
    change = announce(app, User.get_by_id(customer_a.id))
    assert mailbox.to(SUPPORT)[0]["Subject"].startswith("Neue geplante Änderung")
    staff_client.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff))
    [message] = mailbox.to(customer_a.email)
    assert (
        message["Subject"] == "Your planned change has been scheduled: New employee – Lena Hoffmann"
    )
    text = mail_text(message)
    assert text.startswith("Dear Anna Alpha,")
    assert "Appointment: Wed, 9 Dec 2026, 09:00 to 12:00" in text
    [event] = invitation(message).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Planned change: Lena Hoffmann"
    assert "New employee" in str(event["DESCRIPTION"])


def test_customer_mails_carry_nothing_of_other_companies_or_internal_contacts(
    app, staff_client, customer_a, customer_b, staff, mailbox
):
    theirs = announce(
        app, customer_b, kind="other", details={"description": "Beta-Router tauschen"}
    )
    schedule(app, theirs, staff)
    mine = announce(app, customer_a)
    mailbox.messages.clear()
    # a double booking: staff see the other company in the warning, the customer must not
    response = staff_client.post(
        f"/aenderungen/{mine.id}/einplanen",
        data={**schedule_form(staff), "confirm_clash": "1"},
        follow_redirects=True,
    )
    assert "Beta Logistik KG" in response.get_data(as_text=True)
    [message] = mailbox.messages
    assert message["To"] == customer_a.email
    raw = message.as_string() + invitation(message).to_ical().decode()
    for secret in ("Beta", customer_b.email, staff.email, "Kunde:", "Ansprechpartner"):
        assert secret not in raw


def test_inactive_customer_gets_no_mail(app, staff_client, customer_a, staff, mailbox):
    change = announce(app, customer_a)
    User.update(active=False).where(User.id == customer_a.id).execute()
    mailbox.messages.clear()
    staff_client.post(f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff))
    assert mailbox.messages == []
    assert PlannedChange.get_by_id(change.id).state == "scheduled"


# --- the API, transactions, failures, links outside a request ------------------------------


def test_api_patch_mails_only_after_it_commits(app, staff_client, customer_a, staff, mailbox):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    slot = {
        "scheduled_start": "2026-12-09T09:00",
        "scheduled_end": "2026-12-09T12:00",
        "technician": staff.email,
    }
    # scheduling succeeds, declining without a reason fails: the whole PATCH is rolled back
    response = staff_client.patch(
        f"/api/v1/changes/{change.id}", json={**slot, "state": "declined"}
    )
    assert response.status_code == 422
    assert PlannedChange.get_by_id(change.id).state == "submitted"
    assert mailbox.messages == []

    response = staff_client.patch(f"/api/v1/changes/{change.id}", json={**slot, "state": "done"})
    assert response.status_code == 200
    subjects = [m["Subject"] for m in mailbox.to(customer_a.email)]
    assert subjects == [
        f"Ihre geplante Änderung ist eingeplant: {TITLE}",
        f"Ihre geplante Änderung ist erledigt: {TITLE}",
    ]


def test_api_announcement_tells_support(client_a, mailbox):
    response = client_a.post(
        "/api/v1/changes",
        json={"kind": "new_employee", "details": NEW_EMPLOYEE, "wished_date": "2026-12-09"},
    )
    assert response.status_code == 201
    assert [m["To"] for m in mailbox.messages] == [SUPPORT]


def test_a_refusing_mail_server_does_not_break_scheduling(
    app, staff_client, client_a, customer_a, staff, mailbox, caplog
):
    change = announce(app, customer_a)
    mailbox.refuse = True
    with caplog.at_level(logging.ERROR, logger="portal.outbox.delivery"):
        response = staff_client.post(
            f"/aenderungen/{change.id}/einplanen", data=schedule_form(staff), follow_redirects=True
        )
    assert response.status_code == 200
    assert "Die Änderung ist eingeplant." in response.get_data(as_text=True)
    assert PlannedChange.get_by_id(change.id).state == "scheduled"
    assert "failed for good: 554" in caplog.text
    assert client_a.get(f"/aenderungen/{change.id}").status_code == 200


def test_an_unreachable_mail_server_does_not_lose_the_announcement(app, client_a):
    app.config["MAIL_PORT"] = free_port()  # nobody listens there
    response = client_a.post("/aenderungen/neu/new_employee", data=announcement_form())
    assert response.status_code == 302
    assert PlannedChange.select().count() == 1


def test_links_outside_a_request_use_server_name(app, customer_a, staff, mailbox):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    app.config.update(SERVER_NAME="portal.example", PREFERRED_URL_SCHEME="https")
    with app.app_context():  # e.g. a CLI command or a job: no request to take the host from
        service.schedule(
            PlannedChange.get_by_id(change.id),
            berlin("2026-12-09", "09:00"),
            berlin("2026-12-09", "12:00"),
            staff,
        )
    [message] = mailbox.messages
    link = f"https://portal.example/aenderungen/{change.id}"
    assert link in mail_text(message)
    [event] = invitation(message).walk("VEVENT")
    assert str(event["URL"]) == link


def test_without_server_name_mails_outside_a_request_go_out_without_a_link(
    app, customer_a, staff, mailbox
):
    change = announce(app, customer_a)
    mailbox.messages.clear()
    with app.app_context():
        service.mark_done(PlannedChange.get_by_id(change.id))
    [message] = mailbox.messages
    assert "Kundenportal:" not in mail_text(message)
