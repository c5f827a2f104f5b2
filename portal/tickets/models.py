"""Tickets: the report, its conversation, attachments, audit events and the per-year counter."""

from __future__ import annotations

import peewee

from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel, Company, User
from portal.sla.queue import CONTRACT_RANK, PAUSED, RUNNING, open_due, queue_ranks
from portal.tickets.rules import OPEN_STATUSES, PAUSED_STATUS

QUEUE_INDEX = (
    "in_queue",
    "paused_rank",
    "priority_rank",
    "contract_rank",
    "urgency_rank",
    "queue_due",
    "reported_at",
    "id",
)


def queue_columns(
    status: str,
    priority: str,
    has_contract: bool,
    urgent: bool,
    relaxed: bool,
    *,
    response_due,
    first_response_at=None,
    resolution_due=None,
) -> dict[str, object]:
    """The stored queue columns of a ticket; the single place they are computed from."""
    return {
        "in_queue": status in OPEN_STATUSES,
        "paused_rank": PAUSED if status == PAUSED_STATUS else RUNNING,
        **queue_ranks(priority, has_contract, urgent, relaxed)._asdict(),
        "queue_due": open_due(response_due, first_response_at, resolution_due),
    }


class TicketCounter(BaseModel):
    """One row per year; incremented inside the creating transaction, so numbers never repeat."""

    year = peewee.IntegerField(primary_key=True)
    value = peewee.IntegerField(default=0)

    class Meta:
        table_name = "ticket_counter"


