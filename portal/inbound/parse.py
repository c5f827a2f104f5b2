"""Reading one raw e-mail with the standard library's parser (policy.default): sender, subject,
references, the text without quoted history, attachments, and what could not be read.

Plain Python, no Flask or database. `parse_mail` never raises: a mail it cannot read
completely comes back with `problems`, and the import sends it to the Posteingang."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.errors import (
    CloseBoundaryNotFoundDefect,
    MultipartInvariantViolationDefect,
    NoBoundaryInMultipartDefect,
    StartBoundaryNotFoundDefect,
)
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from portal.inbound.text import html_to_text, strip_quoted

# Text beyond this is not read into a ticket (TEXT_MAX of a ticket is far smaller).
MAX_TEXT_CHARS = 1_000_000
SUBJECT_MAX = 250
KEY_MAX = 200
_MAX_DEPTH = 30
_BROKEN_MIME = (
    StartBoundaryNotFoundDefect,
    CloseBoundaryNotFoundDefect,
    MultipartInvariantViolationDefect,
    NoBoundaryInMultipartDefect,
)
# What could not be read (the Posteingang names each).
PROBLEMS = ("unreadable", "mime", "charset", "headers", "too_large")


@dataclass(frozen=True)
class MailFile:
    filename: str
    content: bytes
    content_type: str


@dataclass
class ParsedMail:
    key: str  # the Message-ID, or a hash of the bytes when it has none
    message_id: str = ""  # without the angle brackets
    sender: str = ""  # the From address, lower-cased
    sender_name: str = ""
    subject: str = ""  # one line, at most SUBJECT_MAX characters
    date: dt.datetime | None = None
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased name -> value
    content_type: str = ""
    text: str = ""  # the whole text
    reply_text: str = ""  # without quoted history and signature
    attachments: list[MailFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def problem(self, name: str) -> None:
        if name not in self.problems:
            self.problems.append(name)


def parse_mail(raw: bytes, max_bytes: int | None = None) -> ParsedMail:
    """Everything the import needs from one raw mail; never raises."""
    try:
        if max_bytes is not None and len(raw) > max_bytes:
            message = BytesHeaderParser(policy=policy.default).parsebytes(raw)
            parsed = _headers(message, raw)
            parsed.problem("too_large")
            return parsed
        message = message_from_bytes(raw, policy=policy.default)
        parsed = _headers(message, raw)
        _body(message, parsed)
        return parsed
    except Exception:  # noqa: BLE001 - whatever the parser trips on, the mail must not stop the job
        parsed = ParsedMail(key=raw_key(raw))
        parsed.problem("unreadable")
        _salvage_headers(raw, parsed)
        return parsed


def raw_key(raw: bytes) -> str:
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def single_line(text: str, limit: int) -> str:
    """Header text as one line without control characters, at most ``limit`` characters."""
    cleaned = "".join(c if c.isprintable() else " " for c in text)
    return re.sub(r"\s+", " ", cleaned).strip()[:limit]


def _text_of(value, parsed: ParsedMail) -> str:
    """A header's text; raw 8-bit bytes (undeclared charset) are read as UTF-8 or cp1252."""
    text = str(value)
    if _has_raw_bytes(text):
        parsed.problem("headers")
        data = text.encode("utf-8", "surrogateescape")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
    return text


def _header(message, name: str, parsed: ParsedMail) -> str:
    raw = _raw_header(message, name)
    if raw is not None and _has_raw_bytes(raw):
        # policy.default would show U+FFFD: read the undeclared 8-bit bytes ourselves
        return re.sub(r"\r?\n[ \t]+", " ", _text_of(raw, parsed))
    try:
        value = message.get(name)
    except Exception:  # noqa: BLE001 - a header the policy cannot parse
        parsed.problem("headers")
        value = raw
    return "" if value is None else _text_of(value, parsed)


