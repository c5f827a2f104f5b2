"""Erasing a person: the account stays as a placeholder (tickets, messages and the audit log
keep pointing at it), and their name, address and phone number are replaced wherever the
database holds them as text. The tickets remain for the company and the provider's records.

What goes: sessions, API tokens, stored API answers (Idempotency-Key), second factor, links,
sign-in counters, reset requests, the calendar feed secret, the files they uploaded and the
original .eml of mails they sent.
Outbox mails are rewritten without them (to their address: the recipient too).
"""

from __future__ import annotations

import email
import re
import secrets
from email import policy

import peewee
from flask_babel import lazy_gettext as _l

from portal import audit, clock
from portal.api.idempotency import IdempotencyKey
from portal.audit import AuditEntry
from portal.auth.models import (
    AccountLink,
    LoginThrottle,
    RecoveryCode,
    ResetRequest,
    TotpCredential,
    UserSession,
)
from portal.auth.service import AccountError, hash_password
from portal.changes.models import ChangeMessage, FeedSecret, PlannedChange
from portal.db import database
from portal.inbound.models import InboundMail
from portal.models import ApiToken, LoginAttempt, User
from portal.outbox.models import OutboxMail
from portal.tickets import filestore
from portal.tickets.models import Attachment, Ticket, TicketEvent, TicketMessage, TicketShare

PLACEHOLDER_NAME = "Gelöschte Person"
# The shortest phone number that is replaced in free text (shorter ones match too much).
MIN_PHONE_LENGTH = 6
OUTBOX_BATCH = 500


def placeholder_email(person: User) -> str:
    # .invalid never resolves (RFC 2606); the id keeps the column unique.
    return f"geloescht-{person.id}@anonym.invalid"


# How a colleague or a mail names a person besides "Anna Alpha": with a salutation and the
# family name, family name first, the first name as an initial.
SALUTATIONS = ("Herr", "Herrn", "Hr.", "Frau", "Fr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.")


def name_forms(name: str) -> list[str]:
    """The full name and the forms that name the same person; for a single word, only it (a
    family name alone, "Alpha", would erase every other Alpha too)."""
    words = name.split()
    if len(words) < 2:
        return [name.strip()] if name.strip() else []
    first, family = words[0], " ".join(words[1:])
    return [
        " ".join(words),
        f"{family}, {first}",
        f"{first[0]}. {family}",
        *(f"{salutation} {family}" for salutation in SALUTATIONS),
    ]


class Scrubber:
    """Replaces a person's name, address and phone number in text, ignoring case."""

    def __init__(self, person: User):
        self.name = person.name
        self.email = person.email
        self.names = {form.lower() for form in name_forms(person.name)}
        self.terms = [t for t in (person.email, *name_forms(person.name)) if t]
        if len(person.phone.strip()) >= MIN_PHONE_LENGTH:
            self.terms.append(person.phone.strip())
        self.placeholder_email = placeholder_email(person)
        parts = [re.escape(t) for t in sorted(self.terms, key=len, reverse=True)]
        # whole words only: "Anna Alpha" is not erased from "Anna Alphabet"
        alternatives = "|".join(parts)
        self.pattern = (
            re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if parts else None
        )

    def _replacement(self, match: re.Match) -> str:
        found = match.group(0).lower()
        if found == self.email.lower():
            return self.placeholder_email
        if found in self.names:
            return PLACEHOLDER_NAME
        return "–"

    def text(self, value):
        if not value or self.pattern is None or not isinstance(value, str):
            return value
        return self.pattern.sub(self._replacement, value)

    def mentions(self, value: str) -> bool:
        return bool(value) and self.pattern is not None and bool(self.pattern.search(value))

    def where_mentioned(self, *columns) -> peewee.Expression:
        """Rows whose columns contain a term (case-insensitive in SQLite and PostgreSQL)."""
        condition = None
        for column in columns:
            for term in self.terms:
                # coerce(False): the term is text, not a value of the column (JSON details)
                clause = column.coerce(False).contains(term)
                condition = clause if condition is None else condition | clause
        return condition


def _scrub_rows(model, columns, scrubber: Scrubber) -> int:
    """Rewrite each row of `model` whose `columns` mention the person; returns the count."""
    changed = 0
    for row in model.select().where(scrubber.where_mentioned(*columns)):
        for column in columns:
            setattr(row, column.name, scrubber.text(getattr(row, column.name)))
        row.save(only=columns)
        changed += 1
    return changed


def _scrub_changes(scrubber: Scrubber) -> None:
    # details are JSON: scrubbed as their text so every nested value is reached
    for change in PlannedChange.select().where(
        scrubber.where_mentioned(PlannedChange.details, PlannedChange.decline_reason)
    ):
        change.details = _scrub_json(change.details, scrubber)
        change.decline_reason = scrubber.text(change.decline_reason)
        change.save(only=[PlannedChange.details, PlannedChange.decline_reason])


def _scrub_json(value, scrubber: Scrubber):
    if isinstance(value, str):
        return scrubber.text(value)
    if isinstance(value, list):
        return [_scrub_json(item, scrubber) for item in value]
    if isinstance(value, dict):
        return {scrubber.text(k): _scrub_json(v, scrubber) for k, v in value.items()}
    return value


def _mail_mentions(message, scrubber: Scrubber) -> bool:
    if any(scrubber.mentions(str(message.get(h, ""))) for h in ("To", "Subject", "Reply-To")):
        return True
    for part in message.walk():
        if part.get_content_maintype() == "text" and scrubber.mentions(part.get_content()):
            return True
    return False


