"""Delivering the outbox over SMTP: claim a row, send it, record the outcome.

A claim is one atomic UPDATE … WHERE state='pending' (or a lease that ran out) that sets a
lease token: two workers never both own a row, and a worker killed while sending leaves a
lease that runs out, after which the mail is sent again (the only mail that can arrive twice).
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass

from flask import current_app

from portal.db import utcnow
from portal.mail import sender
from portal.outbox.models import OutboxMail

log = logging.getLogger(__name__)

BATCH = 50


@dataclass
class Outcome:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    # seconds until the earliest retry this run scheduled; None when nothing waits
    retry_in: float | None = None


class ServerUnavailable(Exception):
    """The mail server cannot be reached or logged in to: stop this run, retry later."""


def _due(now: dt.datetime):
    waiting = (OutboxMail.state == "pending") & (OutboxMail.next_attempt_at <= now)
    abandoned = (OutboxMail.state == "sending") & (OutboxMail.lease_until < now)
    return waiting | abandoned


def due_ids(now: dt.datetime, limit: int = BATCH) -> list[int]:
    query = (
        OutboxMail.select(OutboxMail.id)
        .where(_due(now))
        .order_by(OutboxMail.next_attempt_at, OutboxMail.id)
        .limit(limit)
    )
    return [row_id for (row_id,) in query.tuples()]


def claim(row_id: int, now: dt.datetime) -> str | None:
    """Take the row for one delivery attempt; the lease token, or None if someone else has it."""
    token = uuid.uuid4().hex
    lease = dt.timedelta(seconds=current_app.config["MAIL_LEASE_SECONDS"])
    claimed = (
        OutboxMail.update(
            state="sending",
            lease_token=token,
            lease_until=now + lease,
            attempts=OutboxMail.attempts + 1,
        )
        .where(OutboxMail.id == row_id, _due(now))
        .execute()
    )
    return token if claimed == 1 else None


def _finish(row_id: int, token: str, **values) -> None:
    # Only while our lease holds: a row re-claimed after it ran out belongs to the new owner.
    OutboxMail.update(lease_token=None, lease_until=None, **values).where(
        OutboxMail.id == row_id, OutboxMail.lease_token == token
    ).execute()


def retry_delays() -> tuple[float, ...]:
    return tuple(current_app.config["MAIL_RETRY_DELAYS"])


def _retry_or_fail(row: OutboxMail, token: str, reason: str, permanent: bool) -> float | None:
    delays = retry_delays()
    if permanent or row.attempts > len(delays):
        _finish(row.id, token, state="failed", last_error=reason)
        log.error("mail %s to %s failed for good: %s", row.message_id, row.recipient, reason)
        return None
    delay = delays[row.attempts - 1]
    _finish(
        row.id,
        token,
        state="pending",
        last_error=reason,
        next_attempt_at=utcnow() + dt.timedelta(seconds=delay),
    )
    log.warning("mail %s to %s deferred %ss: %s", row.message_id, row.recipient, delay, reason)
    return delay


class Connection:
    """One SMTP session for a run, opened at the first mail (a run with nothing to send
    never connects)."""

    def __init__(self, config):
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def send(self, row: OutboxMail) -> None:
        if self.smtp is None:
            self.smtp = self._open()
        self.smtp.sendmail(sender(), [row.recipient], bytes(row.raw))

    def _open(self) -> smtplib.SMTP:
        config = self.config
        try:
            smtp = smtplib.SMTP(
                config["MAIL_SERVER"], config.get("MAIL_PORT", 25), timeout=config["MAIL_TIMEOUT"]
            )
            if config.get("MAIL_USE_TLS"):
                smtp.starttls(context=ssl.create_default_context())
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        except (OSError, smtplib.SMTPException) as error:
            raise ServerUnavailable(_reason(error)) from error
        return smtp

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return f"{code} {text.decode(errors='replace')}"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {error.smtp_error.decode(errors='replace')}"
    return f"{type(error).__name__}: {error}".strip()


def _is_permanent(error: Exception) -> bool:
    """A 5xx answer about this mail: sending the same bytes again cannot succeed."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def deliver_due(limit: int | None = None) -> Outcome:
    """Send every due mail (up to `limit`) over one connection; each row claimed first."""
    config = current_app.config
    outcome = Outcome()
    connection = Connection(config)
    try:
        while limit is None or outcome.sent + outcome.failed + outcome.deferred < limit:
            ids = due_ids(utcnow())
            if not ids:
                break
            if not _deliver_batch(ids, connection, outcome):
                break
    finally:
        connection.close()
    return outcome


def _deliver_batch(ids: list[int], connection: Connection, outcome: Outcome) -> bool:
    """False when the server is unavailable: the rest stays due for the retry."""
    for row_id in ids:
        token = claim(row_id, utcnow())
        if token is None:
            continue  # another worker has it
        row = OutboxMail.get_by_id(row_id)
        if not current_app.config.get("MAIL_SERVER"):
            reason = "MAIL_SERVER ist nicht eingestellt: E-Mail ist ausgeschaltet."
            log.info("mail disabled (no MAIL_SERVER): %r to %s", row.subject, row.recipient)
            _retry_or_fail(row, token, reason, permanent=True)
            outcome.failed += 1
            continue
        try:
            connection.send(row)
        except ServerUnavailable as error:
            _note_retry(outcome, _retry_or_fail(row, token, str(error), permanent=False))
            return False
        except (OSError, smtplib.SMTPException) as error:
            permanent = _is_permanent(error)
            if isinstance(error, OSError | smtplib.SMTPServerDisconnected):
                connection.smtp = None  # the session is gone: open a new one for the next
            delay = _retry_or_fail(row, token, _reason(error), permanent)
            _note_retry(outcome, delay)
            if delay is None:
                outcome.failed += 1
            continue
        _finish(row_id, token, state="sent", sent_at=utcnow(), last_error="")
        outcome.sent += 1
    return True


def _note_retry(outcome: Outcome, delay: float | None) -> None:
    if delay is None:
        return
    outcome.deferred += 1
    outcome.retry_in = delay if outcome.retry_in is None else min(outcome.retry_in, delay)
