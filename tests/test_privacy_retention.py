"""The retention job under a frozen clock: what is past its period goes, what is not stays,
and each run is in the audit log with its counts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from huey import MemoryHuey

from portal.audit import AuditEntry
from portal.auth.models import AccountLink, LoginThrottle, ResetRequest, UserSession
from portal.db import database
from portal.inbound.models import InboundMail
from portal.models import User
from portal.outbox.models import OutboxMail
from portal.privacy import retention
from portal.privacy.erasure import PLACEHOLDER_NAME
from portal.tickets import attachments, filestore
from portal.tickets.models import (
    Attachment,
    StoredFileChunk,
    Ticket,
    TicketEvent,
    TicketMessage,
)
from tests.accounts_support import frozen_clock_fixtures
from tests.conftest import make_user
from tests.ticket_factory import force_status, make_ticket

NOW = dt.datetime(2026, 11, 29, 2, 17, tzinfo=dt.UTC)


def days_ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


# app_config keeps the retention defaults: 90 / 180 / 180 / 730 days
frozen, app_config = frozen_clock_fixtures(NOW)


def run(app) -> dict:
    with app.app_context():
        return retention.run()


def session_row(user, created: dt.datetime, ended=None, expires=None) -> UserSession:
    return UserSession.create(
        user=user,
        token_hash=f"{created.timestamp()}-{ended}-{expires}"[:64],
        created_at=created,
        last_seen_at=created,
        expires_at=expires or created + dt.timedelta(hours=8),
        ended_at=ended,
    )


def test_ended_sessions_and_counters_go_after_their_period(app, customer_a, db):
    old = session_row(customer_a, days_ago(100), ended=days_ago(91))
    recent = session_row(customer_a, days_ago(100), ended=days_ago(89))
    ran_out = session_row(customer_a, days_ago(95), expires=days_ago(91))
    live = session_row(customer_a, days_ago(1), expires=NOW + dt.timedelta(days=20))
    LoginThrottle.create(
        key="address:192.0.2.1", window_start=days_ago(91), last_check_at=days_ago(91)
    )
    LoginThrottle.create(key="address:192.0.2.2", window_start=NOW, last_check_at=NOW)
    counts = run(app)
    left = {s.id for s in UserSession.select()}
    assert left == {recent.id, live.id}
    assert old.id not in left and ran_out.id not in left
    assert [t.key for t in LoginThrottle.select()] == ["address:192.0.2.2"]
    assert counts["sessions"] == 2 and counts["sign_in_counters"] == 1


def outbox_row(number: int, state: str, created: dt.datetime, sent=None) -> OutboxMail:
    return OutboxMail.create(
        message_id=f"<kp.{number}@bluvo.de>",
        recipient="anna@alpha.example",
        subject="Test",
        raw=b"Subject: Test\r\n\r\nText\r\n",
        state=state,
        created_at=created,
        next_attempt_at=created,
        sent_at=sent,
    )


def test_sent_and_failed_mails_go_after_their_period(app, db):
    old_sent = outbox_row(1, "sent", days_ago(200), sent=days_ago(181))
    recent_sent = outbox_row(2, "sent", days_ago(200), sent=days_ago(179))
    old_failed = outbox_row(3, "failed", days_ago(181))
    old_pending = outbox_row(4, "pending", days_ago(181))
    counts = run(app)
    assert {m.id for m in OutboxMail.select()} == {recent_sent.id, old_pending.id}
    assert counts["outbox_mails"] == 2
    assert not OutboxMail.select().where(OutboxMail.id.in_([old_sent.id, old_failed.id])).exists()


def inbound_row(app, key: str, state: str, received: dt.datetime, stored: bool) -> InboundMail:
    raw_key = None
    if stored:
        with database.atomic():
            raw_key = filestore.write(io.BytesIO(b"From: x\r\n\r\nText")).key
    return InboundMail.create(message_key=key, state=state, received_at=received, raw_key=raw_key)


def test_old_incoming_mails_go_with_their_original_unless_a_ticket_keeps_it(app, customer_a, db):
    old = inbound_row(app, "a", "discarded", days_ago(181), stored=True)
    waiting = inbound_row(app, "b", "pending", days_ago(181), stored=True)
    recent = inbound_row(app, "c", "imported", days_ago(179), stored=True)
    on_ticket = inbound_row(app, "d", "imported", days_ago(181), stored=True)
    ticket = make_ticket(app, customer_a)
    Attachment.create(
        ticket=ticket,
        filename="original.eml",
        content_type="message/rfc822",
        size=7,
        storage_key=on_ticket.raw_key,
        internal=True,
    )
    counts = run(app)
    assert {m.id for m in InboundMail.select()} == {waiting.id, recent.id}
    assert counts["inbound_mails"] == 2
    assert filestore.find(old.raw_key) is None
    assert filestore.find(on_ticket.raw_key) is not None  # the ticket's attachment
    assert filestore.find(waiting.raw_key) is not None
    assert not StoredFileChunk.select().where(StoredFileChunk.file == old.raw_key).exists()


def test_used_and_expired_links_go_at_once(app, customer_a, db):
    def link(token, expires, used=None):
        return AccountLink.create(
            user=customer_a,
            purpose="reset",
            token_hash=token,
            created_at=days_ago(1),
            expires_at=expires,
            used_at=used,
        )

    link("used", NOW + dt.timedelta(minutes=30), used=days_ago(0.5))
    link("expired", NOW - dt.timedelta(minutes=1))
    valid = link("valid", NOW + dt.timedelta(minutes=30))
    ResetRequest.create(email="anna@alpha.example", address="192.0.2.1", requested_at=days_ago(1))
    ResetRequest.create(email="anna@alpha.example", address="192.0.2.1", requested_at=NOW)
    counts = run(app)
    assert [row.id for row in AccountLink.select()] == [valid.id]
    assert ResetRequest.select().count() == 1
    assert counts["links"] == 2 and counts["reset_requests"] == 1


def test_accounts_deactivated_longer_than_the_period_are_erased(app, company_a, frozen, db):
    long_gone = make_user(app, "alt@alpha.example", "Otto Alt", "customer", company_a)
    lately = make_user(app, "neu@alpha.example", "Nina Neu", "customer", company_a)
    active = make_user(app, "da@alpha.example", "Dora Da", "customer", company_a)
    User.update(active=False, deactivated_at=days_ago(731)).where(User.id == long_gone.id).execute()
    User.update(active=False, deactivated_at=days_ago(729)).where(User.id == lately.id).execute()
    assert run(app)["accounts_erased"] == 1
    assert User.get_by_id(long_gone.id).name == PLACEHOLDER_NAME
    assert User.get_by_id(lately.id).email == "neu@alpha.example"
    assert User.get_by_id(active.id).erased_at is None
    frozen.advance(days=2)
    assert run(app)["accounts_erased"] == 1  # Nina's period is over now
    assert User.get_by_id(lately.id).name == PLACEHOLDER_NAME
    assert run(app)["accounts_erased"] == 0


def test_deactivating_starts_the_period(app, admin_client, customer_a, db):
    admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}",
        data={"name": "Anna Alpha", "role": "customer", "company": str(customer_a.company_id)},
    )
    person = User.get_by_id(customer_a.id)
    assert not person.active and person.deactivated_at == NOW


def test_each_run_is_in_the_audit_log_with_its_counts(app, db):
    outbox_row(1, "sent", days_ago(200), sent=days_ago(181))
    counts = run(app)
    entry = AuditEntry.get(AuditEntry.action == "retention_run")
    assert entry.actor_id is None and entry.created_at == NOW
    assert entry.details == counts
    assert counts == {
        "sessions": 0,
        "sign_in_counters": 0,
        "outbox_mails": 1,
        "links": 0,
        "reset_requests": 0,
        "inbound_mails": 0,
        "tickets": 0,
        "accounts_erased": 0,
    }


@pytest.mark.parametrize("setting", ["RETENTION_OUTBOX_DAYS"])
def test_a_period_of_none_keeps_forever(app, setting, db):
    app.config[setting] = None
    outbox_row(1, "sent", days_ago(5000), sent=days_ago(5000))
    assert "outbox_mails" not in run(app)
    assert OutboxMail.select().count() == 1


def test_the_job_runs_nightly_once(app, db):
    huey = MemoryHuey(immediate=True)
    task = retention.register(huey)
    outbox_row(1, "sent", days_ago(200), sent=days_ago(181))
    with app.app_context():
        assert task.call_local()["outbox_mails"] == 1
        assert task.call_local() is None  # this slot ran already
    due = huey.read_periodic(dt.datetime(2026, 11, 29, 3, 17))
    assert [t.name for t in due] == [retention.JOB_NAME]
    assert huey.read_periodic(dt.datetime(2026, 11, 29, 3, 18)) == []


def finished(app, reporter, months_ago_days: float, status="closed", **values) -> Ticket:
    ticket = make_ticket(app, reporter, now=days_ago(months_ago_days + 10), **values)
    force_status(ticket, status, resolved_at=days_ago(months_ago_days))
    return Ticket.get_by_id(ticket.id)


def test_finished_tickets_go_after_their_companys_period(
    app, customer_a, customer_b, company_b, staff, db
):
    Company = type(company_b)
    Company.update(ticket_retention_months=6).where(Company.id == company_b.id).execute()
    # 29.11.2026 minus 24 months is 29.11.2024; minus 6 months 29.05.2026
    old = finished(
        app,
        customer_a,
        days_ago(0).toordinal() - dt.date(2024, 11, 28).toordinal(),
        uploads=(attachments.Upload("log.txt", "text/plain", 3, io.BytesIO(b"alt")),),
    )
    young = finished(app, customer_a, days_ago(0).toordinal() - dt.date(2024, 11, 30).toordinal())
    still_open = make_ticket(app, customer_a, now=days_ago(1000))
    b_old = finished(app, customer_b, 200, status="resolved")
    b_young = finished(app, customer_b, 150, status="resolved")
    old_file = Attachment.get(Attachment.ticket == old.id).storage_key
    assert filestore.find(old_file) is not None

    counts = run(app)

    assert {t.id for t in Ticket.select()} == {young.id, still_open.id, b_young.id}
    assert counts["tickets"] == 2
    assert not TicketMessage.select().where(TicketMessage.ticket.in_([old.id, b_old.id])).exists()
    assert not TicketEvent.select().where(TicketEvent.ticket.in_([old.id, b_old.id])).exists()
    assert filestore.find(old_file) is None
    per_company = {
        e.company_id: e.details
        for e in AuditEntry.select().where(AuditEntry.action == "tickets_expired")
    }
    assert per_company == {customer_a.company_id: {"tickets": 1}, company_b.id: {"tickets": 1}}


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert retention.months_before(NOW, 24) == dt.datetime(2024, 11, 29, 2, 17, tzinfo=dt.UTC)
    may_31 = dt.datetime(2026, 5, 31, tzinfo=dt.UTC)
    assert retention.months_before(may_31, 3) == dt.datetime(2026, 2, 28, tzinfo=dt.UTC)
    assert retention.months_before(may_31, 17) == dt.datetime(2024, 12, 31, tzinfo=dt.UTC)


def test_admin_sets_a_companys_ticket_retention(admin_client, company_a, db):
    form = {"name": company_a.name, "customer_number": company_a.customer_number}
    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}", data={**form, "ticket_retention_months": "abc"}
    )
    assert response.status_code == 400
    assert "ganze Zahl von Monaten" in response.get_data(as_text=True)
    admin_client.post(
        f"/verwaltung/firmen/{company_a.id}", data={**form, "ticket_retention_months": "6"}
    )
    assert type(company_a).get_by_id(company_a.id).ticket_retention_months == 6
    admin_client.post(f"/verwaltung/firmen/{company_a.id}", data=form)
    assert type(company_a).get_by_id(company_a.id).ticket_retention_months is None
