"""The account page: language, password and API tokens shown once."""

import re

from werkzeug.security import check_password_hash

from portal.models import ApiToken, User
from tests.conftest import TEST_PASSWORD


def test_creating_a_token_shows_it_once(client_a, customer_a):
    response = client_a.post("/konto/tokens", data={"name": "Skript", "scope": "api"})
    assert response.status_code == 201
    plain = re.search(r'id="new-token">(kp_[^<]+)<', response.get_data(as_text=True)).group(1)
    assert ApiToken.find_active(plain).user.id == customer_a.id
    assert plain not in client_a.get("/konto").get_data(as_text=True)


def test_customer_cannot_create_a_monitoring_token(client_a):
    response = client_a.post("/konto/tokens", data={"name": "x", "scope": "monitoring"})
    assert response.status_code == 400
    assert ApiToken.select().count() == 0


def test_token_without_name_is_explained(client_a):
    response = client_a.post("/konto/tokens", data={"name": "", "scope": "api"})
    assert response.status_code == 400
    assert "Bitte geben Sie dem Token einen Namen." in response.get_data(as_text=True)


def test_revoking_a_token_stops_it(client_a, customer_a, client):
    token, plain = ApiToken.issue(customer_a)
    assert client_a.post(f"/konto/tokens/{token.id}/widerrufen").status_code == 302
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 401


def test_the_mail_setting_is_described_by_its_hint(client_a):
    # a screen reader reads the hint with the checkbox it belongs to
    html = client_a.get("/konto").get_data(as_text=True)
    assert 'aria-describedby="mail_noncritical-hint"' in html
    hint = "E-Mails zu kritischen Störungen erhalten Sie immer."
    assert f'<p class="hint" id="mail_noncritical-hint">{hint}</p>' in html


def test_password_change_needs_the_current_password(client_a, customer_a):
    response = client_a.post(
        "/konto/passwort",
        data={"current": "falsch", "new": "ganz-neues-pw", "repeat": "ganz-neues-pw"},
    )
    assert response.status_code == 400
    assert "Das aktuelle Passwort ist falsch." in response.get_data(as_text=True)
    ok = client_a.post(
        "/konto/passwort",
        data={"current": TEST_PASSWORD, "new": "ganz-neues-pw", "repeat": "ganz-neues-pw"},
    )
    assert ok.status_code == 302
    assert check_password_hash(User.get_by_id(customer_a.id).password_hash, "ganz-neues-pw")


def test_language_preference_is_saved(client_a, customer_a):
    assert client_a.post("/konto/sprache", data={"language": "en"}).status_code == 302
    assert User.get_by_id(customer_a.id).preferred_language == "en"
    assert "My account" in client_a.get("/konto").get_data(as_text=True)


def test_an_unknown_language_is_refused_and_the_preference_kept(client_a, customer_a):
    response = client_a.post("/konto/sprache", data={"language": "xx"})
    assert response.status_code == 400
    assert "Bitte prüfen Sie die markierten Angaben." in response.get_data(as_text=True)
    assert User.get_by_id(customer_a.id).preferred_language == customer_a.preferred_language
