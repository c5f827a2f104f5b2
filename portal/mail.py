"""Outgoing e-mail over SMTP (smtplib). Without MAIL_SERVER the mails are only logged."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


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
