"""Security baseline: headers, CSRF, size limit, error pages, nothing loaded from elsewhere."""

import re

import pytest

from portal.models import User
from tests.conftest import csrf_token_from


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_every_page_sends_the_security_headers(client, db):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_hsts_only_in_production(app, client, db):
    assert "Strict-Transport-Security" not in client.get("/").headers
    app.config["ENV_NAME"] = "production"
    assert "max-age" in client.get("/").headers["Strict-Transport-Security"]


def test_form_without_csrf_token_is_rejected_in_german(csrf_app, customer_a):
    client = csrf_app.test_client()
    response = client.post("/anmelden", data={"email": "anna@alpha.example", "password": "x"})
    assert response.status_code == 400
    assert "Das Formular ist abgelaufen oder ungültig" in response.get_data(as_text=True)


def test_form_with_csrf_token_is_accepted(csrf_app, customer_a):
    from tests.conftest import TEST_PASSWORD

    client = csrf_app.test_client()
    token = csrf_token_from(client.get("/anmelden"))
    response = client.post(
        "/anmelden",
        data={"email": "anna@alpha.example", "password": TEST_PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302


def test_api_write_with_session_needs_the_csrf_header(csrf_app, customer_a):
    from tests.conftest import login_client

    client = login_client(csrf_app, customer_a)
    response = client.patch("/api/v1/me", json={"preferred_language": "en"})
    assert response.status_code == 400
    assert response.json["error"]["code"] == "csrf_failed"
    assert User.get_by_id(customer_a.id).preferred_language is None
    token = csrf_token_from(client.get("/konto"))
    response = client.patch(
        "/api/v1/me", json={"preferred_language": "en"}, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200


def test_logout_without_csrf_token_is_rejected(csrf_app, customer_a):
    from tests.conftest import login_client

    client = login_client(csrf_app, customer_a)
    assert client.post("/abmelden").status_code == 400
    assert client.get("/konto").status_code == 200


def test_oversized_request_gets_413_in_german(app, client, db):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/anmelden", data={"email": "x" * 4096})
    assert response.status_code == 413
    assert "zu groß" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("de", "Seite nicht gefunden"), ("en", "Page not found")],
)
def test_404_page_in_the_users_language(client, db, lang, text):
    response = client.get("/gibt-es-nicht", headers={"Accept-Language": lang})
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)


def test_api_errors_are_json(client, db):
    response = client.get("/api/v1/gibt-es-nicht")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"
    assert response.json["error"]["message"]


def test_api_without_login_is_401_json(client, db):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_unexpected_error_shows_a_german_500_page(app, db):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.config["TESTING"] = False

    @app.route("/kaputt")
    def broken():
        raise RuntimeError("boom")

    response = app.test_client().get("/kaputt")
    assert response.status_code == 500
    assert "Es ist ein Fehler aufgetreten" in response.get_data(as_text=True)
    assert "boom" not in response.get_data(as_text=True)


def test_forbidden_page_is_german(client_a):
    from portal.access import staff_required

    # a staff-only view seen by a customer
    app = client_a.application

    @app.route("/nur-intern")
    @staff_required
    def internal():
        return "intern"

    response = client_a.get("/nur-intern")
    assert response.status_code == 403
    assert "Berechtigung" in response.get_data(as_text=True)


EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["'](?:https?:)?//""", re.I)


@pytest.mark.parametrize(
    ("path", "status"), [("/", 200), ("/anmelden", 200), ("/gibt-es-nicht", 404)]
)
def test_pages_load_nothing_from_other_sites(client, db, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert not EXTERNAL.findall(response.get_data(as_text=True))


def test_stylesheet_and_script_load_nothing_from_other_sites(client, db):
    for path in ("/static/css/portal.css", "/static/js/portal.js"):
        response = client.get(path)
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        assert "http" not in body and "@import" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/aenderungen/99999999999999999999",
        "/firma/99999999999999999999",
        "/api/v1/changes/99999999999999999999",
        "/verwaltung/firmen/99999999999999999999",
        "/verwaltung/benutzer/99999999999999999999",
    ],
)
def test_id_beyond_the_database_range_is_not_found(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/anmelden", {"email": 5, "password": 5}),
        ("/anmelden", [1]),
        ("/konto/sprache", {"language": "en"}),
    ],
)
def test_pages_refuse_json_bodies_with_a_400(client_a, path, body):
    response = client_a.post(path, json=body)
    assert response.status_code == 400
    assert "nur Formulare" in response.get_data(as_text=True)


def test_a_security_header_a_response_sets_itself_is_kept(app):
    from flask import Response

    from portal.security import set_security_headers

    response = Response("x", headers={"x-frame-options": "SAMEORIGIN"})
    with app.test_request_context():
        headers = set_security_headers(response).headers
    assert headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert len(headers.getlist("Content-Security-Policy")) == 1
