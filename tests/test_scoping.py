"""Company scoping: a customer sees only their own company; another company's data is 404."""

from portal.models import ApiToken


def test_customer_sees_own_company(client_a, company_a):
    response = client_a.get(f"/firma/{company_a.id}")
    assert response.status_code == 200
    assert "Alpha Steuerberatung GmbH" in response.get_data(as_text=True)


def test_customer_cannot_open_other_companys_page(client_a, company_b):
    response = client_a.get(f"/firma/{company_b.id}")
    assert response.status_code == 404
    assert "Beta Logistik" not in response.get_data(as_text=True)


def test_unknown_and_foreign_company_answer_alike(client_a, company_b):
    foreign = client_a.get(f"/firma/{company_b.id}")
    unknown = client_a.get("/firma/99999")
    assert foreign.status_code == unknown.status_code == 404

    def main_part(response):
        page = response.get_data(as_text=True)
        return page[page.index("<main") : page.index("</main>")]

    assert main_part(foreign) == main_part(unknown)


def test_staff_sees_every_company(staff_client, company_a, company_b):
    assert staff_client.get(f"/firma/{company_a.id}").status_code == 200
    assert staff_client.get(f"/firma/{company_b.id}").status_code == 200


def test_customer_cannot_revoke_another_users_token(client_a, customer_b):
    token, _plain = ApiToken.issue(customer_b)
    response = client_a.post(f"/konto/tokens/{token.id}/widerrufen")
    assert response.status_code == 404
    assert ApiToken.get_by_id(token.id).revoked_at is None