def _scrubbed_mail(message, scrubber: Scrubber) -> bytes:
    for header in ("To", "Subject"):
        if header in message:
            value = scrubber.text(str(message[header]))
            del message[header]
            message[header] = value
    for part in message.walk():
        if part.get_content_maintype() != "text" or part.is_multipart():
            continue
        subtype = part.get_content_subtype()
        content = scrubber.text(part.get_content())
        filename = part.get_filename()
        part.set_content(content, subtype=subtype, cte="quoted-printable")
        if filename:
            part.add_header("Content-Disposition", "attachment", filename=filename)
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def _scrub_outbox(person: User, scrubber: Scrubber) -> None:
    """Mails not yet sent to the person are dropped; every other mail that names them is
    rewritten without them (read in batches: the text is in MIME encodings, not searchable
    in SQL)."""
    OutboxMail.delete().where(
        OutboxMail.recipient == person.email, OutboxMail.state.in_(("pending", "sending"))
    ).execute()
    last_id = 0
    while True:
        batch = list(
            OutboxMail.select(OutboxMail.id, OutboxMail.raw, OutboxMail.recipient)
            .where(OutboxMail.id > last_id)
            .order_by(OutboxMail.id)
            .limit(OUTBOX_BATCH)
        )
        if not batch:
            return
        last_id = batch[-1].id
        for row in batch:
            message = email.message_from_bytes(bytes(row.raw), policy=policy.default)
            to_person = row.recipient.lower() == person.email.lower()
            if not to_person and not _mail_mentions(message, scrubber):
                continue
            OutboxMail.update(
                raw=_scrubbed_mail(message, scrubber),
                recipient=scrubber.text(row.recipient),
                subject=scrubber.text(str(message.get("Subject", ""))),
            ).where(OutboxMail.id == row.id).execute()


def _files_to_remove(person: User) -> tuple[list[int], list[str]]:
    """Attachment rows uploaded by the person or holding the .eml of a mail they sent, and
    the stored files of those and of their incoming mails."""
    raw_keys = [
        key
        for (key,) in InboundMail.select(InboundMail.raw_key)
        .where(
            (InboundMail.sender == person.email) | (InboundMail.sender_user == person.id),
            InboundMail.raw_key.is_null(False),
        )
        .tuples()
    ]
    rows = list(
        Attachment.select(Attachment.id, Attachment.storage_key).where(
            (Attachment.uploaded_by == person.id) | Attachment.storage_key.in_(raw_keys)
        )
    )
    keys = sorted({*raw_keys, *(row.storage_key for row in rows)})
    return [row.id for row in rows], keys


def _forget_credentials(person: User) -> None:
    # IdempotencyKey: the stored API answers (up to a day) name them
    for model in (
        UserSession,
        ApiToken,
        TotpCredential,
        RecoveryCode,
        AccountLink,
        FeedSecret,
        IdempotencyKey,
        TicketShare,  # "Geteilt mit" would name the placeholder; the history keeps the event
    ):
        model.delete().where(model.user == person.id).execute()
    address = person.email
    LoginAttempt.delete().where(peewee.fn.LOWER(LoginAttempt.email) == address).execute()
    ResetRequest.delete().where(peewee.fn.LOWER(ResetRequest.email) == address).execute()
    LoginThrottle.delete().where(LoginThrottle.key.contains(address)).execute()


def _scrub_inbound(person: User, scrubber: Scrubber) -> None:
    InboundMail.update(
        sender=placeholder_email(person), sender_name=PLACEHOLDER_NAME, raw_key=None
    ).where((InboundMail.sender == person.email) | (InboundMail.sender_user == person.id)).execute()
    _scrub_rows(
        InboundMail,
        [InboundMail.sender_name, InboundMail.subject, InboundMail.body],
        scrubber,
    )


def erase(person: User, actor: User | None) -> None:
    """Erase `person` for good, in one transaction (their files too). `actor` None:
    the retention job. An admin cannot erase themselves."""
    if actor is not None and actor.id == person.id:
        raise AccountError(_l("Sie können sich nicht selbst löschen."), "confirm_email")
    if person.erased_at is not None:
        return
    scrubber = Scrubber(person)
    attachment_ids, keys = _files_to_remove(person)
    with database.atomic():
        _forget_credentials(person)
        _scrub_inbound(person, scrubber)
        Attachment.delete().where(Attachment.id.in_(attachment_ids)).execute()
        # the call-back number of their reports is theirs, whatever its spelling
        Ticket.update(callback_phone="").where(Ticket.reporter == person.id).execute()
        _scrub_rows(
            Ticket,
            [Ticket.title, Ticket.description, Ticket.urgent_reason, Ticket.callback_phone],
            scrubber,
        )
        _scrub_rows(TicketMessage, [TicketMessage.body], scrubber)
        _scrub_rows(
            TicketEvent,
            [TicketEvent.old_value, TicketEvent.new_value, TicketEvent.reason],
            scrubber,
        )
        _scrub_changes(scrubber)
        _scrub_rows(ChangeMessage, [ChangeMessage.body], scrubber)
        _scrub_rows(AuditEntry, [AuditEntry.detail], scrubber)
        _scrub_outbox(person, scrubber)
        now = clock.now()
        person.name = PLACEHOLDER_NAME
        person.email = placeholder_email(person)
        person.phone = ""
        person.password_hash = hash_password(secrets.token_urlsafe(32))  # known to nobody
        person.active = False
        person.is_contact = False
        person.deactivated_at = person.deactivated_at or now
        person.erased_at = now
        person.save()
        filestore.delete(keys)
        audit.record("erasure", actor=actor, subject=person)
