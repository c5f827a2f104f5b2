"""Writing tickets: report, answer, change, resolve and reopen, each in one transaction.

The HTML views and the JSON API call these functions; the rules they check are in
tickets/rules.py, the reads in tickets/queries.py. E-mails are written to the outbox in the
same transaction, so a write that is rolled back mails nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import peewee
from flask_babel import gettext as _

from portal import clock, sla_months
from portal.db import database, utcnow
from portal.models import Company, User
from portal.sla.targets import RESOLUTION, RESPONSE, due_time
from portal.tickets import attachments, notify, outcomes, pauses, rules
from portal.tickets.models import (
    Attachment,
    Ticket,
    TicketCounter,
    TicketEvent,
    TicketMessage,
)
from portal.tickets.rules import DONE_STATUSES, PAUSED_STATUS, Report, TicketError

NUMBER_ATTEMPTS = 3


def validate_report(report: Report, actor: User, now: dt.datetime) -> dict[str, str]:
    return rules.validate_report(
        report, actor.is_staff, now, clock.local_today(now), attachments.MAX_FILES
    )


# --- writes -----------------------------------------------------------------------------


def write_transaction():
    """A transaction that takes the write lock at once on SQLite (BEGIN IMMEDIATE).

    A deferred SQLite transaction that reads first and writes later can fail with "database
    is locked" under concurrent writers; taking the lock up front makes them queue instead.
    """
    if isinstance(database.obj, peewee.SqliteDatabase) and database.transaction_depth() == 0:
        return database.atomic("IMMEDIATE")
    return database.atomic()


def next_ticket_number(year: int) -> str:
    """T-2026-00042: the year's counter row is incremented inside the caller's transaction.

    The UPDATE locks the row (PostgreSQL) or the database (SQLite) until commit, so two
    concurrent reports can never read the same value.
    """
    bump = TicketCounter.update(value=TicketCounter.value + 1).where(TicketCounter.year == year)
    if not bump.execute():
        try:
            with database.atomic():  # a savepoint: the first ticket of a year may race
                TicketCounter.insert(year=year, value=1).execute()
        except peewee.IntegrityError:
            bump.execute()
    value = TicketCounter.select(TicketCounter.value).where(TicketCounter.year == year).scalar()
    return f"T-{year}-{value:05d}"


def compute_due(
    kind: str, company: Company, priority: str, reported_at: dt.datetime, relaxed_days: int | None
) -> dt.datetime:
    """When a target (RESPONSE or RESOLUTION) is due by the company's contract and overrides,
    on the service calendars, before any pause (pauses move it: see portal.tickets.pauses)."""
    return due_time(
        kind,
        reported_at,
        priority,
        company.has_contract,
        overrides=company.target_overrides(kind),
        relaxed_days=relaxed_days,
        calendars=clock.calendars(),
    ).astimezone(dt.UTC)


def create_ticket(actor: User, report: Report, now: dt.datetime | None = None) -> Ticket:
    """Validate and store a new ticket with its number, response_due and attachments."""
    now = now or utcnow()
    errors = validate_report(report, actor, now)
    if errors:
        raise TicketError(errors)
    if not actor.is_staff:
        report.company = Company.get_by_id(actor.company_id)
        report.reporter = actor
        report.reported_at = None
    return _create_with_retry(actor, report, now)


def _create_with_retry(actor: User, report: Report, now: dt.datetime) -> Ticket:
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            with write_transaction():
                return _insert_ticket(actor, report, now)
        except peewee.IntegrityError:
            if attempt == NUMBER_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _insert_ticket(actor: User, report: Report, now: dt.datetime) -> Ticket:
    received_at = min(report.received_at, now) if report.received_at else None
    reported_at = report.reported_at or received_at or now
    target_args = (report.company, report.priority, reported_at, report.relaxed_days)
    ticket = Ticket.create(
        number=next_ticket_number(clock.local_today(now).year),
        company=report.company,
        reporter=report.reporter,
        created_by=actor,
        title=report.title.strip(),
        description=report.description.strip(),
        priority=report.priority,
        affected=report.affected,
        callback_phone=report.callback_phone.strip(),
        status="new",
        urgent=report.urgent,
        urgent_reason=report.urgent_reason.strip() if report.urgent else "",
        deadline=report.deadline if report.urgent else None,
        relaxed_days=report.relaxed_days,
        triage_example=report.triage_example,
        triage_component=report.triage_component,
        triage_state=report.triage_state,
        source=report.source or ("phone" if actor.is_staff else "portal"),
        reported_at=reported_at,
        response_due=compute_due(RESPONSE, *target_args),
        resolution_due=compute_due(RESOLUTION, *target_args),
        last_activity_at=now,
        created_at=now,
    )
    record_event(ticket, actor, "created", None, "new", now=now, public=True)
    # a call recorded after its month closed: that month's stored figures are redone
    sla_months.recorded(ticket.company_id, reported_at, now)
    _store_uploads(ticket, None, actor, report.uploads, False, now)
    notify.deliver(notify.ticket_created(ticket))
    return ticket


def _store_uploads(ticket, message, actor, uploads, internal, now) -> None:
    """The files and their rows in the caller's transaction: all of them or nothing."""
    for upload in uploads:
        key = attachments.store(upload)
        _attachment(ticket, message, actor, upload, key, internal=internal, now=now)


