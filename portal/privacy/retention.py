"""The retention job: every night it deletes what is past its period (RETENTION_* settings in
portal/config.py) and records the counts in the audit log.

- sessions ended (or run out) more than RETENTION_SESSION_DAYS ago, and sign-in counters and
  old sign-in attempts of that age;
- sent and failed outbox mails older than RETENTION_OUTBOX_DAYS;
- incoming mails older than RETENTION_INBOUND_DAYS that staff no longer need (not waiting in
  the Posteingang), with their original .eml unless it is a ticket's attachment;
- used and expired password links, and reset requests older than their window;
- accounts deactivated more than RETENTION_DEACTIVATED_ACCOUNT_DAYS ago: erased;
- finished tickets ("Gelöst", "Geschlossen") the company's period (TICKET_RETENTION_MONTHS
  unless the company has its own) after they were finished, with their messages, history and
  attachments; only the counts per company stay, in the audit log.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections import Counter, defaultdict

from flask import current_app
from huey import crontab

from portal import audit, clock, jobs
from portal.auth.models import AccountLink, LoginThrottle, ResetRequest, UserSession
from portal.db import database
from portal.inbound.models import OPEN_STATE, InboundMail
from portal.models import Company, LoginAttempt, User
from portal.outbox.models import OutboxMail
from portal.privacy import erasure
from portal.tickets import filestore
from portal.tickets.models import (
    Attachment,
    SlaNotice,
    Ticket,
    TicketAlert,
    TicketEvent,
    TicketMessage,
    TicketPause,
    TicketShare,
)
from portal.tickets.rules import DONE_STATUSES

log = logging.getLogger(__name__)
JOB_NAME = "privacy.retention"
TICKET_BATCH = 500
# what belongs to a ticket and goes with it (and the attachments' stored files)
TICKET_PARTS = (
    Attachment,
    TicketEvent,
    TicketPause,
    SlaNotice,
    TicketAlert,
    TicketShare,
    TicketMessage,
)


def _days_ago(now: dt.datetime, setting: str) -> dt.datetime | None:
    days = current_app.config.get(setting)
    return None if days is None else now - dt.timedelta(days=days)


def _sessions(now: dt.datetime) -> dict[str, int]:
    cutoff = _days_ago(now, "RETENTION_SESSION_DAYS")
    if cutoff is None:
        return {}
    ended = (UserSession.ended_at < cutoff) | (
        UserSession.ended_at.is_null() & (UserSession.expires_at < cutoff)
    )
    return {
        "sessions": UserSession.delete().where(ended).execute(),
        "sign_in_counters": LoginThrottle.delete()
        .where(LoginThrottle.last_check_at < cutoff, LoginThrottle.window_start < cutoff)
        .execute()
        + LoginAttempt.delete().where(LoginAttempt.attempted_at < cutoff).execute(),
    }


def _outbox(now: dt.datetime) -> dict[str, int]:
    cutoff = _days_ago(now, "RETENTION_OUTBOX_DAYS")
    if cutoff is None:
        return {}
    done = (OutboxMail.state == "sent") & (OutboxMail.sent_at < cutoff)
    failed = (OutboxMail.state == "failed") & (OutboxMail.created_at < cutoff)
    return {"outbox_mails": OutboxMail.delete().where(done | failed).execute()}


def _inbound(now: dt.datetime) -> tuple[dict[str, int], list[str]]:
    """The rows deleted, and the .eml files no ticket keeps."""
    cutoff = _days_ago(now, "RETENTION_INBOUND_DAYS")
    if cutoff is None:
        return {}, []
    old = (InboundMail.received_at < cutoff) & (InboundMail.state != OPEN_STATE)
    keys = {
        key
        for (key,) in InboundMail.select(InboundMail.raw_key)
        .where(old, InboundMail.raw_key.is_null(False))
        .tuples()
    }
    kept = {
        key
        for (key,) in Attachment.select(Attachment.storage_key)
        .where(Attachment.storage_key.in_(sorted(keys)))
        .tuples()
    }
    deleted = InboundMail.delete().where(old).execute()
    return {"inbound_mails": deleted}, sorted(keys - kept)


def _links(now: dt.datetime) -> dict[str, int]:
    window = dt.timedelta(minutes=current_app.config["RESET_WINDOW_MINUTES"])
    used_or_expired = AccountLink.used_at.is_null(False) | (AccountLink.expires_at < now)
    return {
        "links": AccountLink.delete().where(used_or_expired).execute(),
        "reset_requests": ResetRequest.delete()
        .where(ResetRequest.requested_at < now - window)
        .execute(),
    }


def months_before(instant: dt.datetime, months: int) -> dt.datetime:
    """The same day and time `months` calendar months earlier (the month's last day when it
    is shorter)."""
    year, month = divmod(instant.year * 12 + instant.month - 1 - months, 12)
    day = min(instant.day, calendar.monthrange(year, month + 1)[1])
    return instant.replace(year=year, month=month + 1, day=day)


def _expired_tickets(now: dt.datetime) -> list[tuple[int, int]]:
    """(ticket id, company id) of finished tickets past their company's period: one query per
    distinct period, not per company."""
    default = current_app.config.get("TICKET_RETENTION_MONTHS")
    companies_by_period = defaultdict(list)
    for company_id, months in Company.select(Company.id, Company.ticket_retention_months).tuples():
        if months or default:
            companies_by_period[months or default].append(company_id)
    expired = []
    for months, company_ids in companies_by_period.items():
        expired.extend(
            Ticket.select(Ticket.id, Ticket.company)
            .where(
                Ticket.company.in_(company_ids),
                Ticket.status.in_(DONE_STATUSES),
                Ticket.resolved_at < months_before(now, months),
            )
            .tuples()
        )
    return expired


def _delete_tickets(ticket_ids: list[int]) -> list[str]:
    """Delete the tickets with everything that belongs to them; returns their files' keys."""
    keys = []
    for start in range(0, len(ticket_ids), TICKET_BATCH):
        batch = ticket_ids[start : start + TICKET_BATCH]
        keys += [
            key
            for (key,) in Attachment.select(Attachment.storage_key)
            .where(Attachment.ticket.in_(batch))
            .tuples()
        ]
        InboundMail.update(ticket=None).where(InboundMail.ticket.in_(batch)).execute()
        for part in TICKET_PARTS:
            part.delete().where(part.ticket.in_(batch)).execute()
        Ticket.delete().where(Ticket.id.in_(batch)).execute()
    return keys


