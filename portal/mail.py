"""Outgoing e-mail over SMTP (smtplib). Without MAIL_SERVER the mails are only logged.

`post()` inside `after_commit()` holds mails back until the transaction is done, so nobody is
told about a write that was rolled back; `external_url()` builds the links in a mail."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app, has_request_context, url_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    content_type: str  # "text/calendar"
    params: tuple[tuple[str, str], ...] = ()  # extra Content-Type parameters, e.g. method


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()


def sender() -> str:
    config = current_app.config
    return config.get("MAIL_FROM") or config["PROVIDER_SERVICE_EMAIL"]


def _message(mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender()
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender().rpartition("@")[2] or None)
    message.set_content(mail.body)
    for attachment in mail.attachments:
        maintype, _slash, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.content,
            maintype=maintype,
            subtype=subtype,
            filename=attachment.filename,
            params=dict(attachment.params),
        )
    return message


def send(mails: Iterable[Mail]) -> int:
    """Send the mails over one connection; return how many went out.

    Called after the database transaction has committed. A mail server that is down must
    not undo or hide a stored ticket, so failures are logged, not raised.
    """
    mails = [mail for mail in mails if mail.to]
    if not mails:
        return 0
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        for mail in mails:
            log.info("mail disabled (no MAIL_SERVER): %r to %s", mail.subject, mail.to)
        return 0
    try:
        with smtplib.SMTP(
            config["MAIL_SERVER"], config.get("MAIL_PORT", 25), timeout=config["MAIL_TIMEOUT"]
        ) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls(context=ssl.create_default_context())
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
            for mail in mails:
                smtp.send_message(_message(mail))
    except (OSError, smtplib.SMTPException):
        log.exception("could not send %d mail(s) via %s", len(mails), config["MAIL_SERVER"])
        return 0
    return len(mails)


_outbox: ContextVar[list[Mail] | None] = ContextVar("mail_outbox", default=None)


@contextmanager
def after_commit():
    """Mails `post()`ed inside the block go out when it ends without an exception and are
    dropped when it raises. Open it around the transaction, not inside it:
    `with mail.after_commit(), database.atomic(): ...`. Nested blocks join the outermost."""
    if _outbox.get() is not None:
        yield
        return
    queued: list[Mail] = []
    token = _outbox.set(queued)
    try:
        yield
    finally:
        _outbox.reset(token)
    send(queued)


def post(mails: Iterable[Mail]) -> None:
    """Send now, or when the enclosing `after_commit()` block ends."""
    queued = _outbox.get()
    if queued is None:
        send(mails)
    else:
        queued.extend(mails)


def language_of(user) -> str:
    """The recipient's preferred language, German when unknown."""
    language = getattr(user, "preferred_language", None)
    return language if language in current_app.config["LANGUAGES"] else "de"


def external_url(endpoint: str, **values) -> str | None:
    """An absolute link for a mail: the current request's host, or outside a request (CLI,
    jobs) SERVER_NAME with PREFERRED_URL_SCHEME; None when neither is known."""
    if not has_request_context() and not current_app.config.get("SERVER_NAME"):
        return None
    return url_for(endpoint, _external=True, **values)
