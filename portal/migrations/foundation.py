"""Steps 1–6: accounts, companies, tickets, planned changes, the queue columns, alarms."""

import peewee
from playhouse import migrate as schema_change

from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(1)
def create_accounts(db):
    company = _frozen(
        db,
        "company",
        {
            "name": peewee.CharField(max_length=200, unique=True),
            "customer_number": peewee.CharField(max_length=40, unique=True),
            "has_contract": peewee.BooleanField(default=False),
            "critical_hours": peewee.FloatField(null=True),
            "normal_hours": peewee.FloatField(null=True),
            "low_hours": peewee.FloatField(null=True),
            "created_at": peewee.DateTimeField(),
        },
    )
    user = _frozen(
        db,
        "user_account",
        {
            "email": peewee.CharField(max_length=254, unique=True),
            "name": peewee.CharField(max_length=200),
            "password_hash": peewee.CharField(max_length=255),
            "role": peewee.CharField(max_length=20),
            "company": peewee.ForeignKeyField(company, null=True, on_delete="RESTRICT"),
            "preferred_language": peewee.CharField(max_length=5, null=True),
            "active": peewee.BooleanField(default=True),
            "created_at": peewee.DateTimeField(),
        },
    )
    token = _frozen(
        db,
        "api_token",
        {
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "name": peewee.CharField(max_length=100),
            "token_hash": peewee.CharField(max_length=64, unique=True),
            "prefix": peewee.CharField(max_length=12),
            "scope": peewee.CharField(max_length=20),
            "created_at": peewee.DateTimeField(),
            "last_used_at": peewee.DateTimeField(null=True),
            "revoked_at": peewee.DateTimeField(null=True),
        },
    )
    db.create_tables([company, user, token])


@migration(2)
def add_login_attempts_and_phone(db):
    """Rate limiting keeps its counts in the database (shared by all workers); users get a phone."""
    attempt = _frozen(
        db,
        "login_attempt",
        {
            "email": peewee.CharField(max_length=254, index=True),
            "address": peewee.CharField(max_length=64),
            "succeeded": peewee.BooleanField(default=False),
            "attempted_at": peewee.DateTimeField(index=True),
        },
    )
    db.create_tables([attempt])
    migrator = schema_change.SchemaMigrator.from_database(db)
    schema_change.migrate(
        migrator.add_column("user_account", "phone", peewee.CharField(max_length=50, default=""))
    )


