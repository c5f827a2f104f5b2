"""Everything the portal stores about one person, as `daten.json` in a ZIP with the files they
uploaded: profile, API tokens, sessions (the sign-ins), their tickets with the conversation
they can see, their planned changes, mails to and from them, and the audit entries about them.

A customer's export holds what the customer may see (no internal notes); staff see their own
internal notes in theirs. Nothing of another company is in it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections import defaultdict

import peewee

from portal import clock
from portal.audit import AuditEntry
from portal.auth.models import TotpCredential, UserSession
from portal.changes.models import ChangeMessage, PlannedChange
from portal.inbound.models import InboundMail
from portal.models import ApiToken, Company, User
from portal.outbox.models import OutboxMail
from portal.tickets import filestore
from portal.tickets.models import Attachment, Ticket, TicketMessage, TicketShare

FORMAT = "kundenportal-export/1"
JSON_NAME = "daten.json"


def _when(value) -> str | None:
    if value is None:
        return None
    return value.isoformat()


def _profile(person: User) -> dict:
    company = Company.get_or_none(Company.id == person.company_id)
    return {
        "id": person.id,
        "name": person.name,
        "email": person.email,
        "phone": person.phone,
        "role": person.role,
        "company": {"name": company.name, "customer_number": company.customer_number}
        if company
        else None,
        "is_contact": person.is_contact,
        "preferred_language": person.preferred_language,
        "mail_noncritical": person.mail_noncritical,
        "active": person.active,
        "created_at": _when(person.created_at),
        "deactivated_at": _when(person.deactivated_at),
        "two_factor": TotpCredential.select()
        .where(TotpCredential.user == person.id, TotpCredential.confirmed_at.is_null(False))
        .exists(),
    }


def _tokens(person: User) -> list[dict]:
    rows = ApiToken.select().where(ApiToken.user == person.id).order_by(ApiToken.id)
    return [
        {
            "name": t.name,
            "prefix": t.prefix,
            "scope": t.scope,
            "created_at": _when(t.created_at),
            "last_used_at": _when(t.last_used_at),
            "revoked_at": _when(t.revoked_at),
        }
        for t in rows
    ]


def _sessions(person: User) -> list[dict]:
    rows = UserSession.select().where(UserSession.user == person.id).order_by(UserSession.id)
    return [
        {
            "signed_in_at": _when(s.created_at),
            "last_seen_at": _when(s.last_seen_at),
            "expires_at": _when(s.expires_at),
            "ended_at": _when(s.ended_at),
            "device": s.user_agent,
            "remember": s.remember,
        }
        for s in rows
    ]


def _visible(person: User):
    """The messages and attachments of the export: not internal, or the person's own."""
    return lambda row, author_id: not row.internal or author_id == person.id


def _tickets(person: User) -> tuple[list[dict], list[Attachment]]:
    """Tickets the person reported, wrote on or that were shared with them, oldest first, with
    the conversation they can see; and the attachments they uploaded (their files go into the
    ZIP)."""
    wrote_on = TicketMessage.select(TicketMessage.ticket).where(TicketMessage.author == person.id)
    shared_with = TicketShare.select(TicketShare.ticket).where(TicketShare.user == person.id)
    shared = {ticket_id for (ticket_id,) in shared_with.tuples()}
    tickets = list(
        Ticket.select()
        .where(
            (Ticket.reporter == person.id) | Ticket.id.in_(wrote_on) | Ticket.id.in_(shared_with)
        )
        .order_by(Ticket.reported_at, Ticket.id)
    )
    ids = [t.id for t in tickets]
    author = User.alias()
    messages = defaultdict(list)
    visible = _visible(person)
    for message in (
        TicketMessage.select(TicketMessage, author)
        .join(author, peewee.JOIN.LEFT_OUTER, on=TicketMessage.author == author.id)
        .where(TicketMessage.ticket.in_(ids))
        .order_by(TicketMessage.created_at, TicketMessage.id)
    ):
        if visible(message, message.author_id):
            messages[message.ticket_id].append(
                {
                    "author": message.author.name if message.author_id else None,
                    "written_by_you": message.author_id == person.id,
                    "created_at": _when(message.created_at),
                    "body": message.body,
                    "internal": message.internal,
                }
            )
    uploaded = list(
        Attachment.select()
        .where(Attachment.ticket.in_(ids), Attachment.uploaded_by == person.id)
        .order_by(Attachment.id)
    )
    by_ticket = defaultdict(list)
    for attachment in uploaded:
        if visible(attachment, attachment.uploaded_by_id):
            by_ticket[attachment.ticket_id].append(_attachment_entry(attachment))
    exported = [
        {
            "number": t.number,
            "title": t.title,
            "description": t.description,
            "status": t.status,
            "priority": t.priority,
            "affected": t.affected,
            "callback_phone": t.callback_phone,
            "urgent": t.urgent,
            "urgent_reason": t.urgent_reason,
            "deadline": _when(t.deadline),
            "source": t.source,
            "reported_by_you": t.reporter_id == person.id,
            "shared_with_you": t.id in shared,
            "reported_at": _when(t.reported_at),
            "resolved_at": _when(t.resolved_at),
            "messages": messages[t.id],
            "attachments": by_ticket[t.id],
        }
        for t in tickets
    ]
    return exported, [a for a in uploaded if visible(a, a.uploaded_by_id)]


