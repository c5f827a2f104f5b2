"""A person with data in every corner of the portal, for the export and erasure tests, and
the dumps of the whole database (SQLite's iterdump, PostgreSQL's pg_dump) to search."""

from __future__ import annotations

import email
import io
import sqlite3
import subprocess
from email import policy

from portal.auth import links
from portal.changes import service as changes
from portal.inbound import service as inbound
from portal.models import User
from portal.outbox.models import OutboxMail
from portal.tickets import service as tickets
from portal.tickets.attachments import Upload
from tests.changes_support import announce
from tests.conftest import POSTGRES_URL, TEST_PASSWORD
from tests.ticket_factory import make_ticket

PHONE = "0211 5551234"
UPLOAD = b"Notiz: der Drucker im 2. OG, Anna Alpha\n"


def reply_mail(number: str, sender: str) -> bytes:
    return (
        f"From: Anna Alpha <{sender}>\r\n"
        "To: service@bluvo.de\r\n"
        f"Subject: AW: [{number}] Drucker\r\n"
        "Message-ID: <antwort-1@alpha.example>\r\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "Danke, geht wieder.\r\n\r\nViele Grüße\r\nAnna Alpha\r\n"
    ).encode()


def fill_person(app, client, person, staff, colleague=None) -> dict:
    """Tickets, messages, an attachment, a planned change, mails in and out, a failed sign-in
    and a reset request of `person` (a customer); returns what was made."""
    User.update(phone=PHONE).where(User.id == person.id).execute()
    person = User.get_by_id(person.id)
    ticket = make_ticket(
        app,
        person,
        title="Drucker druckt nicht",
        description=f"Bitte Anna Alpha unter {PHONE} zurückrufen.",
        uploads=(Upload("notiz.txt", "text/plain", len(UPLOAD), io.BytesIO(UPLOAD)),),
    )
    with app.test_request_context():
        tickets.add_message(ticket, staff, "Hallo Anna Alpha, wir kümmern uns darum.")
        tickets.add_message(ticket, staff, "anna@alpha.example hat angerufen", internal=True)
        inbound.import_raw(reply_mail(ticket.number, person.email))
        links.request_reset(person.email, "192.0.2.7", None)
    change = announce(
        app,
        person,
        details={
            "employee_name": "Lena Hoffmann",
            "start_date": "2026-12-14",
            "workstation": "new_laptop",
            "accounts": ["email"],
            "email_wished": "lena.hoffmann@alpha.example",
            "software": "",
            "phone": "none",
            "remarks": "Rückfragen an Anna Alpha",
        },
        wished="2027-03-01",
    )
    with app.test_request_context():
        changes.add_message(change, person, "Ich bin ab 8 Uhr da.")
    other = None
    if colleague is not None:
        other = make_ticket(
            app, colleague, title="VPN", description="Anna Alpha kann sich auch nicht anmelden."
        )
    # a failed sign-in leaves sign-in counters keyed by the address
    app.test_client().post(
        "/anmelden", data={"email": person.email, "password": TEST_PASSWORD + "x"}
    )
    return {"ticket": ticket, "change": change, "colleague_ticket": other}


def sqlite_dump(app) -> str:
    path = app.config["DATABASE_URL"].removeprefix("sqlite:///")
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def postgres_dump() -> str:
    result = subprocess.run(
        ["pg_dump", "--data-only", "--no-owner", POSTGRES_URL],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def database_dump(app) -> str:
    return postgres_dump() if POSTGRES_URL else sqlite_dump(app)


def outbox_texts() -> list[str]:
    """Every outbox mail as its decoded headers and text parts (the dump shows raw MIME
    bytes, where a name may be encoded)."""
    texts = []
    for row in OutboxMail.select():
        message = email.message_from_bytes(bytes(row.raw), policy=policy.default)
        parts = [f"{key}: {value}" for key, value in message.items()]
        for part in message.walk():
            if part.get_content_maintype() == "text" and not part.is_multipart():
                parts.append(part.get_content())
        texts.append("\n".join(parts))
    return texts