@migration(3)
def create_tickets(db):
    """Tickets with their conversation, attachments, audit events and the yearly number counter."""
    company = _frozen(db, "company", {})
    user = _frozen(db, "user_account", {})
    counter = _frozen(
        db,
        "ticket_counter",
        {
            "year": peewee.IntegerField(primary_key=True),
            "value": peewee.IntegerField(default=0),
        },
    )
    ticket = _frozen(
        db,
        "ticket",
        {
            "number": peewee.CharField(max_length=20, unique=True),
            "company": peewee.ForeignKeyField(company, on_delete="RESTRICT"),
            "reporter": peewee.ForeignKeyField(user, null=True, backref="+"),
            "created_by": peewee.ForeignKeyField(user, null=True, backref="+"),
            "assignee": peewee.ForeignKeyField(user, null=True, backref="+"),
            "title": peewee.CharField(max_length=200),
            "description": peewee.TextField(),
            "priority": peewee.CharField(max_length=10),
            "affected": peewee.CharField(max_length=10, default="one"),
            "callback_phone": peewee.CharField(max_length=50, default=""),
            "status": peewee.CharField(max_length=30, default="new"),
            "urgent": peewee.BooleanField(default=False),
            "urgent_reason": peewee.TextField(default=""),
            "deadline": peewee.DateField(null=True),
            "relaxed_days": peewee.IntegerField(null=True),
            "triage_example": peewee.CharField(max_length=60, default=""),
            "triage_component": peewee.CharField(max_length=60, default=""),
            "triage_state": peewee.CharField(max_length=60, default=""),
            "reported_at": peewee.DateTimeField(),
            "response_due": peewee.DateTimeField(),
            "first_response_at": peewee.DateTimeField(null=True),
            "resolved_at": peewee.DateTimeField(null=True),
            "last_activity_at": peewee.DateTimeField(),
            "created_at": peewee.DateTimeField(),
        },
        indexes=(
            (("status", "priority", "response_due"), False),
            (("company", "reported_at"), False),
            (("assignee", "status"), False),
            # all tickets for staff, newest first
            (("reported_at",), False),
        ),
    )
    message = _frozen(
        db,
        "ticket_message",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "author": peewee.ForeignKeyField(user, null=True, backref="+"),
            "body": peewee.TextField(),
            "internal": peewee.BooleanField(default=False),
            "created_at": peewee.DateTimeField(),
        },
        indexes=((("ticket", "created_at"), False),),
    )
    attachment = _frozen(
        db,
        "ticket_attachment",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "message": peewee.ForeignKeyField(message, null=True),
            "uploaded_by": peewee.ForeignKeyField(user, null=True, backref="+"),
            "filename": peewee.CharField(max_length=255),
            "content_type": peewee.CharField(max_length=100),
            "size": peewee.IntegerField(),
            "storage_key": peewee.CharField(max_length=64, unique=True),
            "internal": peewee.BooleanField(default=False),
            "created_at": peewee.DateTimeField(),
        },
    )
    event = _frozen(
        db,
        "ticket_event",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "actor": peewee.ForeignKeyField(user, null=True, backref="+"),
            "kind": peewee.CharField(max_length=20),
            "old_value": peewee.CharField(max_length=255, default=""),
            "new_value": peewee.CharField(max_length=255, default=""),
            "reason": peewee.TextField(default=""),
            "public": peewee.BooleanField(default=False),
            "created_at": peewee.DateTimeField(),
        },
        indexes=((("ticket", "created_at"), False),),
    )
    db.create_tables([counter, ticket, message, attachment, event])


@migration(4)
def create_planned_changes(db):
    """Planned changes (Geplante Änderungen), their messages and the calendar feed secrets."""
    company = _frozen(db, "company", {})
    user = _frozen(db, "user_account", {})
    change = _frozen(
        db,
        "planned_change",
        {
            "company": peewee.ForeignKeyField(company, on_delete="RESTRICT"),
            "created_by": peewee.ForeignKeyField(user, on_delete="RESTRICT"),
            "kind": peewee.CharField(max_length=30),
            "details": peewee.TextField(),
            "wished_date": peewee.DateField(index=True),
            "alternative_date": peewee.DateField(null=True),
            "recommended_earliest": peewee.DateField(),
            "state": peewee.CharField(max_length=20, index=True),
            "scheduled_start": peewee.DateTimeField(null=True, index=True),
            "scheduled_end": peewee.DateTimeField(null=True),
            "technician": peewee.ForeignKeyField(user, null=True, on_delete="SET NULL"),
            "decline_reason": peewee.TextField(default=""),
            "created_at": peewee.DateTimeField(),
            "updated_at": peewee.DateTimeField(),
        },
    )
    message = _frozen(
        db,
        "change_message",
        {
            "change": peewee.ForeignKeyField(change, on_delete="CASCADE"),
            "author": peewee.ForeignKeyField(user, on_delete="RESTRICT"),
            "body": peewee.TextField(),
            "created_at": peewee.DateTimeField(),
        },
    )
    feed_secret = _frozen(
        db,
        "change_feed_secret",
        {
            "user": peewee.ForeignKeyField(user, null=True, unique=True, on_delete="CASCADE"),
            "company": peewee.ForeignKeyField(company, null=True, unique=True, on_delete="CASCADE"),
            "secret": peewee.CharField(max_length=64, unique=True),
            "created_at": peewee.DateTimeField(),
        },
    )
    db.create_tables([change, message, feed_secret])


