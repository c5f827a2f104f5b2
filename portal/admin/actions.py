"""The admin's account actions beside the user form, each written with its audit log entry in
one transaction: the second-factor reset, the contact role, a reset link sent by an admin."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal import audit, mail
from portal.auth import links, totp
from portal.auth.service import AccountError
from portal.db import database
from portal.models import User


def reset_second_factor(user: User, admin: User) -> None:
    with database.atomic():
        totp.remove(user)
        audit.record("two_factor_reset", actor=admin, subject=user)


def set_contact(user: User, is_contact: bool, admin: User) -> None:
    user.is_contact = is_contact
    with database.atomic():
        user.save(only=[User.is_contact])
        audit.record(
            "contact_granted" if is_contact else "contact_revoked", actor=admin, subject=user
        )


def send_reset_link(user: User, admin: User, link_template: str | None) -> None:
    """Mail `user` a single-use link that sets a new password (RESET_LINK_MINUTES); the old
    password stays valid until the link is used."""
    if not user.active:
        raise AccountError(_l("Das Konto ist deaktiviert."), "user")
    with database.atomic():
        plain = links.issue_link(user, "reset", created_by=admin)
        mail.post([links.reset_mail(user, links.link_with(link_template, plain))])
        audit.record("reset_link_sent", actor=admin, subject=user)
