"""Single-use links that set a password: "Passwort vergessen?" (60 minutes) and invitations
(7 days). The token is 256 random bits in the link; only its SHA-256 is stored. A link is used
by one conditional UPDATE, so two clicks racing each other cannot both set a password.

A reset request costs the same whether the address has an account or not: the request only
records itself and enqueues a job; the job looks the address up and writes the mail to the
outbox in the user's language.
"""

from __future__ import annotations

import datetime as dt
import secrets

from flask import current_app
from flask_babel import lazy_gettext as _l

from portal import clock, letters, mail, outbox
from portal.auth.models import AccountLink, ResetRequest
from portal.auth.service import change_password, create_user
from portal.db import database
from portal.models import Company, User, hash_token

RESET_TASK = "auth.send_reset_link"
LINK_PLACEHOLDER = "__token__"


def _lifetime(purpose: str) -> dt.timedelta:
    config = current_app.config
    if purpose == "invite":
        return dt.timedelta(days=config["INVITATION_DAYS"])
    return dt.timedelta(minutes=config["RESET_LINK_MINUTES"])


def issue_link(user: User, purpose: str, created_by: User | None = None) -> str:
    """A new link token for `user` (returned once); older unused links of the purpose die."""
    plain = secrets.token_urlsafe(32)
    now = clock.now()
    with database.atomic():
        AccountLink.update(used_at=now).where(
            AccountLink.user == user.id,
            AccountLink.purpose == purpose,
            AccountLink.used_at.is_null(),
        ).execute()
        AccountLink.create(
            user=user,
            purpose=purpose,
            token_hash=hash_token(plain),
            created_by=created_by,
            created_at=now,
            expires_at=now + _lifetime(purpose),
        )
    return plain


def valid_link(plain: str) -> AccountLink | None:
    """The unused, unexpired link of an active account, or None."""
    link = (
        AccountLink.select(AccountLink, User)
        .join(User, on=AccountLink.user == User.id)
        .where(AccountLink.token_hash == hash_token(plain))
        .first()
    )
    if link is None or link.used_at is not None or link.expires_at <= clock.now():
        return None
    if not link.user.active:
        return None
    return link


def use_link(plain: str, new_password: str) -> User | None:
    """Set the password through the link, once; None when the link is no longer valid.
    An AccountError (a weak password) leaves the link unused."""
    link = valid_link(plain)
    if link is None:
        return None
    with database.atomic():
        claimed = (
            AccountLink.update(used_at=clock.now())
            .where(AccountLink.id == link.id, AccountLink.used_at.is_null())
            .execute()
        )
        if claimed != 1:
            return None
        change_password(link.user, new_password)
    return link.user


# --- "Passwort vergessen?" -------------------------------------------------------------


def _recent_requests(*conditions) -> int:
    since = clock.now() - dt.timedelta(minutes=current_app.config["RESET_WINDOW_MINUTES"])
    return ResetRequest.select().where(ResetRequest.requested_at >= since, *conditions).count()


def too_many_from(address: str) -> bool:
    return (
        _recent_requests(ResetRequest.address == address)
        >= current_app.config["RESET_MAX_PER_ADDRESS"]
    )


def request_reset(email: str, address: str, link_template: str | None) -> None:
    """Record the request and hand it to the job; the same work for every address."""
    email = User.normalise_email(email)
    with database.atomic():
        since = clock.now() - dt.timedelta(minutes=current_app.config["RESET_WINDOW_MINUTES"])
        ResetRequest.delete().where(ResetRequest.requested_at < since).execute()
        ResetRequest.create(email=email, address=address, requested_at=clock.now())
    task = current_app.extensions["jobs"][RESET_TASK]
    task(email, link_template)


def send_reset_link(email: str, link_template: str | None) -> None:
    """The job: a link for an active account, unless this address got too many already."""
    user = User.by_email(email)
    if user is None or not user.active:
        return
    if _recent_requests(ResetRequest.email == email) > current_app.config["RESET_MAX_PER_EMAIL"]:
        return
    with database.atomic():
        plain = issue_link(user, "reset")
        outbox.post([reset_mail(user, link_with(link_template, plain))])


def link_with(template: str | None, plain: str) -> str:
    if not template:
        return plain
    return template.replace(LINK_PLACEHOLDER, plain)


def reset_mail(user: User, link: str) -> mail.Mail:
    return _link_mail(user, "reset", link, minutes=current_app.config["RESET_LINK_MINUTES"])


# What a link's mail says, by the link's purpose: the subject, the lines before the link and
# the lines after it. Formatted with the values _link_mail is given, in the user's language.
_LINK_TEXTS = {
    "reset": (
        _l("Ihr neues Passwort für das Kundenportal"),
        _l(
            "Sie (oder jemand anderes) haben ein neues Passwort für das Kundenportal "
            "angefordert. Mit diesem Link legen Sie es fest, er gilt %(minutes)d Minuten und "
            "nur einmal:"
        ),
        _l(
            "Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr "
            "Passwort bleibt unverändert."
        ),
    ),
    "invite": (
        _l("Einladung zum Kundenportal"),
        _l(
            "%(inviter)s hat Sie zum Kundenportal eingeladen. Mit diesem Link legen Sie Ihr "
            "Passwort fest, er gilt %(days)d Tage und nur einmal:"
        ),
        _l("Ihre Anmeldung ist danach Ihre E-Mail-Adresse: %(email)s"),
    ),
}


def _link_mail(user: User, purpose: str, link: str, **values) -> mail.Mail:
    """The mail with a link that sets a password, in the user's language; critical, so it
    reaches users who switched off the other mails."""
    subject, intro, closing = _LINK_TEXTS[purpose]

    def compose():
        return str(subject), [_filled(intro, values), "", link, "", _filled(closing, values)]

    return letters.to_person(user, compose, critical=True)


def _filled(text, values: dict) -> str:
    """The text in the current language with the values it names. A text without placeholders
    is left as it is, as gettext leaves it: a literal "%" in it is no format."""
    text = str(text)
    return text % values if "%(" in text else text


def register(huey) -> dict:
    """The reset job, enqueued with arguments (portal.jobs wires it in)."""

    @huey.task(name=RESET_TASK)
    def send_reset(email: str, link_template: str | None):
        send_reset_link(email, link_template)

    return {RESET_TASK: send_reset}


# --- invitations -------------------------------------------------------------------


def invite(
    email: str,
    name: str,
    *,
    invited_by: User,
    link_template: str | None,
    role: str = "customer",
    company: Company | None = None,
    preferred_language: str | None = None,
    is_contact: bool = False,
) -> User:
    """Create the account without a usable password and mail the link that sets one."""
    with database.atomic():
        user = create_user(
            email,
            name,
            secrets.token_urlsafe(24),  # never told to anybody; replaced through the link
            role=role,
            company=company,
            preferred_language=preferred_language,
            created_by=invited_by,
            audit_action="user_invited",
        )
        user.is_contact = is_contact and role == "customer"
        user.save(only=[User.is_contact])
        plain = issue_link(user, "invite", created_by=invited_by)
        outbox.post([_invitation_mail(user, invited_by, link_with(link_template, plain))])
    return user


def _invitation_mail(user: User, invited_by: User, link: str) -> mail.Mail:
    days = current_app.config["INVITATION_DAYS"]
    return _link_mail(user, "invite", link, inviter=invited_by.name, days=days, email=user.email)