class Ticket(BaseModel):
    number = peewee.CharField(max_length=20, unique=True)
    company = peewee.ForeignKeyField(Company, backref="tickets", on_delete="RESTRICT")
    # The customer contact; NULL when staff record a call without naming one.
    reporter = peewee.ForeignKeyField(User, null=True, backref="reported_tickets")
    created_by = peewee.ForeignKeyField(User, null=True)
    assignee = peewee.ForeignKeyField(User, null=True, backref="assigned_tickets")
    title = peewee.CharField(max_length=200)
    description = peewee.TextField()
    priority = peewee.CharField(max_length=10)
    affected = peewee.CharField(max_length=10, default="one")
    callback_phone = peewee.CharField(max_length=50, default="")
    status = peewee.CharField(max_length=30, default="new")
    urgent = peewee.BooleanField(default=False)
    urgent_reason = peewee.TextField(default="")
    deadline = peewee.DateField(null=True)
    relaxed_days = peewee.IntegerField(null=True)
    # What the triage wizard knew (example key, component, state), for staff.
    triage_example = peewee.CharField(max_length=60, default="")
    triage_component = peewee.CharField(max_length=60, default="")
    triage_state = peewee.CharField(max_length=60, default="")
    # Where the report came from: rules.SOURCES (portal, phone, monitoring, email).
    source = peewee.CharField(max_length=12, default="portal")
    reported_at = UTCDateTimeField()
    response_due = UTCDateTimeField()
    # When "Gelöst" is due (portal.sla.targets.resolution_due, moved by pauses); NULL only
    # for rows written before schema version 10 and not yet filled.
    resolution_due = UTCDateTimeField(null=True)
    first_response_at = UTCDateTimeField(null=True)
    resolved_at = UTCDateTimeField(null=True)
    last_activity_at = UTCDateTimeField(default=utcnow)
    created_at = UTCDateTimeField(default=utcnow)
    # The queue order, stored so that an index serves it (see queue_columns): in_queue is
    # "status is open"; the ranks are portal.sla.queue.queue_ranks of class, contract, flags.
    in_queue = peewee.BooleanField()
    priority_rank = peewee.SmallIntegerField()
    contract_rank = peewee.SmallIntegerField()
    urgency_rank = peewee.SmallIntegerField()
    # 1 while the ticket waits for the customer (the clock stands still), else 0; queue_due
    # is the earlier open due time (portal.sla.queue.open_due). Both kept by save().
    paused_rank = peewee.SmallIntegerField(default=RUNNING)
    queue_due = UTCDateTimeField(null=True)

    class Meta:
        table_name = "ticket"
        indexes = (
            (("status", "priority", "response_due"), False),
            # the queue: open tickets in queue order, read in index order
            (QUEUE_INDEX, False),
            # staff's list of all tickets in queue order
            (QUEUE_INDEX[1:], False),
            # "Meine Tickets": a company's open tickets, newest first
            (("company", "in_queue", "reported_at"), False),
            # "Meine Tickets": a company's tickets, newest first
            (("company", "reported_at"), False),
            (("assignee", "status"), False),
            # all tickets for staff, newest first
            (("reported_at",), False),
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def save(self, *args, **kwargs):
        """Every save keeps the stored queue columns equal to the ticket's status and flags.

        The queue columns are written here and in requeue_company() only, both with the
        ranks of portal.sla.queue; a write of status or flags goes through save().
        """
        for name, value in self.current_queue_columns().items():
            setattr(self, name, value)
        return super().save(*args, **kwargs)

    def current_queue_columns(self) -> dict:
        """The queue columns (by name) that the ticket's status, flags and due times call for."""
        return queue_columns(
            self.status,
            self.priority,
            self.company.has_contract,
            self.urgent,
            self.relaxed,
            response_due=self.response_due,
            first_response_at=self.first_response_at,
            resolution_due=self.resolution_due,
        )

    @property
    def relaxed(self) -> bool:
        return self.relaxed_days is not None

    @classmethod
    def requeue_company(cls, company: Company) -> None:
        """After a change of contract: the company's tickets take their new place in the queue.

        Call it inside the transaction that saves the company, so the queue never disagrees
        with the contract. Only the contract's rank depends on the company.
        """
        rank = CONTRACT_RANK[bool(company.has_contract)]
        cls.update(contract_rank=rank).where(cls.company == company.id).execute()


class TicketMessage(BaseModel):
    ticket = peewee.ForeignKeyField(Ticket, backref="messages", on_delete="CASCADE")
    author = peewee.ForeignKeyField(User, null=True)
    body = peewee.TextField()
    # Internal notes are for staff only: never in a customer's page, API answer or e-mail.
    internal = peewee.BooleanField(default=False)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "ticket_message"
        indexes = ((("ticket", "created_at"), False),)


class Attachment(BaseModel):
    ticket = peewee.ForeignKeyField(Ticket, backref="attachments", on_delete="CASCADE")
    message = peewee.ForeignKeyField(TicketMessage, null=True, backref="attachments")
    uploaded_by = peewee.ForeignKeyField(User, null=True)
    filename = peewee.CharField(max_length=255)
    content_type = peewee.CharField(max_length=100)
    size = peewee.IntegerField()
    storage_key = peewee.CharField(max_length=64, unique=True)
    internal = peewee.BooleanField(default=False)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "ticket_attachment"


class StoredFile(BaseModel):
    """The bytes of an attachment or an imported mail's original, named by its storage key,
    kept in the database so every instance serves every file. Written in the transaction of
    the row that names it: a file is never without its row, nor a row without its bytes."""

    key = peewee.CharField(max_length=64, primary_key=True)
    size = peewee.BigIntegerField()
    sha256 = peewee.CharField(max_length=64)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "stored_file"


class StoredFileChunk(BaseModel):
    """One piece of a stored file (CHUNK_BYTES, the last one shorter): uploads and downloads
    move one piece at a time, never the whole file."""

    file = peewee.ForeignKeyField(StoredFile, column_name="file_key", on_delete="CASCADE")
    seq = peewee.IntegerField()
    data = peewee.BlobField()

    class Meta:
        table_name = "stored_file_chunk"
        primary_key = peewee.CompositeKey("file", "seq")


class TicketEvent(BaseModel):
    """One change of status, class, assignee or flags: who, when, old -> new, why."""

    ticket = peewee.ForeignKeyField(Ticket, backref="events", on_delete="CASCADE")
    actor = peewee.ForeignKeyField(User, null=True)
    kind = peewee.CharField(max_length=20)
    old_value = peewee.CharField(max_length=255, default="")
    new_value = peewee.CharField(max_length=255, default="")
    reason = peewee.TextField(default="")
    # Customers see public events (created, status, class); the rest is for staff.
    public = peewee.BooleanField(default=False)
    # The reason of a staff change is for staff unless they chose to tell the customer.
    reason_public = peewee.BooleanField(default=False)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "ticket_event"
        indexes = ((("ticket", "created_at"), False),)


class TicketPause(BaseModel):
    """One stretch of "Wartet auf Ihre Rückmeldung": the SLA clock stood still from start to end."""

    ticket = peewee.ForeignKeyField(Ticket, backref="pauses", on_delete="CASCADE")
    started_at = UTCDateTimeField()
    ended_at = UTCDateTimeField(null=True)  # NULL while the ticket still waits

    class Meta:
        table_name = "ticket_pause"
        indexes = ((("ticket", "started_at"), False),)


class SlaNotice(BaseModel):
    """What the SLA clock recorded for one target of a ticket, once each: a warning (at the
    configured share used), a breach, and the outcome (met | missed) when it was done.

    The unique index is what keeps two workers from sending the same warning twice. The
    monthly report reads outcomes and breaches from here, with the due time they had then,
    so a later change of the ticket does not rewrite a past month.
    """

    ticket = peewee.ForeignKeyField(Ticket, backref="sla_notices", on_delete="CASCADE")
    target = peewee.CharField(max_length=12)  # response | resolution
    level = peewee.CharField(max_length=12)  # warning | breach | met | missed
    due_at = UTCDateTimeField(null=True)  # the target's due time when this was recorded
    created_at = UTCDateTimeField(default=utcnow)  # for met | missed: when it was done

    class Meta:
        table_name = "sla_notice"
        indexes = ((("ticket", "target", "level"), True),)


TICKET_MODELS = [TicketCounter, Ticket, TicketMessage, Attachment, TicketEvent]


class TicketShare(BaseModel):
    """A ticket shared with a colleague of its company: where the company keeps its tickets
    apart (Company.colleagues_see_all off), the colleague sees it, and gets its mails, like
    the reporter (queries.tickets_visible_to, notify)."""

    ticket = peewee.ForeignKeyField(Ticket, backref="shares", on_delete="CASCADE")
    user = peewee.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    shared_by = peewee.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "ticket_share"
        # one share per person; by user: "tickets shared with me" in every scoped read
        indexes = ((("ticket", "user"), True), (("user", "ticket"), False))


class TicketAlert(BaseModel):
    """A monitoring alarm that opened a ticket; the fingerprint keeps repeats on one ticket."""

    ticket = peewee.ForeignKeyField(Ticket, backref="alerts", on_delete="CASCADE")
    fingerprint = peewee.CharField(max_length=200, index=True)
    name = peewee.CharField(max_length=200)
    status = peewee.CharField(max_length=20)  # firing | resolved
    labels = peewee.TextField()  # JSON, for staff
    first_seen_at = UTCDateTimeField()
    last_seen_at = UTCDateTimeField()
    resolved_at = UTCDateTimeField(null=True)
    # the n-th ticket this fingerprint opened: unique, so two racing calls cannot both open it
    occurrence = peewee.IntegerField(default=1)

    class Meta:
        table_name = "ticket_alert"
        indexes = ((("fingerprint", "occurrence"), True),)