def _attachment(ticket, message, uploaded_by, file, storage_key, *, internal, now) -> Attachment:
    """The row of a file whose bytes are already in the store; ``file`` is an Upload or a
    FileInfo (both have its name, type and size)."""
    return Attachment.create(
        ticket=ticket,
        message=message,
        uploaded_by=uploaded_by,
        filename=file.filename,
        content_type=file.content_type,
        size=file.size,
        storage_key=storage_key,
        internal=internal,
        created_at=now,
    )


def add_message(
    ticket: Ticket,
    author: User,
    body: str,
    *,
    internal: bool = False,
    uploads: Sequence[attachments.Upload] = (),
    now: dt.datetime | None = None,
) -> TicketMessage:
    """A public message or (staff only) an internal note, with attachments.

    The first public staff message is the first response; a customer's answer to
    "Wartet auf Ihre Rückmeldung" puts the ticket back to "In Bearbeitung".
    """
    now = now or utcnow()
    if internal and not author.is_staff:
        raise PermissionError("only staff write internal notes")
    errors = rules.validate_message(
        body, len(uploads), attachments.MAX_FILES, author.is_staff, ticket.status
    )
    if errors:
        raise TicketError(errors)
    with write_transaction():
        message = TicketMessage.create(
            ticket=ticket, author=author, body=body.strip(), internal=internal, created_at=now
        )
        _store_uploads(ticket, message, author, uploads, internal, now)
        # customers see last_activity_at: an internal note is no activity of theirs
        updates = {} if internal else {Ticket.last_activity_at: now}
        if author.is_staff and not internal and ticket.first_response_at is None:
            updates[Ticket.first_response_at] = now
        if not author.is_staff and ticket.status == PAUSED_STATUS:
            _status_event(ticket, author, "in_progress", now)
            pauses.end_pause(ticket, now)  # the customer answered: the clock runs again
            updates[Ticket.response_due] = ticket.response_due
            updates[Ticket.resolution_due] = ticket.resolution_due
            updates[Ticket.status] = "in_progress"  # open as before: in_queue stays
        for column, value in updates.items():
            setattr(ticket, column.name, value)
        if Ticket.first_response_at in updates or Ticket.status in updates:
            updates.update(_queue_updates(ticket))
        if updates:
            Ticket.update(updates).where(Ticket.id == ticket.id).execute()
        if Ticket.first_response_at in updates:
            outcomes.record_outcomes(ticket, now)
        _mail_message(ticket, message, author)
    return message


