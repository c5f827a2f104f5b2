"""Server-side sessions: an old session or "remember me" cookie answers the login page after
sign-out, a password change, an admin's reset, sign-out everywhere and deactivation plus
reactivation; /konto lists and ends sessions; the signed-in page load stays cheap."""

from __future__ import annotations

import pytest

from portal.auth.models import UserSession
from portal.models import User
from tests.conftest import TEST_PASSWORD, count_queries, login_client

NEW_PASSWORD = "Kaffee-Wolke-Treppe-Nord"


def sign_in(app, email=None, remember=False, password=TEST_PASSWORD, agent="Firefox"):
    client = app.test_client()
    response = client.post(
        "/anmelden",
        data={"email": email, "password": password, "remember": "y" if remember else ""},
        headers={"User-Agent": agent},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def cookies_of(client) -> dict[str, str]:
    return {c.key: c.value for c in client._cookies.values()}


def replay(app, cookies: dict[str, str], only: str | None = None):
    """A fresh browser with copies of the given cookies (or only one of them)."""
    client = app.test_client()
    for name, value in cookies.items():
        if only is None or name == only:
            client.set_cookie(name, value)
    return client.get("/tickets")


def answers_login_page(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/anmelden")


@pytest.fixture
def anna(app, customer_a):
    return customer_a


def test_a_signed_in_browser_sees_its_pages_and_a_remember_cookie_alone_works(app, anna):
    browser = sign_in(app, anna.email, remember=True)
    cookies = cookies_of(browser)
    assert {"session", "remember_token"} <= set(cookies)
    assert replay(app, cookies).status_code == 200
    assert replay(app, cookies, only="remember_token").status_code == 200
    assert replay(app, cookies, only="session").status_code == 200


def test_cookies_copied_before_sign_out_answer_the_login_page(app, anna):
    browser = sign_in(app, anna.email, remember=True)
    copied = cookies_of(browser)
    browser.post("/abmelden")
    assert answers_login_page(replay(app, copied))
    assert answers_login_page(replay(app, copied, only="session"))
    assert answers_login_page(replay(app, copied, only="remember_token"))


def test_a_password_change_ends_every_other_session_and_names_the_tokens_that_stay(app, anna):
    other = cookies_of(sign_in(app, anna.email, remember=True, agent="Laptop"))
    browser = sign_in(app, anna.email, agent="Phone")
    browser.post("/konto/tokens", data={"name": "Skript", "scope": "api"})
    response = browser.post(
        "/konto/passwort",
        data={"current": TEST_PASSWORD, "new": NEW_PASSWORD, "repeat": NEW_PASSWORD},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "1 andere Sitzung wurde beendet" in page
    assert "Diese API-Tokens bleiben gültig: Skript" in page
    assert answers_login_page(replay(app, other))
    assert answers_login_page(replay(app, other, only="remember_token"))
    assert browser.get("/tickets").status_code == 200  # the session that changed it stays


def test_an_admins_reset_ends_all_sessions(app, anna, admin_client):
    copied = cookies_of(sign_in(app, anna.email, remember=True))
    page = admin_client.post(f"/verwaltung/benutzer/{anna.id}/passwort").get_data(as_text=True)
    assert "Alle Sitzungen von Anna Alpha wurden beendet" in page
    assert "keine gültigen API-Tokens" in page
    assert answers_login_page(replay(app, copied))
    assert answers_login_page(replay(app, copied, only="remember_token"))


def test_an_admin_ends_a_users_sessions(app, anna, admin_client):
    copied = cookies_of(sign_in(app, anna.email, remember=True))
    response = admin_client.post(f"/verwaltung/benutzer/{anna.id}/sitzungen-beenden")
    assert response.status_code == 302
    assert answers_login_page(replay(app, copied, only="remember_token"))


def test_customers_cannot_end_other_peoples_sessions(app, anna, client_b, staff):
    sign_in(app, anna.email)
    assert client_b.post(f"/verwaltung/benutzer/{anna.id}/sitzungen-beenden").status_code == 403
    row = UserSession.get(UserSession.user == anna.id, UserSession.user_agent == "Firefox")
    assert client_b.post(f"/konto/sitzungen/{row.id}/beenden").status_code == 404
    assert row.ended_at is None and UserSession.get_by_id(row.id).ended_at is None


def test_deactivation_ends_sessions_and_reactivation_does_not_revive_them(app, anna, admin):
    copied = cookies_of(sign_in(app, anna.email, remember=True))
    from portal.auth.service import update_user

    def set_active(active: bool):
        with app.app_context():
            user = User.get_by_id(anna.id)
            update_user(
                user,
                acting_user=admin,
                name=user.name,
                phone=user.phone,
                role=user.role,
                company=user.company,
                preferred_language=None,
                active=active,
            )

    set_active(False)
    assert answers_login_page(replay(app, copied))
    set_active(True)
    assert answers_login_page(replay(app, copied))
    assert answers_login_page(replay(app, copied, only="remember_token"))
    assert replay(app, cookies_of(sign_in(app, anna.email))).status_code == 200


def test_the_account_page_lists_sessions_and_ends_one_or_all_others(app, anna):
    laptop = sign_in(app, anna.email, agent="Laptop-Browser")
    phone = sign_in(app, anna.email, agent="Telefon-Browser")
    page = phone.get("/konto").get_data(as_text=True)
    assert "Laptop-Browser" in page and "Telefon-Browser" in page and "diese Sitzung" in page
    laptop_row = UserSession.get(UserSession.user_agent == "Laptop-Browser")
    assert phone.post(f"/konto/sitzungen/{laptop_row.id}/beenden").status_code == 302
    assert answers_login_page(laptop.get("/tickets"))
    tablet = sign_in(app, anna.email, agent="Tablet")
    phone.post("/konto/sitzungen/andere-beenden")
    assert answers_login_page(tablet.get("/tickets"))
    assert phone.get("/tickets").status_code == 200


def test_remember_me_lasts_thirty_days_at_most(app, anna):
    import datetime as dt

    sign_in(app, anna.email, remember=True)
    row = UserSession.get(UserSession.user == anna.id)
    assert row.expires_at - row.created_at == dt.timedelta(days=30)
    assert app.config["REMEMBER_COOKIE_DURATION"] == dt.timedelta(days=30)


def test_an_expired_session_answers_the_login_page(app, anna):
    import datetime as dt

    from portal.db import utcnow

    browser = sign_in(app, anna.email, remember=True)
    UserSession.update(expires_at=utcnow() - dt.timedelta(seconds=1)).execute()
    assert answers_login_page(browser.get("/tickets"))


def test_a_cookie_with_a_user_id_from_before_sessions_answers_the_login_page(app, anna):
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["_user_id"] = str(anna.id)
    assert answers_login_page(browser.get("/tickets"))


def test_the_user_and_the_session_load_in_one_query(app, anna, client_a):
    client_a.get("/tickets")  # the first request writes last_seen_at (once a minute)
    with count_queries() as queries:
        assert client_a.get("/konto/nicht-da").status_code == 404
    assert queries.count == 1


def test_signed_in_pages_stay_within_eight_queries(app, anna, client_a, staff_client):
    from tests.ticket_factory import make_ticket

    number = make_ticket(app, anna).number
    pages = [
        (client_a, "/tickets"),
        (client_a, f"/tickets/{number}"),
        (client_a, "/konto"),
        (staff_client, "/tickets"),
        (staff_client, f"/tickets/{number}"),
    ]
    for client, url in pages:
        client.get(url)  # the first request writes last_seen_at (once a minute)
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        assert queries.count <= 8, (url, queries.count)


def test_login_client_fixture_uses_a_real_session(app, anna):
    client = login_client(app, anna)
    assert client.get("/tickets").status_code == 200
