"""The staff Posteingang: list, detail, assign to a ticket, open one for a company, discard."""

from __future__ import annotations

import pytest

from portal.inbound import service
from portal.inbound.models import InboundMail
from portal.tickets.models import Attachment, Ticket, TicketMessage
from tests import inbound_mails as m
from tests.conftest import csrf_token_from
from tests.ticket_factory import make_ticket


def text(response) -> str:
    return response.get_data(as_text=True)


def imported(app, template, **values) -> InboundMail:
    with app.test_request_context():
        return service.import_raw(m.build(template, **values))


@pytest.fixture
def unknown(app, db):
    return imported(app, m.UNKNOWN_SENDER)


def test_posteingang_is_in_staff_navigation_and_lists_what_waits(
    app, staff_client, unknown, customer_a
):
    automatic = imported(app, m.OUT_OF_OFFICE_DE)
    page = staff_client.get("/posteingang")
    assert page.status_code == 200
    assert 'href="/posteingang"' in text(page)
    assert "Angebot für Wartungsvertrag" in text(page) and "Unbekannter Absender" in text(page)
    assert "Abwesenheitsnotiz" not in text(page)  # automatic mails stay out of the default view
    assert "Abwesenheitsnotiz" in text(staff_client.get("/posteingang?ansicht=automatisch"))
    assert staff_client.get(f"/posteingang/{automatic.id}").status_code == 200
    assert staff_client.get("/posteingang?ansicht=<x>&seite=-1").status_code == 200


def test_posteingang_in_english(staff_client, unknown):
    page = staff_client.get("/posteingang", headers={"Accept-Language": "en"})
    assert "Unknown sender" in text(page) and "Inbox" in text(page)


def test_customers_get_no_posteingang(client_a, unknown):
    assert client_a.get("/posteingang").status_code == 403
    assert client_a.get(f"/posteingang/{unknown.id}").status_code == 403
    assert client_a.get(f"/posteingang/{unknown.id}/original.eml").status_code == 403
    assert 'href="/posteingang"' not in text(client_a.get("/"))


def test_unknown_ids_are_404(staff_client, db):
    for url in ("/posteingang/999", "/posteingang/99999999999999", "/posteingang/5/original.eml"):
        assert staff_client.get(url).status_code == 404
    assert staff_client.post("/posteingang/999/verwerfen").status_code == 404
    assert staff_client.post("/posteingang/999/ticket", data={"number": "x"}).status_code == 404


def test_original_is_downloadable_by_staff(staff_client, unknown):
    response = staff_client.get(f"/posteingang/{unknown.id}/original.eml")
    assert response.status_code == 200
    assert b"Bitte senden Sie mir ein Angebot." in response.data
    assert "attachment" in response.headers["Content-Disposition"]


def test_assign_to_ticket_adds_an_internal_note_for_an_unknown_sender(
    app, staff_client, unknown, customer_a
):
    ticket = make_ticket(app, customer_a)
    response = staff_client.post(
        f"/posteingang/{unknown.id}/ticket", data={"number": ticket.number}
    )
    assert response.status_code == 302 and ticket.number in response.headers["Location"]
    [note] = TicketMessage.select().where(TicketMessage.ticket == ticket.id)
    assert note.internal and "max@unbekannt.example" in note.body
    assert Attachment.get(Attachment.ticket == ticket.id).internal
    row = InboundMail.get_by_id(unknown.id)
    assert (row.state, row.ticket_id) == ("assigned", ticket.id)
    # done is done: a second decision is refused, not a 500
    again = staff_client.post(f"/posteingang/{unknown.id}/verwerfen")
    assert again.status_code == 302
    assert InboundMail.get_by_id(unknown.id).state == "assigned"


def test_rate_limited_customer_mail_assigned_becomes_their_message(app, staff_client, customer_a):
    ticket = make_ticket(app, customer_a)
    row = imported(app, m.OTHER_COMPANYS_TICKET, other="T-2026-99999")
    assert row.reason == "not_visible"
    staff_client.post(f"/posteingang/{row.id}/ticket", data={"number": ticket.number.lower()})
    [message] = TicketMessage.select().where(TicketMessage.ticket == ticket.id)
    assert not message.internal and message.author_id == customer_a.id


@pytest.mark.parametrize("number", ["", "T-2026-99999", "DROP TABLE", "T-" + "9" * 500])
def test_bad_ticket_number_is_422(staff_client, unknown, number):
    response = staff_client.post(f"/posteingang/{unknown.id}/ticket", data={"number": number})
    assert response.status_code == 422
    assert InboundMail.get_by_id(unknown.id).state == "pending"


def test_open_ticket_for_company(staff_client, unknown, company_a):
    response = staff_client.post(
        f"/posteingang/{unknown.id}/neues-ticket", data={"company": company_a.id}
    )
    assert response.status_code == 302
    ticket = Ticket.get(Ticket.company == company_a.id)
    assert ticket.source == "email" and ticket.reporter_id is None
    assert ticket.title == "Angebot für Wartungsvertrag"
    assert ticket.reported_at == InboundMail.get_by_id(unknown.id).received_at


@pytest.mark.parametrize("company", ["", "0", "abc", "999", "-1"])
def test_open_ticket_needs_a_real_company(staff_client, unknown, company):
    response = staff_client.post(
        f"/posteingang/{unknown.id}/neues-ticket", data={"company": company}
    )
    assert response.status_code == 422
    assert Ticket.select().count() == 0


def test_discard(staff_client, unknown, staff):
    response = staff_client.post(f"/posteingang/{unknown.id}/verwerfen")
    assert response.status_code == 302
    row = InboundMail.get_by_id(unknown.id)
    assert (row.state, row.handled_by_id) == ("discarded", staff.id)
    assert "max@unbekannt.example" in text(staff_client.get("/posteingang?ansicht=erledigt"))


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_posteingang_actions_need_the_csrf_token(staff_client, unknown, company_a):
    for action, data in (
        ("verwerfen", {}),
        ("ticket", {"number": "T-2026-00001"}),
        ("neues-ticket", {"company": company_a.id}),
    ):
        assert (
            staff_client.post(f"/posteingang/{unknown.id}/{action}", data=data).status_code == 400
        )
    token = csrf_token_from(staff_client.get(f"/posteingang/{unknown.id}"))
    response = staff_client.post(f"/posteingang/{unknown.id}/verwerfen", data={"csrf_token": token})
    assert response.status_code == 302


def test_staff_see_source_customers_do_not(app, staff_client, client_a, customer_a):
    row = imported(app, m.HTML_ONLY_NEW)
    number = Ticket.get_by_id(row.ticket_id).number
    page = text(staff_client.get(f"/tickets/{number}"))
    assert "Quelle" in page and "E-Mail.eml" in page
    customer_page = text(client_a.get(f"/tickets/{number}"))
    assert "Quelle" not in customer_page and "E-Mail.eml" not in customer_page
    assert staff_client.get(f"/api/v1/tickets/{number}").get_json()["source"] == "email"
    assert "source" not in client_a.get(f"/api/v1/tickets/{number}").get_json()
    eml = Attachment.get(Attachment.filename == "E-Mail.eml")
    assert client_a.get(f"/tickets/{number}/anhaenge/{eml.id}").status_code == 404
    assert staff_client.get(f"/tickets/{number}/anhaenge/{eml.id}").status_code == 200
