"""Password strength: zxcvbn's estimate, and never the user's own name or address."""

from __future__ import annotations

import pytest

from portal.auth.passwords import password_problem
from portal.auth.service import AccountError, create_user
from tests.conftest import TEST_PASSWORD


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaa",
        "1234567890",
        "qwertzuiop",
        "passwort123",
        "anna@alpha.example",
        "AnnaAlpha2026",
    ],
)
def test_weak_or_personal_passwords_are_refused(app, password):
    with app.test_request_context():
        assert password_problem(password, email="anna@alpha.example", name="Anna Alpha")


@pytest.mark.parametrize("password", [TEST_PASSWORD, "Kaffee-Wolke-Treppe-Nord", "vT9#qL2!xR7m"])
def test_strong_passwords_are_accepted(app, password):
    with app.test_request_context():
        assert password_problem(password, email="anna@alpha.example", name="Anna Alpha") is None


def test_the_account_page_explains_a_weak_password_in_german(client_a):
    response = client_a.post(
        "/konto/passwort",
        data={"current": TEST_PASSWORD, "new": "1234567890", "repeat": "1234567890"},
    )
    assert response.status_code == 400
    assert "zu leicht zu erraten" in response.get_data(as_text=True)


def test_the_account_page_refuses_the_own_address_in_english_too(client_a):
    client_a.post("/konto/sprache", data={"language": "en"})
    new = "anna@alpha.example!"
    response = client_a.post(
        "/konto/passwort", data={"current": TEST_PASSWORD, "new": new, "repeat": new}
    )
    assert "contains your name or your e-mail address" in response.get_data(as_text=True)


def test_an_account_is_not_created_with_a_weak_password(app, company_a):
    with app.app_context(), pytest.raises(AccountError) as refused:
        create_user("neu@alpha.example", "Neu", "aaaaaaaaaa", "customer", company_a)
    assert refused.value.field == "password"
