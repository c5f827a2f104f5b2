"""Attachments: checked by their content (not only by name), stored outside static/ under a
random id in ATTACHMENT_DIR (default: instance/attachments), served only as downloads."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import filetype
from flask import current_app
from flask_babel import gettext as _

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
# escape of coloured log lines do).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_KEY = re.compile(r"^[0-9a-f]{32}$")


class AttachmentError(ValueError):
    """A file we do not accept; the message says why, in the user's language."""


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes
    content_type: str


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


def _is_text(content: bytes) -> bool:
    if _BINARY_BYTES.search(content):
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        # Latin-1 decodes any byte; the control-character check above is what rules out binaries.
        content.decode("latin-1")
    return True


def check_upload(filename: str, content: bytes) -> Upload:
    """An accepted file, or AttachmentError: type by content and extension, size."""
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
    if not content:
        raise AttachmentError(_("„%(name)s“ ist leer.", name=name))
    if len(content) > MAX_BYTES:
        raise AttachmentError(
            _("„%(name)s“ ist größer als %(mb)d MB.", name=name, mb=MAX_BYTES // 1024 // 1024)
        )
    guessed = filetype.guess(content)
    if expected == TEXT:
        matches = guessed is None and _is_text(content)
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
    return Upload(filename=name, content=content, content_type=expected)


def read_uploads(files: Iterable) -> list[Upload]:
    """Read and check uploaded files (werkzeug FileStorage); empty file inputs are skipped."""
    files = [f for f in files if f and f.filename]
    if len(files) > MAX_FILES:
        raise AttachmentError(too_many_message())
    uploads = []
    for storage in files:
        content = storage.stream.read(MAX_BYTES + 1)
        uploads.append(check_upload(storage.filename, content))
    return uploads


def storage_dir() -> Path:
    configured = current_app.config.get("ATTACHMENT_DIR")
    return Path(configured or os.path.join(current_app.instance_path, "attachments"))


def path_for(key: str) -> Path:
    if not _KEY.match(key):
        raise ValueError("not a storage key")
    return storage_dir() / key


def store(upload: Upload) -> str:
    """Write the file under a new random id; return the id."""
    directory = storage_dir()
    directory.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(16)
    temporary = directory / f"{key}.part"
    temporary.write_bytes(upload.content)
    os.replace(temporary, directory / key)
    return key


def remove(keys: Iterable[str]) -> None:
    """Delete files of a transaction that did not commit, so no orphan stays behind."""
    for key in keys:
        path_for(key).unlink(missing_ok=True)
