"""The server side of sign-in: one row per browser session, and the counters of the sign-in limit.

The session cookie (and the "remember me" cookie) carry only a random session id; its SHA-256
is stored, so a copy of the table signs nobody in. Ending the row ends both cookies.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import peewee

from portal import reads
from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel, User


def hash_session_id(session_id: str) -> str:
    # 256 random bits: a fast hash is enough (as for API tokens)
    return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()


class UserSession(BaseModel):
    user = peewee.ForeignKeyField(User, backref="sessions", on_delete="CASCADE")
    token_hash = peewee.CharField(max_length=64, unique=True)
    user_agent = peewee.CharField(max_length=255, default="")
    remember = peewee.BooleanField(default=False)
    created_at = UTCDateTimeField(default=utcnow)
    last_seen_at = UTCDateTimeField(default=utcnow)
    # Idle sessions end after SESSION_IDLE_HOURS, remembered ones REMEMBER_DAYS after sign-in.
    expires_at = UTCDateTimeField()
    ended_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "user_session"
        indexes = ((("user", "ended_at"), False),)

    @classmethod
    def live(cls, now: dt.datetime) -> peewee.Expression:
        return cls.ended_at.is_null() & (cls.expires_at > now)

    @classmethod
    def signed_in(cls, session_id: str, now: dt.datetime) -> UserSession | None:
        """The live session of this id with its active user, in one query (every request)."""
        base = (
            cls.select(cls, User)
            .join(User)
            .where(cls.token_hash == hash_session_id(session_id), cls.live(now), User.active)
        )
        return reads.first(base)


class LoginThrottle(BaseModel):
    """Failed sign-ins of one key (an account at an address, an address, an account) in the
    current window; updated by single atomic statements (portal/auth/limit.py)."""

    key = peewee.CharField(max_length=400, unique=True)
    failures = peewee.IntegerField(default=0)
    window_start = UTCDateTimeField(default=utcnow)
    last_check_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "login_throttle"
