"""The auth tables: server-side sessions (one row per browser session) and the counters of the
sign-in limit; the second factor (TOTP secrets, hashed recovery codes); the single-use links
that reset a password or accept an invitation, and the reset rate limit.

The session cookie (and the "remember me" cookie) carry only a random session id; its SHA-256
is stored, so a copy of the table signs nobody in. Ending the row ends both cookies.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import peewee

from portal import reads
from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel, Company, User


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
        """The live session of this id with its active user and the user's company (the
        layout reads its contract on every page), in one query (every request). The row is
        found by its hash alone and judged live here: the query's SQL stays the same for
        every request (reads.first_made), only the hash changes."""
        found = reads.first_made(
            _by_token_hash, hash_session_id(session_id), shape=_with_user_and_company
        )
        if found is None or found.ended_at is not None or found.expires_at <= now:
            return None
        return found if found.user.active else None


def _by_token_hash(token_hash: str) -> peewee.ModelSelect:
    return UserSession.select().where(UserSession.token_hash == token_hash)


def _with_user_and_company(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """The shape of the session load: the session, its user and the user's company (None for
    staff), so the base that is rendered on every request stays one table."""
    return query.select(UserSession, User, Company).join(User).join(Company, peewee.JOIN.LEFT_OUTER)


class LoginThrottle(BaseModel):
    """Failed sign-ins of one key (an account at an address, an address, an account) in the
    current window; updated by single atomic statements (portal/auth/limit.py)."""

    key = peewee.CharField(max_length=400, unique=True)
    failures = peewee.IntegerField(default=0)
    window_start = UTCDateTimeField(default=utcnow)
    last_check_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "login_throttle"


LINK_PURPOSES = ("reset", "invite")


class TotpCredential(BaseModel):
    """A user's authenticator secret; `confirmed_at` is set once a first code proved it.

    `last_step` is the time step of the last accepted code: a code is accepted only for a
    later step, so a code seen over someone's shoulder cannot be used a second time."""

    user = peewee.ForeignKeyField(User, unique=True, backref="totp", on_delete="CASCADE")
    secret = peewee.CharField(max_length=64)
    confirmed_at = UTCDateTimeField(null=True)
    last_step = peewee.BigIntegerField(null=True)
    failed_codes = peewee.IntegerField(default=0)
    last_failed_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField(default=utcnow)

    class Meta:
        table_name = "totp_credential"


class RecoveryCode(BaseModel):
    user = peewee.ForeignKeyField(User, backref="recovery_codes", on_delete="CASCADE")
    code_hash = peewee.CharField(max_length=64, unique=True)
    used_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "recovery_code"


class AccountLink(BaseModel):
    """A single-use link that lets its holder set the user's password (a reset or an
    invitation). Only a hash of the token is stored."""

    user = peewee.ForeignKeyField(User, backref="links", on_delete="CASCADE")
    purpose = peewee.CharField(max_length=10)
    token_hash = peewee.CharField(max_length=64, unique=True)
    created_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField(default=utcnow)
    expires_at = UTCDateTimeField()
    used_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "account_link"


class ResetRequest(BaseModel):
    """One "Passwort vergessen?" request, for the rate limit (per address and per e-mail)."""

    email = peewee.CharField(max_length=254, index=True)
    address = peewee.CharField(max_length=64, index=True)
    requested_at = UTCDateTimeField(default=utcnow, index=True)

    class Meta:
        table_name = "reset_request"
