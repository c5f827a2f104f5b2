"""Accounts: password hashing, credential checks with a rate limit, user creation and changes.

The rules here serve the CLI, the account page and the admin pages alike. AccountError carries
a lazy message (shown in the reader's language) and the name of the field it concerns.
"""

from __future__ import annotations

import secrets

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from portal import audit, clock
from portal.auth import limit, sessions
from portal.auth.passwords import password_problem
from portal.db import database, utcnow
from portal.models import ROLES, ApiToken, Company, User
from portal.text import is_single_line

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


class SignInLimited(Exception):
    """Too many failed sign-ins for this account or address: no password was checked."""


_DUMMY_HASHES: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash of the configured method that matches no password: an unknown address costs the
    same password check as a known one, so the answer time tells nobody who has an account."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash(secrets.token_hex(16), method=method)
    return _DUMMY_HASHES[method]


def authenticate(email: str, password: str, address: str, known_browser: bool = False):
    """The user whose credentials these are, or None; raises SignInLimited before checking
    anything once a limit is reached (portal/auth/limit.py)."""
    email = User.normalise_email(email)
    slots = limit.take_slots(email, address, known_browser)
    if slots is None:
        raise SignInLimited()
    user = User.by_email(email)
    matches = check_password_hash(user.password_hash if user else _dummy_hash(), password)
    ok = matches and user is not None and user.active
    if ok:
        limit.give_back(slots)
    else:  # written for unknown addresses too: the answer time stays the same
        audit.record("sign_in_failed", actor=None, subject=user, address=address)
    limit.forget_old()
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


def _check_password(password: str, field: str = "password", email="", name="") -> None:
    problem = password_problem(password, email=email, name=name)
    if problem is not None:
        raise AccountError(problem, field)


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
    created_by: User | None = None,
    audit_action: str = "user_created",
) -> User:
    """Create an account; `created_by` (an admin or contact; None from the CLI) is named in
    the audit log under `audit_action`."""
    email = User.normalise_email(email)
    name = _check_name(name)
    _check_role_and_company(role, company)
    _check_password(password, email=email, name=name)
    _check_language(preferred_language)
    if User.by_email(email) is not None:
        raise AccountError(
            _l("Es gibt bereits ein Konto mit der E-Mail-Adresse %(email)s.", email=email),
            "email",
        )
    with database.atomic():
        user = User.create(
            email=email,
            name=name,
            password_hash=hash_password(password),
            role=role,
            company=company,
            phone=phone.strip(),
            preferred_language=preferred_language,
        )
        if created_by is not None:
            audit.record(audit_action, actor=created_by, subject=user, role=role)
        return user


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
    if user.erased_at is not None and active:
        raise AccountError(
            _l("Eine gelöschte Person lässt sich nicht wieder aktivieren."), "active"
        )
    old_role = user.role
    user.name = name
    user.phone = phone.strip()
    user.role = role
    user.company = company
    user.preferred_language = preferred_language
    was_active = user.active
    with database.atomic():
        user.save()
        if old_role != role:
            audit.record("role_changed", actor=acting_user, subject=user, old=old_role, new=role)
        if was_active != active:
            set_active(user, active, acting_user)
    return user


def set_active(user: User, active: bool, acting_user: User) -> None:
    """Deactivate (every session ends; reactivating later brings none of them back) or
    reactivate an account, noted in the audit log. The retention job counts from
    `deactivated_at`."""
    user.active = active
    user.deactivated_at = None if active else clock.now()
    with database.atomic():
        user.save(only=[User.active, User.deactivated_at])
        sessions.end_all_sessions(user)
        audit.record("reactivated" if active else "deactivated", actor=acting_user, subject=user)


def change_password(user: User, new_password: str) -> int:
    """Set a new password and end every other session of `user` (all of them when `user` is
    not the one signed in here, as after an admin's reset); returns how many ended. API tokens
    stay valid: the pages say so and name them (sessions.tokens_still_valid)."""
    _check_password(new_password, "new", email=user.email, name=user.name)
    user.password_hash = hash_password(new_password)
    with database.atomic():
        user.save(only=[User.password_hash])
        return sessions.end_other_sessions(user)


def reset_password(user: User, acting_user: User | None = None) -> str:
    """Give `user` a new generated password and return it (shown once, never stored plain);
    every session of `user` ends. An admin's reset (`acting_user`) is in the audit log."""
    password = generate_password()
    with database.atomic():
        change_password(user, password)
        sessions.end_all_sessions(user)
        if acting_user is not None:
            audit.record("password_reset", actor=acting_user, subject=user)
    return password


def issue_token(
    user: User, scope: str = "api", name: str = "", acting_user: User | None = None
) -> tuple[ApiToken, str]:
    """A new token for `user`; monitoring systems are connected by the provider's staff only.
    In the audit log with `acting_user` (None: the command line)."""
    if scope == "monitoring" and not user.is_staff:
        raise AccountError(
            _l("Monitoring-Tokens gibt es nur für Mitarbeiter des Dienstleisters."), "user"
        )
    if not user.active:
        raise AccountError(_l("Das Konto ist deaktiviert."), "user")
    with database.atomic():
        token, plain = ApiToken.issue(user, scope=scope, name=name)
        audit.record(
            "token_created", actor=acting_user, subject=user, token=token.prefix, scope=scope
        )
    return token, plain


def revoke_token(token: ApiToken, acting_user: User | None = None) -> None:
    """Revoke once; revoking again keeps the first time (and writes no second entry)."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        with database.atomic():
            token.save(only=[ApiToken.revoked_at])
            audit.record(
                "token_revoked",
                actor=acting_user,
                subject=User.get_by_id(token.user_id),
                token=token.prefix,
            )
