"""Ticket rules behind the pages and the API: validate, create, answer, change, the queue.

The HTML views and the JSON API call these functions; neither writes a rule of its own.
Every write runs in one transaction; e-mails go out only after it has committed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import peewee
from flask_babel import gettext as _

from portal.access import scope_to_company
from portal.clock import calendars
from portal.db import PreparedSelect, database, param, utcnow
from portal.models import Company, User
from portal.sla.calendar import BERLIN
from portal.sla.queue import CONTRACT_RANK, QueueEntry
from portal.sla.targets import response_due as sla_response_due
from portal.tickets import attachments, notify, rules
from portal.tickets.models import (
    Attachment,
    Ticket,
    TicketCounter,
    TicketEvent,
    TicketMessage,
)
from portal.tickets.rules import DONE_STATUSES, Report, TicketError

NUMBER_ATTEMPTS = 3


def local_today(now: dt.datetime | None = None) -> dt.date:
    return (now or utcnow()).astimezone(BERLIN).date()


def validate_report(report: Report, actor: User, now: dt.datetime) -> dict[str, str]:
    return rules.validate_report(
        report, actor.is_staff, now, local_today(now), attachments.MAX_FILES
    )


# --- scoping and the queue --------------------------------------------------------------


def scoped_tickets(user: User) -> peewee.ModelSelect:
    """Tickets ``user`` may see, without joins: the base for filters and cheap counts."""
    return scope_to_company(Ticket.select(), Ticket.company, user)


def with_company_and_assignee(query: peewee.ModelSelect):
    """Rows of a scoped_tickets() query with company and assignee (still one query)."""
    assignee = User.alias()
    return (
        query.select(
            *Ticket._meta.sorted_fields,
            Company.id,
            Company.name,
            Company.has_contract,
            assignee.id,
            assignee.name,
            assignee.email,
        )
        .switch(Ticket)
        .join(Company)
        .switch(Ticket)
        .join(assignee, peewee.JOIN.LEFT_OUTER, on=(Ticket.assignee == assignee.id))
    )


def list_columns() -> tuple:
    """What the HTML ticket lists (templates/tickets/index.html, queue.html) show.

    A row loads only these: peewee spends ~4 µs per selected column on the SQL. A list
    that shows more adds the column here (ListRow takes its name).
    """
    return (
        Ticket.id,
        Ticket.number,
        Ticket.company,
        Ticket.assignee,
        Ticket.title,
        Ticket.priority,
        Ticket.status,
        Ticket.urgent,
        Ticket.relaxed_days,
        Ticket.reported_at,
        Ticket.response_due,
        Ticket.first_response_at,
        Ticket.last_activity_at,
    )


def ticket_list_rows(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """A scoped_tickets() query as the HTML lists' rows: list_columns() with the company's
    name and contract and the assignee's name (read by read_list_rows)."""
    assignee = User.alias()
    return (
        query.select(*list_columns(), Company.name, Company.has_contract, assignee.name)
        .switch(Ticket)
        .join(Company)
        .switch(Ticket)
        .join(assignee, peewee.JOIN.LEFT_OUTER, on=(Ticket.assignee == assignee.id))
    )


class ListCompany:
    __slots__ = ("has_contract", "id", "name")


class ListAssignee:
    __slots__ = ("id", "name")


class ListRow:
    """A ticket as the HTML lists show it: list_columns() by name (foreign keys as
    company_id and assignee_id), ``company`` (id, name, has_contract) and ``assignee``
    (id, name; None when nobody is assigned). Read-only: saving goes through Ticket.

    peewee turns each joined row into three model instances (~16 µs a row); a list page
    only reads a dozen values, so these small objects take a quarter of that.
    """

    __slots__ = (
        *(
            f.name if not isinstance(f, peewee.ForeignKeyField) else f"{f.name}_id"
            for f in list_columns()
        ),
        "assignee",
        "company",
    )


