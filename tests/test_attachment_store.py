"""Attachments live in the database: any instance serves any file, large files move piece by
piece, a write that fails half-way leaves nothing, and migration 16 moves the old folder in."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from portal import create_app
from portal.db import database
from portal.inbound.models import InboundMail
from portal.migrations import SchemaVersion, migrate
from portal.tickets import attachments, filestore, service
from portal.tickets.models import Attachment, StoredFile, StoredFileChunk, Ticket, TicketMessage
from tests.conftest import login_client
from tests.ticket_factory import make_ticket

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(50)
PDF_HEAD = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
NINE_MB = 9_000_000
PIECE = filestore.CHUNK_BYTES
ROOT = Path(__file__).resolve().parent.parent


def large_pdf(size: int = NINE_MB) -> bytes:
    """A PDF header and random bytes: any lost, doubled or reordered piece changes the hash."""
    return PDF_HEAD + os.urandom(size - len(PDF_HEAD))


def upload_form(name: str, content: bytes) -> dict:
    return {"body": "Anbei die Datei", "attachments": [(io.BytesIO(content), name)]}


def post_reply(client, number: str, name: str, content: bytes):
    return client.post(
        f"/tickets/{number}/nachricht",
        data=upload_form(name, content),
        content_type="multipart/form-data",
    )


def second_instance(app, tmp_path):
    """Another portal instance: its own Flask app and instance folder, the same database."""
    database.close()  # the first app's connection; the proxy now opens the second app's
    other = create_app({**app.config, "DATABASE_URL": app.config["DATABASE_URL"]})
    other.instance_path = str(tmp_path / "instance-b")
    os.makedirs(other.instance_path, exist_ok=True)
    return other


def test_uploaded_through_one_instance_downloads_through_another(app, tmp_path, customer_a, staff):
    ticket = make_ticket(app, customer_a)
    content = large_pdf(700_000)  # three pieces
    response = post_reply(login_client(app, customer_a), ticket.number, "befund.pdf", content)
    assert response.status_code == 302

    other = second_instance(app, tmp_path)
    attachment = Attachment.get()
    response = login_client(other, staff).get(f"/tickets/{ticket.number}/anhaenge/{attachment.id}")

    assert response.status_code == 200
    assert response.data == content
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == "attachment; filename=befund.pdf"
    assert response.headers["Content-Length"] == str(len(content))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    for instance in (app, other):  # neither keeps files on its disk
        assert not os.path.exists(os.path.join(instance.instance_path, "attachments"))


def test_other_company_gets_404_from_the_second_instance(app, tmp_path, customer_a, customer_b):
    ticket = make_ticket(app, customer_a)
    post_reply(login_client(app, customer_a), ticket.number, "bild.png", PNG)
    other = second_instance(app, tmp_path)
    url = f"/tickets/{ticket.number}/anhaenge/{Attachment.get().id}"
    assert login_client(other, customer_b).get(url).status_code == 404
    assert login_client(other, customer_a).get(url).data == PNG


def test_nine_megabytes_round_trip_in_pieces(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    content = large_pdf()
    assert post_reply(client_a, ticket.number, "scan.pdf", content).status_code == 302

    attachment = Attachment.get()
    stored = StoredFile.get_by_id(attachment.storage_key)
    sizes = [
        len(data)
        for (data,) in StoredFileChunk.select(StoredFileChunk.data)
        .where(StoredFileChunk.file == stored.key)
        .order_by(StoredFileChunk.seq)
        .tuples()
    ]
    # 9 000 000 bytes = 34 full pieces of 262 144 and 87 104 bytes
    assert sizes == [PIECE] * 34 + [87_104]
    assert (attachment.size, stored.size) == (NINE_MB, NINE_MB)
    assert stored.sha256 == hashlib.sha256(content).hexdigest()

    response = client_a.get(f"/tickets/{ticket.number}/anhaenge/{attachment.id}")
    assert response.status_code == 200
    assert response.data == content


def test_download_holds_one_piece_not_the_file(app, client_a, customer_a):
    """Python's allocations while a 9 MB download is read (psycopg2 and sqlite3 both build
    their results as Python objects): a few pieces, never the whole file."""
    ticket = make_ticket(app, customer_a)
    content = large_pdf()
    post_reply(client_a, ticket.number, "scan.pdf", content)
    url = f"/tickets/{ticket.number}/anhaenge/{Attachment.get().id}"
    digest = hashlib.sha256()

    tracemalloc.start()
    try:
        response = client_a.get(url, buffered=False)
        for piece in response.response:
            digest.update(piece)
        response.close()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert digest.hexdigest() == hashlib.sha256(content).hexdigest()
    assert peak < 8 * PIECE, f"peak {peak} bytes"  # 2 MiB; the file is 9 MB


def test_upload_is_checked_and_stored_from_disk_piece_by_piece(app, customer_a, tmp_path):
    """A large upload waits in werkzeug's temporary file; checking and storing it read it a
    piece at a time."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(large_pdf())
    ticket = make_ticket(app, customer_a)

    with path.open("rb") as source, app.test_request_context():
        tracemalloc.start()
        try:
            upload = attachments.check_stream("scan.pdf", source)
            service.add_message(ticket, customer_a, "Anbei", uploads=[upload])
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert upload.size == NINE_MB
    assert peak < 8 * PIECE, f"peak {peak} bytes"
    assert filestore.read_all(Attachment.get().storage_key) == path.read_bytes()