def _finished_tickets(now: dt.datetime) -> tuple[dict[str, int], list[str]]:
    """Counts, and the files no incoming mail still keeps; one audit entry per company with
    the number of its tickets deleted."""
    expired = _expired_tickets(now)
    per_company = Counter(company_id for _ticket, company_id in expired)
    keys = set(_delete_tickets([ticket_id for ticket_id, _company in expired]))
    kept = {
        key
        for (key,) in InboundMail.select(InboundMail.raw_key)
        .where(InboundMail.raw_key.in_(sorted(keys)))
        .tuples()
    }
    for company_id, count in sorted(per_company.items()):
        audit.record("tickets_expired", actor=None, company=company_id, tickets=count)
    return {"tickets": len(expired)}, sorted(keys - kept)


def _deactivated_accounts(now: dt.datetime) -> dict[str, int]:
    cutoff = _days_ago(now, "RETENTION_DEACTIVATED_ACCOUNT_DAYS")
    if cutoff is None:
        return {}
    due = User.select().where(
        User.active == False,  # noqa: E712
        User.erased_at.is_null(),
        User.deactivated_at < cutoff,
    )
    erased = 0
    for person in due.order_by(User.id):
        erasure.erase(person, actor=None)  # one transaction per person, files after each
        erased += 1
    return {"accounts_erased": erased}


def run(now: dt.datetime | None = None) -> dict[str, int]:
    """Apply every retention period at `now` (the clock's now); returns what was deleted,
    also written to the audit log."""
    now = now or clock.now()
    with database.atomic():
        counts = {**_sessions(now), **_outbox(now), **_links(now)}
        inbound_counts, unused_files = _inbound(now)
        counts.update(inbound_counts)
        ticket_counts, ticket_files = _finished_tickets(now)
        counts.update(ticket_counts)
        filestore.delete(unused_files + ticket_files)
    counts.update(_deactivated_accounts(now))
    audit.record("retention_run", actor=None, **counts)
    log.info("retention: %s", counts)
    return counts


def register(huey):
    """Every night at 03:17 (the worker's local time), once however many workers run; returns
    the task."""

    @jobs.periodic(huey, crontab(minute="17", hour="3"), JOB_NAME)
    def apply_retention():
        return run()

    return apply_retention
