"""One row per outgoing mail, with the complete message as it will be sent."""

from __future__ import annotations

import peewee

from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel

STATES = ("pending", "sending", "sent", "failed")


class OutboxMail(BaseModel):
    # Unique: a reply's In-Reply-To names one of these (incoming mail looks the ticket up).
    message_id = peewee.CharField(max_length=255, unique=True)
    ticket_number = peewee.CharField(max_length=20, null=True, index=True)
    recipient = peewee.CharField(max_length=254)
    subject = peewee.CharField(max_length=500)
    raw = peewee.BlobField()  # the message, headers and MIME parts, ready for SMTP
    critical = peewee.BooleanField(default=False)
    # pending -> sending (claimed under a lease) -> sent, or back to pending with a later
    # next_attempt_at, or failed after the last retry.
    state = peewee.CharField(max_length=10, default="pending")
    attempts = peewee.IntegerField(default=0)
    next_attempt_at = UTCDateTimeField(default=utcnow)
    lease_token = peewee.CharField(max_length=32, null=True)
    lease_until = UTCDateTimeField(null=True)
    last_error = peewee.TextField(default="")
    created_at = UTCDateTimeField(default=utcnow)
    sent_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "outbox_mail"
        indexes = ((("state", "next_attempt_at"), False),)
