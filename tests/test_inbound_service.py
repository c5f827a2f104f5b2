"""Importing one mail: replies, new tickets, the Posteingang, and importing the same mail twice."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.db import utcnow
from portal.inbound import service
from portal.inbound.models import InboundMail
from portal.tickets.models import Attachment, Ticket, TicketMessage
from tests import inbound_mails as m
from tests.conftest import make_user
from tests.ticket_factory import force_status, make_ticket


@pytest.fixture
def ticket_a(app, customer_a):
    return make_ticket(app, customer_a, title="Drucker im 2. OG druckt nicht")


@pytest.fixture
def ticket_b(app, customer_b):
    return make_ticket(app, customer_b, title="Lager-Scanner")


def run_import(app, raw, **kwargs) -> InboundMail:
    with app.test_request_context():
        return service.import_raw(raw, **kwargs)


def mail_for(template, ticket=None, other=None, sender="anna@alpha.example"):
    return m.build(
        template,
        sender=sender,
        ticket=ticket.number if ticket else "T-2026-99999",
        other=other.number if other else "T-2026-99998",
    )


def messages(ticket, internal=None):
    query = TicketMessage.select().where(TicketMessage.ticket == ticket.id)
    if internal is not None:
        query = query.where(TicketMessage.internal == internal)
    return list(query.order_by(TicketMessage.id))


REPLIES = [
    m.OUTLOOK_DE_REPLY,
    m.OUTLOOK_EN_REPLY,
    m.THUNDERBIRD_DE_REPLY,
    m.APPLE_MAIL_DE_REPLY,
    m.GMAIL_EN_REPLY,
    m.GMX_WEBMAIL_DE_REPLY,
]


@pytest.mark.parametrize("template", REPLIES)
def test_reply_becomes_public_customer_message_with_original_for_staff(
    app, ticket_a, customer_a, template
):
    row = run_import(app, mail_for(template, ticket_a))
    assert (row.state, row.reason, row.ticket_id) == ("imported", "reply", ticket_a.id)
    [message] = messages(ticket_a)
    assert message.author_id == customer_a.id and not message.internal
    assert ">" not in message.body and "Service bluvo" not in message.body
    eml = Attachment.get(Attachment.filename == "E-Mail.eml")
    assert eml.internal and eml.message_id == message.id


def test_reply_puts_waiting_ticket_back_in_progress(app, ticket_a):
    force_status(ticket_a, "waiting_for_customer")
    run_import(app, mail_for(m.THUNDERBIRD_DE_REPLY, ticket_a))
    assert Ticket.get_by_id(ticket_a.id).status == "in_progress"


def test_reply_to_resolved_ticket_in_window_reopens_it(app, ticket_a):
    force_status(ticket_a, "resolved", resolved_at=utcnow() - dt.timedelta(days=2))
    row = run_import(app, mail_for(m.OUTLOOK_EN_REPLY, ticket_a))
    assert row.reason == "reopened"
    assert Ticket.get_by_id(ticket_a.id).is_open and len(messages(ticket_a)) == 1


def test_reply_to_long_closed_ticket_waits_for_staff(app, ticket_a):
    force_status(ticket_a, "resolved", resolved_at=utcnow() - dt.timedelta(days=40))
    row = run_import(app, mail_for(m.OUTLOOK_EN_REPLY, ticket_a))
    assert (row.state, row.reason) == ("pending", "closed")
    assert Ticket.get_by_id(ticket_a.id).status == "resolved" and not messages(ticket_a)


def test_foreign_ticket_number_never_touches_that_ticket(app, ticket_a, ticket_b):
    before = Ticket.get_by_id(ticket_b.id).last_activity_at
    row = run_import(app, mail_for(m.OTHER_COMPANYS_TICKET, ticket_a, ticket_b))
    assert (row.state, row.reason, row.ticket_id) == ("pending", "not_visible", None)
    assert not messages(ticket_b)
    assert Ticket.get_by_id(ticket_b.id).last_activity_at == before


def test_attachments_follow_the_upload_rules_and_refused_ones_are_noted(app, customer_a):
    received = utcnow() - dt.timedelta(minutes=7)
    row = run_import(app, mail_for(m.WITH_ATTACHMENTS_NEW), received_at=received)
    ticket = Ticket.get_by_id(row.ticket_id)
    assert ticket.source == "email" and ticket.reporter_id == customer_a.id
    assert abs(ticket.reported_at - received) < dt.timedelta(milliseconds=1)
    assert ticket.created_at > received
    names = sorted(a.filename for a in Attachment.select().where(Attachment.ticket == ticket.id))
    assert names == ["E-Mail.eml", "Rechnung.pdf", "drucker.log"]
    notes = [n.body for n in messages(ticket, internal=True)]
    assert any("tool.exe" in note for note in notes)


def test_new_mail_from_customer_opens_ticket_with_triage_class(app, customer_a):
    row = run_import(app, mail_for(m.HTML_ONLY_NEW))
    ticket = Ticket.get_by_id(row.ticket_id)
    assert not messages(ticket, internal=True)  # triage was sure: no note
    assert ticket.title == "Exchange-Server nicht erreichbar"
    assert ticket.priority == "critical" and ticket.company_id == customer_a.company_id
    assert "Exchange-Server" in ticket.description


def test_unclear_new_mail_is_normal_and_marked_for_staff(app, customer_a):
    raw = mail_for(m.NO_MESSAGE_ID).replace(b"Monitor flackert", b"Kaputt")
    raw = raw.replace(b"Mein Kaputt seit heute Morgen.", b"Es geht irgendwie nicht richtig.")
    row = run_import(app, raw)
    ticket = Ticket.get_by_id(row.ticket_id)
    assert ticket.priority == "normal" and ticket.title == "Kaputt"
    assert any("nicht sicher erkannt" in n.body for n in messages(ticket, internal=True))


@pytest.mark.parametrize(
    "template,state,reason",
    [
        (m.OUT_OF_OFFICE_DE, "automatic", "auto-submitted"),
        (m.OUT_OF_OFFICE_EN_SUBJECT_ONLY, "automatic", "subject"),
        (m.BOUNCE, "automatic", "auto-submitted"),
        (m.OWN_MAIL, "own", "own"),
        (m.UNKNOWN_SENDER, "pending", "unknown_sender"),
        (m.BROKEN_MIME, "pending", "unreadable"),
        (m.UNKNOWN_CHARSET, "pending", "unreadable"),
        (m.EIGHT_BIT_HEADERS, "pending", "unreadable"),
    ],
)
def test_everything_else_opens_no_ticket(app, ticket_a, template, state, reason):
    row = run_import(app, mail_for(template, ticket_a))
    assert (row.state, row.reason) == (state, reason)
    assert Ticket.select().count() == 1 and not messages(ticket_a)


def test_staff_sender_waits_for_staff(app, staff, ticket_a):
    row = run_import(app, mail_for(m.THUNDERBIRD_DE_REPLY, ticket_a, sender=staff.email))
    assert row.reason == "staff_sender" and not messages(ticket_a)


def test_too_many_new_tickets_in_an_hour_wait_in_posteingang(app, customer_a):
    app.config["INBOUND_NEW_TICKETS_PER_HOUR"] = 2
    rows = [
        run_import(app, mail_for(m.NO_MESSAGE_ID).replace(b"flackert", f"{i}".encode()))
        for i in range(3)
    ]
    assert [r.reason for r in rows] == ["new_ticket", "new_ticket", "rate_limited"]
    assert Ticket.select().count() == 2


def test_same_mail_twice_creates_nothing_new(app, ticket_a):
    raw = mail_for(m.APPLE_MAIL_DE_REPLY, ticket_a)
    first = run_import(app, raw)
    again = run_import(app, raw)
    assert first.created_now and not again.created_now and again.id == first.id
    assert len(messages(ticket_a)) == 1 and InboundMail.select().count() == 1
    assert Attachment.select().count() == 2  # the picture and the .eml, once


def test_mail_without_message_id_is_imported_once(app, customer_a):
    raw = mail_for(m.NO_MESSAGE_ID)
    run_import(app, raw)
    run_import(app, raw)
    assert Ticket.select().count() == 1


def test_failure_while_routing_keeps_the_mail_for_staff(app, ticket_a, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service.service, "add_message", broken)
    row = run_import(app, mail_for(m.OUTLOOK_EN_REPLY, ticket_a))
    assert (row.state, row.reason) == ("pending", "failed")
    assert not messages(ticket_a)


def test_inactive_customer_is_an_unknown_sender(app, company_a):
    user = make_user(app, "ex@alpha.example", "Ehemalig", "customer", company_a)
    user.active = False
    user.save()
    row = run_import(app, mail_for(m.NO_MESSAGE_ID, sender="ex@alpha.example"))
    assert row.reason == "unknown_sender"


def test_reply_to_our_mail_about_something_else_waits_for_staff(app, customer_a):
    raw = mail_for(m.NO_MESSAGE_ID).replace(
        b"MIME-Version", f"In-Reply-To: <kp.{m.HEX}@bluvo.de>\r\nMIME-Version".encode()
    )
    row = run_import(app, raw)
    assert (row.state, row.reason) == ("pending", "reply_other")
    assert Ticket.select().count() == 0


@pytest.fixture
def smtp_config(app, smtp):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp[1])
    return smtp[0]


def test_auto_replies_and_bounces_never_trigger_a_mail(app, ticket_a, smtp_config):
    for template in (m.OUT_OF_OFFICE_DE, m.OUT_OF_OFFICE_EN_SUBJECT_ONLY, m.BOUNCE, m.OWN_MAIL):
        run_import(app, mail_for(template, ticket_a))
    assert smtp_config.messages == []
    run_import(app, mail_for(m.THUNDERBIRD_DE_REPLY, ticket_a))  # the check is live
    assert smtp_config.messages
