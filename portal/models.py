"""The peewee models: companies, users, API tokens and the login attempts behind the rate limit."""

from __future__ import annotations

import hashlib
import secrets

import peewee
from flask_login import UserMixin

from portal import reads
from portal.db import UTCDateTimeField, database, utcnow
from portal.sla.targets import PRIORITIES, RESOLUTION, RESPONSE

ROLES = ("customer", "staff", "admin")
TOKEN_SCOPES = ("api", "monitoring")
# The Company columns that hold a contract's own hours per class, by target (first response,
# "Gelöst"); NULL means "the default of the SLA".
TARGET_HOUR_COLUMNS = {
    RESPONSE: {priority.value: f"{priority.value}_hours" for priority in PRIORITIES},
    RESOLUTION: {priority.value: f"{priority.value}_resolution_hours" for priority in PRIORITIES},
}


class BaseModel(peewee.Model):
    class Meta:
        database = database


class Company(BaseModel):
    name = peewee.CharField(max_length=200, unique=True)
    customer_number = peewee.CharField(max_length=40, unique=True)
    has_contract = peewee.BooleanField(default=False)
    # Contract-specific first-response targets in hours, overriding the SLA defaults.
    # NULL means "the default of the SLA".
    critical_hours = peewee.FloatField(null=True)
    normal_hours = peewee.FloatField(null=True)
    low_hours = peewee.FloatField(null=True)
    # False: ordinary colleagues see only the tickets they reported; contacts still see all.
    colleagues_see_all = peewee.BooleanField(default=True)
    # Contract-specific resolution targets in hours (time to "Gelöst"); NULL: the SLA default.
    critical_resolution_hours = peewee.FloatField(null=True)
    normal_resolution_hours = peewee.FloatField(null=True)
    low_resolution_hours = peewee.FloatField(null=True)
    created_at = UTCDateTimeField(default=utcnow)
    # Months after which a finished ticket is deleted (portal/privacy/retention.py);
    # NULL: TICKET_RETENTION_MONTHS.
    ticket_retention_months = peewee.IntegerField(null=True)

    class Meta:
        table_name = "company"

    def target_overrides(self, kind: str = RESPONSE) -> dict[str, float]:
        """The contract's own hours per class for one target (RESPONSE or RESOLUTION)."""
        columns = TARGET_HOUR_COLUMNS[kind].items()
        hours = {priority: getattr(self, column) for priority, column in columns}
        return {priority: h for priority, h in hours.items() if h is not None}

    @classmethod
    def next_customer_number(cls) -> str:
        count = cls.select().count()
        while True:
            count += 1
            number = f"K-{count:05d}"
            if not cls.select().where(cls.customer_number == number).exists():
                return number


# The provider's own accounts: technicians and administrators.
STAFF_ROLES = ("staff", "admin")


class User(UserMixin, BaseModel):
    # Stored lower-cased: e-mail addresses are unique regardless of case.
    email = peewee.CharField(max_length=254, unique=True)
    name = peewee.CharField(max_length=200)
    password_hash = peewee.CharField(max_length=255)
    role = peewee.CharField(max_length=20, default="customer")
    company = peewee.ForeignKeyField(Company, null=True, backref="users", on_delete="RESTRICT")
    phone = peewee.CharField(max_length=50, default="")
    preferred_language = peewee.CharField(max_length=5, null=True)
    active = peewee.BooleanField(default=True)
    # False: only critical mails (switched on /konto); see portal.mail.Mail.critical
    mail_noncritical = peewee.BooleanField(default=True)
    # A customer who manages the colleagues of their company ("Ansprechpartner").
    is_contact = peewee.BooleanField(default=False)
    created_at = UTCDateTimeField(default=utcnow)
    # When the account was last deactivated (None while active): the retention job erases
    # accounts deactivated longer than RETENTION_DEACTIVATED_ACCOUNT_DAYS (portal/privacy).
    deactivated_at = UTCDateTimeField(null=True)
    # When the person was erased: name and address are placeholders from then on.
    erased_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "user_account"

    # The server-side session of this request (portal/auth/sessions.py); flask-login keeps its
    # id, never the user's, in the session and "remember me" cookies.
    session_id: str | None = None
    session_row = None

    def get_id(self) -> str | None:
        return self.session_id

    @property
    def is_active(self) -> bool:  # flask-login refuses inactive accounts
        return self.active

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @staticmethod
    def normalise_email(email: str) -> str:
        return email.strip().lower()

    @classmethod
    def by_email(cls, email: str) -> User | None:
        return cls.get_or_none(cls.email == cls.normalise_email(email))

    @classmethod
    def active_staff(cls) -> peewee.ModelSelect:
        """The provider's active accounts by name: who can be assigned, scheduled or own a
        monitoring token."""
        return (
            cls.select()
            .where(cls.role.in_(STAFF_ROLES), cls.active == True)  # noqa: E712
            .order_by(peewee.fn.LOWER(cls.name), cls.id)
        )

    @classmethod
    def by_id(cls, user_id: int) -> User | None:
        """The signed-in user, loaded on every request (its SQL kept by portal.reads)."""
        return reads.first(cls.select().where(cls.id == user_id))


def hash_token(token: str) -> str:
    # Tokens are 256 random bits, so a fast hash is enough to make a stolen table useless.
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(BaseModel):
    user = peewee.ForeignKeyField(User, backref="tokens", on_delete="CASCADE")
    name = peewee.CharField(max_length=100, default="")
    token_hash = peewee.CharField(max_length=64, unique=True)
    prefix = peewee.CharField(max_length=12)
    scope = peewee.CharField(max_length=20, default="api")
    created_at = UTCDateTimeField(default=utcnow)
    last_used_at = UTCDateTimeField(null=True)
    revoked_at = UTCDateTimeField(null=True)

    class Meta:
        table_name = "api_token"

    @classmethod
    def issue(cls, user: User, scope: str = "api", name: str = "") -> tuple[ApiToken, str]:
        """Create a token; the plain value is returned once and never stored."""
        if scope not in TOKEN_SCOPES:
            raise ValueError(f"unknown scope {scope!r}")
        plain = "kp_" + secrets.token_urlsafe(32)
        token = cls.create(
            user=user, name=name, token_hash=hash_token(plain), prefix=plain[:10], scope=scope
        )
        return token, plain

    @classmethod
    def find_active(cls, plain: str) -> ApiToken | None:
        token = (
            cls.select(cls, User)
            .join(User)
            .where(cls.token_hash == hash_token(plain), cls.revoked_at.is_null())
            .first()
        )
        if token is None or not token.user.active:
            return None
        if token.scope == "monitoring" and not token.user.is_staff:
            return None  # issued to staff only; a colleague moved to a customer account loses it
        return token

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class LoginAttempt(BaseModel):
    email = peewee.CharField(max_length=254, index=True)
    address = peewee.CharField(max_length=64)
    succeeded = peewee.BooleanField(default=False)
    attempted_at = UTCDateTimeField(default=utcnow, index=True)

    class Meta:
        table_name = "login_attempt"
