"""Erasing a person: afterwards their name, address and phone number are nowhere in the
database (the whole dump searched, and every outbox mail decoded), their files are gone, and
their tickets remain for the company, anonymised."""

from __future__ import annotations

import pytest

from portal.audit import AuditEntry
from portal.auth.models import LoginThrottle, ResetRequest, UserSession
from portal.models import ApiToken, User
from portal.privacy.erasure import PLACEHOLDER_NAME
from portal.tickets import filestore
from portal.tickets.models import Attachment, StoredFile, Ticket, TicketMessage
from tests.conftest import login_client, make_user
from tests.privacy_support import PHONE, database_dump, fill_person, outbox_texts

NAME, ADDRESS = "Anna Alpha", "anna@alpha.example"


@pytest.fixture
def colleague(app, company_a):
    return make_user(app, "carl@alpha.example", "Carl Alpha", "customer", company_a)


@pytest.fixture
def filled(app, client_a, customer_a, staff, colleague):
    made = fill_person(app, client_a, customer_a, staff, colleague=colleague)
    with app.app_context():
        ApiToken.issue(User.get_by_id(customer_a.id), name="Skript")
    return made


def erase(admin_client, person, confirm=ADDRESS):
    return admin_client.post(
        f"/verwaltung/benutzer/{person.id}/loeschen", data={"confirm_email": confirm}
    )


def stored_files() -> list[bytes]:
    """Every file the database keeps (attachments, originals of mails), joined from its pieces
    (the dump shows them as hex)."""
    return [filestore.read_all(stored.key) for stored in StoredFile.select()]


def test_the_person_is_in_the_database_before(app, filled, db):
    dump = database_dump(app).lower()
    assert NAME.lower() in dump and ADDRESS in dump and PHONE in dump
    assert any(NAME in text for text in outbox_texts())
    assert any(ADDRESS.encode() in content for content in stored_files())  # the mail's .eml


def test_after_erasure_name_and_address_are_nowhere_in_the_database(
    app, admin_client, customer_a, filled, db
):
    assert erase(admin_client, customer_a).status_code == 302
    dump = database_dump(app).lower()
    for term in (NAME.lower(), ADDRESS, PHONE):
        assert term not in dump
    for text in outbox_texts():
        assert NAME.lower() not in text.lower() and ADDRESS not in text.lower()
    for content in stored_files():
        assert NAME.encode() not in content and ADDRESS.encode() not in content


def test_tickets_remain_anonymised_for_the_company(app, admin_client, customer_a, filled, db):
    ticket = filled["ticket"]
    before = TicketMessage.select().where(TicketMessage.ticket == ticket.id).count()
    erase(admin_client, customer_a)
    kept = Ticket.get_by_id(ticket.id)
    assert kept.reporter_id == customer_a.id and kept.company_id == customer_a.company_id
    assert kept.description == "Bitte Gelöschte Person unter – zurückrufen."
    assert TicketMessage.select().where(TicketMessage.ticket == ticket.id).count() == before
    staff_reply = TicketMessage.get(TicketMessage.body.startswith("Hallo"))
    assert staff_reply.body == "Hallo Gelöschte Person, wir kümmern uns darum."
    colleague_ticket = Ticket.get_by_id(filled["colleague_ticket"].id)
    assert colleague_ticket.description == "Gelöschte Person kann sich auch nicht anmelden."
    person = User.get_by_id(customer_a.id)
    assert person.name == PLACEHOLDER_NAME
    assert person.email == f"geloescht-{customer_a.id}@anonym.invalid"
    assert not person.active and person.erased_at is not None


