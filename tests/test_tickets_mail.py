"""E-mails about tickets, through a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import pytest

from portal.db import database
from portal.models import User
from portal.outbox.models import OutboxMail
from portal.tickets import service
from portal.tickets.models import Ticket
from portal.tickets.rules import Report
from tests.conftest import free_port
from tests.ticket_factory import make_ticket

SUPPORT = "dienst@provider.example"


@pytest.fixture
def app_config(smtp):
    _mailbox, port = smtp
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port, "SUPPORT_EMAIL": SUPPORT}


def body(message) -> str:
    return message.get_body().get_content()


def test_new_ticket_confirms_to_the_customer_and_alerts_support(client_a, customer_a, mailbox):
    client_a.post(
        "/tickets/neu",
        data={
            "title": "Server steht",
            "description": "Nichts geht.",
            "priority": "critical",
            "affected": "company",
            "urgency": "plain",
        },
    )
    ticket = Ticket.get()
    [confirmation] = mailbox.to(customer_a.email)
    assert confirmation["Subject"] == f"[{ticket.number}] Ihr Ticket ist eingegangen: Server steht"
    assert confirmation["From"] == "service@bluvo.de"
    text = body(confirmation)
    assert "Wir melden uns spätestens bis" in text and "+49 2102 - 7315-747" in text
    assert f"/tickets/{ticket.number}" in text
    [alert] = mailbox.to(SUPPORT)
    assert ticket.number in alert["Subject"] and "Nichts geht." in body(alert)


def test_public_reply_and_status_change_reach_the_customer_internal_note_does_not(
    app, staff_client, customer_a, staff, mailbox
):
    ticket = make_ticket(app, customer_a)
    mailbox.messages.clear()
    staff_client.post(
        f"/tickets/{ticket.number}/nachricht", data={"body": "GEHEIM intern", "internal": "y"}
    )
    assert mailbox.messages == []
    staff_client.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Wir sind dran."})
    staff_client.post(
        f"/tickets/{ticket.number}/aendern",
        data={"status": "waiting_for_customer", "priority": "normal", "assignee": "0"},
    )
    to_customer = mailbox.to(customer_a.email)
    assert len(to_customer) == 2
    assert "Wir sind dran." in body(to_customer[0])
    assert "Wartet auf Ihre Rückmeldung" in body(to_customer[1])
    assert all("GEHEIM" not in body(m) for m in mailbox.messages)


def test_customer_message_goes_to_the_assignee(app, client_a, customer_a, staff, mailbox):
    ticket = make_ticket(app, customer_a)
    with app.test_request_context():
        service.change_ticket(Ticket.get_by_id(ticket.id), staff, {"assignee": staff}, "")
    mailbox.messages.clear()
    client_a.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Noch eine Frage"})
    [message] = mailbox.messages
    assert message["To"] == staff.email and "Noch eine Frage" in body(message)


def test_a_deactivated_assignee_is_passed_over_for_support(
    app, client_a, customer_a, staff, mailbox
):
    ticket = make_ticket(app, customer_a)
    with app.test_request_context():
        service.change_ticket(Ticket.get_by_id(ticket.id), staff, {"assignee": staff}, "")
    User.update(active=False).where(User.id == staff.id).execute()
    mailbox.messages.clear()
    client_a.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Ist jemand da?"})
    assert [m["To"] for m in mailbox.messages] == [SUPPORT]


def test_unassigned_customer_message_goes_to_support(app, client_a, customer_a, mailbox):
    ticket = make_ticket(app, customer_a)
    mailbox.messages.clear()
    client_a.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Hallo?"})
    assert [m["To"] for m in mailbox.messages] == [SUPPORT]


def test_mail_is_in_the_recipients_language(app, client_a, customer_a, mailbox):
    User.update(preferred_language="en").where(User.id == customer_a.id).execute()
    ticket = make_ticket(app, User.get_by_id(customer_a.id))
    [confirmation] = mailbox.to(customer_a.email)
    assert confirmation["Subject"] == (
        f"[{ticket.number}] Your ticket has been received: Drucker druckt nicht"
    )
    assert confirmation["Content-Language"] == "en"
    [alert] = mailbox.to(SUPPORT)
    assert alert["Subject"] == f"[{ticket.number}] Neues Ticket: Drucker druckt nicht"


def test_api_internal_note_is_not_mailed(app, staff_client, customer_a, mailbox):
    ticket = make_ticket(app, customer_a)
    mailbox.messages.clear()
    staff_client.post(
        f"/api/v1/tickets/{ticket.number}/messages", json={"body": "GEHEIM", "internal": True}
    )
    assert mailbox.messages == []


def test_a_broken_mail_server_does_not_lose_the_ticket(app, client_a, smtp):
    app.config["MAIL_PORT"] = free_port()  # nobody listens there
    response = client_a.post(
        "/tickets/neu",
        data={"title": "T", "description": "D", "priority": "low", "affected": "one"},
    )
    assert response.status_code == 302
    assert Ticket.select().count() == 1


def test_mails_outside_a_request_link_the_ticket_via_server_name(app, customer_a, mailbox):
    app.config.update(SERVER_NAME="portal.example", PREFERRED_URL_SCHEME="https")
    with app.app_context():  # e.g. the monitoring import or a CLI command: no request host
        ticket = service.create_ticket(
            customer_a,
            Report(title="Server steht", description="Nichts geht.", priority="low"),
        )
    link = f"https://portal.example/tickets/{ticket.number}"
    [confirmation] = mailbox.to(customer_a.email)
    assert link in body(confirmation)
    [alert] = mailbox.to(SUPPORT)
    assert link in body(alert)


def test_ticket_mails_wait_for_the_commit_of_an_enclosing_transaction(app, customer_a, smtp):
    mailbox, _port = smtp
    report = Report(title="Server steht", description="Nichts geht.", priority="low")
    with (
        app.test_request_context(),
        pytest.raises(RuntimeError),
        database.atomic(),
    ):
        service.create_ticket(customer_a, report)
        raise RuntimeError("rolled back")
    assert Ticket.select().count() == 0
    assert OutboxMail.select().count() == 0
    assert mailbox.messages == []
