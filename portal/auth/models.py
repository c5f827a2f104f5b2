"""The tables of the second factor (TOTP secrets, hashed recovery codes), of the single-use
links that reset a password or accept an invitation, and of the reset rate limit."""

from __future__ import annotations

import peewee

from portal.db import UTCDateTimeField, utcnow
from portal.models import BaseModel, User

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
