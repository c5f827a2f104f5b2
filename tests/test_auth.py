"""Sign-in, sign-out, the rate limit, the open-redirect guard and the session cookie."""

import pytest

from portal import create_app
from portal.auth.models import LoginThrottle
from portal.auth.views import safe_next
from portal.models import User
from tests.conftest import TEST_PASSWORD


def login(client, email, password, next_="", address="10.0.0.1"):
    return client.post(
        "/anmelden",
        data={"email": email, "password": password, "next": next_},
        environ_base={"REMOTE_ADDR": address},
    )


def test_login_page_is_german_by_default(client, db):
    page = client.get("/anmelden").get_data(as_text=True)
    assert "E-Mail-Adresse" in page and "Passwort" in page


def test_customer_signs_in_and_reaches_the_start_page(client, customer_a):
    response = login(client, "anna@alpha.example", TEST_PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Anna Alpha" in client.get("/konto").get_data(as_text=True)


def test_email_is_matched_regardless_of_case(client, customer_a):
    assert login(client, "  ANNA@Alpha.Example ", TEST_PASSWORD).status_code == 302


def test_wrong_password_is_refused_with_a_german_message(client, customer_a):
    response = login(client, "anna@alpha.example", "falsch")
    assert response.status_code == 401
    assert "E-Mail-Adresse oder Passwort ist falsch." in response.get_data(as_text=True)
    assert client.get("/konto").status_code == 302  # still signed out


def test_empty_form_names_the_missing_fields(client, db):
    response = client.post("/anmelden", data={})
    assert response.status_code == 400
    assert "Bitte geben Sie Ihre E-Mail-Adresse ein." in response.get_data(as_text=True)


def test_inactive_account_cannot_sign_in(client, customer_a):
    User.update(active=False).where(User.id == customer_a.id).execute()
    assert login(client, "anna@alpha.example", TEST_PASSWORD).status_code == 401


def test_logout_ends_the_session(client_a):
    assert client_a.get("/konto").status_code == 200
    assert client_a.post("/abmelden").status_code == 302
    assert client_a.get("/konto").status_code == 302


def test_pages_behind_login_redirect_to_login_with_next(client, db):
    response = client.get("/konto")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/anmelden?next=")


def test_ten_failures_lock_the_account_for_that_address(client, customer_a):
    for _ in range(10):
        assert login(client, "anna@alpha.example", "falsch").status_code == 401
    locked = login(client, "anna@alpha.example", TEST_PASSWORD)
    assert locked.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in locked.get_data(as_text=True)
    assert locked.headers["Retry-After"] == str(15 * 60)
    # another address is not locked out by someone else's failures
    assert login(client, "anna@alpha.example", TEST_PASSWORD, address="10.0.0.2").status_code == 302


def test_nine_failures_still_allow_the_right_password(client, customer_a):
    for _ in range(9):
        login(client, "anna@alpha.example", "falsch")
    assert login(client, "anna@alpha.example", TEST_PASSWORD).status_code == 302


def test_failures_older_than_the_window_do_not_count(client, customer_a):
    import datetime as dt

    from portal.db import utcnow

    old = utcnow() - dt.timedelta(minutes=16)
    LoginThrottle.create(
        key="account-address:anna@alpha.example|10.0.0.1",
        failures=10,
        window_start=old,
        last_check_at=old,
    )
    assert login(client, "anna@alpha.example", TEST_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/konto", "/konto"),
        ("/tickets?status=new", "/tickets?status=new"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example", None),
        ("\\\\evil.example", None),
        ("javascript:alert(1)", None),
        ("konto", None),
        ("", None),
        (" //evil.example", None),
        ("/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"),
        ("/\nhttp://evil.example", None),
    ],
)
def test_next_is_honoured_only_for_paths_on_this_site(target, expected):
    assert safe_next(target) == expected


def test_login_redirects_to_a_local_next(client, customer_a):
    response = login(client, "anna@alpha.example", TEST_PASSWORD, next_="/konto")
    assert response.headers["Location"] == "/konto"


def test_login_ignores_a_foreign_next(client, customer_a):
    response = login(client, "anna@alpha.example", TEST_PASSWORD, next_="https://evil.example/")
    assert response.headers["Location"] == "/"


def test_session_cookie_is_httponly_and_samesite_lax(client, customer_a):
    response = login(client, "anna@alpha.example", TEST_PASSWORD)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_session_cookie_is_secure_in_production(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "production")
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


def test_passwords_are_stored_with_a_slow_hash_by_default(app, customer_a):
    assert create_app.__module__ == "portal"
    from portal.config import DefaultConfig

    assert DefaultConfig.PASSWORD_HASH_METHOD == "scrypt"
    assert TEST_PASSWORD not in customer_a.password_hash


def test_counters_older_than_two_windows_are_dropped(client, customer_a):
    import datetime as dt

    from portal.db import utcnow

    old = utcnow() - dt.timedelta(minutes=31)
    LoginThrottle.create(key="address:10.0.0.9", window_start=old, last_check_at=old)
    login(client, "anna@alpha.example", "falsch")
    assert "address:10.0.0.9" not in [row.key for row in LoginThrottle.select()]
