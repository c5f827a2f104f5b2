"""Attachments: checked by content, size and count limits, stored in the database, downloads."""

from __future__ import annotations

import io

import pytest

from portal.tickets import attachments, filestore
from portal.tickets.models import Attachment, StoredFile, StoredFileChunk, Ticket, TicketMessage
from tests.conftest import count_queries
from tests.ticket_factory import make_ticket

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(50)
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(50)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(60)
LOG_LATIN1 = "Fehler: Größe überschritten\r\n\tZeile 2\n".encode("latin-1")
LOG_UTF8 = "Dienst gestoppt ✓\n\x1b[31mrot\x1b[0m\n".encode()


def stored_files() -> list:
    """The keys of the files in the database that have at least one piece."""
    return sorted(
        key for (key,) in StoredFileChunk.select(StoredFileChunk.file).distinct().tuples()
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("bildschirm.png", PNG, "image/png"),
        ("foto.JPG", JPG, "image/jpeg"),
        ("foto.jpeg", JPG, "image/jpeg"),
        ("rechnung.pdf", PDF, "application/pdf"),
        ("fehler.log", LOG_LATIN1, "text/plain"),
        ("notiz.txt", LOG_UTF8, "text/plain"),
    ],
)
def test_accepted_types_are_recognised_by_content(app, name, content, content_type):
    with app.test_request_context():
        upload = attachments.check_upload(name, content)
    assert upload.content_type == content_type


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", EXE, "nicht erlaubt"),
        ("rechnung.png", PDF, "passt nicht zur Dateiendung"),
        ("programm.txt", EXE, "passt nicht zur Dateiendung"),
        ("bild.pdf", PNG, "passt nicht zur Dateiendung"),
        ("binaer.log", b"abc\x01\x02def", "passt nicht zur Dateiendung"),
        ("leer.txt", b"", "leer"),
        ("ohne-endung", PNG, "nicht erlaubt"),
        ("gross.png", PNG + bytes(10 * 1024 * 1024), "größer als 10 MB"),
    ],
)
def test_rejected_files_get_a_clear_message(app, name, content, message):
    with app.test_request_context(), pytest.raises(attachments.AttachmentError) as raised:
        attachments.check_upload(name, content)
    assert message in str(raised.value)


def test_folders_in_file_names_are_dropped(app):
    with app.test_request_context():
        assert attachments.check_upload("..\\..\\C:/temp/bild.png", PNG).filename == "bild.png"


def report(files) -> dict:
    return {
        "title": "Fehlermeldung",
        "description": "Siehe Bildschirmfoto.",
        "priority": "normal",
        "affected": "one",
        "urgency": "plain",
        "attachments": [(io.BytesIO(content), name) for name, content in files],
    }