def _queue_updates(ticket: Ticket) -> dict:
    """The stored queue columns after a change of status or first response (see save())."""
    columns = ticket.current_queue_columns()
    return {getattr(Ticket, name): value for name, value in columns.items()}


def _mail_message(ticket: Ticket, message: TicketMessage, author: User) -> None:
    """A public message is mailed to the other side; an internal note never."""
    if message.internal:
        return
    if author.is_staff:
        notify.deliver(notify.staff_replied(ticket, message))
    else:
        notify.deliver(notify.customer_wrote(ticket, message))


def record_event(
    ticket, actor, kind, old, new, *, now, public, reason="", reason_public=False
) -> TicketEvent:
    """One line of the ticket's history: who changed what from old to new, when and why.
    Public events (created, a status, a class, a share) are shown to the customer too."""
    return TicketEvent.create(
        ticket=ticket,
        actor=actor,
        kind=kind,
        old_value=_event_value(old),
        new_value=_event_value(new),
        reason=reason,
        public=public,
        reason_public=reason_public,
        created_at=now,
    )


def _status_event(ticket, actor, new_status, now) -> TicketEvent:
    return record_event(ticket, actor, "status", ticket.status, new_status, now=now, public=True)


def change_ticket(
    ticket: Ticket,
    actor: User,
    changes: dict,
    reason: str = "",
    now: dt.datetime | None = None,
    reason_public: bool = False,
) -> list[TicketEvent]:
    """Staff change status, class (with a reason), assignee and flags; each change an event.
    The reason is for staff unless `reason_public` (staff chose to tell the customer)."""
    if not actor.is_staff:
        raise PermissionError("only staff change tickets")
    now = now or utcnow()
    unknown = set(changes) - set(rules.CHANGEABLE)
    if unknown:
        raise ValueError(f"not changeable: {sorted(unknown)}")
    changes = {k: v for k, v in changes.items() if v != _current(ticket, k)}
    errors = _validate_changes(ticket, changes, reason)
    if errors:
        raise TicketError(errors)
    if not changes:
        return []
    with write_transaction():
        events = _apply_changes(ticket, actor, changes, reason.strip(), now, reason_public)
        ticket.save()
        outcomes.record_outcomes(ticket, now)
        if "status" in changes:
            notify.deliver(notify.status_changed(ticket, events[0].old_value))
    return events


def _current(ticket: Ticket, name: str):
    if name == "assignee":
        return ticket.assignee_id and ticket.assignee
    return getattr(ticket, name)


def _validate_changes(ticket: Ticket, changes: dict, reason: str) -> dict[str, str]:
    flags = ("priority", "urgent", "urgent_reason", "deadline", "relaxed_days")
    current = {name: getattr(ticket, name) for name in flags}
    return rules.validate_changes(current, changes, reason, clock.local_today())


