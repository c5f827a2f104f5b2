"""The outbox in one process: mails written with the change they report, their format, the
claim, the retries, the admins' page and the /konto switch (jobs run inline: JOBS_IMMEDIATE)."""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy

import pytest

from portal.db import database, utcnow
from portal.mail import Mail, message_id_for
from portal.models import User
from portal.outbox import delivery, store
from portal.outbox.models import OutboxMail
from portal.tickets import service
from portal.tickets.models import Ticket
from portal.tickets.rules import Report
from tests.conftest import free_port, login_client, mail_text
from tests.ticket_factory import make_ticket

SUPPORT = "dienst@provider.example"
TICKET_ID = r"<T-2026-\d{5}\.[0-9a-f]{32}@bluvo\.de>"


@pytest.fixture
def app_config(smtp):
    _mailbox, port = smtp
    return {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": port,
        "SUPPORT_EMAIL": SUPPORT,
        "INBOUND_ADDRESS": "antwort@provider.example",
    }


def rows(**where):
    with database.connection_context():
        query = OutboxMail.select().order_by(OutboxMail.id)
        for name, value in where.items():
            query = query.where(getattr(OutboxMail, name) == value)
        return list(query)


# --- format ----------------------------------------------------------------------


def test_message_ids_follow_the_contract_with_incoming_mail(app):
    with app.app_context():
        assert re.fullmatch(TICKET_ID, message_id_for("T-2026-00042").replace("00042", "00001"))
        assert re.fullmatch(r"<kp\.[0-9a-f]{32}@bluvo\.de>", message_id_for(None))


def test_ticket_mail_has_text_and_html_tag_ids_threading_and_no_loop_headers(
    app, client_a, customer_a, staff_client, mailbox
):
    ticket = make_ticket(app, customer_a, priority="critical", affected="company")
    staff_client.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Wir sind dran."})
    first, reply = mailbox.to(customer_a.email)
    assert first["Subject"].startswith(f"[{ticket.number}] ")
    assert reply["Subject"].startswith(f"[{ticket.number}] ")
    assert reply["In-Reply-To"] == first["Message-ID"]
    assert first["Message-ID"] in reply["References"]
    for message in (first, reply):
        assert message["Auto-Submitted"] == "auto-generated"
        assert message["Reply-To"] == "antwort@provider.example"
        assert message["Message-ID"].startswith(f"<{ticket.number}.")
        html = message.get_body(preferencelist=("html",)).get_content()
        assert "<img" not in html and "src=" not in html and "<link" not in html
        assert f"/tickets/{ticket.number}" in html and f"/tickets/{ticket.number}" in mail_text(
            message
        )
    assert "Wir sind dran." in reply.get_body(preferencelist=("html",)).get_content()
    stored = {row.message_id for row in rows(state="sent")}
    assert {first["Message-ID"], reply["Message-ID"]} <= stored


def test_a_stored_title_with_a_line_break_still_mails_in_one_header_line(
    app, customer_a, staff_client, mailbox
):
    ticket = make_ticket(app, customer_a)
    with database.connection_context():  # an old row, stored before titles were checked
        Ticket.update(title="Drucker\r\nBcc: x@y.example").where(Ticket.id == ticket.id).execute()
    mailbox.messages.clear()
    response = staff_client.post(
        f"/tickets/{ticket.number}/nachricht", data={"body": "Wir sind dran."}
    )
    assert response.status_code == 302
    [message] = mailbox.to(customer_a.email)
    assert message["Subject"] == (
        f"[{ticket.number}] Neue Antwort zu Ihrem Ticket: Drucker Bcc: x@y.example"
    )
    assert message["Bcc"] is None
    assert [m["To"] for m in mailbox.messages] == [customer_a.email]


def test_the_line_break_title_answers_422_naming_the_field_and_stores_nothing(client_a, mailbox):
    response = client_a.post(
        "/api/v1/tickets",
        json={"title": "Drucker\r\nBcc: x@y", "description": "kaputt", "priority": "normal"},
        headers={"X-CSRF-Token": "x"},
    )
    assert response.status_code == 422, response.get_json()
    assert "title" in str(response.get_json())
    with database.connection_context():
        assert Ticket.select().count() == 0
    assert rows() == [] and mailbox.messages == []


def test_the_form_refuses_a_title_with_a_control_character_in_german(client_a):
    response = client_a.post(
        "/tickets/neu",
        data={"title": "Drucker\tkaputt", "description": "D", "priority": "low", "affected": "one"},
    )
    assert response.status_code in (400, 422)
    assert "Bitte in einer Zeile, ohne Zeilenumbrüche und Steuerzeichen." in response.get_data(
        as_text=True
    )


# --- the outbox ------------------------------------------------------------------------


def test_a_rolled_back_write_leaves_nothing_in_the_outbox(app, customer_a, mailbox):
    report = Report(title="Server steht", description="Nichts geht.", priority="low")
    with app.test_request_context(), pytest.raises(RuntimeError), database.atomic():
        service.create_ticket(customer_a, report)
        raise RuntimeError("rolled back")
    assert rows() == [] and mailbox.messages == []


def test_smtp_down_keeps_the_mail_pending_with_the_reason_and_a_backoff(app, client_a, smtp):
    app.config["MAIL_PORT"] = free_port()  # nobody listens there
    before = utcnow()
    response = client_a.post(
        "/tickets/neu",
        data={"title": "T", "description": "D", "priority": "low", "affected": "one"},
    )
    assert response.status_code == 302
    first, second = rows()
    assert first.state == "pending" and first.attempts == 1
    assert "ConnectionRefusedError" in first.last_error
    assert first.next_attempt_at >= before + dt.timedelta(seconds=60)
    assert second.state == "pending" and second.attempts == 0  # the run stopped at the server


