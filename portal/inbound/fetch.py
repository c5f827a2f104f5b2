"""Fetching the support mailbox over IMAP (IMAPClient): every unseen mail is imported in its
own transaction, then flagged \\Seen.

The mail is read with BODY.PEEK[] so that fetching does not mark it as seen: a crash between
the import and the flag leaves it unseen, and the next run imports it again, which is a no-op
(its Message-ID is the key)."""

from __future__ import annotations

import datetime as dt
import logging
import ssl
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from flask import current_app
from imapclient import IMAPClient

from portal.inbound import service

log = logging.getLogger(__name__)

# Mails fetched per round trip, and the most bytes one batch may hold in memory.
BATCH_SIZE = 50
BATCH_BYTES = 50 * 1024 * 1024
DEFAULT_PORTS = {"imap": 143, "imaps": 993}


@dataclass(frozen=True)
class Mailbox:
    host: str
    port: int
    ssl: bool
    username: str
    password: str
    folder: str

    @classmethod
    def from_url(cls, url: str) -> Mailbox:
        """`imaps://user%40example:secret@host[:port]/FOLDER` (folder default INBOX)."""
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise ValueError("PORTAL_INBOUND_IMAP_URL: expected imap://… or imaps://…")
        return cls(
            host=parts.hostname,
            port=parts.port or DEFAULT_PORTS[parts.scheme],
            ssl=parts.scheme == "imaps",
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            folder=unquote(parts.path.lstrip("/")) or "INBOX",
        )


@dataclass
class Result:
    imported: int = 0  # mails seen for the first time
    repeated: int = 0  # fetched again, already imported: nothing new
    failed: int = 0  # left unseen for the next run


def connect(mailbox: Mailbox, timeout: float = 30) -> IMAPClient:
    context = ssl.create_default_context() if mailbox.ssl else None
    client = IMAPClient(
        mailbox.host, port=mailbox.port, ssl=mailbox.ssl, ssl_context=context, timeout=timeout
    )
    client.login(mailbox.username, mailbox.password)
    return client


def import_mailbox(url: str | None = None) -> Result:
    """Import every unseen mail of the configured mailbox (inside an app context)."""
    url = url or current_app.config.get("INBOUND_IMAP_URL")
    result = Result()
    if not url:
        return result
    mailbox = Mailbox.from_url(url)
    client = connect(mailbox)
    try:
        client.select_folder(mailbox.folder)
        unseen = client.search(["UNSEEN"])
        sizes = client.fetch(unseen, ["RFC822.SIZE"]) if unseen else {}
        for batch in _batches(unseen, sizes):
            _import_batch(client, batch, result)
    finally:
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the import is done; a lost goodbye is harmless
            log.debug("IMAP logout failed", exc_info=True)
    return result


def _batches(uids: list[int], sizes: dict) -> list[list[int]]:
    batches, current, held = [], [], 0
    for uid in sorted(uids):
        size = sizes.get(uid, {}).get(b"RFC822.SIZE", 0)
        if current and (len(current) >= BATCH_SIZE or held + size > BATCH_BYTES):
            batches.append(current)
            current, held = [], 0
        current.append(uid)
        held += size
    if current:
        batches.append(current)
    return batches


def _import_batch(client: IMAPClient, uids: list[int], result: Result) -> None:
    fetched = client.fetch(uids, ["BODY.PEEK[]", "INTERNALDATE"])
    for uid in uids:
        data = fetched.get(uid)
        if data is None:
            continue  # deleted by someone else meanwhile
        raw = data.get(b"BODY[]") or b""
        try:
            row = service.import_raw(raw, _received_at(data.get(b"INTERNALDATE")))
        except Exception:  # noqa: BLE001 - stays unseen and is tried again next time
            log.exception("inbound mail uid %s failed; left unseen", uid)
            result.failed += 1
            continue
        if row.created_now:
            result.imported += 1
        else:
            result.repeated += 1
        mark_seen(client, uid)


def mark_seen(client: IMAPClient, uid: int) -> None:
    client.add_flags([uid], [b"\\Seen"], silent=True)


def _received_at(internal_date) -> dt.datetime | None:
    if not isinstance(internal_date, dt.datetime):
        return None
    if internal_date.tzinfo is None:  # IMAPClient gives local time unless normalised
        internal_date = internal_date.astimezone()
    return internal_date.astimezone(dt.UTC)