def test_colleagues_see_the_placeholder_on_the_ticket(
    app, admin_client, customer_a, colleague, filled, db
):
    erase(admin_client, customer_a)
    page = login_client(app, colleague).get(f"/tickets/{filled['ticket'].number}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert PLACEHOLDER_NAME in text and NAME not in text and ADDRESS not in text


def test_their_sessions_tokens_counters_and_files_are_gone(
    app, admin_client, customer_a, client_a, filled, db
):
    assert Attachment.select().where(Attachment.uploaded_by == customer_a.id).exists()
    erase(admin_client, customer_a)
    assert not UserSession.select().where(UserSession.user == customer_a.id).exists()
    assert not ApiToken.select().where(ApiToken.user == customer_a.id).exists()
    assert not LoginThrottle.select().where(LoginThrottle.key.contains(ADDRESS)).exists()
    assert not ResetRequest.select().where(ResetRequest.email == ADDRESS).exists()
    assert not Attachment.select().where(Attachment.uploaded_by == customer_a.id).exists()
    assert client_a.get("/tickets").status_code == 302  # signed out
    entry = AuditEntry.get(AuditEntry.action == "erasure")
    assert entry.subject_id == customer_a.id


def test_a_wrong_confirmation_erases_nothing(admin_client, customer_a, filled, db):
    response = erase(admin_client, customer_a, confirm="jemand@alpha.example")
    assert response.status_code == 400
    assert "stimmt nicht" in response.get_data(as_text=True)
    assert User.get_by_id(customer_a.id).email == ADDRESS


def test_an_admin_cannot_erase_themselves(admin_client, admin, db):
    response = erase(admin_client, admin, confirm=admin.email)
    assert response.status_code == 400
    assert User.get_by_id(admin.id).erased_at is None


def test_nobody_but_an_admin_can_erase(app, client_b, staff_client, customer_a, colleague, db):
    for client in (client_b, staff_client, login_client(app, colleague)):
        assert client.get(f"/verwaltung/benutzer/{customer_a.id}/loeschen").status_code == 404
        response = client.post(
            f"/verwaltung/benutzer/{customer_a.id}/loeschen", data={"confirm_email": ADDRESS}
        )
        assert response.status_code == 404
    assert User.get_by_id(customer_a.id).erased_at is None


def test_an_erased_person_cannot_be_erased_again(admin_client, customer_a, db):
    erase(admin_client, customer_a)
    assert admin_client.get(f"/verwaltung/benutzer/{customer_a.id}/loeschen").status_code == 404


def test_an_erased_person_cannot_be_reactivated(app, admin_client, customer_a, colleague, db):
    erase(admin_client, customer_a)
    response = admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}",
        data={
            "name": "Gelöschte Person",
            "role": "customer",
            "company": str(customer_a.company_id),
            "active": "y",
        },
    )
    assert response.status_code == 400
    assert not User.get_by_id(customer_a.id).active
    # a company contact no longer finds the placeholder among the colleagues
    User.update(is_contact=True).where(User.id == colleague.id).execute()
    contact = login_client(app, User.get_by_id(colleague.id))
    assert contact.post(f"/firma/kollegen/{customer_a.id}/aktivieren").status_code == 404
    assert PLACEHOLDER_NAME not in contact.get("/firma/kollegen").get_data(as_text=True)


def test_scrubbing_replaces_whole_words_in_any_case(app, customer_a, db):
    from portal.privacy.erasure import Scrubber

    scrubber = Scrubber(User.get_by_id(customer_a.id))
    text = "ANNA ALPHA schrieb an Anna@Alpha.example; Anna Alphabet nicht."
    assert scrubber.text(text) == (
        f"Gelöschte Person schrieb an geloescht-{customer_a.id}@anonym.invalid; "
        "Anna Alphabet nicht."
    )


def test_scrubbing_replaces_the_forms_that_name_the_person(app, customer_a, db):
    from portal.privacy.erasure import Scrubber

    scrubber = Scrubber(User.get_by_id(customer_a.id))
    text = (
        "Bitte Frau Alpha zurückrufen (Rückfrage von Herrn Alpha?). Alpha, Anna hat angerufen; "
        "gez. A. Alpha. Dear Ms. Alpha. Frau Alphonse, die Alpha-Gruppe und Alpha allein bleiben."
    )
    assert scrubber.text(text) == (
        "Bitte Gelöschte Person zurückrufen (Rückfrage von Gelöschte Person?). Gelöschte Person "
        "hat angerufen; gez. Gelöschte Person. Dear Gelöschte Person. Frau Alphonse, die "
        "Alpha-Gruppe und Alpha allein bleiben."
    )