def _archive_name(attachment: Attachment) -> str:
    safe = attachment.filename.replace("/", "_").replace("\\", "_") or "datei"
    return f"anhaenge/{attachment.id}-{safe}"


def _attachment_entry(attachment: Attachment) -> dict:
    return {
        "filename": attachment.filename,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "created_at": _when(attachment.created_at),
        "file": _archive_name(attachment),
    }


def _changes(person: User) -> list[dict]:
    changes = list(
        PlannedChange.select()
        .where(PlannedChange.created_by == person.id)
        .order_by(PlannedChange.created_at, PlannedChange.id)
    )
    author = User.alias()
    messages = defaultdict(list)
    for message in (
        ChangeMessage.select(ChangeMessage, author)
        .join(author, on=ChangeMessage.author == author.id)
        .where(ChangeMessage.change.in_([c.id for c in changes]))
        .order_by(ChangeMessage.created_at, ChangeMessage.id)
    ):
        messages[message.change_id].append(
            {
                "author": message.author.name,
                "created_at": _when(message.created_at),
                "body": message.body,
            }
        )
    return [
        {
            "id": c.id,
            "kind": c.kind,
            "details": c.details,
            "wished_date": _when(c.wished_date),
            "alternative_date": _when(c.alternative_date),
            "state": c.state,
            "scheduled_start": _when(c.scheduled_start),
            "scheduled_end": _when(c.scheduled_end),
            "decline_reason": c.decline_reason,
            "created_at": _when(c.created_at),
            "messages": messages[c.id],
        }
        for c in changes
    ]


def _mails(person: User) -> dict:
    received = OutboxMail.select().where(OutboxMail.recipient == person.email)
    sent = InboundMail.select().where(
        (InboundMail.sender == person.email) | (InboundMail.sender_user == person.id)
    )
    return {
        "to_you": [
            {
                "subject": m.subject,
                "created_at": _when(m.created_at),
                "state": m.state,
                "sent_at": _when(m.sent_at),
            }
            for m in received.order_by(OutboxMail.id)
        ],
        "from_you": [
            {
                "subject": m.subject,
                "received_at": _when(m.received_at),
                "body": m.body,
                "state": m.state,
            }
            for m in sent.order_by(InboundMail.id)
        ],
    }


def _audit(person: User) -> list[dict]:
    rows = (
        AuditEntry.select()
        .where(AuditEntry.subject == person.id)
        .order_by(AuditEntry.created_at, AuditEntry.id)
    )
    return [
        {
            "created_at": _when(e.created_at),
            "action": e.action,
            "by_you": e.actor_id == person.id,
            "detail": e.details,
        }
        for e in rows
    ]


def collect(person: User, now: dt.datetime | None = None) -> tuple[dict, list[Attachment]]:
    """The export's JSON document and the attachments whose files go with it."""
    tickets, uploaded = _tickets(person)
    document = {
        "format": FORMAT,
        "exported_at": _when(now or clock.now()),
        "person": _profile(person),
        "api_tokens": _tokens(person),
        "sessions": _sessions(person),
        "tickets": tickets,
        "planned_changes": _changes(person),
        "mails": _mails(person),
        "audit_log": _audit(person),
    }
    return document, uploaded


def build_zip(person: User) -> bytes:
    """The ZIP a person downloads: daten.json and anhaenge/<id>-<name> for each file."""
    document, uploaded = collect(person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(document, ensure_ascii=False, indent=2))
        for attachment in uploaded:
            stored = filestore.find(attachment.storage_key)
            if stored is None:
                continue
            with archive.open(_archive_name(attachment), "w") as member:
                for piece in filestore.pieces(stored):  # one piece in memory at a time
                    member.write(piece)
    return buffer.getvalue()
