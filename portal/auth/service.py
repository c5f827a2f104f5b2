"""Accounts: password hashing, credential checks with a rate limit, and user creation."""

from __future__ import annotations

import datetime as dt

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from portal.db import database, utcnow
from portal.models import ROLES, Company, LoginAttempt, User

MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    """A user-facing reason why an account could not be created or changed."""


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def recent_failures(email: str, address: str) -> int:
    window = dt.timedelta(minutes=current_app.config["LOGIN_WINDOW_MINUTES"])
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
    LoginAttempt.create(email=User.normalise_email(email), address=address, succeeded=ok)
    return user if ok else None


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
    if role not in ROLES:
        raise AccountError(f"Unbekannte Rolle: {role}")
    if role == "customer" and company is None:
        raise AccountError("Kunden gehören immer zu einer Firma (--company).")
    if role != "customer" and company is not None:
        raise AccountError("Nur Kunden gehören zu einer Firma.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen haben.")
    if User.by_email(email) is not None:
        raise AccountError(f"Es gibt bereits ein Konto mit der E-Mail-Adresse {email}.")
    with database.atomic():
        return User.create(
            email=email,
            name=name.strip(),
            password_hash=hash_password(password),
            role=role,
            company=company,
            phone=phone,
            preferred_language=preferred_language,
        )


def change_password(user: User, new_password: str) -> None:
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen haben.")
    user.password_hash = hash_password(new_password)
    user.save(only=[User.password_hash])
