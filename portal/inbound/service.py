"""Importing one e-mail, once: a customer's reply becomes a message on their ticket, a new
mail from a known customer a ticket, everything else waits in the Posteingang for staff.

`import_raw` is idempotent: the Message-ID (or a hash of the bytes) is a unique key, checked
inside the write transaction, so a mail fetched twice creates nothing new."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _

from portal.db import utcnow
from portal.inbound import rules
from portal.inbound.models import OPEN_STATE, InboundMail
from portal.inbound.parse import MailFile, ParsedMail, parse_mail
from portal.models import Company, User
from portal.tickets import attachments, filestore, queries, service
from portal.tickets import rules as ticket_rules
from portal.tickets.models import Ticket, TicketMessage
from portal.triage.classify import classify_text

log = logging.getLogger(__name__)

EML_TYPE = "message/rfc822"
EML_NAME = "E-Mail.eml"
# States staff may still act on: the Posteingang's and (rescued by hand) an automatic mail.
ACTIONABLE = (OPEN_STATE, "automatic")


class InboundError(ValueError):
    """A staff action on the Posteingang that cannot be done; the message says why."""


@dataclass(frozen=True)
class Settings:
    our_address: str
    max_bytes: int
    new_tickets_per_hour: int

    @classmethod
    def from_config(cls) -> Settings:
        config = current_app.config
        return cls(
            our_address=(config.get("MAIL_FROM") or config["PROVIDER_SERVICE_EMAIL"]).lower(),
            max_bytes=int(config.get("INBOUND_MAX_MAIL_BYTES", 40 * 1024 * 1024)),
            new_tickets_per_hour=int(config.get("INBOUND_NEW_TICKETS_PER_HOUR", 10)),
        )


@dataclass
class Outcome:
    state: str
    reason: str
    ticket: Ticket | None = None
    company: Company | None = None


def import_raw(
    raw: bytes, received_at: dt.datetime | None = None, now: dt.datetime | None = None
) -> InboundMail:
    """Import one mail and return its row; a mail imported before returns its first row."""
    now = now or utcnow()
    received_at = min(received_at or now, now)
    settings = Settings.from_config()
    parsed = parse_mail(raw, settings.max_bytes)
    known = InboundMail.get_or_none(InboundMail.message_key == parsed.key)
    if known is not None:
        return known
    return _import_new(parsed, raw, received_at, now, settings)


def _import_new(parsed, raw, received_at, now, settings) -> InboundMail:
    """First with routing; if that fails, once more without touching any ticket, so the mail
    waits in the Posteingang with what could be read and the next mail is imported."""
    for route in (True, False):
        try:
            return _import(parsed, raw, received_at, now, settings, route=route)
        except Exception as error:
            known = InboundMail.get_or_none(InboundMail.message_key == parsed.key)
            if known is not None:  # another worker imported it meanwhile
                return known
            if not route:
                raise
            log.warning("inbound mail %s: %r; kept for staff", parsed.key, error, exc_info=True)
    raise AssertionError("unreachable")


def _import(parsed, raw, received_at, now, settings, route: bool) -> InboundMail:
    with service.write_transaction():
        # checked again under the write lock: another worker may have been faster
        known = InboundMail.get_or_none(InboundMail.message_key == parsed.key)
        if known is not None:
            known.created_now = False
            return known
        # the original in the same transaction as its row: a failed import leaves neither
        raw_key = filestore.write(io.BytesIO(raw)).key
        row = InboundMail.create(
            message_key=parsed.key,
            message_id=parsed.message_id[:255],
            sender=parsed.sender,
            sender_name=parsed.sender_name,
            subject=parsed.subject[:255],
            body=(parsed.reply_text or parsed.text)[: ticket_rules.TEXT_MAX],
            received_at=received_at,
            size=len(raw),
            raw_key=raw_key,
            state=OPEN_STATE,
            reason="failed" if not route else "",
            problems=",".join(parsed.problems)[:200],
            created_at=now,
        )
        row.created_now = True
        if route:
            outcome = _route(row, parsed, received_at, now, settings)
            row.state, row.reason = outcome.state, outcome.reason
            row.ticket, row.company = outcome.ticket, outcome.company
            row.save()
        return row


def _route(row, parsed: ParsedMail, received_at, now, settings: Settings) -> Outcome:
    if rules.is_own_mail(parsed, settings.our_address):
        return Outcome("own", "own")
    if parsed.problems:
        return Outcome(OPEN_STATE, "unreadable")
    automatic = rules.automatic_reason(parsed)
    if automatic:
        return Outcome("automatic", automatic)
    user = User.by_email(parsed.sender) if parsed.sender else None
    if user is not None and not user.active:
        user = None
    row.sender_user = user
    if user is not None and user.is_staff:
        return Outcome(OPEN_STATE, "staff_sender")
    company = Company.get_by_id(user.company_id) if user is not None else None
    number = rules.referenced_ticket(parsed, rules.domain_of(settings.our_address))
    if number is not None:
        return _reply(row, parsed, user, company, number, now)
    if rules.answers_other_mail_of_ours(parsed, rules.domain_of(settings.our_address)):
        return Outcome(OPEN_STATE, "reply_other", company=company)
    if user is None:
        return Outcome(OPEN_STATE, "unknown_sender")
    if _new_tickets_last_hour(parsed.sender, now) >= settings.new_tickets_per_hour:
        return Outcome(OPEN_STATE, "rate_limited", company=company)
    ticket = _open_ticket(row, parsed, user, None, received_at, now)
    return Outcome("imported", "new_ticket", ticket, company)


def _reply(row, parsed, user, company, number, now) -> Outcome:
    if user is None:
        return Outcome(OPEN_STATE, "unknown_sender")
    # Only a ticket of the sender's own company that the sender may see (reported, created or
    # shared where the company keeps tickets apart): another one is neither touched nor named.
    ticket = (
        queries.scoped_tickets(user)
        .where(Ticket.number == number, Ticket.company == user.company_id)
        .first()
    )
    if ticket is None:
        return Outcome(OPEN_STATE, "not_visible", company=company)
    reason = "reply"
    if ticket.status == "resolved" and ticket_rules.can_reopen(
        ticket.status, ticket.resolved_at, now
    ):
        service.reopen(ticket, user, now=now)
        reason = "reopened"
    elif not ticket.is_open:
        return Outcome(OPEN_STATE, "closed", ticket, company)
    _add_customer_message(row, parsed, ticket, user, now)
    return Outcome("imported", reason, ticket, company)


def _new_tickets_last_hour(sender: str, now: dt.datetime) -> int:
    return (
        InboundMail.select()
        .where(
            InboundMail.sender == sender,
            InboundMail.reason == "new_ticket",
            InboundMail.created_at >= now - dt.timedelta(hours=1),
        )
        .count()
    )


# --- writing to tickets --------------------------------------------------------------------


def _uploads(files: list[MailFile]) -> tuple[list[attachments.Upload], list[str]]:
    """The files the upload rules accept, and a line for each refused one."""
    accepted, refused = [], []
    for file in files:
        try:
            upload = attachments.check_upload(file.filename, file.content)
        except attachments.AttachmentError as error:
            refused.append(str(error))
            continue
        if len(accepted) >= attachments.MAX_FILES:
            refused.append(f"„{upload.filename}“: {attachments.too_many_message()}")
            continue
        accepted.append(upload)
    return accepted, refused


def _body(text: str) -> str:
    text = text.strip()[: ticket_rules.TEXT_MAX]
    return text or _("(E-Mail ohne Text)")


def _add_customer_message(row, parsed, ticket, user, now) -> TicketMessage:
    uploads, refused = _uploads(parsed.attachments)
    message = service.add_message(
        ticket, user, _body(parsed.reply_text or parsed.text), uploads=uploads, now=now
    )
    _keep_original(row, ticket, message, now)
    _note_refused(ticket, refused, now)
    return message


def _keep_original(row, ticket, message, now) -> None:
    original = attachments.FileInfo(EML_NAME, EML_TYPE, row.size)
    service.attach_stored_file(ticket, message, original, row.raw_key, now)


def _note_refused(ticket, refused: list[str], now) -> None:
    if refused:
        lines = "\n".join(f"- {line}" for line in refused)
        service.add_note(ticket, _("Nicht übernommene Anhänge der E-Mail:") + "\n" + lines, now=now)


def _open_ticket(row, parsed, actor: User, company, received_at, now) -> Ticket:
    """A ticket from a mail: the customer's own (actor a customer), or one staff open for
    ``company`` (actor staff). Triage suggests the class; unsure means Normal and a note."""
    uploads, refused = _uploads(parsed.attachments)
    description = _body(parsed.reply_text or parsed.text)
    title = rules.ticket_title(parsed, ticket_rules.TITLE_MAX) or _("E-Mail ohne Betreff")
    triage = classify_text(f"{title}\n{description}")
    report = ticket_rules.Report(
        title=title,
        description=description,
        priority=triage.priority if triage.confident else "normal",
        triage_example=triage.example_key if triage.confident else "",
        source="email",
        received_at=received_at,
        uploads=uploads,
    )
    if actor.is_staff:
        report.company = company
        sender = row.sender_user
        report.reporter = sender if sender is not None and sender.company_id == company.id else None
    ticket = service.create_ticket(actor, report, now=now)
    _keep_original(row, ticket, None, now)
    if not triage.confident:
        service.add_note(
            ticket,
            _(
                "Per E-Mail eingegangen: Die Klasse wurde nicht sicher erkannt und ist "
                "vorläufig „Normal“. Bitte prüfen."
            ),
            now=now,
        )
    _note_refused(ticket, refused, now)
    return ticket


# --- the Posteingang: staff decide --------------------------------------------------------


def _reparsed(row: InboundMail) -> ParsedMail:
    raw = filestore.read_all(row.raw_key) if row.raw_key else b""
    parsed = parse_mail(raw, Settings.from_config().max_bytes)
    parsed.attachments = parsed.attachments if not parsed.problems else []
    return parsed


def _check_open(row: InboundMail) -> None:
    if row.state not in ACTIONABLE:
        raise InboundError(_("Diese E-Mail ist bereits erledigt."))


def _handled(row: InboundMail, staff: User, state: str, reason: str, ticket, now) -> None:
    row.state, row.reason, row.ticket = state, reason, ticket
    row.handled_by, row.handled_at = staff, now
    row.save()


def assign_to_ticket(row: InboundMail, staff: User, number: str) -> Ticket:
    """Put the mail on a ticket: the sender's own message when the sender is a customer of its
    company and it is open; otherwise an internal note (an unknown sender's words are not
    shown to the customer)."""
    now = utcnow()
    ticket = Ticket.get_or_none(Ticket.number == number.strip().upper())
    if ticket is None:
        raise InboundError(_("Ein Ticket mit dieser Nummer gibt es nicht."))
    parsed = _reparsed(row)
    with service.write_transaction():
        row = InboundMail.get_by_id(row.id)  # its state as of this transaction
        _check_open(row)
        sender = row.sender_user
        if (
            sender is not None
            and sender.active
            and not sender.is_staff
            and sender.company_id == ticket.company_id
            and ticket.is_open
        ):
            _add_customer_message(row, parsed, ticket, sender, now)
        else:
            _add_note_from_mail(row, parsed, ticket, staff, now)
        _handled(row, staff, "assigned", "ticket", ticket, now)
    return ticket


def _add_note_from_mail(row, parsed, ticket, staff, now) -> None:
    uploads, refused = _uploads(parsed.attachments)
    header = _("E-Mail von %(sender)s, Betreff „%(subject)s“:", sender=row.sender or "?",
               subject=row.subject)  # fmt: skip
    message = service.add_message(
        ticket, staff, f"{header}\n\n{_body(row.body)}", internal=True, uploads=uploads, now=now
    )
    _keep_original(row, ticket, message, now)
    _note_refused(ticket, refused, now)


def open_ticket_for(row: InboundMail, staff: User, company: Company) -> Ticket:
    """Open a ticket for ``company`` with the mail; its sender is the contact when they
    belong to that company."""
    now = utcnow()
    parsed = _reparsed(row)
    if not parsed.subject:
        parsed.subject = row.subject
    if not (parsed.reply_text or parsed.text):
        parsed.reply_text = row.body
    with service.write_transaction():
        row = InboundMail.get_by_id(row.id)
        _check_open(row)
        ticket = _open_ticket(row, parsed, staff, company, row.received_at, now)
        _handled(row, staff, "assigned", "new_ticket", ticket, now)
        row.company = company
        row.save()
    return ticket


def discard(row: InboundMail, staff: User) -> None:
    with service.write_transaction():
        row = InboundMail.get_by_id(row.id)
        _check_open(row)
        _handled(row, staff, "discarded", row.reason, None, utcnow())