# The open statuses as of version 5 (frozen here like the tables: a later rule change
# would need its own step to refill in_queue).
_OPEN_STATUSES_V5 = ("new", "in_progress", "waiting_for_customer")


@migration(5)
def store_queue_order(db):
    """Tickets store their queue ranks and an index serves the queue order.

    The staff queue and the staff API list sorted every ticket by CASE expressions (and a
    join to the company) on each request. The ranks now live in columns maintained on every
    change; existing tickets get them here, computed by the same rule (portal.sla.queue).
    """
    from portal.sla.queue import queue_ranks

    migrator = schema_change.SchemaMigrator.from_database(db)
    # NOT NULL with a DEFAULT: one cheap ALTER TABLE each, no table rebuild on SQLite.
    new_columns = {
        "in_queue": peewee.BooleanField(constraints=[peewee.SQL("DEFAULT FALSE")]),
        "priority_rank": peewee.SmallIntegerField(constraints=[peewee.SQL("DEFAULT 0")]),
        "contract_rank": peewee.SmallIntegerField(constraints=[peewee.SQL("DEFAULT 0")]),
        "urgency_rank": peewee.SmallIntegerField(constraints=[peewee.SQL("DEFAULT 0")]),
    }
    schema_change.migrate(
        *(
            migrator.add_column("ticket", name, field, allow_not_null=True)
            for name, field in new_columns.items()
        )
    )
    company = _frozen(db, "company", {"has_contract": peewee.BooleanField()})
    ticket = _frozen(
        db,
        "ticket",
        {
            "company": peewee.ForeignKeyField(company),
            "priority": peewee.CharField(),
            "status": peewee.CharField(),
            "urgent": peewee.BooleanField(),
            "relaxed_days": peewee.IntegerField(null=True),
            "in_queue": peewee.BooleanField(),
            "priority_rank": peewee.SmallIntegerField(),
            "contract_rank": peewee.SmallIntegerField(),
            "urgency_rank": peewee.SmallIntegerField(),
        },
    )
    ticket.update(in_queue=ticket.status.in_(_OPEN_STATUSES_V5)).execute()
    # One UPDATE per combination of the inputs (at most 3 x 2 x 2 x 2), not one per ticket.
    relaxed = ticket.relaxed_days.is_null(False)
    combinations = (
        ticket.select(ticket.priority, company.has_contract, ticket.urgent, relaxed)
        .join(company)
        .distinct()
        .tuples()
    )
    for priority, has_contract, urgent, is_relaxed in list(combinations):
        ranks = queue_ranks(priority, bool(has_contract), bool(urgent), bool(is_relaxed))
        contract_companies = company.select(company.id).where(
            company.has_contract == bool(has_contract)
        )
        ticket.update(**ranks._asdict()).where(
            ticket.priority == priority,
            ticket.urgent == bool(urgent),
            relaxed == bool(is_relaxed),
            ticket.company.in_(contract_companies),
        ).execute()
    order = (*new_columns, "response_due", "reported_at", "id")
    schema_change.migrate(
        migrator.add_index("ticket", order, False),
        migrator.add_index("ticket", order[1:], False),
        # "Meine Tickets": a company's open tickets, newest first, and their count
        migrator.add_index("ticket", ("company_id", "in_queue", "reported_at"), False),
    )


@migration(6)
def create_ticket_alerts(db):
    """Alarms of the provider's monitoring, one row per alert fingerprint and ticket."""
    ticket = _frozen(db, "ticket", {})
    alert = _frozen(
        db,
        "ticket_alert",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "fingerprint": peewee.CharField(max_length=200, index=True),
            "name": peewee.CharField(max_length=200),
            "status": peewee.CharField(max_length=20),
            "labels": peewee.TextField(),
            "first_seen_at": peewee.DateTimeField(),
            "last_seen_at": peewee.DateTimeField(),
            "resolved_at": peewee.DateTimeField(null=True),
        },
    )
    db.create_tables([alert])
