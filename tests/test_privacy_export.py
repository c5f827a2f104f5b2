"""The DSGVO export: a person downloads everything the portal holds about them as a ZIP
(daten.json and their uploaded files); an admin exports any person; nobody else can."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from portal.audit import AuditEntry
from portal.auth.models import UserSession
from portal.changes.models import ChangeMessage, PlannedChange
from portal.models import User
from portal.outbox.models import OutboxMail
from portal.tickets.models import TicketMessage
from tests.conftest import login_client, make_user
from tests.privacy_support import PHONE, UPLOAD, fill_person


def open_export(response) -> tuple[dict, zipfile.ZipFile]:
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    return json.loads(archive.read("daten.json")), archive


@pytest.fixture
def filled(app, client_a, customer_a, staff):
    return fill_person(app, client_a, customer_a, staff)


def test_customer_downloads_own_data_and_it_matches_the_database(client_a, customer_a, filled):
    data, archive = open_export(client_a.get("/konto/meine-daten"))
    person = User.get_by_id(customer_a.id)
    assert data["format"] == "kundenportal-export/1"
    assert data["person"]["email"] == "anna@alpha.example"
    assert data["person"]["name"] == "Anna Alpha"
    assert data["person"]["phone"] == PHONE
    assert data["person"]["company"]["customer_number"] == "K-00001"
    assert "password_hash" not in json.dumps(data)
    assert person.password_hash not in json.dumps(data)

    [ticket] = data["tickets"]
    assert ticket["number"] == filled["ticket"].number
    assert ticket["reported_by_you"] is True
    # the conversation as the customer sees it: no internal note
    stored = (
        TicketMessage.select()
        .where(TicketMessage.ticket == filled["ticket"].id, TicketMessage.internal == False)  # noqa: E712
        .order_by(TicketMessage.created_at, TicketMessage.id)
    )
    assert [m["body"] for m in ticket["messages"]] == [m.body for m in stored]
    assert "anna@alpha.example hat angerufen" not in json.dumps(data, ensure_ascii=False)
    assert any(m["written_by_you"] for m in ticket["messages"])  # the reply by e-mail

    [attachment] = ticket["attachments"]
    assert attachment["filename"] == "notiz.txt"
    assert archive.read(attachment["file"]) == UPLOAD

    [change] = data["planned_changes"]
    assert change["id"] == filled["change"].id
    assert change["details"] == PlannedChange.get_by_id(filled["change"].id).details
    assert [m["body"] for m in change["messages"]] == [
        m.body for m in ChangeMessage.select().where(ChangeMessage.change == change["id"])
    ]

    sessions = UserSession.select().where(UserSession.user == customer_a.id)
    assert len(data["sessions"]) == sessions.count() >= 1
    assert {s["device"] for s in data["sessions"]} == {s.user_agent for s in sessions}

    to_person = OutboxMail.select().where(OutboxMail.recipient == "anna@alpha.example")
    assert sorted(m["subject"] for m in data["mails"]["to_you"]) == sorted(
        m.subject for m in to_person
    )
    [mail_in] = data["mails"]["from_you"]
    assert "Danke, geht wieder." in mail_in["body"]


def test_export_is_in_the_audit_log(client_a, customer_a, filled):
    client_a.get("/konto/meine-daten")
    entry = AuditEntry.get(AuditEntry.action == "export")
    assert entry.actor_id == entry.subject_id == customer_a.id


def test_admin_exports_any_person(admin_client, admin, customer_a, filled):
    data, _archive = open_export(admin_client.get(f"/verwaltung/benutzer/{customer_a.id}/daten"))
    assert data["person"]["email"] == "anna@alpha.example"
    assert [t["number"] for t in data["tickets"]] == [filled["ticket"].number]
    entry = AuditEntry.get(AuditEntry.action == "export")
    assert (entry.actor_id, entry.subject_id) == (admin.id, customer_a.id)


def test_nobody_but_an_admin_exports_another_person(app, client_b, customer_a, staff_client):
    assert client_b.get(f"/verwaltung/benutzer/{customer_a.id}/daten").status_code == 404
    assert staff_client.get(f"/verwaltung/benutzer/{customer_a.id}/daten").status_code == 404
    colleague = make_user(app, "carl@alpha.example", "Carl Alpha", "customer", customer_a.company)
    User.update(is_contact=True).where(User.id == colleague.id).execute()
    contact = login_client(app, User.get_by_id(colleague.id))
    assert contact.get(f"/verwaltung/benutzer/{customer_a.id}/daten").status_code == 404
    assert not AuditEntry.select().where(AuditEntry.action == "export").exists()


def test_staff_export_holds_their_own_internal_notes(app, staff, customer_a, filled):
    client = login_client(app, staff)
    data, _archive = open_export(client.get("/konto/meine-daten"))
    bodies = [m["body"] for t in data["tickets"] for m in t["messages"]]
    assert "anna@alpha.example hat angerufen" in bodies


def test_account_page_offers_the_download(client_a):
    page = client_a.get("/konto").get_data(as_text=True)
    assert "Meine Daten herunterladen" in page and "/konto/meine-daten" in page