@functools.cache
def _list_converters() -> tuple:
    """How read_list_rows converts each column: None where the driver's value is right."""
    plain = (peewee.CharField, peewee.TextField, peewee.IntegerField, peewee.AutoField)
    return tuple(
        None if isinstance(f, plain) else f.python_value
        for f in (*list_columns(), Company.name, Company.has_contract, User.name)
    )


def read_list_rows(page_query: peewee.ModelSelect, cursor) -> list[ListRow]:
    """The rows of a ticket_list_rows() query's cursor as ListRow objects."""
    converters = _list_converters()
    names = ListRow.__slots__[: len(list_columns())]
    rows = []
    for values in cursor.fetchall():
        values = [c(v) if c else v for c, v in zip(converters, values, strict=True)]
        row = ListRow()
        for name, value in zip(names, values, strict=False):
            setattr(row, name, value)
        company = row.company = ListCompany()
        company.id, company.name, company.has_contract = row.company_id, values[-3], values[-2]
        if row.assignee_id is None:
            row.assignee = None
        else:
            assignee = row.assignee = ListAssignee()
            assignee.id, assignee.name = row.assignee_id, values[-1]
        rows.append(row)
    return rows


def list_page(query: peewee.ModelSelect, page: int, per_page: int) -> tuple[list[ListRow], int]:
    """One page of an HTML ticket list (ListRow objects) and the total: two queries."""
    return paginate(query, page, per_page, rows=ticket_list_rows, read=read_list_rows)


def tickets_visible_to(user: User) -> peewee.ModelSelect:
    """Tickets with their company; customers see only their own company's."""
    query = Ticket.select(Ticket, Company).join(Company)
    return scope_to_company(query, Ticket.company, user)


def companies_matching(text: str) -> peewee.ModelSelect:
    """Ids of the companies whose name or customer number contains ``text`` (any case).

    The queue's company filter: a technician types "Muster" or "20001" instead of picking
    one of hundreds of companies from a list.
    """
    return Company.select(Company.id).where(
        Company.name.contains(text) | Company.customer_number.contains(text)
    )


def move_company_tickets(company: Company) -> None:
    """After a change of contract: the company's tickets take their new place in the queue.

    Call it inside the transaction that saves the company, so the queue never disagrees
    with the contract.
    """
    Ticket.update(contract_rank=CONTRACT_RANK[bool(company.has_contract)]).where(
        Ticket.company == company.id
    ).execute()


def ticket_for(user: User, number: str) -> Ticket | None:
    """One ticket with company, reporter and assignee, if ``user`` may see it (one query)."""
    return _TICKET_FOR.first(user.is_staff, number=number, company=user.company_id)


@dataclass(frozen=True)
class _AnyViewer:
    """scope_to_company's view of a user while a prepared query is built: the staff flag,
    and the company as a placeholder bound to the real viewer's company on each call."""

    is_staff: bool
    company_id: object = None


def _ticket_for_query(staff: bool) -> peewee.ModelSelect:
    reporter, assignee = User.alias(), User.alias()
    query = (
        Ticket.select(Ticket, Company, reporter, assignee)
        .join(Company)
        .switch(Ticket)
        .join(reporter, peewee.JOIN.LEFT_OUTER, on=(Ticket.reporter == reporter.id))
        .switch(Ticket)
        .join(assignee, peewee.JOIN.LEFT_OUTER, on=(Ticket.assignee == assignee.id))
        .where(Ticket.number == param("number", Ticket.number))
    )
    viewer = _AnyViewer(staff, param("company", Ticket.company))
    return scope_to_company(query, Ticket.company, viewer).limit(1)


# the ticket page and every action on a ticket start here: its SQL is generated once
_TICKET_FOR = PreparedSelect(_ticket_for_query)


def queue_order() -> list:
    """ORDER BY terms equal to portal.sla.queue.queue_key, over the stored ranks.

    The index on Ticket's QUEUE_INDEX columns serves this order, so a page of the queue is
    read in order instead of sorting every open ticket.
    """
    return [
        Ticket.priority_rank,
        Ticket.contract_rank,
        Ticket.urgency_rank,
        Ticket.response_due,
        Ticket.reported_at,
        Ticket.id,
    ]