class BrokenStream(io.RawIOBase):
    """An upload whose reading fails after some pieces (a disk error, a lost connection)."""

    def __init__(self, content: bytes, fail_after: int):
        self.inner = io.BytesIO(content)
        self.fail_after = fail_after

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=0):
        return self.inner.seek(offset, whence)

    def read(self, size=-1):
        if self.inner.tell() >= self.fail_after:
            raise OSError("lost while reading the upload")
        return self.inner.read(size)


def test_failure_in_the_middle_of_the_pieces_leaves_nothing(app, customer_a):
    ticket = make_ticket(app, customer_a)
    content = large_pdf(2_000_000)
    upload = attachments.Upload("scan.pdf", "application/pdf", len(content), BrokenStream(
        content, fail_after=3 * PIECE
    ))  # fmt: skip

    with app.test_request_context(), pytest.raises(OSError):
        service.add_message(ticket, customer_a, "Anbei", uploads=[png_upload(), upload])

    assert TicketMessage.select().count() == 0
    assert Attachment.select().count() == 0
    assert StoredFile.select().count() == 0
    assert StoredFileChunk.select().count() == 0


def test_failure_while_storing_a_new_tickets_files_leaves_no_ticket(app, customer_a):
    content = large_pdf(1_000_000)
    upload = attachments.Upload("scan.pdf", "application/pdf", len(content), BrokenStream(
        content, fail_after=2 * PIECE
    ))  # fmt: skip
    with pytest.raises(OSError):
        make_ticket(app, customer_a, uploads=[png_upload(), upload])
    assert Ticket.select().count() == 0 and Attachment.select().count() == 0
    assert StoredFile.select().count() == 0 and StoredFileChunk.select().count() == 0


def png_upload():
    """A small accepted file (fresh each time: its stream is read when it is stored)."""
    return attachments.Upload("bild.png", "image/png", len(PNG), io.BytesIO(PNG))


def test_files_are_only_written_inside_the_rows_transaction(db):
    with pytest.raises(RuntimeError):
        filestore.write(io.BytesIO(PNG))
    assert StoredFile.select().count() == 0


# --- migration 16: the former folder instance/attachments ----------------------------------


def _back_to_version_15():
    """The database as before step 16: no file tables, step 16 not recorded."""
    StoredFileChunk.drop_table()
    StoredFile.drop_table()
    SchemaVersion.delete().where(SchemaVersion.version == 16).execute()


def _old_attachment(ticket, key: str, name: str, size: int) -> Attachment:
    return Attachment.create(
        ticket=ticket, filename=name, content_type="application/pdf", size=size, storage_key=key
    )


def test_migration_moves_the_files_of_the_old_folder(app, customer_a, staff):
    ticket = make_ticket(app, customer_a)
    folder = os.path.join(app.instance_path, "attachments")
    os.makedirs(folder)
    files = {"a" * 32: large_pdf(600_000), "b" * 32: PNG, "e" * 32: b"From: x@y\r\n\r\nHallo\r\n"}
    for key, content in files.items():
        with open(os.path.join(folder, key), "wb") as handle:
            handle.write(content)
    _back_to_version_15()
    _old_attachment(ticket, "a" * 32, "alt.pdf", 600_000)
    _old_attachment(ticket, "b" * 32, "alt.png", len(PNG))
    _old_attachment(ticket, "c" * 32, "verloren.pdf", 10)  # its file was lost before
    InboundMail.create(
        message_key="k1", sender="x@y", subject="Hallo", received_at=ticket.created_at,
        size=len(files["e" * 32]), raw_key="e" * 32, state="pending",
    )  # fmt: skip
    with open(os.path.join(folder, "d" * 32), "wb") as handle:
        handle.write(b"a file no row names")

    with app.app_context():
        assert migrate() == [16]

    moved = {row.key: row for row in StoredFile.select()}
    assert sorted(moved) == ["a" * 32, "b" * 32, "e" * 32]
    for key, content in files.items():
        assert filestore.read_all(key) == content
        assert moved[key].size == len(content)
        assert moved[key].sha256 == hashlib.sha256(content).hexdigest()
    assert StoredFileChunk.select().where(StoredFileChunk.file == "a" * 32).count() == 3
    assert sorted(os.listdir(folder)) == ["a" * 32, "b" * 32, "d" * 32, "e" * 32]  # left

    os.remove(os.path.join(folder, "a" * 32))  # the folder is no longer read
    client = login_client(app, staff)
    first = Attachment.get(Attachment.storage_key == "a" * 32)
    lost = Attachment.get(Attachment.storage_key == "c" * 32)
    assert client.get(f"/tickets/{ticket.number}/anhaenge/{first.id}").data == files["a" * 32]
    assert client.get(f"/tickets/{ticket.number}/anhaenge/{lost.id}").status_code == 404
    mail = InboundMail.get()
    assert client.get(f"/posteingang/{mail.id}/original.eml").data == files["e" * 32]


