"""Step 16: attachments and the originals of imported mails in the database (stored_file,
stored_file_chunk), and the files of the former attachment folder moved into it."""

import datetime as dt
import hashlib
import logging
import os
import re
from pathlib import Path

import peewee
from flask import current_app, has_app_context

from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024  # as portal.tickets.filestore at this version
_KEY = re.compile(r"^[0-9a-f]{32}$")


def _tables(db):
    stored = _frozen(
        db,
        "stored_file",
        {
            "key": peewee.CharField(max_length=64, primary_key=True),
            "size": peewee.BigIntegerField(),
            "sha256": peewee.CharField(max_length=64),
            "created_at": peewee.DateTimeField(),
        },
    )
    meta = type(
        "Meta",
        (),
        {
            "database": db,
            "table_name": "stored_file_chunk",
            "primary_key": peewee.CompositeKey("file", "seq"),
        },
    )
    chunk = type(
        "Frozen_stored_file_chunk",
        (peewee.Model,),
        {
            "file": peewee.ForeignKeyField(stored, column_name="file_key", on_delete="CASCADE"),
            "seq": peewee.IntegerField(),
            "data": peewee.BlobField(),
            "Meta": meta,
        },
    )
    return stored, chunk


@migration(16, own_transactions=True)
def store_files_in_database(db):
    """The tables, then every file a row names (attachments, mail originals) copied from the
    folder in a transaction of its own: a run that is stopped resumes with the next file, and
    a file is never half in the database. The folder is left as it is and no longer read."""
    stored, chunk = _tables(db)
    with db.atomic():
        db.create_tables([stored, chunk])
    keys = _named_keys(db)
    folder = _former_folder()
    if keys and folder is None:
        raise RuntimeError(
            "Schritt 16 verschiebt die Anhänge in die Datenbank und braucht dafür die "
            "Konfiguration (ATTACHMENT_DIR): bitte mit `flask --app portal init-db` ausführen."
        )
    moved = missing = 0
    for key in keys:
        with db.atomic():
            if stored.select().where(stored.key == key).exists():
                continue  # moved by an earlier, interrupted run
            path = folder / key
            if not path.is_file():
                missing += 1
                log.warning("attachment %s: no file in %s; its download stays a 404", key, folder)
                continue
            _copy(stored, chunk, key, path)
            moved += 1
    if keys:
        log.warning("step 16: %d files moved into the database, %d not found", moved, missing)


def _named_keys(db) -> list[str]:
    cursor = db.execute_sql(
        "SELECT storage_key FROM ticket_attachment UNION "
        "SELECT raw_key FROM inbound_mail WHERE raw_key IS NOT NULL ORDER BY 1"
    )
    # only the keys the store ever wrote: a name from the database never leaves the folder
    return [key for (key,) in cursor.fetchall() if _KEY.match(key or "")]


def _former_folder() -> Path | None:
    if not has_app_context():
        return None
    configured = current_app.config.get("ATTACHMENT_DIR")
    return Path(configured or os.path.join(current_app.instance_path, "attachments"))


def _copy(stored, chunk, key: str, path: Path) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stored.insert(key=key, size=0, sha256="", created_at=now).execute()
    digest, size, seq = hashlib.sha256(), 0, 0
    with path.open("rb") as source:
        while piece := source.read(CHUNK_BYTES):  # a regular file reads full pieces
            chunk.insert(file=key, seq=seq, data=piece).execute()
            digest.update(piece)
            size += len(piece)
            seq += 1
    stored.update(size=size, sha256=digest.hexdigest()).where(stored.key == key).execute()
