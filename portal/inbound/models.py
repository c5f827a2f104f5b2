"""Incoming e-mails: one row per mail ever fetched, keyed by its Message-ID, so a mail fetched
again (a crash before it was flagged, two workers) is recognised and creates nothing new."""

from __future__ import annotations

import peewee

from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel, Company, User
from portal.tickets.models import Ticket

# What became of a mail:
#   imported  a message on a ticket or a new ticket, without staff
#   pending   waits in the Posteingang for staff
#   assigned  staff put it on a ticket or opened one with it
#   discarded staff threw it away
#   automatic an out-of-office reply or a bounce: kept, never acted on
#   own       one of our own mails that came back: never imported
STATES = ("imported", "pending", "assigned", "discarded", "automatic", "own")
OPEN_STATE = "pending"


class InboundMail(BaseModel):
    message_key = peewee.CharField(max_length=255, unique=True)
    message_id = peewee.CharField(max_length=255, default="")
    sender = peewee.CharField(max_length=254, default="", index=True)
    sender_name = peewee.CharField(max_length=200, default="")
    subject = peewee.CharField(max_length=255, default="")
    body = peewee.TextField(default="")  # the text without quoted history, bounded
    received_at = UTCDateTimeField()
    size = peewee.IntegerField(default=0)
    raw_key = peewee.CharField(max_length=64, null=True)  # the .eml in the attachment store
    state = peewee.CharField(max_length=20)
    # why: reply | new_ticket | reopened | unknown_sender | other_company | not_visible |
    # closed | reply_other | unreadable | rate_limited | staff_sender | failed |
    # <automatic reason> | own
    reason = peewee.CharField(max_length=40, default="")
    problems = peewee.CharField(max_length=200, default="")  # comma-separated parse.PROBLEMS
    sender_user = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    company = peewee.ForeignKeyField(Company, null=True, on_delete="SET NULL", backref="+")
    ticket = peewee.ForeignKeyField(Ticket, null=True, on_delete="SET NULL", backref="+")
    handled_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    handled_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "inbound_mail"
        indexes = (
            (("state", "received_at"), False),
            # the rate limit: a sender's new tickets in the last hour
            (("sender", "reason", "created_at"), False),
        )

    # set by the import: True when this call created the row (not a row of an earlier fetch)
    created_now = False

    @property
    def problem_list(self) -> list[str]:
        return [p for p in self.problems.split(",") if p]
