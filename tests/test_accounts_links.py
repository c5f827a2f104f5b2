"""Password reset and invitation links: single use, 60 minutes, the same answer for every
address, rate-limited, mailed through the outbox in the user's language."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l

from portal.auth.links import _filled
from portal.auth.models import AccountLink
from portal.models import User
from tests.accounts_support import frozen_clock_fixtures, link_path, outbox_to
from tests.conftest import TEST_PASSWORD, make_user

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
NEW_PASSWORD = "ein-ganz-neues-Passwort-42"


frozen, app_config = frozen_clock_fixtures(START)


def request_link(client, address):
    return client.post("/passwort-vergessen", data={"email": address})


def can_sign_in(app, email, password) -> bool:
    response = app.test_client().post("/anmelden", data={"email": email, "password": password})
    return response.status_code == 302


def test_login_page_offers_the_reset(client, db):
    page = client.get("/anmelden").get_data(as_text=True)
    assert 'href="/passwort-vergessen"' in page


def test_reset_link_sets_a_new_password_once(app, client, customer_a):
    response = request_link(client, customer_a.email)
    assert response.status_code == 302
    [message] = outbox_to(customer_a.email)
    path = link_path(message)
    assert AccountLink.select().count() == 1
    assert path.rsplit("/", 1)[1] not in AccountLink.get().token_hash  # only a hash stored

    assert client.get(path).status_code == 200
    data = {"new": NEW_PASSWORD, "repeat": NEW_PASSWORD}
    assert client.post(path, data=data).status_code == 302
    assert can_sign_in(app, customer_a.email, NEW_PASSWORD)
    assert not can_sign_in(app, customer_a.email, TEST_PASSWORD)

    again = client.post(path, data={"new": "noch-ein-Passwort-7", "repeat": "noch-ein-Passwort-7"})
    assert again.status_code == 410
    assert "abgelaufen oder wurde bereits benutzt" in again.get_data(as_text=True)
    assert can_sign_in(app, customer_a.email, NEW_PASSWORD)


def test_reset_link_is_refused_after_61_minutes(app, client, customer_a, frozen):
    request_link(client, customer_a.email)
    path = link_path(outbox_to(customer_a.email)[0])
    frozen.advance(minutes=61)
    response = client.post(path, data={"new": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert response.status_code == 410
    assert "Dieser Link ist abgelaufen oder wurde bereits benutzt" in response.get_data(
        as_text=True
    )
    assert can_sign_in(app, customer_a.email, TEST_PASSWORD)


def test_reset_link_still_works_after_59_minutes(client, customer_a, frozen):
    request_link(client, customer_a.email)
    path = link_path(outbox_to(customer_a.email)[0])
    frozen.advance(minutes=59)
    assert client.get(path).status_code == 200


def test_same_answer_for_known_and_unknown_addresses(client, customer_a):
    known = request_link(client, customer_a.email)
    unknown = request_link(client, "niemand@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known.location == unknown.location
    flashes = [client.get(known.location).get_data(as_text=True) for _ in range(1)]
    assert "Wenn es zu dieser Adresse ein Konto gibt" in flashes[0]
    assert outbox_to("niemand@example.org") == []


def test_reset_mail_is_in_the_users_language(app, client, company_a):
    user = make_user(app, "eve@alpha.example", "Eve English", "customer", company_a)
    User.update(preferred_language="en").where(User.id == user.id).execute()
    request_link(client, user.email)
    [message] = outbox_to(user.email)
    assert message["Content-Language"] == "en"


def test_reset_requests_are_rate_limited_per_address(app, client, customer_a):
    limit = app.config["RESET_MAX_PER_ADDRESS"]
    for _ in range(limit):
        assert request_link(client, "someone@example.org").status_code == 302
    assert request_link(client, customer_a.email).status_code == 429


def test_one_address_gets_at_most_the_limit_of_mails(app, customer_a):
    limit = app.config["RESET_MAX_PER_EMAIL"]
    for n in range(limit + 2):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n}"
        assert request_link(client, customer_a.email).status_code == 302
    assert len(outbox_to(customer_a.email)) == limit


def invite_nina(admin_client, company_a):
    """The admin invites Nina Berg, a German-speaking customer of company A."""
    return admin_client.post(
        "/verwaltung/benutzer/einladen",
        data={
            "email": "nina@alpha.example",
            "name": "Nina Berg",  # not in NEW_PASSWORD: a password may not contain the name
            "role": "customer",
            "company": str(company_a.id),
            "language": "de",
        },
    )


def test_admin_invites_a_customer_who_sets_their_password(app, admin_client, company_a):
    response = invite_nina(admin_client, company_a)
    assert response.status_code == 302, response.get_data(as_text=True)
    [message] = outbox_to("nina@alpha.example")
    assert "Einladung" in message["Subject"]
    path = link_path(message)
    client = app.test_client()
    assert "Willkommen im Kundenportal" in client.get(path).get_data(as_text=True)
    assert client.post(path, data={"new": NEW_PASSWORD, "repeat": NEW_PASSWORD}).status_code == 302
    assert can_sign_in(app, "nina@alpha.example", NEW_PASSWORD)


def test_invitation_link_lasts_seven_days(app, admin_client, company_a, frozen):
    invite_nina(admin_client, company_a)
    path = link_path(outbox_to("nina@alpha.example")[0])
    frozen.advance(days=6, hours=23)
    assert app.test_client().get(path).status_code == 200
    frozen.advance(hours=2)
    assert app.test_client().get(path).status_code == 410


def test_a_link_mails_text_is_filled_only_with_the_values_it_names(app):
    values = {"minutes": 60, "days": 7}
    with app.test_request_context():
        # formatted like gettext: a text without placeholders keeps a literal "%"
        assert _filled(_l("Bis zu 100 % sicher."), values) == "Bis zu 100 % sicher."
        assert _filled(_l("Er gilt %(minutes)d Minuten."), values) == "Er gilt 60 Minuten."
