"""API authentication by Bearer token: hashed, revocable, scoped."""

from portal.db import utcnow
from portal.models import ApiToken


def bearer(plain):
    return {"Authorization": f"Bearer {plain}"}


def test_valid_token_signs_the_request_in(client, customer_a):
    token, plain = ApiToken.issue(customer_a)
    response = client.get("/api/v1/me", headers=bearer(plain))
    assert response.status_code == 200
    assert response.json["company"] == "Alpha Steuerberatung GmbH"
    assert ApiToken.get_by_id(token.id).last_used_at is not None


def test_token_is_stored_only_as_a_hash(customer_a):
    token, plain = ApiToken.issue(customer_a)
    assert plain not in (token.token_hash, token.prefix)
    assert token.prefix == plain[:10]


def test_revoked_token_is_refused(client, customer_a):
    token, plain = ApiToken.issue(customer_a)
    ApiToken.update(revoked_at=utcnow()).where(ApiToken.id == token.id).execute()
    response = client.get("/api/v1/me", headers=bearer(plain))
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"


def test_unknown_token_is_refused(client, db):
    response = client.get("/api/v1/me", headers=bearer("kp_nicht-echt"))
    assert response.status_code == 401


def test_token_of_inactive_user_is_refused(client, customer_a):
    _token, plain = ApiToken.issue(customer_a)
    customer_a.active = False
    customer_a.save()
    assert client.get("/api/v1/me", headers=bearer(plain)).status_code == 401


def test_monitoring_token_cannot_use_the_general_api(client, staff):
    _token, plain = ApiToken.issue(staff, scope="monitoring")
    response = client.get("/api/v1/me", headers=bearer(plain))
    assert response.status_code == 403
    assert response.json["error"]["code"] == "wrong_scope"


def test_token_does_not_sign_in_html_pages(client, customer_a):
    _token, plain = ApiToken.issue(customer_a)
    assert client.get("/konto", headers=bearer(plain)).status_code == 302


def test_openapi_document_is_valid_31(client, db):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.1")
    assert "/me" in document["paths"]


def test_monitoring_token_ends_when_its_staff_account_becomes_a_customer(client, staff, company_a):
    token, plain = ApiToken.issue(staff, scope="monitoring")
    assert ApiToken.find_active(plain) is not None
    staff.role, staff.company = "customer", company_a
    staff.save()
    assert ApiToken.find_active(plain) is None
    assert client.get("/api/v1/me", headers=bearer(plain)).status_code == 401
