"""Steps 7–8: the outbox of outgoing mail, and incoming mail with each ticket's source."""

import peewee

from portal.migrations.columns import add_filled_column_now
from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(7)
def create_outbox(db):
    """The outbox of outgoing mail, and the users' choice to receive only critical mails."""
    outbox = _frozen(
        db,
        "outbox_mail",
        {
            "message_id": peewee.CharField(max_length=255, unique=True),
            "ticket_number": peewee.CharField(max_length=20, null=True, index=True),
            "recipient": peewee.CharField(max_length=254),
            "subject": peewee.CharField(max_length=500),
            "raw": peewee.BlobField(),
            "critical": peewee.BooleanField(default=False),
            "state": peewee.CharField(max_length=10, default="pending"),
            "attempts": peewee.IntegerField(default=0),
            "next_attempt_at": peewee.DateTimeField(),
            "lease_token": peewee.CharField(max_length=32, null=True),
            "lease_until": peewee.DateTimeField(null=True),
            "last_error": peewee.TextField(default=""),
            "created_at": peewee.DateTimeField(),
            "sent_at": peewee.DateTimeField(null=True),
        },
        indexes=((("state", "next_attempt_at"), False),),
    )
    db.create_tables([outbox])
    add_filled_column_now(db, "user_account", "mail_noncritical", peewee.BooleanField, "TRUE")


@migration(8)
def add_inbound_mail_and_ticket_source(db):
    """Incoming e-mails (one row per Message-ID) and where a ticket came from.

    Existing tickets get their source from what is known: an alarm row means monitoring, a
    ticket recorded by staff a phone call, everything else the portal.
    """
    add_filled_column_now(db, "ticket", "source", peewee.CharField, "'portal'", max_length=12)
    user = _frozen(db, "user_account", {"role": peewee.CharField()})
    ticket = _frozen(
        db,
        "ticket",
        {"created_by": peewee.ForeignKeyField(user, null=True), "source": peewee.CharField()},
    )
    alert = _frozen(db, "ticket_alert", {"ticket": peewee.ForeignKeyField(ticket)})
    company = _frozen(db, "company", {})
    staff = user.select(user.id).where(user.role.in_(("staff", "admin")))
    ticket.update(source="phone").where(ticket.created_by.in_(staff)).execute()
    ticket.update(source="monitoring").where(ticket.id.in_(alert.select(alert.ticket))).execute()
    inbound = _frozen(
        db,
        "inbound_mail",
        {
            "message_key": peewee.CharField(max_length=255, unique=True),
            "message_id": peewee.CharField(max_length=255, default=""),
            "sender": peewee.CharField(max_length=254, default="", index=True),
            "sender_name": peewee.CharField(max_length=200, default=""),
            "subject": peewee.CharField(max_length=255, default=""),
            "body": peewee.TextField(default=""),
            "received_at": peewee.DateTimeField(),
            "size": peewee.IntegerField(default=0),
            "raw_key": peewee.CharField(max_length=64, null=True),
            "state": peewee.CharField(max_length=20),
            "reason": peewee.CharField(max_length=40, default=""),
            "problems": peewee.CharField(max_length=200, default=""),
            "sender_user": peewee.ForeignKeyField(
                user, null=True, on_delete="SET NULL", backref="+"
            ),
            "company": peewee.ForeignKeyField(company, null=True, on_delete="SET NULL"),
            "ticket": peewee.ForeignKeyField(ticket, null=True, on_delete="SET NULL"),
            "handled_by": peewee.ForeignKeyField(
                user, null=True, on_delete="SET NULL", backref="+"
            ),
            "handled_at": peewee.DateTimeField(null=True),
            "created_at": peewee.DateTimeField(),
        },
        indexes=(
            (("state", "received_at"), False),
            (("sender", "reason", "created_at"), False),
        ),
    )
    db.create_tables([inbound])
