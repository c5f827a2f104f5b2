"""Attachments: checked by their content (not only by name) while the upload is read piece by
piece, stored in the database (portal/tickets/filestore.py), served only as downloads."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple

import filetype
from flask_babel import gettext as _

from portal.tickets import filestore
from portal.tickets.rules import too_many_files

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# extension -> the type its content must have
ALLOWED_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "log": "text/plain",
}
TEXT = "text/plain"
# Control characters that do not occur in text files (tab, newlines, form feed and the
# escape of coloured log lines do). Any other byte is text: Latin-1 decodes every byte.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


class AttachmentError(ValueError):
    """A file we do not accept; the message says why, in the user's language."""


class FileInfo(NamedTuple):
    """What an attachment row says of a file that is already stored: name, type, size."""

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class Upload:
    """An accepted file: its bytes stay in ``source`` (werkzeug keeps uploads above 500 KB in
    a temporary file) until store() copies them into the database piece by piece."""

    filename: str
    content_type: str
    size: int
    source: BinaryIO


def allowed_list() -> str:
    return "PNG, JPG, PDF, TXT, LOG"


def too_many_message() -> str:
    return too_many_files(MAX_FILES)


def clean_filename(name: str) -> str:
    """The name the customer gave, without folders or control characters."""
    name = re.split(r"[\\/]", name or "")[-1]
    name = "".join(c for c in name if c.isprintable()).strip().lstrip(".")
    return name[-150:]


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(filename: str, content: bytes) -> Upload:
    """An accepted file from bytes already in memory (a mail's attachment)."""
    return check_stream(filename, io.BytesIO(content))


def check_stream(filename: str, source: BinaryIO) -> Upload:
    """An accepted file, or AttachmentError: type by extension and content, size. The stream
    is read once piece by piece (never more than MAX_BYTES and a piece) and rewound."""
    name = clean_filename(filename)
    expected = ALLOWED_TYPES.get(_extension(name))
    if expected is None:
        raise AttachmentError(
            _(
                "„%(name)s“: Dieser Dateityp ist nicht erlaubt. Erlaubt sind %(types)s.",
                name=name or "?",
                types=allowed_list(),
            )
        )
    source.seek(0)
    head = source.read(filestore.CHUNK_BYTES)
    size, binary = len(head), bool(_BINARY_BYTES.search(head))
    while size <= MAX_BYTES and (piece := source.read(filestore.CHUNK_BYTES)):
        size += len(piece)
        binary = binary or bool(_BINARY_BYTES.search(piece))
    source.seek(0)
    if not size:
        raise AttachmentError(_("„%(name)s“ ist leer.", name=name))
    if size > MAX_BYTES:
        raise AttachmentError(
            _("„%(name)s“ ist größer als %(mb)d MB.", name=name, mb=MAX_BYTES // 1024 // 1024)
        )
    guessed = filetype.guess(head)
    if expected == TEXT:
        matches = guessed is None and not binary
    else:
        matches = guessed is not None and guessed.mime == expected
    if not matches:
        raise AttachmentError(
            _(
                "„%(name)s“: Der Inhalt passt nicht zur Dateiendung. Bitte senden Sie die "
                "Datei im Originalformat (%(types)s).",
                name=name,
                types=allowed_list(),
            )
        )
    return Upload(filename=name, content_type=expected, size=size, source=source)


def read_uploads(files: Iterable) -> list[Upload]:
    """Check uploaded files (werkzeug FileStorage); empty file inputs are skipped."""
    files = [f for f in files if f and f.filename]
    if len(files) > MAX_FILES:
        raise AttachmentError(too_many_message())
    return [check_stream(storage.filename, storage.stream) for storage in files]


def store(upload: Upload) -> str:
    """Copy the file into the database inside the caller's transaction; return its key."""
    upload.source.seek(0)
    stored = filestore.write(upload.source)
    if stored.size != upload.size:  # rolls the transaction back: never a row with other bytes
        raise RuntimeError(f"{upload.filename}: changed since it was checked")
    return stored.key
