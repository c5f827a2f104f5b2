"""Outgoing e-mail: the mails are built here and written to the outbox (portal/outbox) in the
caller's transaction; a job delivers them over SMTP. A request never talks to the mail server.

`post()` stores the mails and asks for a delivery job when the app context ends, so a write
that is rolled back takes its mails with it. `message_id_for()` is the Message-ID contract
shared with incoming mail: `<T-2026-00042.{32 hex}@{domain}>` for a ticket, `<kp.{32 hex}@…>`
otherwise, the domain being the sender's."""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from flask import current_app, has_request_context, url_for

from portal.text import one_line

DELIVERY_TASK = "outbox.deliver"


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
    ticket: str | None = None  # "T-2026-00042": tag in the subject, threading, Message-ID
    language: str = "de"
    # Critical mails reach users who switched off the others on /konto.
    critical: bool = False


def sender() -> str:
    config = current_app.config
    return config.get("MAIL_FROM") or config["PROVIDER_SERVICE_EMAIL"]


def sender_domain() -> str:
    return sender().rpartition("@")[2] or "localhost"


def message_id_for(ticket_number: str | None) -> str:
    """A new Message-ID following the contract with the inbound side (see the docstring)."""
    local = ticket_number if ticket_number else "kp"
    return f"<{local}.{uuid.uuid4().hex}@{sender_domain()}>"


def tagged_subject(subject: str, ticket: str | None) -> str:
    subject = one_line(subject)
    tag = f"[{ticket}]"
    if not ticket or tag in subject:
        return subject
    return f"{tag} {subject}"


_URL = re.compile(r"https?://[^\s<>\"]+")


def html_body(text: str, language: str, title: str) -> str:
    """The plain text as a self-contained HTML page: same words, links clickable, no images."""

    def linked(line: str) -> str:
        out, last = [], 0
        for match in _URL.finditer(line):
            out.append(html.escape(line[last : match.start()]))
            url = html.escape(match.group(0))
            out.append(f'<a href="{url}">{url}</a>')
            last = match.end()
        out.append(html.escape(line[last:]))
        return "".join(out)

    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    body = "\n".join(
        "<p>" + "<br>\n".join(linked(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n"
        '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; '
        'line-height: 1.5; color: #1a1a1a; max-width: 40em;">\n'
        f"{body}\n</body>\n</html>\n"
    )


def build(mail: Mail, message_id: str, references: list[str]) -> EmailMessage:
    """The complete message: text and HTML parts, attachments, threading and loop headers."""
    config = current_app.config
    subject = tagged_subject(mail.subject, mail.ticket)
    message = EmailMessage()
    message["From"] = sender()
    message["To"] = one_line(mail.to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    if references:
        message["In-Reply-To"] = references[-1]
        message["References"] = " ".join(references)
    message["Auto-Submitted"] = "auto-generated"
    # Asks Outlook/Exchange not to answer with out-of-office notices (no mail loops).
    message["X-Auto-Response-Suppress"] = "All"
    if config.get("INBOUND_ADDRESS"):
        message["Reply-To"] = config["INBOUND_ADDRESS"]
    # quoted-printable keeps every line short (SMTP refuses lines over 998 bytes)
    message.set_content(mail.body, cte="quoted-printable")
    message.add_alternative(
        html_body(mail.body, mail.language, subject), subtype="html", cte="quoted-printable"
    )
    for attachment in mail.attachments:
        maintype, _slash, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.content,
            maintype=maintype,
            subtype=subtype,
            filename=attachment.filename,
            params=dict(attachment.params),
        )
    message["Content-Language"] = mail.language  # after the parts: set_content clears Content-*
    return message


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
