"""The file store in the database: attachments and the originals of imported mails in pieces
of CHUNK_BYTES (StoredFile, StoredFileChunk), written inside the transaction of the row that
names them and read back one piece per query, so no whole file is ever held in memory."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import quote

from flask import Response

from portal.db import database
from portal.tickets.models import StoredFile, StoredFileChunk

# Large enough that a 10 MB file is 40 queries, small enough that a download of any size
# holds one piece (and the driver's copy of it) at a time.
CHUNK_BYTES = 256 * 1024


class MissingPiece(LookupError):
    """A piece of a stored file is gone (deleted while it was read)."""


def new_key() -> str:
    return secrets.token_hex(16)


def write(source: BinaryIO, key: str | None = None) -> StoredFile:
    """Store ``source`` from where it stands to its end under ``key`` (default: a new random
    one). Only inside the transaction that writes the row naming the key: a rollback, or a
    process killed half-way, then leaves neither the row nor any piece."""
    if not database.in_transaction():
        raise RuntimeError("a file is written in the transaction of the row that names it")
    key = key or new_key()
    StoredFile.insert(key=key, size=0, sha256="").execute()
    digest, size = hashlib.sha256(), 0
    for seq, piece in enumerate(_pieces(source)):
        StoredFileChunk.insert(file=key, seq=seq, data=piece).execute()
        digest.update(piece)
        size += len(piece)
    sha256 = digest.hexdigest()
    StoredFile.update(size=size, sha256=sha256).where(StoredFile.key == key).execute()
    return StoredFile(key=key, size=size, sha256=sha256)


def _pieces(source: BinaryIO) -> Iterator[bytes]:
    """Full pieces of CHUNK_BYTES, the last one shorter (a read may return less than asked)."""
    buffer = bytearray()
    while data := source.read(CHUNK_BYTES - len(buffer)):
        buffer += data
        if len(buffer) == CHUNK_BYTES:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)


def find(key: str | None) -> StoredFile | None:
    return StoredFile.get_or_none(StoredFile.key == key) if key else None


def pieces(stored: StoredFile) -> Iterator[bytes]:
    """The file's bytes in order, one piece (one query) at a time."""
    received, seq = 0, 0
    while received < stored.size:
        data = (
            StoredFileChunk.select(StoredFileChunk.data)
            .where(StoredFileChunk.file == stored.key, StoredFileChunk.seq == seq)
            .scalar()
        )
        if data is None:
            raise MissingPiece(f"{stored.key}: piece {seq} is missing")
        data = bytes(data)  # psycopg2 hands bytea back as a memoryview
        received += len(data)
        seq += 1
        yield data


def read_all(key: str) -> bytes:
    """The whole file, for the few readers that need it whole (parsing a stored mail)."""
    stored = find(key)
    return b"".join(pieces(stored)) if stored is not None else b""


def download(stored: StoredFile, mimetype: str, download_name: str) -> Response:
    """Always a download (Content-Disposition: attachment), never shown inline or sniffed;
    the body is read piece by piece while it is sent."""
    response = Response(_streamed(stored), mimetype=mimetype, direct_passthrough=True)
    response.content_length = stored.size
    response.headers.set("Content-Disposition", "attachment", **_names(download_name))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _streamed(stored: StoredFile) -> Iterator[bytes]:
    # The body is sent after the request's teardown handed its connection back: take one for
    # the time of the download and give it back when the download ends or is broken off.
    opened = database.connect(reuse_if_open=True)
    try:
        yield from pieces(stored)
    finally:
        if opened and not database.is_closed():
            database.close()


def _names(download_name: str) -> dict:
    """filename (ASCII) and, for other names, filename* (RFC 6266), as Flask's send_file."""
    try:
        download_name.encode("ascii")
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", download_name).encode("ascii", "ignore")
        quoted = quote(download_name, safe="!#$&+-.^_`|~")
        return {"filename": simple.decode("ascii"), "filename*": f"UTF-8''{quoted}"}
    return {"filename": download_name}


def delete(keys) -> int:
    """Delete stored files with their pieces, inside the caller's transaction (an erasure, the
    retention job); returns how many files went. Rows that name them are the caller's."""
    keys = sorted(set(keys))
    deleted = 0
    for start in range(0, len(keys), 500):
        batch = keys[start : start + 500]
        StoredFileChunk.delete().where(StoredFileChunk.file.in_(batch)).execute()
        deleted += StoredFile.delete().where(StoredFile.key.in_(batch)).execute()
    return deleted