def queue_entry(ticket: Ticket) -> QueueEntry:
    return QueueEntry(
        priority=ticket.priority,
        has_contract=ticket.company.has_contract,
        response_due=ticket.response_due,
        reported_at=ticket.reported_at,
        urgent=ticket.urgent,
        relaxed=ticket.relaxed,
        ticket_id=ticket.id,
    )


def open_tickets(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """Open tickets, by the stored flag the queue index starts with (kept equal to status)."""
    return query.where(Ticket.in_queue == True)  # noqa: E712


def with_status(query: peewee.ModelSelect, status: str) -> peewee.ModelSelect:
    """The list filter: "open" (by the queue's flag), "all", or one stored status."""
    if status == "open":
        return open_tickets(query)
    if status == "all":
        return query
    return query.where(Ticket.status == status)


def tickets_ahead(ticket: Ticket) -> int:
    """How many open tickets come before this one in the queue: one index range count."""
    terms = queue_order()
    before = peewee.Tuple(*terms) < peewee.Tuple(
        *(term.to_value(getattr(ticket, term.name)) for term in terms)
    )
    return open_tickets(Ticket.select()).where(before).count()


def is_overdue(ticket: Ticket, now: dt.datetime | None = None) -> bool:
    return rules.is_overdue(ticket.first_response_at, ticket.response_due, now or utcnow())


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


def compute_response_due(
    company: Company, priority: str, reported_at: dt.datetime, relaxed_days: int | None
) -> dt.datetime:
    return sla_response_due(
        reported_at,
        priority,
        company.has_contract,
        overrides=company.response_overrides,
        relaxed_days=relaxed_days,
        calendars=calendars(),
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
    ticket = _create_with_retry(actor, report, now)
    notify.deliver(notify.ticket_created(ticket))
    return ticket


def _create_with_retry(actor: User, report: Report, now: dt.datetime) -> Ticket:
    for attempt in range(NUMBER_ATTEMPTS):
        written: list[str] = []
        try:
            with write_transaction():
                return _insert_ticket(actor, report, now, written)
        except peewee.IntegrityError:
            attachments.remove(written)
            if attempt == NUMBER_ATTEMPTS - 1:
                raise
        except BaseException:
            attachments.remove(written)
            raise
    raise AssertionError("unreachable")


def _insert_ticket(actor: User, report: Report, now: dt.datetime, written: list[str]) -> Ticket:
    reported_at = report.reported_at or now
    ticket = Ticket.create(
        number=next_ticket_number(local_today(now).year),
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
        reported_at=reported_at,
        response_due=compute_response_due(
            report.company, report.priority, reported_at, report.relaxed_days
        ),
        last_activity_at=now,
        created_at=now,
    )
    TicketEvent.create(
        ticket=ticket, actor=actor, kind="created", new_value="new", public=True, created_at=now
    )
    _store_uploads(ticket, None, actor, report.uploads, False, now, written)
    return ticket


def _store_uploads(ticket, message, actor, uploads, internal, now, written) -> None:
    for upload in uploads:
        key = attachments.store(upload)
        written.append(key)
        Attachment.create(
            ticket=ticket,
            message=message,
            uploaded_by=actor,
            filename=upload.filename,
            content_type=upload.content_type,
            size=len(upload.content),
            storage_key=key,
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
    written: list[str] = []
    try:
        with write_transaction():
            message = TicketMessage.create(
                ticket=ticket, author=author, body=body.strip(), internal=internal, created_at=now
            )
            _store_uploads(ticket, message, author, uploads, internal, now, written)
            # customers see last_activity_at: an internal note is no activity of theirs
            updates = {} if internal else {Ticket.last_activity_at: now}
            if author.is_staff and not internal and ticket.first_response_at is None:
                updates[Ticket.first_response_at] = now
            if not author.is_staff and ticket.status == "waiting_for_customer":
                _status_event(ticket, author, "in_progress", "", now)
                updates[Ticket.status] = "in_progress"
                updates[Ticket.in_queue] = True  # still open: the queue flag stays as it was
            if updates:
                Ticket.update(updates).where(Ticket.id == ticket.id).execute()
            for column, value in updates.items():
                setattr(ticket, column.name, value)
    except BaseException:
        attachments.remove(written)
        raise
    if internal:
        return message
    if author.is_staff:
        notify.deliver(notify.staff_replied(ticket, message))
    else:
        notify.deliver(notify.customer_wrote(ticket, message))
    return message


def _status_event(ticket, actor, new_status, reason, now) -> TicketEvent:
    return TicketEvent.create(
        ticket=ticket,
        actor=actor,
        kind="status",
        old_value=ticket.status,
        new_value=new_status,
        reason=reason,
        public=True,
        created_at=now,
    )


def change_ticket(
    ticket: Ticket,
    actor: User,
    changes: dict,
    reason: str = "",
    now: dt.datetime | None = None,
) -> list[TicketEvent]:
    """Staff change status, class (with a reason), assignee and flags; each change an event."""
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
        events = _apply_changes(ticket, actor, changes, reason.strip(), now)
        ticket.save()
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
    return rules.validate_changes(current, changes, reason, local_today())


def _apply_changes(ticket, actor, changes, reason, now) -> list[TicketEvent]:
    events = []

    def event(kind, old, new, public=False, why=reason):
        events.append(
            TicketEvent.create(
                ticket=ticket,
                actor=actor,
                kind=kind,
                old_value=_event_value(old),
                new_value=_event_value(new),
                reason=why,
                public=public,
                created_at=now,
            )
        )

    if "status" in changes:
        event("status", ticket.status, changes["status"], public=True)
        _set_status(ticket, changes["status"], now, actor)
    if "priority" in changes:
        event("priority", ticket.priority, changes["priority"], public=True)
        ticket.priority = changes["priority"]
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
        ticket.response_due = compute_response_due(
            ticket.company, ticket.priority, ticket.reported_at, ticket.relaxed_days
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
    """A staff member's status change is a response: the first one is the first response."""
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
        event = _status_event(ticket, actor, "resolved", "", now)
        _set_status(ticket, "resolved", now, actor)
        ticket.last_activity_at = now
        ticket.save()
    return event


def can_reopen(ticket: Ticket, now: dt.datetime) -> bool:
    return rules.can_reopen(ticket.status, ticket.resolved_at, now)


def reopen(ticket: Ticket, actor: User, now: dt.datetime | None = None) -> TicketEvent:
    now = now or utcnow()
    if not can_reopen(ticket, now):
        raise TicketError({"status": rules.reopen_refusal(ticket.status, ticket.number)})
    new_status = rules.status_after_reopen(ticket.first_response_at)
    with write_transaction():
        event = _status_event(ticket, actor, new_status, "", now)
        _set_status(ticket, new_status, now, actor)
        ticket.last_activity_at = now
        ticket.save()
    notify.deliver(notify.reopened(ticket))
    return event


def conversation(ticket: Ticket, viewer: User) -> tuple[list, list]:
    """Messages (with author and attachments) and events the viewer may see: two queries."""
    messages = (
        TicketMessage.select(TicketMessage, User)
        .join(User, peewee.JOIN.LEFT_OUTER)
        .where(TicketMessage.ticket == ticket.id)
        .order_by(TicketMessage.created_at, TicketMessage.id)
    )
    events = (
        TicketEvent.select(TicketEvent, User)
        .join(User, peewee.JOIN.LEFT_OUTER)
        .where(TicketEvent.ticket == ticket.id)
        .order_by(TicketEvent.created_at, TicketEvent.id)
    )
    if not viewer.is_staff:
        messages = messages.where(TicketMessage.internal == False)  # noqa: E712
        events = events.where(TicketEvent.public == True)  # noqa: E712
    return list(messages), list(events)


def visible_attachments(ticket: Ticket, viewer: User) -> list[Attachment]:
    query = Attachment.select().where(Attachment.ticket == ticket.id).order_by(Attachment.id)
    if not viewer.is_staff:
        query = query.where(Attachment.internal == False)  # noqa: E712
    return list(query)


def attachment_for(user: User, number: str, attachment_id: int) -> Attachment | None:
    """An attachment the user may download: the ticket visible, internal ones for staff only."""
    query = (
        Attachment.select(Attachment)
        .join(Ticket)
        .where(Ticket.number == number, Attachment.id == attachment_id)
    )
    if not user.is_staff:
        query = query.where(Attachment.internal == False)  # noqa: E712
    return scope_to_company(query, Ticket.company, user).first()


def staff_members() -> list[User]:
    return list(
        User.select()
        .where(User.role.in_(("staff", "admin")), User.active == True)  # noqa: E712
        .order_by(User.name)
    )


# Pages beyond this are empty anyway; the cap keeps OFFSET inside the database's integers.
MAX_PAGE = 1_000_000
# What whole_number() answers for a longer number (int() refuses more than 4300 digits).
LARGE_NUMBER = 10**9


def whole_number(text: str) -> int | None:
    """ASCII digits from a query string as an int (LARGE_NUMBER at most), else None.

    str.isdigit alone also accepts "²", which int() refuses.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    return LARGE_NUMBER if len(digits) > len(str(LARGE_NUMBER)) - 1 else int(digits)


def paginate(
    query: peewee.ModelSelect, page: int, per_page: int, rows=None, read=None
) -> tuple[list, int]:
    """One page of rows and the total: two queries.

    ``rows`` (e.g. with_company_and_assignee) adds the joins for the page only, so the count
    runs over the ticket table (and its indexes) alone; ``read(page_query, cursor)`` turns
    the page's cursor into its rows (default: the query's model objects).

    The SQL of both queries is generated once per shape of the filtered query: peewee
    renders only the query's FROM, WHERE and ORDER BY (cheap), and that text with the
    joins and the reader is the key under which the count and the page's SQL are kept
    (0.3 ms less per list page). Their parameters are the filter's, then LIMIT and OFFSET;
    a shape whose parameters do not line up like that is never cached. The shapes are few
    (filter combinations; values are always parameters, a list of values for IN would
    make one shape per length).
    """
    page = min(page, MAX_PAGE)
    rows = rows or _same_rows
    read = read or _read_models
    skeleton, values = query.select(peewee.SQL("1")).sql()
    key = (type(database.obj), rows, skeleton)
    prepared = _PAGE_SQL.get(key)
    if prepared is None:
        prepared = _PAGE_SQL[key] = _prepare_page(query, rows, values, page, per_page)
    if prepared is False:  # parameters outside WHERE: generate each time
        page_query = rows(query).paginate(page, per_page)
        total = query.order_by().select(peewee.fn.COUNT(peewee.SQL("*"))).scalar()
        return read(page_query, database.execute(page_query)), total
    count_sql, page_sql, page_query = prepared
    total = database.execute_sql(count_sql, values).fetchone()[0]
    cursor = database.execute_sql(page_sql, [*values, per_page, (page - 1) * per_page])
    return read(page_query, cursor), total


_PAGE_SQL: dict = {}


def _same_rows(query: peewee.ModelSelect) -> peewee.ModelSelect:
    return query


def _read_models(page_query: peewee.ModelSelect, cursor) -> list:
    return list(page_query._get_cursor_wrapper(cursor))


def _prepare_page(query, rows, values: list, page: int, per_page: int):
    # COUNT(*) straight over the table: peewee's count() wraps the query in a subquery,
    # which keeps SQLite from counting with its fast whole-index count.
    count_sql, count_values = query.order_by().select(peewee.fn.COUNT(peewee.SQL("*"))).sql()
    page_query = rows(query).paginate(page, per_page)
    page_sql, page_values = page_query.sql()
    if count_values != values or page_values != [*values, per_page, (page - 1) * per_page]:
        return False
    return count_sql, page_sql, page_query
