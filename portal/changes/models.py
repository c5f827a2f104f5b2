"""Planned changes, the messages on them and the secrets behind the calendar feeds."""

from __future__ import annotations

import json
import secrets

import peewee

from portal.changes.rules import OPEN_STATES
from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel, Company, User


class JSONTextField(peewee.TextField):
    """A JSON object kept as text, so SQLite and PostgreSQL store it the same way."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class PlannedChange(BaseModel):
    company = peewee.ForeignKeyField(Company, backref="planned_changes", on_delete="RESTRICT")
    created_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    kind = peewee.CharField(max_length=30)
    details = JSONTextField(default=dict)  # validated by portal.changes.schemas per kind
    wished_date = peewee.DateField(index=True)
    alternative_date = peewee.DateField(null=True)
    # Fixed when announced, so the warning does not change when the page is read later.
    recommended_earliest = peewee.DateField()
    state = peewee.CharField(max_length=20, default="submitted", index=True)
    scheduled_start = UTCDateTimeField(null=True, index=True)
    scheduled_end = UTCDateTimeField(null=True)
    technician = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    decline_reason = peewee.TextField(default="")
    created_at = UTCDateTimeField(default=utcnow)
    updated_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "planned_change"

    @property
    def lead_time_ok(self) -> bool:
        return self.wished_date >= self.recommended_earliest

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ChangeMessage(BaseModel):
    change = peewee.ForeignKeyField(PlannedChange, backref="messages", on_delete="CASCADE")
    author = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    body = peewee.TextField()
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "change_message"


class FeedSecret(BaseModel):
    """The secret in a calendar feed's URL: one per technician or per customer company.

    Kept readable (not hashed) because the page shows the link again; it only grants
    read access to one calendar, and renewing replaces it."""

    user = peewee.ForeignKeyField(User, null=True, unique=True, on_delete="CASCADE")
    company = peewee.ForeignKeyField(Company, null=True, unique=True, on_delete="CASCADE")
    secret = peewee.CharField(max_length=64, unique=True)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "change_feed_secret"

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)