def test_migration_resumes_after_an_interrupted_run(app, customer_a):
    """A run stopped after some files: the next one moves the rest and keeps the moved ones."""
    ticket = make_ticket(app, customer_a)
    folder = os.path.join(app.instance_path, "attachments")
    os.makedirs(folder)
    for key, content in (("a" * 32, b"%PDF-1 erste"), ("b" * 32, b"%PDF-1 zweite")):
        with open(os.path.join(folder, key), "wb") as handle:
            handle.write(content)
        _old_attachment(ticket, key, "x.pdf", len(content))
    # as left by a run killed after the first file: tables there, one file in, not recorded
    SchemaVersion.delete().where(SchemaVersion.version == 16).execute()
    with open(os.path.join(folder, "a" * 32), "rb") as first, database.atomic():
        filestore.write(first, key="a" * 32)

    with app.app_context():
        assert migrate() == [16]
        assert migrate() == []

    assert filestore.read_all("a" * 32) == b"%PDF-1 erste"
    assert filestore.read_all("b" * 32) == b"%PDF-1 zweite"
    assert StoredFile.select().count() == 2 and StoredFileChunk.select().count() == 2


def test_migration_without_the_configuration_refuses_to_lose_files(app, customer_a):
    ticket = make_ticket(app, customer_a)
    _back_to_version_15()
    _old_attachment(ticket, "a" * 32, "alt.pdf", 10)
    with pytest.raises(RuntimeError, match="ATTACHMENT_DIR"):
        migrate()  # no app context: the folder is unknown
    assert 16 not in [v for (v,) in SchemaVersion.select(SchemaVersion.version).tuples()]


# --- a process killed while it writes the pieces ----------------------------------------

KILLED_WRITER = r"""
import sys
from portal import create_app
from portal.db import database
from portal.models import User
from portal.tickets import attachments, service
from portal.tickets.models import Ticket

class Upstream:
    '''An upload still arriving: blocks for each piece, says when two are written.'''
    reads = 0
    def seek(self, *args):
        return 0
    def read(self, size):
        self.reads += 1
        if self.reads == 3:
            print("two pieces written", flush=True)
        return sys.stdin.buffer.read(size)

app = create_app({"DATABASE_URL": sys.argv[1], "SECRET_KEY": "x", "DATABASE_POOL": False})
with app.test_request_context(), database.connection_context():
    upload = attachments.Upload("scan.pdf", "application/pdf", 10**7, Upstream())
    service.add_message(Ticket.get(), User.get_by_id(int(sys.argv[2])), "Anbei", uploads=[upload])
"""


def test_process_killed_while_writing_pieces_leaves_nothing(app, customer_a):
    ticket = make_ticket(app, customer_a)
    database.close()  # nothing of this process stands between the writer and the database
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, app.config["DATABASE_URL"], str(customer_a.id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        writer.stdin.write(large_pdf(2 * PIECE))
        writer.stdin.flush()
        assert writer.stdout.readline() == b"two pieces written\n"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    database.connect(reuse_if_open=True)
    assert TicketMessage.select().where(TicketMessage.ticket == ticket.id).count() == 0
    assert Attachment.select().count() == 0
    assert StoredFile.select().count() == 0 and StoredFileChunk.select().count() == 0
    # and the database takes the next write at once (the lock died with the writer)
    with app.test_request_context():
        service.add_message(ticket, customer_a, "Anbei", uploads=[png_upload()])
    assert filestore.read_all(Attachment.get().storage_key) == PNG


def test_download_name_with_umlauts_keeps_both_forms(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    post_reply(client_a, ticket.number, "Prüfbericht März.pdf", PDF_HEAD + b"1 0 obj\n")
    response = client_a.get(f"/tickets/{ticket.number}/anhaenge/{Attachment.get().id}")
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="Prufbericht Marz.pdf"; '
        "filename*=UTF-8''Pr%C3%BCfbericht%20M%C3%A4rz.pdf"
    )
