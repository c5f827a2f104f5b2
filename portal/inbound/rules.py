"""What kind of mail a parsed mail is: our own, an automatic one (out of office, bounce), a
reply naming one of our tickets. Plain Python; the database lookups are in service.py.

The Message-ID contract with the outgoing mail: our mails about a ticket carry
`<T-2026-00042.{32 hex}@{domain}>`, other mails `<kp.{32 hex}@{domain}>`, where domain is the
domain of our sender address. A reference to one of our mails is recognised without a table.
"""

from __future__ import annotations

import re

from portal.inbound.parse import ParsedMail

TICKET_NUMBER = r"T-\d{4}-\d{5,9}"
_SUBJECT_TAG = re.compile(rf"\[({TICKET_NUMBER})\]")
_OUR_TICKET_ID = re.compile(rf"^({TICKET_NUMBER})\.[0-9a-f]{{32}}@(.+)$", re.IGNORECASE)
_OUR_OTHER_ID = re.compile(r"^kp\.[0-9a-f]{32}@(.+)$", re.IGNORECASE)

_AUTO_SUBJECT = re.compile(
    r"^\s*((re|aw|wg|fw|fwd|antw)\s*:\s*)*(abwesenheitsnotiz|automatische antwort|"
    r"out of office|automatic reply|auto-reply|autoreply|abwesend|"
    r"unzustellbar|undeliverable|delivery status notification|mail delivery failed|"
    r"returned mail|nicht zustellbar)",
    re.IGNORECASE,
)
_BOUNCE_SENDERS = ("mailer-daemon", "postmaster")
_BULK = ("bulk", "junk", "list")


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower()


def automatic_reason(mail: ParsedMail) -> str:
    """Why the mail was written by a machine ("" when a person wrote it): such mails never
    open a ticket and never trigger a mail, so two autoresponders cannot talk forever."""
    headers = mail.headers
    auto_submitted = headers.get("auto-submitted", "").lower()
    if auto_submitted and auto_submitted != "no":
        return "auto-submitted"
    if headers.get("precedence", "").lower() in _BULK:
        return "precedence"
    if "x-auto-response-suppress" in headers:
        return "auto-response-suppress"
    if "x-autoreply" in headers or "x-autorespond" in headers:
        return "autoreply-header"
    if mail.content_type == "multipart/report":
        return "report"
    if "return-path" in headers and headers["return-path"].strip() in ("<>", ""):
        return "bounce"
    if mail.sender.partition("@")[0] in _BOUNCE_SENDERS:
        return "mailer-daemon"
    if _AUTO_SUBJECT.match(mail.subject):
        return "subject"
    return ""


def is_own_id(message_id: str, our_domain: str) -> bool:
    for pattern in (_OUR_TICKET_ID, _OUR_OTHER_ID):
        found = pattern.match(message_id)
        if found and found.group(found.lastindex).lower() == our_domain:
            return True
    return False


def is_own_mail(mail: ParsedMail, our_address: str) -> bool:
    """A mail we sent ourselves (a copy, a loop through a forwarder): never imported."""
    return mail.sender == our_address.lower() or is_own_id(mail.message_id, domain_of(our_address))


def subject_ticket(subject: str) -> str | None:
    found = _SUBJECT_TAG.search(subject)
    return found.group(1).upper() if found else None


def referenced_ticket(mail: ParsedMail, our_domain: str) -> str | None:
    """The ticket a reply is about: the mail it answers (In-Reply-To, then References from the
    newest), if that is one of our ticket mails; else the tag `[T-2026-00042]` in the subject."""
    for message_id in [*mail.in_reply_to, *reversed(mail.references)]:
        found = _OUR_TICKET_ID.match(message_id)
        if found and found.group(2).lower() == our_domain:
            return found.group(1).upper()
    return subject_ticket(mail.subject)


def answers_other_mail_of_ours(mail: ParsedMail, our_domain: str) -> bool:
    """A reply to one of our mails that is not about a ticket (a planned change, say)."""
    return any(
        _OUR_OTHER_ID.match(message_id) and domain_of(message_id) == our_domain
        for message_id in [*mail.in_reply_to, *mail.references]
    )


def ticket_title(mail: ParsedMail, limit: int) -> str:
    """The subject without reply prefixes and our tag, one line; else the first line of text."""
    title = re.sub(r"^\s*((re|aw|wg|fw|fwd|antw)\s*:\s*)+", "", mail.subject, flags=re.IGNORECASE)
    title = title.strip()
    if not title:
        first = next((line.strip() for line in mail.reply_text.splitlines() if line.strip()), "")
        title = first
    return re.sub(r"\s+", " ", title)[:limit].strip()
