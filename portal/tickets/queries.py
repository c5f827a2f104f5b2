"""Reading tickets: who may see which (one scoping rule), the one filter of every ticket list
(the queue, "Meine Tickets" and GET /api/v1/tickets), the queue order and one ticket with its
conversation. Reads only; the writes are in tickets/service.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

import peewee
from flask_babel import gettext as _

from portal import reads
from portal.access import of_company, scope_to_company
from portal.db import is_postgres
from portal.models import Company, User
from portal.paging import COUNT_CAP, Page, paginate
from portal.sla.queue import RUNNING
from portal.sla.targets import PRIORITIES
from portal.tickets.models import Attachment, Ticket, TicketEvent, TicketMessage, TicketShare
from portal.tickets.rules import DUE_SOON_AT_LEAST, DUE_SOON_SHARE, STATUSES

# A place in the queue beyond this many says enough ("mehr als 100 Tickets vor diesem").
AHEAD_CAP = 100

# "open" (the queue's stored flag), "all", or one stored status
STATUS_FILTERS = ("open", "all", *STATUSES)
ASSIGNEE_FILTERS = ("mine", "unassigned")
# A first response due within this time is "due soon", and so is one with less than a quarter
# of its time left (rules.is_due_soon; due_soon_condition is the same rule in SQL).
DUE_SOON = DUE_SOON_AT_LEAST
SEARCH_MAX = 200


def scoped_tickets(user: User) -> peewee.ModelSelect:
    """Tickets ``user`` may see, without joins: the base of every ticket read."""
    return tickets_visible_to(Ticket.select(), Ticket.company, user)


def tickets_visible_to(query: peewee.ModelSelect, company_field, user: User):
    """The one rule: staff see everything, company contacts their company's tickets, other
    customers too unless their company chose "only their own": reported or created by them, or
    shared with them (TicketShare)."""
    query = scope_to_company(query, company_field, user)
    if visible_scope(user) != "own":
        return query
    shared_with_me = TicketShare.select(TicketShare.ticket).where(TicketShare.user == user.id)
    return query.where(
        (Ticket.reporter == user.id)
        | (Ticket.created_by == user.id)
        | Ticket.id.in_(shared_with_me)
    )


def visible_scope(user: User) -> str:
    """Which tickets the rule above gives ``user``: "all" (staff), "company" (a company contact,
    or anyone of a company whose colleagues see each other's tickets) or "own"."""
    if user.is_staff:
        return "all"
    if user.is_contact or user.company.colleagues_see_all:
        return "company"  # (the signed-in user's company is loaded with the session)
    return "own"


def open_tickets(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """Open tickets, by the stored flag the queue index starts with (kept equal to status)."""
    return query.where(Ticket.in_queue == True)  # noqa: E712


def companies_matching(text: str) -> peewee.ModelSelect:
    """Ids of the companies whose name or customer number contains ``text`` (any case): a
    technician types "Muster" or "20001" instead of picking one of hundreds of companies."""
    return Company.select(Company.id).where(
        Company.name.contains(text) | Company.customer_number.contains(text)
    )


@dataclass(frozen=True)
class TicketFilter:
    """What a ticket list shows, from the query string of the page or the API alike.

    status: "open", "all" or a status; text: a part of title or description, or the number;
    company: a part of a company's name or customer number; priority: a class;
    assignee: "mine" or "unassigned"; overdue: the earlier open target (first response, then
    resolution) is missed and the clock runs; due_soon: that target is not missed yet but due
    within DUE_SOON or with less than a quarter of its time left (rules.is_due_soon).
    """

    status: str = "open"
    text: str = ""
    company: str = ""
    priority: str = ""
    assignee: str = ""
    overdue: bool = False
    due_soon: bool = False

    @classmethod
    def parse(cls, args: Mapping[str, str], default_status: str = "open"):
        """The filter named by ``args`` and a message per bad value (the pages ignore bad
        values and show the default, the API answers 422)."""
        errors: dict[str, str] = {}

        def choice(name: str, allowed: tuple, default: str = "") -> str:
            value = args.get(name, "")
            if value == "":  # a form's "Alle" option: the default
                return default
            if value in allowed:
                return value
            errors[name] = _("Erlaubt sind: %(choices)s.", choices=", ".join(allowed))
            return default

        def flag(name: str) -> bool:
            value = args.get(name, "")
            if value in ("", "0", "1"):
                return value == "1"
            errors[name] = _("Erlaubt sind: %(choices)s.", choices="0, 1")
            return False

        found = cls(
            status=choice("status", STATUS_FILTERS, default_status),
            text=_search(args.get("q", "")),
            company=_search(args.get("company", "")),
            priority=choice("priority", tuple(str(p) for p in PRIORITIES)),
            assignee=choice("assignee", ASSIGNEE_FILTERS),
            overdue=flag("overdue"),
            due_soon=flag("due_soon"),
        )
        return found, errors

    def with_status(self, status: str) -> TicketFilter:
        return replace(self, status=status)

    def apply(self, query: peewee.ModelSelect, viewer: User, now: dt.datetime):
        """``query`` (a scoped_tickets() base) narrowed to the tickets this filter names."""
        if self.status == "open":
            query = open_tickets(query)
        elif self.status != "all":
            query = query.where(Ticket.status == self.status)
        if self.text:
            query = query.where(
                Ticket.title.contains(self.text)
                | Ticket.description.contains(self.text)
                | (Ticket.number == self.text.upper())
            )
        if self.company:
            query = query.where(Ticket.company.in_(companies_matching(self.company)))
        if self.priority:
            query = query.where(Ticket.priority == self.priority)
        if self.assignee == "mine":
            query = query.where(Ticket.assignee == viewer.id)
        elif self.assignee == "unassigned":
            query = query.where(Ticket.assignee.is_null())
        if self.overdue:
            query = query.where(overdue_condition(now))
        if self.due_soon:
            query = query.where(due_soon_condition(now))
        return query

    def names_no_company(self) -> bool:
        """The company search matches no company at all (the queue says so)."""
        return bool(self.company) and not companies_matching(self.company).exists()


def epoch_seconds(column) -> peewee.Node:
    """Seconds since 1970 of a stored time (naive UTC), in SQLite and PostgreSQL alike."""
    if is_postgres():
        return peewee.fn.date_part("epoch", column)
    return (peewee.fn.julianday(column) - 2440587.5) * 86400.0


def overdue_condition(now: dt.datetime) -> peewee.Node:
    """rules.is_overdue in SQL over the earlier open target (queue_due: the first response
    until it is given, then the resolution), for tickets whose clock runs (not paused)."""
    return (Ticket.paused_rank == RUNNING) & (Ticket.queue_due < now)


def due_soon_condition(now: dt.datetime) -> peewee.Node:
    """rules.is_due_soon in SQL over the earlier open target: not late, and under an hour or
    a quarter of its time left (left * 4 < due - reported, i.e. 3 * due + reported < 4 * now,
    over epoch seconds); paused tickets are not due."""
    share = DUE_SOON_SHARE
    little_left = (share - 1) * epoch_seconds(Ticket.queue_due) + epoch_seconds(
        Ticket.reported_at
    ) < share * now.timestamp()
    return (
        (Ticket.paused_rank == RUNNING)
        & (Ticket.queue_due >= now)
        & ((Ticket.queue_due < now + DUE_SOON) | little_left)
    )


def _search(text: str) -> str:
    return text.strip()[:SEARCH_MAX]


def queue_order() -> list:
    """ORDER BY terms equal to portal.sla.queue.queue_key, over the stored ranks.

    The index on Ticket's QUEUE_INDEX columns serves this order, so a page of the queue is
    read in order instead of sorting every open ticket.
    """
    return [
        Ticket.paused_rank,
        Ticket.priority_rank,
        Ticket.contract_rank,
        Ticket.urgency_rank,
        Ticket.queue_due,
        Ticket.reported_at,
        Ticket.id,
    ]


def newest_first() -> list:
    return [Ticket.reported_at.desc(), Ticket.id.desc()]


def filtered(viewer: User, ticket_filter: TicketFilter, now: dt.datetime):
    """The tickets of a list in its order: staff in queue order, customers newest first."""
    query = ticket_filter.apply(scoped_tickets(viewer), viewer, now)
    return query.order_by(*(queue_order() if viewer.is_staff else newest_first()))


# --- shapes: what a read adds to its base (portal/reads.py keeps their SQL) ----------------


def list_rows(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """What the HTML ticket lists show, flat (company_name, assignee_name …), read as named
    tuples by reads.named_rows: a list page reads a dozen values a row, not three models."""
    assignee = User.alias()
    return _flat_with_company_and_assignee(
        query,
        assignee,
        Ticket.id,
        Ticket.number,
        Ticket.company.alias("company_id"),
        Ticket.assignee.alias("assignee_id"),
        Ticket.title,
        Ticket.priority,
        Ticket.status,
        Ticket.urgent,
        Ticket.relaxed_days,
        Ticket.reported_at,
        Ticket.response_due,
        Ticket.first_response_at,
        Ticket.resolution_due,
        Ticket.queue_due,
        Ticket.paused_rank,
        Ticket.last_activity_at,
        Company.name.alias("company_name"),
        Company.has_contract.alias("has_contract"),
        assignee.name.alias("assignee_name"),
    )


def api_rows(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """Every column of a ticket, flat with its company's name and its assignee's address, read
    as named tuples by reads.named_rows (the API's list: models would cost ~25 µs a row)."""
    assignee = User.alias()
    return _flat_with_company_and_assignee(
        query,
        assignee,
        *Ticket._meta.sorted_fields,
        Company.name.alias("company_name"),
        assignee.email.alias("assignee_email"),
    )


def _flat_with_company_and_assignee(query, assignee, *columns) -> peewee.ModelSelect:
    """``columns`` of the ticket, its company and its assignee (``assignee``, a User alias;
    none for an unassigned ticket)."""
    return (
        query.select(*columns)
        .switch(Ticket)
        .join(Company)
        .switch(Ticket)
        .join(assignee, peewee.JOIN.LEFT_OUTER, on=(Ticket.assignee == assignee.id))
    )


def with_people(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """A ticket with its company, reporter and assignee (the ticket page and every action),
    how many colleagues it is shared with and how many files it has (``share_count``,
    ``attachment_count``: the page reads them only if any): one query."""
    reporter, assignee = User.alias(), User.alias()
    share_count = TicketShare.select(_COUNTED).where(TicketShare.ticket == Ticket.id)
    attachment_count = Attachment.select(_COUNTED).where(Attachment.ticket == Ticket.id)
    return (
        query.select(
            Ticket,
            Company,
            reporter,
            assignee,
            share_count.alias("share_count"),
            attachment_count.alias("attachment_count"),
        )
        .switch(Ticket)
        .join(Company)
        .switch(Ticket)
        .join(reporter, peewee.JOIN.LEFT_OUTER, on=(Ticket.reporter == reporter.id))
        .switch(Ticket)
        .join(assignee, peewee.JOIN.LEFT_OUTER, on=(Ticket.assignee == assignee.id))
    )


def with_people_and_company_open(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """with_people() and its company's open tickets (``company_open``), which only the staff
    panel shows: a customer's page does not count them."""
    other = Ticket.alias()
    # TRUE written out: a value here would be a parameter of the shape's own, and reads.py
    # keeps only shapes whose parameters are the base's
    company_open = other.select(_COUNTED).where(
        other.in_queue == peewee.SQL("TRUE"), other.company == Ticket.company
    )
    return with_people(query).select_extend(company_open.alias("company_open"))


# COUNT(*), not of a column: PostgreSQL then counts from the index alone (an open ticket count
# of 700 took 1.9 ms reading the table, 0.2 ms from the index)
_COUNTED = peewee.fn.COUNT(peewee.SQL("*"))


def list_page(query: peewee.ModelSelect, number: int, size: int) -> Page:
    """One page of an HTML ticket list (list_rows) and the total up to COUNT_CAP: two
    queries."""
    return paginate(query, number, size, shape=list_rows, read=reads.named_rows, cap=COUNT_CAP)


# --- one ticket -----------------------------------------------------------------------------


def ticket_for(user: User, number: str) -> Ticket | None:
    """One ticket with company, reporter and assignee, if ``user`` may see it (one query).

    For staff and for a whole company's view the base is made by a function of the values
    alone, whose SQL reads.py keeps by the function (rendering the scoped base took 0.1 ms a
    page); each gives exactly scoped_tickets(user)'s SQL (tests/test_reads.py compares them).
    """
    shape = with_people_and_company_open if user.is_staff else with_people
    scope = visible_scope(user)
    if scope == "all":
        return reads.first_made(_numbered, number, shape=shape)
    if scope == "company":
        return reads.first_made(_numbered_in_company, user.company_id, number, shape=shape)
    return reads.first(scoped_tickets(user).where(Ticket.number == number), shape)


def _numbered(number: str) -> peewee.ModelSelect:
    """scoped_tickets() of staff, the ticket of this number."""
    return Ticket.select().where(Ticket.number == number)


def _numbered_in_company(company_id: int, number: str) -> peewee.ModelSelect:
    """scoped_tickets() of a user who sees the whole company, the ticket of this number."""
    return of_company(Ticket.select(), Ticket.company, company_id).where(Ticket.number == number)


def tickets_ahead(ticket: Ticket) -> int:
    """How many open tickets come before this one in the queue, counted up to AHEAD_CAP + 1
    (more than AHEAD_CAP: the page says "more than 100"): one index range, read at most that
    far (an exact count read 60 000 index entries, 90 ms, for a ticket far back at 500 000;
    even 1 000 entries cost a third of the customer's ticket page)."""
    # the ticket's place as stored (db_value), so that the kept SQL binds them as they are
    place = [term.db_value(getattr(ticket, term.name)) for term in queue_order()]
    return reads.count_made(_ahead_of, *place, cap=AHEAD_CAP)


def _ahead_of(*place) -> peewee.ModelSelect:
    """Open tickets before ``place`` (the queue_order columns' stored values) in the queue, as
    a range of the queue index. TRUE is written out and the values are bound unconverted, so
    the parameters are ``place`` alone and reads.count_made keeps the SQL (rendering this row
    each time cost 180 µs a page)."""
    ranks, open_flag = queue_order(), peewee.SQL("TRUE")
    values = [peewee.Value(value, converter=False) for value in place]
    if is_postgres():
        # in_queue leads the compared row as it leads the index: without it PostgreSQL took
        # the index without in_queue and skipped closed tickets one by one (102 → 0.5 ms)
        before = peewee.Tuple(Ticket.in_queue, *ranks) < peewee.Tuple(open_flag, *values)
    else:
        # SQLite ranges over the index only with the equality apart from the row: with
        # in_queue in the row it read every open ticket after the first (1.2 ms at 15 000)
        before = peewee.Tuple(*ranks) < peewee.Tuple(*values)
    return Ticket.select().where(Ticket.in_queue == open_flag, before)


# What a conversation shows of a person: the name, and whether staff wrote (the role). Not the
# whole account (its password hash among it) for every message of every page.
_SHOWN_OF_PERSON = (User.id, User.name, User.role)


def _with_author(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """A message with its author (None for a mail from outside the portal)."""
    return query.select(TicketMessage, *_SHOWN_OF_PERSON).join(User, peewee.JOIN.LEFT_OUTER)


def _with_actor(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """An event with the person who caused it (None for the system)."""
    return query.select(TicketEvent, *_SHOWN_OF_PERSON).join(User, peewee.JOIN.LEFT_OUTER)


def conversation(ticket: Ticket, viewer: User) -> tuple[list, list]:
    """Messages (with author) and events the viewer may see: two queries."""
    if viewer.is_staff:
        messages = reads.made(_messages, ticket.id, shape=_with_author)
        events = reads.made(_events, ticket.id, shape=_with_actor)
    else:
        messages = reads.made(_messages_where, ticket.id, False, shape=_with_author)
        events = reads.made(_events_where, ticket.id, True, shape=_with_actor)
        for event in events:
            if not event.reason_public:  # staff's own reasoning, not told to the customer
                event.reason = ""
    return messages, events


# The bases of a ticket's conversation (reads.made keeps their SQL): all of it for staff;
# for customers only what is shown to them (not internal, public), passed as a value.


def _messages(ticket_id: int) -> peewee.ModelSelect:
    return _in_order(TicketMessage, TicketMessage.ticket == ticket_id)


def _messages_where(ticket_id: int, internal: bool) -> peewee.ModelSelect:
    return _in_order(
        TicketMessage, TicketMessage.ticket == ticket_id, TicketMessage.internal == internal
    )


def _events(ticket_id: int) -> peewee.ModelSelect:
    return _in_order(TicketEvent, TicketEvent.ticket == ticket_id)


def _events_where(ticket_id: int, public: bool) -> peewee.ModelSelect:
    return _in_order(TicketEvent, TicketEvent.ticket == ticket_id, TicketEvent.public == public)


def _in_order(model, *conditions) -> peewee.ModelSelect:
    """Messages or events as they happened (the id orders those of the same moment)."""
    return model.select().where(*conditions).order_by(model.created_at, model.id)


def visible_attachments(ticket: Ticket, viewer: User) -> list[Attachment]:
    if viewer.is_staff:
        return reads.made(_attachments, ticket.id)
    return reads.made(_attachments_where, ticket.id, False)


def _attachments(ticket_id: int) -> peewee.ModelSelect:
    return Attachment.select().where(Attachment.ticket == ticket_id).order_by(Attachment.id)


def _attachments_where(ticket_id: int, internal: bool) -> peewee.ModelSelect:
    query = Attachment.select().where(
        Attachment.ticket == ticket_id, Attachment.internal == internal
    )
    return query.order_by(Attachment.id)


def attachments_by_message(ticket: Ticket, viewer: User) -> dict:
    """The visible attachments grouped by message id (None: attached to the report itself).
    A ticket read with its people (with_people) knows whether it has any: none, no query."""
    if getattr(ticket, "attachment_count", None) == 0:
        return {}
    grouped: dict = {}
    for attachment in visible_attachments(ticket, viewer):
        grouped.setdefault(attachment.message_id, []).append(attachment)
    return grouped


def attachment_for(user: User, number: str, attachment_id: int) -> Attachment | None:
    """An attachment the user may download: the ticket visible, internal ones for staff only."""
    query = (
        Attachment.select(Attachment)
        .join(Ticket)
        .where(Ticket.number == number, Attachment.id == attachment_id)
    )
    if not user.is_staff:
        query = query.where(Attachment.internal == False)  # noqa: E712
    return tickets_visible_to(query, Ticket.company, user).first()