def _apply_changes(ticket, actor, changes, reason, now, reason_public) -> list[TicketEvent]:
    events = []

    def event(kind, old, new, public=False, why=reason):  # staff-only unless said
        events.append(
            record_event(
                ticket,
                actor,
                kind,
                old,
                new,
                now=now,
                public=public,
                reason=why,
                reason_public=reason_public,
            )
        )

    if "status" in changes:
        event("status", ticket.status, changes["status"], public=True)
        _set_status(ticket, changes["status"], now, actor)
    if "priority" in changes:
        event("priority", ticket.priority, changes["priority"], public=True)
        ticket.priority = changes["priority"]
        sla_months.recorded(ticket.company_id, ticket.reported_at, now, at=now)
    if "assignee" in changes:
        event("assignee", ticket.assignee if ticket.assignee_id else None, changes["assignee"])
        ticket.assignee = changes["assignee"]
    if "urgent" in changes or "urgent_reason" in changes:
        urgent = changes.get("urgent", ticket.urgent)
        new_reason = changes.get("urgent_reason", ticket.urgent_reason) if urgent else ""
        event("urgent", ticket.urgent, urgent, why=new_reason or reason)
        ticket.urgent, ticket.urgent_reason = urgent, new_reason
        if not urgent:
            ticket.deadline = None
    if "deadline" in changes and ticket.urgent:
        event("deadline", ticket.deadline, changes["deadline"])
        ticket.deadline = changes["deadline"]
    if "relaxed_days" in changes:
        event("relaxed", ticket.relaxed_days, changes["relaxed_days"])
        ticket.relaxed_days = changes["relaxed_days"]
    if "priority" in changes or "relaxed_days" in changes:
        # afresh from reported_at with the new class, then moved by the pauses so far
        args = (ticket.company, ticket.priority, ticket.reported_at, ticket.relaxed_days)
        ticket.response_due = pauses.after_pauses(ticket, compute_due(RESPONSE, *args), RESPONSE)
        ticket.resolution_due = pauses.after_pauses(
            ticket, compute_due(RESOLUTION, *args), RESOLUTION
        )
    if any(e.public for e in events):  # customers see last_activity_at, not staff-only events
        ticket.last_activity_at = now
    return events


def _event_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, User):
        return value.name
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _set_status(ticket: Ticket, status: str, now: dt.datetime, actor: User | None = None) -> None:
    """A staff member's status change is a response: the first one is the first response.

    Entering or leaving "Wartet auf Ihre Rückmeldung" starts or ends a pause of the clock."""
    pauses.on_status_change(ticket, status, now)
    ticket.status = status
    ticket.resolved_at = now if status in DONE_STATUSES else None
    if actor is not None and actor.is_staff and ticket.first_response_at is None:
        ticket.first_response_at = now


def resolve(ticket: Ticket, actor: User, now: dt.datetime | None = None) -> TicketEvent:
    """The customer says: solved."""
    now = now or utcnow()
    if not ticket.is_open:
        raise TicketError({"status": _("Dieses Ticket ist bereits abgeschlossen.")})
    with write_transaction():
        event = _status_event(ticket, actor, "resolved", now)
        _set_status(ticket, "resolved", now, actor)
        ticket.last_activity_at = now
        ticket.save()
        outcomes.record_outcomes(ticket, now)
    return event


def reopen(ticket: Ticket, actor: User, now: dt.datetime | None = None) -> TicketEvent:
    now = now or utcnow()
    if not rules.can_reopen(ticket.status, ticket.resolved_at, now):
        raise TicketError({"status": rules.reopen_refusal(ticket.status, ticket.number)})
    new_status = rules.status_after_reopen(ticket.first_response_at)
    with write_transaction():
        event = _status_event(ticket, actor, new_status, now)
        _set_status(ticket, new_status, now, actor)
        ticket.last_activity_at = now
        ticket.save()
        outcomes.record_outcomes(ticket, now)
        notify.deliver(notify.reopened(ticket))
    return event


def add_note(
    ticket: Ticket, body: str, author: User | None = None, now: dt.datetime | None = None
) -> TicketMessage:
    """An internal note for staff; without an author it is the portal's own (e.g. what the
    e-mail import could not take over). Never mailed, never shown to customers."""
    now = now or utcnow()
    with write_transaction():
        return TicketMessage.create(
            ticket=ticket,
            author=author,
            body=body.strip()[: rules.TEXT_MAX],
            internal=True,
            created_at=now,
        )


def attach_stored_file(
    ticket: Ticket,
    message: TicketMessage | None,
    file: attachments.FileInfo,
    storage_key: str,
    now: dt.datetime | None = None,
) -> Attachment:
    """An already stored file (the original .eml of an imported mail) as a staff-only
    attachment: customers never see or download it."""
    return _attachment(ticket, message, None, file, storage_key, internal=True, now=now or utcnow())