def test_report_with_attachments_stores_them_in_the_database(client_a, tmp_path):
    response = client_a.post(
        "/tickets/neu",
        data=report([("bild.png", PNG), ("log.txt", LOG_UTF8)]),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    stored = list(Attachment.select().order_by(Attachment.id))
    assert [(a.filename, a.content_type, a.size) for a in stored] == [
        ("bild.png", "image/png", len(PNG)),
        ("log.txt", "text/plain", len(LOG_UTF8)),
    ]
    assert stored_files() == sorted(a.storage_key for a in stored)
    assert filestore.read_all(stored[0].storage_key) == PNG
    assert StoredFile.get_by_id(stored[1].storage_key).size == len(LOG_UTF8)
    assert not (tmp_path / "instance" / "attachments").exists()  # nothing on this disk


def test_rejected_file_leaves_no_ticket_and_no_file(client_a):
    response = client_a.post(
        "/tickets/neu",
        data=report([("bild.png", PNG), ("rechnung.png", PDF)]),
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "passt nicht zur Dateiendung" in response.get_data(as_text=True)
    assert Ticket.select().count() == 0 and Attachment.select().count() == 0
    assert stored_files() == [] and StoredFile.select().count() == 0


def test_more_than_five_files_are_refused(client_a):
    response = client_a.post(
        "/tickets/neu",
        data=report([(f"bild{i}.png", PNG) for i in range(6)]),
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "höchstens 5 Dateien" in response.get_data(as_text=True)
    assert Ticket.select().count() == 0 and stored_files() == []


def test_failed_transaction_leaves_no_file(app, customer_a, monkeypatch):
    from portal.tickets import service

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(service.TicketEvent, "create", broken)
    with app.test_request_context():
        upload = attachments.check_upload("bild.png", PNG)
    with pytest.raises(RuntimeError):
        make_ticket(app, customer_a, uploads=[upload])
    assert Ticket.select().count() == 0 and StoredFile.select().count() == 0


def _reply(client, number, files, **extra):
    return client.post(
        f"/tickets/{number}/nachricht",
        data={"body": "Anbei", "attachments": [(io.BytesIO(c), n) for n, c in files], **extra},
        content_type="multipart/form-data",
    )


def test_download_is_an_attachment_with_the_right_type(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    assert _reply(client_a, ticket.number, [("protokoll.pdf", PDF)]).status_code == 302
    attachment = Attachment.get()
    assert attachment.message_id == TicketMessage.get().id
    response = client_a.get(f"/tickets/{ticket.number}/anhaenge/{attachment.id}")
    assert response.status_code == 200
    assert response.data == PDF
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "protokoll.pdf" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_other_company_cannot_download(app, client_a, client_b, customer_a):
    ticket = make_ticket(app, customer_a)
    _reply(client_a, ticket.number, [("bild.png", PNG)])
    attachment = Attachment.get()
    assert client_b.get(f"/tickets/{ticket.number}/anhaenge/{attachment.id}").status_code == 404


def test_attachment_of_an_internal_note_is_for_staff_only(app, client_a, staff_client, customer_a):
    ticket = make_ticket(app, customer_a)
    _reply(staff_client, ticket.number, [("intern.txt", b"nur intern\n")], internal="y")
    attachment = Attachment.get()
    assert attachment.internal
    url = f"/tickets/{ticket.number}/anhaenge/{attachment.id}"
    assert staff_client.get(url).status_code == 200
    assert client_a.get(url).status_code == 404
    assert "intern.txt" not in client_a.get(f"/tickets/{ticket.number}").get_data(as_text=True)


def test_attachment_number_must_match_the_ticket(app, client_a, customer_a):
    first, second = make_ticket(app, customer_a), make_ticket(app, customer_a)
    _reply(client_a, first.number, [("bild.png", PNG)])
    attachment = Attachment.get()
    assert client_a.get(f"/tickets/{second.number}/anhaenge/{attachment.id}").status_code == 404


def test_rejected_reply_file_stores_no_message(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    response = _reply(client_a, ticket.number, [("virus.exe", EXE)])
    assert response.status_code == 422
    assert "nicht erlaubt" in response.get_data(as_text=True)
    assert TicketMessage.select().count() == 0 and stored_files() == []


def test_a_ticket_page_looks_for_files_only_when_the_ticket_has_any(app, client_a, customer_a):
    plain, with_file = make_ticket(app, customer_a), make_ticket(app, customer_a)
    assert _reply(client_a, with_file.number, [("protokoll.pdf", PDF)]).status_code == 302

    def page(number):
        client_a.get(f"/tickets/{number}")  # the first request prepares (PostgreSQL)
        with count_queries() as counter:
            response = client_a.get(f"/tickets/{number}")
        return counter.count, response.get_data(as_text=True)

    plain_queries, plain_html = page(plain.number)
    file_queries, file_html = page(with_file.number)
    assert "protokoll.pdf" in file_html and "protokoll.pdf" not in plain_html
    assert plain_queries == file_queries - 1
