"""Migration step 10: the SLA clock (resolution targets, pauses, warnings, queue by the
earlier open due time). Registered by importing this module (portal/migrations/__init__.py does)."""

import datetime as dt

import peewee
from playhouse import migrate as schema_change

from portal.migrations.columns import add_filled_column
from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration

_QUEUE_V5 = (
    "in_queue", "priority_rank", "contract_rank", "urgency_rank", "response_due", "reported_at",
    "id",
)  # fmt: skip
_QUEUE_V10 = (
    "in_queue", "paused_rank", "priority_rank", "contract_rank", "urgency_rank", "queue_due",
    "reported_at", "id",
)  # fmt: skip


@migration(10)
def add_sla_clock(db):
    """The SLA clock: resolution targets, pauses, warnings, and a queue by the earlier due time.

    Companies get resolution overrides; tickets get resolution_due (existing ones computed by
    portal.sla.targets, in the calendars of the running app's configuration when there is one),
    paused_rank and queue_due, and the queue index is rebuilt on them. New tables: the pauses
    (ticket_pause) and what the clock recorded (sla_notice: warnings, breaches and outcomes,
    unique per ticket, target and level).
    """
    migrator = schema_change.SchemaMigrator.from_database(db)
    schema_change.migrate(
        *(
            migrator.add_column(
                "company", f"{priority}_resolution_hours", peewee.FloatField(null=True)
            )
            for priority in ("critical", "normal", "low")
        ),
        migrator.add_column("ticket", "resolution_due", peewee.DateTimeField(null=True)),
        migrator.add_column("ticket", "queue_due", peewee.DateTimeField(null=True)),
        add_filled_column(migrator, "ticket", "paused_rank", peewee.SmallIntegerField, "0"),
        migrator.drop_index("ticket", schema_change.make_index_name("ticket", _QUEUE_V5)),
        migrator.drop_index("ticket", schema_change.make_index_name("ticket", _QUEUE_V5[1:])),
    )
    _fill_resolution_due(db)
    _fill_queue_due(db)
    schema_change.migrate(
        migrator.add_index("ticket", _QUEUE_V10, False),
        migrator.add_index("ticket", _QUEUE_V10[1:], False),
    )
    ticket = _frozen(db, "ticket", {})
    pause = _frozen(
        db,
        "ticket_pause",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "started_at": peewee.DateTimeField(),
            "ended_at": peewee.DateTimeField(null=True),
        },
        indexes=((("ticket", "started_at"), False),),
    )
    notice = _frozen(
        db,
        "sla_notice",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "target": peewee.CharField(max_length=12),
            "level": peewee.CharField(max_length=12),
            "due_at": peewee.DateTimeField(null=True),
            "created_at": peewee.DateTimeField(),
        },
        indexes=((("ticket", "target", "level"), True),),
    )
    db.create_tables([pause, notice])
    # Tickets waiting for the customer now: their clock stands still from this upgrade on.
    waiting = _frozen(db, "ticket", {"status": peewee.CharField()})
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    pause.insert_from(
        waiting.select(waiting.id, peewee.Value(now)).where(
            waiting.status == "waiting_for_customer"
        ),
        [pause.ticket, pause.started_at],
    ).execute()


def _fill_queue_due(db) -> None:
    """queue_due = the earlier open due time; waiting tickets were never paused before
    version 10, so their (new) pause starts now and they sort apart as paused."""
    ticket = _frozen(
        db,
        "ticket",
        {
            "status": peewee.CharField(),
            "response_due": peewee.DateTimeField(),
            "resolution_due": peewee.DateTimeField(null=True),
            "first_response_at": peewee.DateTimeField(null=True),
            "queue_due": peewee.DateTimeField(null=True),
            "paused_rank": peewee.SmallIntegerField(),
        },
    )
    answered = ticket.first_response_at.is_null(False)
    ticket.update(
        queue_due=peewee.Case(
            None,
            [
                (answered, ticket.resolution_due),
                (ticket.resolution_due < ticket.response_due, ticket.resolution_due),
            ],
            ticket.response_due,
        ),
        paused_rank=peewee.Case(None, [(ticket.status == "waiting_for_customer", 1)], 0),
    ).execute()


def _fill_resolution_due(db) -> None:
    from portal.db import UTCDateTimeField
    from portal.sla.targets import resolution_due

    company = _frozen(
        db,
        "company",
        {
            "has_contract": peewee.BooleanField(),
            "critical_resolution_hours": peewee.FloatField(null=True),
            "normal_resolution_hours": peewee.FloatField(null=True),
            "low_resolution_hours": peewee.FloatField(null=True),
        },
    )
    ticket = _frozen(
        db,
        "ticket",
        {
            "company": peewee.ForeignKeyField(company),
            "priority": peewee.CharField(),
            "relaxed_days": peewee.IntegerField(null=True),
            "reported_at": UTCDateTimeField(),
            "resolution_due": UTCDateTimeField(null=True),
        },
    )
    calendars = _configured_calendars()
    rows = (
        ticket.select(ticket.id, ticket.priority, ticket.relaxed_days, ticket.reported_at, company)
        .join(company)
        .where(ticket.resolution_due.is_null())
    )
    for row in rows.iterator():
        hours = {
            "critical": row.company.critical_resolution_hours,
            "normal": row.company.normal_resolution_hours,
            "low": row.company.low_resolution_hours,
        }
        due = resolution_due(
            row.reported_at,
            row.priority,
            row.company.has_contract,
            overrides={key: value for key, value in hours.items() if value is not None},
            relaxed_days=row.relaxed_days,
            calendars=calendars,
        )
        ticket.update(resolution_due=due.astimezone(dt.UTC)).where(ticket.id == row.id).execute()


def _configured_calendars():
    """The app's calendars when a migration runs inside the app (init-db), else the SLA's."""
    from flask import current_app, has_app_context

    from portal.sla.setup import calendars_from_config

    return calendars_from_config(current_app.config if has_app_context() else {})
