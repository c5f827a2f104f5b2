"""Writing mails into the outbox (in the caller's transaction) and the admins' "Erneut senden"."""

from __future__ import annotations

from collections.abc import Iterable

import peewee
from flask import has_app_context

from portal import jobs
from portal.db import database, utcnow
from portal.mail import DELIVERY_TASK, Mail, build, message_id_for
from portal.models import User
from portal.outbox.models import OutboxMail

# How many of a ticket's earlier mails a new one names in References.
MAX_REFERENCES = 10


def without_opted_out(mails: list[Mail]) -> list[Mail]:
    """Drops the non-critical mails to users who switched them off on /konto."""
    optional = {mail.to for mail in mails if not mail.critical}
    if not optional:
        return mails
    opted_out = {
        email
        for (email,) in User.select(User.email)
        .where(User.email.in_(list(optional)), User.mail_noncritical == False)  # noqa: E712
        .tuples()
    }
    return [mail for mail in mails if mail.critical or mail.to not in opted_out]


def _references(ticket_number: str | None, recipient: str) -> list[str]:
    """The ticket's first mail and the recipient's latest ones, oldest first, so that mail
    clients thread them; mails to other recipients are only named when there is no own one."""
    if not ticket_number:
        return []
    earlier = OutboxMail.select(OutboxMail.message_id).where(
        OutboxMail.ticket_number == ticket_number
    )
    first = earlier.order_by(OutboxMail.id).limit(1).scalar()
    own = [
        message_id
        for (message_id,) in earlier.where(OutboxMail.recipient == recipient)
        .order_by(OutboxMail.id.desc())
        .limit(MAX_REFERENCES - 1)
        .tuples()
    ]
    own.reverse()
    if first is None:
        return []
    return [first, *(m for m in own if m != first)]


def add(mail: Mail) -> OutboxMail:
    message_id = message_id_for(mail.ticket)
    message = build(mail, message_id, _references(mail.ticket, mail.to))
    return OutboxMail.create(
        message_id=message_id,
        ticket_number=mail.ticket,
        recipient=mail.to,
        subject=str(message["Subject"])[:500],
        # CRLF line ends: smtplib sends bytes as they are, and SMTP lines end in CRLF
        raw=message.as_bytes(policy=message.policy.clone(linesep="\r\n")),
        critical=mail.critical,
    )


def send_again(row: OutboxMail) -> bool:
    """An admin's "Erneut senden": a failed or pending mail is due now, with fresh retries.
    A mail being sent or already sent is left alone (False)."""
    updated = (
        OutboxMail.update(state="pending", attempts=0, next_attempt_at=utcnow(), lease_token=None)
        .where(OutboxMail.id == row.id, OutboxMail.state.in_(("pending", "failed")))
        .execute()
    )
    return updated == 1


UNDELIVERED = ("failed", "pending", "sending")


def undelivered():
    """Failed mails first, then those waiting, oldest first within each (the admins' page)."""
    failed_first = peewee.Case(None, ((OutboxMail.state == "failed", 0),), 1)
    return (
        OutboxMail.select(
            OutboxMail.id,
            OutboxMail.recipient,
            OutboxMail.subject,
            OutboxMail.state,
            OutboxMail.attempts,
            OutboxMail.next_attempt_at,
            OutboxMail.last_error,
            OutboxMail.created_at,
        )
        .where(OutboxMail.state.in_(UNDELIVERED))
        .order_by(failed_first, OutboxMail.created_at, OutboxMail.id)
    )


def undelivered_counts() -> dict[str, int]:
    query = (
        OutboxMail.select(OutboxMail.state, peewee.fn.COUNT(OutboxMail.id))
        .where(OutboxMail.state.in_(UNDELIVERED))
        .group_by(OutboxMail.state)
        .tuples()
    )
    return {state: 0 for state in UNDELIVERED} | dict(query)


def post(mails: Iterable[Mail]) -> None:
    """Write the mails to the outbox inside the caller's transaction (or one of their own);
    a delivery job starts when the app context ends."""
    mails = without_opted_out([mail for mail in mails if mail.to])
    if not mails:
        return
    with database.atomic():
        for mail in mails:
            add(mail)
    if has_app_context():
        jobs.kick_later(DELIVERY_TASK)