def _has_raw_bytes(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def _raw_header(message, name: str) -> str | None:
    for key, value in message.raw_items():
        if key.lower() == name.lower():
            return value
    return None


_MSGID = re.compile(r"<([^<>\s]+)>")


def message_ids(value: str) -> list[str]:
    """The ids in a Message-ID, In-Reply-To or References header, without angle brackets."""
    return _MSGID.findall(value or "")


def _headers(message, raw: bytes) -> ParsedMail:
    parsed = ParsedMail(key="")
    ids = message_ids(_header(message, "Message-ID", parsed))
    parsed.message_id = ids[0] if ids else ""
    parsed.key = _key(parsed.message_id, raw)
    from_value = _header(message, "From", parsed)
    addresses = [(n, a) for n, a in getaddresses([from_value]) if "@" in a]
    if addresses:
        parsed.sender_name = single_line(addresses[0][0], 200)
        parsed.sender = addresses[0][1].strip().lower()[:254]
    parsed.subject = single_line(_header(message, "Subject", parsed), SUBJECT_MAX)
    parsed.in_reply_to = message_ids(_header(message, "In-Reply-To", parsed))
    parsed.references = message_ids(_header(message, "References", parsed))
    parsed.date = _date(_header(message, "Date", parsed))
    for name in (
        "Auto-Submitted",
        "Precedence",
        "X-Auto-Response-Suppress",
        "X-Autoreply",
        "X-Autorespond",
        "Return-Path",
    ):
        if _raw_header(message, name) is not None:
            parsed.headers[name.lower()] = single_line(_header(message, name, parsed), 200)
    try:
        parsed.content_type = message.get_content_type()
    except Exception:  # noqa: BLE001
        parsed.content_type = "text/plain"
        parsed.problem("headers")
    return parsed


def _key(message_id: str, raw: bytes) -> str:
    if not message_id:
        return raw_key(raw)
    if len(message_id) > KEY_MAX or not message_id.isprintable():
        return "sha256:" + hashlib.sha256(message_id.encode("utf-8", "replace")).hexdigest()
    return message_id


def _date(value: str) -> dt.datetime | None:
    try:
        moment = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None or moment.tzinfo is None:
        return None
    return moment.astimezone(dt.UTC)


def _salvage_headers(raw: bytes, parsed: ParsedMail) -> None:
    """After a parser failure: at least sender and subject, read line by line."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0][:65536]
    text = head.decode("utf-8", "replace")
    for name, attribute in (("from", "sender"), ("subject", "subject")):
        found = re.search(rf"^{name}:[ \t]*(.*)$", text, re.IGNORECASE | re.MULTILINE)
        if not found:
            continue
        value = found.group(1)
        if attribute == "sender":
            addresses = [a for _n, a in getaddresses([value]) if "@" in a]
            parsed.sender = addresses[0].lower()[:254] if addresses else ""
        else:
            parsed.subject = single_line(value, SUBJECT_MAX)


def _body(message: EmailMessage, parsed: ParsedMail) -> None:
    if any(isinstance(d, _BROKEN_MIME) for part in message.walk() for d in part.defects):
        parsed.problem("mime")
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    if plain is not None:
        parsed.text = _bounded(_decoded(plain, parsed), parsed)
        parsed.reply_text = strip_quoted(parsed.text)
    elif html is not None:
        whole, above_history = html_to_text(_decoded(html, parsed))
        parsed.text = _bounded(whole, parsed)
        parsed.reply_text = strip_quoted(_bounded(above_history, parsed))
    cids = _referenced_cids(html, parsed) if html is not None else set()
    body_parts = {id(part) for part in (plain, html) if part is not None}
    _collect_attachments(message, body_parts, cids, parsed, 0)


def _bounded(text: str, parsed: ParsedMail) -> str:
    if len(text) > MAX_TEXT_CHARS:
        parsed.problem("too_large")
        return text[:MAX_TEXT_CHARS]
    return text


def _decoded(part, parsed: ParsedMail) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError, ValueError):
        parsed.problem("charset")
    payload = part.get_payload(decode=True) or b""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", "replace")


def _referenced_cids(html_part, parsed: ParsedMail) -> set[str]:
    html = _decoded(html_part, parsed) if "charset" not in parsed.problems else ""
    return {cid.lower() for cid in re.findall(r"cid:([^\"'\s>)]+)", html[:2_000_000])}


def _collect_attachments(part, body_parts: set[int], cids: set[str], parsed, depth) -> None:
    if depth > _MAX_DEPTH or id(part) in body_parts:
        return
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        content = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
        parsed.attachments.append(MailFile(_filename(part, "nachricht.eml"), content, content_type))
        return
    if part.is_multipart():
        for sub in part.iter_parts():
            _collect_attachments(sub, body_parts, cids, parsed, depth + 1)
        return
    if depth == 0:
        return  # a single-part mail: its only part is the body
    disposition = part.get_content_disposition()
    filename = _filename(part, "")
    content_id = (part.get("Content-ID") or "").strip("<> ").lower()
    if disposition != "attachment" and (not filename or content_id in cids):
        return  # body text of another kind, or a picture of the HTML signature
    content = part.get_payload(decode=True) or b""
    parsed.attachments.append(MailFile(filename or "anhang", content, content_type))


def _filename(part, default: str) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        return default
    return single_line(name, 200) if name else default