def test_retries_follow_the_backoff_then_the_mail_fails_with_the_reason(app, customer_a, smtp):
    app.config["MAIL_PORT"] = free_port()
    make_ticket(app, customer_a)  # the first attempt, at once
    first = rows()[0]
    seen = [round((first.next_attempt_at - first.created_at).total_seconds() / 60)]
    with app.app_context(), database.connection_context():
        for _attempt in range(5):
            OutboxMail.update(next_attempt_at=utcnow()).where(
                OutboxMail.state == "pending"
            ).execute()
            start = utcnow()
            delivery.deliver_due(limit=1)
            row = OutboxMail.get_by_id(rows()[0].id)
            if row.state == "pending":
                seen.append(round((row.next_attempt_at - start).total_seconds() / 60))
        assert OutboxMail.get_by_id(rows()[0].id).state == "failed"
    assert seen == [1, 5, 30, 120, 720]
    assert "ConnectionRefusedError" in rows()[0].last_error


def test_a_claimed_mail_cannot_be_claimed_again_until_its_lease_runs_out(app, customer_a):
    app.config["MAIL_SERVER"] = None
    with app.app_context(), database.connection_context():
        row = store.add(Mail(to="x@example.org", subject="S", body="B"))
        now = utcnow()
        assert delivery.claim(row.id, now) is not None
        assert delivery.claim(row.id, now) is None
        later = now + dt.timedelta(seconds=app.config["MAIL_LEASE_SECONDS"] + 1)
        assert delivery.claim(row.id, later) is not None


def test_a_refused_recipient_fails_at_once_with_the_servers_answer(app, client_a, mailbox):
    mailbox.refuse = True
    client_a.post(
        "/tickets/neu",
        data={"title": "T", "description": "D", "priority": "low", "affected": "one"},
    )
    assert {row.state for row in rows()} == {"failed"}
    assert rows()[0].last_error == "554 Transaction failed"


# --- staff notifications and the /konto switch -----------------------------------------


def test_users_who_switched_off_non_critical_mails_still_get_critical_ones(
    app, customer_a, mailbox
):
    client = login_client(app, customer_a)
    page = client.get("/konto")
    assert "E-Mail-Benachrichtigungen" in page.get_data(as_text=True)
    response = client.post("/konto/benachrichtigungen", data={})  # the box unticked
    assert response.status_code == 302
    with database.connection_context():
        assert User.get_by_id(customer_a.id).mail_noncritical is False
    customer = User.get_by_id(customer_a.id)
    make_ticket(app, customer, priority="normal")
    assert mailbox.to(customer_a.email) == []
    make_ticket(app, customer, priority="critical", affected="company")
    [critical] = mailbox.to(customer_a.email)
    assert "Kritisch" in mail_text(critical)


def test_a_new_critical_ticket_and_each_customer_message_reach_the_assignee_or_support(
    app, client_a, customer_a, staff, mailbox
):
    ticket = make_ticket(app, customer_a, priority="critical", affected="company")
    [alert] = mailbox.to(SUPPORT)
    assert alert["Subject"] == f"[{ticket.number}] Neues Ticket: Drucker druckt nicht"
    with database.connection_context():
        Ticket.update(assignee=staff.id).where(Ticket.id == ticket.id).execute()
    client_a.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Noch da?"})
    [message] = mailbox.to(staff.email)
    assert "Noch da?" in mail_text(message)


# --- the admins' page ------------------------------------------------------------------


def test_admins_see_failed_and_pending_mails_and_send_one_again(
    app, client_a, admin_client, customer_a, mailbox
):
    mailbox.refuse = True
    client_a.post(
        "/tickets/neu",
        data={"title": "Drucker", "description": "D", "priority": "low", "affected": "one"},
    )
    page = admin_client.get("/verwaltung/postausgang")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "554 Transaction failed" in text and "Erneut senden" in text
    failed = rows()[0]
    mailbox.refuse = False
    app.config["WTF_CSRF_ENABLED"] = True
    page = admin_client.get("/verwaltung/postausgang")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))[1]
    refused = admin_client.post(f"/verwaltung/postausgang/{failed.id}/erneut-senden")
    assert refused.status_code == 400  # no CSRF token (the app checks it outside tests too)
    response = admin_client.post(
        f"/verwaltung/postausgang/{failed.id}/erneut-senden",
        data={"csrf_token": token},
    )
    assert response.status_code == 302
    assert rows(id=failed.id)[0].state == "sent"
    [message] = mailbox.to(failed.recipient)
    assert message["Message-ID"] == failed.message_id


def test_the_outbox_page_is_for_admins_only_and_english_too(app, staff_client, admin):
    assert staff_client.get("/verwaltung/postausgang").status_code == 403
    with database.connection_context():
        User.update(preferred_language="en").where(User.id == admin.id).execute()
    client = login_client(app, admin)
    text = client.get("/verwaltung/postausgang").get_data(as_text=True)
    assert "Outbox" in text and "All e-mails have been delivered." in text


def test_parse_roundtrip_of_stored_message(app, customer_a):
    make_ticket(app, customer_a)
    row = rows()[0]
    message = email.message_from_bytes(bytes(row.raw), policy=policy.default)
    assert message["Message-ID"] == row.message_id
    assert b"\r\n" in bytes(row.raw)
