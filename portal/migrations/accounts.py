"""Steps 11–12: server-side sessions and the sign-in limit; two-factor sign-in, single-use
links, company contacts."""

import peewee

from portal.migrations.columns import add_filled_column_now
from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(11)
def create_sessions_and_login_throttle(db):
    """Server-side sessions, the atomic sign-in limit, and whether a class change's reason is
    told to the customer (false for every change so far: it was meant for staff)."""
    user = _frozen(db, "user_account", {})
    session = _frozen(
        db,
        "user_session",
        {
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "token_hash": peewee.CharField(max_length=64, unique=True),
            "user_agent": peewee.CharField(max_length=255, default=""),
            "remember": peewee.BooleanField(default=False),
            "created_at": peewee.DateTimeField(),
            "last_seen_at": peewee.DateTimeField(),
            "expires_at": peewee.DateTimeField(),
            "ended_at": peewee.DateTimeField(null=True),
        },
        indexes=((("user", "ended_at"), False),),
    )
    throttle = _frozen(
        db,
        "login_throttle",
        {
            "key": peewee.CharField(max_length=400, unique=True),
            "failures": peewee.IntegerField(default=0),
            "window_start": peewee.DateTimeField(),
            "last_check_at": peewee.DateTimeField(),
        },
    )
    db.create_tables([session, throttle])
    add_filled_column_now(db, "ticket_event", "reason_public", peewee.BooleanField, "FALSE")


@migration(12)
def add_second_factor_links_and_contacts(db):
    """Two-factor sign-in (TOTP secrets and hashed recovery codes), single-use links for
    password resets and invitations, the reset rate limit, company contacts and the company's
    choice whether colleagues see each other's tickets."""
    user = _frozen(db, "user_account", {})
    totp = _frozen(
        db,
        "totp_credential",
        {
            "user": peewee.ForeignKeyField(user, unique=True, on_delete="CASCADE"),
            "secret": peewee.CharField(max_length=64),
            "confirmed_at": peewee.DateTimeField(null=True),
            "last_step": peewee.BigIntegerField(null=True),
            "failed_codes": peewee.IntegerField(default=0),
            "last_failed_at": peewee.DateTimeField(null=True),
            "created_at": peewee.DateTimeField(),
        },
    )
    recovery = _frozen(
        db,
        "recovery_code",
        {
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "code_hash": peewee.CharField(max_length=64, unique=True),
            "used_at": peewee.DateTimeField(null=True),
        },
    )
    link = _frozen(
        db,
        "account_link",
        {
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "purpose": peewee.CharField(max_length=10),
            "token_hash": peewee.CharField(max_length=64, unique=True),
            "created_by": peewee.ForeignKeyField(user, null=True, on_delete="SET NULL"),
            "created_at": peewee.DateTimeField(),
            "expires_at": peewee.DateTimeField(),
            "used_at": peewee.DateTimeField(null=True),
        },
    )
    reset_request = _frozen(
        db,
        "reset_request",
        {
            "email": peewee.CharField(max_length=254, index=True),
            "address": peewee.CharField(max_length=64, index=True),
            "requested_at": peewee.DateTimeField(index=True),
        },
    )
    db.create_tables([totp, recovery, link, reset_request])
    add_filled_column_now(db, "user_account", "is_contact", peewee.BooleanField, "FALSE")
    add_filled_column_now(db, "company", "colleagues_see_all", peewee.BooleanField, "TRUE")
