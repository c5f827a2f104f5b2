"""Company contacts ("Ansprechpartner"): managing the colleagues of their own company only,
and the company's choice whether colleagues see all of its tickets."""

from __future__ import annotations

import pytest

from portal.models import Company, User
from tests.accounts_support import outbox_to
from tests.conftest import login_client, make_user
from tests.ticket_factory import make_ticket


@pytest.fixture
def contact_a(app, company_a):
    user = make_user(app, "clara@alpha.example", "Clara Contact", "customer", company_a)
    User.update(is_contact=True).where(User.id == user.id).execute()
    return User.get_by_id(user.id)


@pytest.fixture
def contact_client(app, contact_a):
    return login_client(app, contact_a)


def test_contact_sees_the_colleagues_of_the_company(contact_client, customer_a, customer_b):
    page = contact_client.get("/firma/kollegen").get_data(as_text=True)
    assert customer_a.email in page
    assert customer_b.email not in page


def test_ordinary_customer_has_no_colleagues_page(client_a):
    assert client_a.get("/firma/kollegen").status_code == 403


def test_contact_deactivates_and_reactivates_a_colleague(contact_client, customer_a):
    response = contact_client.post(f"/firma/kollegen/{customer_a.id}/deaktivieren")
    assert response.status_code == 302
    assert not User.get_by_id(customer_a.id).active
    contact_client.post(f"/firma/kollegen/{customer_a.id}/aktivieren")
    assert User.get_by_id(customer_a.id).active


def test_contact_cannot_touch_another_companys_users(contact_client, customer_b, staff):
    for user in (customer_b, staff):
        assert contact_client.post(f"/firma/kollegen/{user.id}/deaktivieren").status_code == 404
        assert contact_client.post(f"/firma/kollegen/{user.id}/aktivieren").status_code == 404
    assert User.get_by_id(customer_b.id).active and User.get_by_id(staff.id).active


def test_contact_invites_a_colleague_into_their_own_company(contact_client, contact_a):
    response = contact_client.post(
        "/firma/kollegen/einladen",
        data={"email": "neu@alpha.example", "name": "Nils Neu", "language": "en"},
    )
    assert response.status_code == 302
    invited = User.by_email("neu@alpha.example")
    assert invited.company_id == contact_a.company_id and invited.role == "customer"
    assert not invited.is_contact
    [message] = outbox_to("neu@alpha.example")
    assert message["Content-Language"] == "en"


def test_company_can_hide_colleagues_tickets(app, contact_client, customer_a, company_a):
    colleague = make_user(app, "carl@alpha.example", "Carl Colleague", "customer", company_a)
    ticket = make_ticket(app, colleague)
    client_a = login_client(app, customer_a)
    assert client_a.get(f"/tickets/{ticket.number}").status_code == 200  # the default

    response = contact_client.post("/firma/sichtbarkeit", data={})
    assert response.status_code == 302
    assert not Company.get_by_id(company_a.id).colleagues_see_all
    assert client_a.get(f"/tickets/{ticket.number}").status_code == 404
    assert contact_client.get(f"/tickets/{ticket.number}").status_code == 200
    assert login_client(app, colleague).get(f"/tickets/{ticket.number}").status_code == 200
