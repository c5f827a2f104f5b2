"""Accounts: password hashing, credential checks with a rate limit, user creation and changes.

The rules here serve the CLI, the account page and the admin pages alike. AccountError carries
a lazy message (shown in the reader's language) and the name of the field it concerns.
"""

from __future__ import annotations

import datetime as dt
import secrets

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from portal.db import database, utcnow
from portal.models import ROLES, ApiToken, Company, LoginAttempt, User
from portal.text import is_single_line

MIN_PASSWORD_LENGTH = 10
LANGUAGES = ("de", "en")


class AccountError(ValueError):
    """A user-facing reason why an account could not be created or changed.

    `message` is a lazy string: str() renders it in the current locale (the CLI forces German).
    `field` names the form field it belongs to, or None for the form as a whole.
    """

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def generate_password() -> str:
    """A random initial password (about 96 bits), shown once to the admin who set it."""
    return secrets.token_urlsafe(12)


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=current_app.config["LOGIN_WINDOW_MINUTES"])


def recent_failures(email: str, address: str) -> int:
    window = _window()
    return (
        LoginAttempt.select()
        .where(
            LoginAttempt.email == User.normalise_email(email),
            LoginAttempt.address == address,
            LoginAttempt.succeeded == False,  # noqa: E712  (peewee expression)
            LoginAttempt.attempted_at >= utcnow() - window,
        )
        .count()
    )


def is_locked_out(email: str, address: str) -> bool:
    return recent_failures(email, address) >= current_app.config["LOGIN_MAX_FAILURES"]


def authenticate(email: str, password: str, address: str) -> User | None:
    """Check the credentials and record the attempt; None when they do not match."""
    user = User.by_email(email)
    ok = user is not None and user.active and check_password_hash(user.password_hash, password)
    with database.atomic():
        # Attempts older than the window no longer count; dropping them keeps the table small.
        LoginAttempt.delete().where(LoginAttempt.attempted_at < utcnow() - _window()).execute()
        LoginAttempt.create(email=User.normalise_email(email), address=address, succeeded=ok)
    return user if ok else None


def _check_role_and_company(role: str, company: Company | None) -> None:
    if role not in ROLES:
        raise AccountError(_l("Unbekannte Rolle: %(role)s", role=role), "role")
    if role == "customer" and company is None:
        raise AccountError(_l("Kunden gehören immer zu einer Firma."), "company")
    if role != "customer" and company is not None:
        raise AccountError(
            _l("Nur Kunden gehören zu einer Firma. Mitarbeiter und Admins haben keine."),
            "company",
        )


def _check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            _l(
                "Das Passwort muss mindestens %(min)d Zeichen haben.",
                min=MIN_PASSWORD_LENGTH,
            ),
            field,
        )


def _check_language(preferred_language: str | None) -> None:
    if preferred_language not in (None, *LANGUAGES):
        raise AccountError(_l("Bitte wählen Sie Deutsch oder Englisch."), "language")


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise AccountError(_l("Bitte geben Sie einen Namen ein."), "name")
    if not is_single_line(name):  # names go into mail greetings and headers
        raise AccountError(
            _l("Bitte in einer Zeile, ohne Zeilenumbrüche und Steuerzeichen."), "name"
        )
    return name


def create_user(
    email: str,
    name: str,
    password: str,
    role: str = "customer",
    company: Company | None = None,
    phone: str = "",
    preferred_language: str | None = None,
) -> User:
    email = User.normalise_email(email)
    name = _check_name(name)
    _check_role_and_company(role, company)
    _check_password(password)
    _check_language(preferred_language)
    if User.by_email(email) is not None:
        raise AccountError(
            _l("Es gibt bereits ein Konto mit der E-Mail-Adresse %(email)s.", email=email),
            "email",
        )
    with database.atomic():
        return User.create(
            email=email,
            name=name,
            password_hash=hash_password(password),
            role=role,
            company=company,
            phone=phone.strip(),
            preferred_language=preferred_language,
        )


def update_user(
    user: User,
    *,
    acting_user: User,
    name: str,
    phone: str,
    role: str,
    company: Company | None,
    preferred_language: str | None,
    active: bool,
) -> User:
    """Change an account as `acting_user` (an admin); nothing is saved if a rule is broken.

    An admin cannot lock themselves out: no self-deactivation, no self-demotion. Deactivated
    accounts are signed out on their next request, as flask-login refuses inactive users.
    """
    name = _check_name(name)
    _check_role_and_company(role, company)
    _check_language(preferred_language)
    if user.id == acting_user.id and not active:
        raise AccountError(_l("Sie können Ihr eigenes Konto nicht deaktivieren."), "active")
    if user.id == acting_user.id and role != "admin":
        raise AccountError(_l("Sie können sich nicht selbst die Admin-Rolle entziehen."), "role")
    user.name = name
    user.phone = phone.strip()
    user.role = role
    user.company = company
    user.preferred_language = preferred_language
    user.active = active
    user.save()
    return user


def change_password(user: User, new_password: str) -> None:
    _check_password(new_password, "new")
    user.password_hash = hash_password(new_password)
    user.save(only=[User.password_hash])


def reset_password(user: User) -> str:
    """Give `user` a new generated password and return it (shown once, never stored plain)."""
    password = generate_password()
    change_password(user, password)
    return password


def issue_token(user: User, scope: str = "api", name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`; monitoring systems are connected by the provider's staff only."""
    if scope == "monitoring" and not user.is_staff:
        raise AccountError(
            _l("Monitoring-Tokens gibt es nur für Mitarbeiter des Dienstleisters."), "user"
        )
    if not user.active:
        raise AccountError(_l("Das Konto ist deaktiviert."), "user")
    return ApiToken.issue(user, scope=scope, name=name)


def revoke_token(token: ApiToken) -> None:
    """Revoke once; revoking again keeps the first time."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        token.save(only=[ApiToken.revoked_at])
