"""Two-factor sign-in: enrolment, sign-in with a code, wrong and replayed codes, recovery
codes used once, and the admin reset."""

from __future__ import annotations

import datetime as dt
import re

import pyotp

from portal.auth.models import RecoveryCode, TotpCredential
from tests.accounts_support import frozen_clock_fixtures
from tests.conftest import TEST_PASSWORD

START = dt.datetime(2026, 3, 2, 9, 0, 5, tzinfo=dt.UTC)


frozen, app_config = frozen_clock_fixtures(START)


def sign_in(app, user):
    client = app.test_client()
    response = client.post("/anmelden", data={"email": user.email, "password": TEST_PASSWORD})
    return client, response


def code_now(secret, frozen) -> str:
    return pyotp.TOTP(secret).at(frozen.now)


def enrol(app, user, frozen) -> tuple[str, list[str]]:
    """Sign in as a staff member, set up the app, return the secret and recovery codes."""
    client, response = sign_in(app, user)
    assert response.location.endswith("/anmelden/zwei-faktor-einrichten")
    page = client.get(response.location).get_data(as_text=True)
    assert "<svg" in page
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    done = client.post(response.location, data={"code": code_now(secret, frozen)})
    assert done.status_code == 201
    codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", done.get_data(as_text=True))
    assert client.get("/konto").status_code == 200  # signed in now
    return secret, codes


def is_signed_in(client) -> bool:
    return client.get("/konto").status_code == 200


def test_staff_are_led_to_enrol_and_get_ten_recovery_codes(app, staff, frozen):
    client, response = sign_in(app, staff)
    assert not is_signed_in(client)  # the password alone is not enough
    _secret, codes = enrol(app, staff, frozen)
    assert len(codes) == 10 == RecoveryCode.select().count()
    assert all(code not in row.code_hash for row in RecoveryCode.select() for code in codes)


def test_wrong_code_at_enrolment_is_refused(app, staff):
    client, response = sign_in(app, staff)
    client.get(response.location)
    assert client.post(response.location, data={"code": "000000"}).status_code == 400
    assert not is_signed_in(client)


def test_enrolled_user_signs_in_with_a_code(app, staff, frozen):
    secret, _codes = enrol(app, staff, frozen)
    frozen.advance(seconds=30)
    client, response = sign_in(app, staff)
    assert response.location.endswith("/anmelden/code")
    assert not is_signed_in(client)
    answer = client.post("/anmelden/code", data={"code": code_now(secret, frozen)})
    assert answer.status_code == 302
    assert is_signed_in(client)


def test_wrong_code_is_refused(app, staff, frozen):
    enrol(app, staff, frozen)
    frozen.advance(seconds=30)
    client, _response = sign_in(app, staff)
    answer = client.post("/anmelden/code", data={"code": "123456"})
    assert answer.status_code == 401
    assert "Der Code ist falsch" in answer.get_data(as_text=True)
    assert not is_signed_in(client)


def test_code_replayed_within_the_same_time_step_is_refused(app, staff, frozen):
    secret, _codes = enrol(app, staff, frozen)
    frozen.advance(seconds=30)
    code = code_now(secret, frozen)
    first, _ = sign_in(app, staff)
    assert first.post("/anmelden/code", data={"code": code}).status_code == 302
    second, _ = sign_in(app, staff)
    assert second.post("/anmelden/code", data={"code": code}).status_code == 401
    assert not is_signed_in(second)


def test_recovery_code_works_once(app, staff, frozen):
    _secret, codes = enrol(app, staff, frozen)
    first, _ = sign_in(app, staff)
    assert first.post("/anmelden/code", data={"code": codes[0].upper()}).status_code == 302
    second, _ = sign_in(app, staff)
    assert second.post("/anmelden/code", data={"code": codes[0]}).status_code == 401
    third, _ = sign_in(app, staff)
    assert third.post("/anmelden/code", data={"code": codes[1]}).status_code == 302


def test_many_wrong_codes_pause_the_checks(app, staff, frozen):
    secret, _codes = enrol(app, staff, frozen)
    frozen.advance(seconds=30)
    client, _ = sign_in(app, staff)
    for _ in range(app.config["TOTP_MAX_FAILURES"]):
        client.post("/anmelden/code", data={"code": "000000"})
    answer = client.post("/anmelden/code", data={"code": code_now(secret, frozen)})
    assert answer.status_code == 429


def test_admin_reset_leads_to_a_new_enrolment(app, staff, admin_client, frozen):
    enrol(app, staff, frozen)
    response = admin_client.post(f"/verwaltung/benutzer/{staff.id}/zwei-faktor")
    assert response.status_code == 302
    assert TotpCredential.select().count() == 0 and RecoveryCode.select().count() == 0
    _client, again = sign_in(app, staff)
    assert again.location.endswith("/anmelden/zwei-faktor-einrichten")


def test_customers_sign_in_without_a_code_until_they_enrol(app, customer_a, frozen):
    client, response = sign_in(app, customer_a)
    assert response.location.endswith("/")
    assert is_signed_in(client)
    page = client.get("/konto/zwei-faktor").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    done = client.post("/konto/zwei-faktor", data={"code": code_now(secret, frozen)})
    assert done.status_code == 201
    frozen.advance(seconds=30)
    client2, response2 = sign_in(app, customer_a)
    assert response2.location.endswith("/anmelden/code")


def test_customer_cannot_reset_anothers_second_factor(client_a, staff):
    assert client_a.post(f"/verwaltung/benutzer/{staff.id}/zwei-faktor").status_code == 403
