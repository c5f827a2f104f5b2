"""The admin area ("Verwaltung"): companies, users and API tokens, for admins only."""

import re

import pytest
from werkzeug.security import check_password_hash

from portal.models import ApiToken, Company, User
from portal.sla.targets import target_for
from tests.conftest import TEST_PASSWORD, count_queries, csrf_token_from, make_user

ADMIN_PAGES = [
    "/verwaltung/",
    "/verwaltung/firmen/neu",
    "/verwaltung/benutzer",
    "/verwaltung/benutzer/neu",
    "/verwaltung/tokens",
]
ADMIN_ACTIONS = [
    "/verwaltung/firmen/neu",
    "/verwaltung/benutzer/neu",
    "/verwaltung/tokens",
]


def text(response) -> str:
    return response.get_data(as_text=True)


def company_form(**overrides) -> dict:
    data = {
        "name": "Gamma Praxis GmbH",
        "customer_number": "K-30001",
        "has_contract": "y",
        "critical_hours": "",
        "normal_hours": "",
        "low_hours": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def user_form(**overrides) -> dict:
    data = {
        "email": "neu@alpha.example",
        "name": "Nina Neu",
        "role": "customer",
        "company": "",
        "phone": "02102 123",
        "language": "",
        "password": "ein-langes-passwort",
    }
    data.update(overrides)
    return data


def edit_form(user, **overrides) -> dict:
    data = {
        "name": user.name,
        "phone": user.phone,
        "role": user.role,
        "company": str(user.company_id or ""),
        "language": user.preferred_language or "",
        "active": "y" if user.active else None,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def api_status(app, plain) -> int:
    # A fresh client: pytest-flask's `client` keeps its last request context open, and a later
    # request of another client in the same test would share its `g` (and signed-in user).
    return (
        app.test_client()
        .get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
        .status_code
    )


def can_sign_in(app, email, password) -> bool:
    response = app.test_client().post("/anmelden", data={"email": email, "password": password})
    return response.status_code == 302


# --- who may enter -------------------------------------------------------------------


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/anmelden" in response.location


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_customers_and_staff_get_403_on_admin_pages(client_a, staff_client, path):
    assert client_a.get(path).status_code == 403
    assert staff_client.get(path).status_code == 403


@pytest.mark.parametrize("path", ADMIN_ACTIONS)
def test_staff_cannot_post_admin_actions(staff_client, company_a, path):
    before = (Company.select().count(), User.select().count(), ApiToken.select().count())
    response = staff_client.post(path, data=company_form() | user_form())
    assert response.status_code == 403
    assert (Company.select().count(), User.select().count(), ApiToken.select().count()) == before


def test_staff_cannot_revoke_tokens_or_reset_passwords(staff_client, customer_a):
    token, _plain = ApiToken.issue(customer_a)
    assert staff_client.post(f"/verwaltung/tokens/{token.id}/widerrufen").status_code == 403
    assert staff_client.post(f"/verwaltung/benutzer/{customer_a.id}/passwort").status_code == 403
    assert not ApiToken.get_by_id(token.id).is_revoked
    assert can_sign_in_hash(customer_a.id, TEST_PASSWORD)


def can_sign_in_hash(user_id, password) -> bool:
    return check_password_hash(User.get_by_id(user_id).password_hash, password)


def test_admin_sees_the_admin_entry_in_the_navigation(admin_client, staff_client):
    assert 'href="/verwaltung/"' in text(admin_client.get("/"))
    assert 'href="/verwaltung/"' not in text(staff_client.get("/"))


# --- companies -----------------------------------------------------------------------


def test_company_list_shows_number_contract_and_active_users(
    app, admin_client, company_a, company_b, customer_a
):
    make_user(app, "ex@alpha.example", "Ehemalig", "customer", company_a)
    User.update(active=False).where(User.email == "ex@alpha.example").execute()
    page = text(admin_client.get("/verwaltung/"))
    row_a = re.search(r"Alpha Steuerberatung GmbH.*?</tr>", page, re.S).group(0)
    row_b = re.search(r"Beta Logistik KG.*?</tr>", page, re.S).group(0)
    assert "K-00001" in row_a and "Ja" in row_a
    assert re.search(r">1<span", row_a)  # Anna, not the deactivated account
    assert "K-00002" in row_b and "Nein" in row_b
    assert re.search(r">0<span", row_b)


@pytest.mark.parametrize(
    ("query", "found", "missing"), [("alpha", "Alpha", "Beta"), ("k-00002", "Beta", "Alpha")]
)
def test_company_search_by_name_or_number(
    admin_client, company_a, company_b, query, found, missing
):
    page = text(admin_client.get("/verwaltung/", query_string={"q": query}))
    assert f"{found} " in page
    assert f"{missing} " not in page


def test_company_search_treats_wildcards_literally(admin_client, company_a):
    page = text(admin_client.get("/verwaltung/", query_string={"q": "%"}))
    assert "Keine Firma gefunden." in page


@pytest.mark.parametrize("app_config", [{"ADMIN_PAGE_SIZE": 2}])
def test_company_list_is_paginated(admin_client, db):
    for number in range(1, 6):
        Company.create(name=f"Firma {number}", customer_number=f"K-{number:05d}")
    first = text(admin_client.get("/verwaltung/"))
    assert "Firma 1" in first and "Firma 3" not in first and "Seite 1 von 3" in first
    third = text(admin_client.get("/verwaltung/?seite=3"))
    assert "Firma 5" in third and "Firma 1" not in third
    assert "Seite 3 von 3" in text(admin_client.get("/verwaltung/?seite=99"))


def _companies_with_users(app, numbers):
    for number in numbers:
        company = Company.create(name=f"Kunde {number:03d}", customer_number=f"K-{number + 500}")
        make_user(app, f"u{number}@k{number}.example", f"U {number}", "customer", company)


def test_company_list_query_count_does_not_grow_with_rows(app, admin_client, db):
    _companies_with_users(app, range(2))
    with count_queries() as few:
        assert admin_client.get("/verwaltung/").status_code == 200
    _companies_with_users(app, range(2, 22))
    with count_queries() as many:
        assert admin_client.get("/verwaltung/").status_code == 200
    assert many.count == few.count <= 8


def test_admin_creates_a_company(admin_client, db):
    response = admin_client.post(
        "/verwaltung/firmen/neu", data=company_form(customer_number="k-30001")
    )
    assert response.status_code == 302
    company = Company.get(Company.name == "Gamma Praxis GmbH")
    assert company.customer_number == "K-30001" and company.has_contract
    assert company.target_overrides() == {}
    assert "wurde angelegt" in text(admin_client.get(response.location))


def test_new_company_form_suggests_the_next_customer_number(admin_client, company_a):
    page = text(admin_client.get("/verwaltung/firmen/neu"))
    assert 'value="K-00002"' in page


def test_company_form_shows_the_sla_defaults_beside_each_override(admin_client, company_a):
    page = text(admin_client.get(f"/verwaltung/firmen/{company_a.id}"))
    for priority in ("critical", "normal", "low"):
        with_contract = f"{target_for(priority, True).hours:g}"
        without = f"{target_for(priority, False).hours:g}"
        assert (
            f"SLA-Standard: {with_contract} Std. mit Vertrag, {without} Std. ohne Vertrag." in page
        )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "  "}, "Bitte geben Sie den Namen der Firma ein."),
        ({"customer_number": ""}, "Bitte geben Sie eine Kundennummer ein"),
        ({"customer_number": "12345"}, "Die Kundennummer beginnt mit „K-“"),
        ({"customer_number": "K-12a"}, "Die Kundennummer beginnt mit „K-“"),
        ({"critical_hours": "eine Stunde"}, "Bitte geben Sie eine Zahl von Stunden ein"),
        ({"normal_hours": "0"}, "Bitte geben Sie zwischen 0.25 und 500 Stunden an"),
        ({"low_hours": "501"}, "Bitte geben Sie zwischen 0.25 und 500 Stunden an"),
    ],
)
def test_bad_company_input_is_explained_and_nothing_is_saved(admin_client, db, overrides, message):
    response = admin_client.post("/verwaltung/firmen/neu", data=company_form(**overrides))
    assert response.status_code == 400
    assert message in text(response)
    assert Company.select().count() == 0


def test_customer_number_is_unique_regardless_of_case(admin_client, company_a):
    response = admin_client.post(
        "/verwaltung/firmen/neu", data=company_form(customer_number="k-00001")
    )
    assert response.status_code == 400
    assert "Die Kundennummer K-00001 ist bereits vergeben." in text(response)
    assert Company.select().count() == 1


def test_company_name_is_unique_regardless_of_case(admin_client, company_a):
    response = admin_client.post(
        "/verwaltung/firmen/neu", data=company_form(name="alpha steuerberatung gmbh")
    )
    assert response.status_code == 400
    assert "Eine Firma mit diesem Namen gibt es bereits." in text(response)


def test_overrides_are_saved_and_used_for_response_targets(admin_client, company_a):
    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data=company_form(
            name=company_a.name, customer_number="K-00001", critical_hours="0,5", low_hours="8"
        ),
    )
    assert response.status_code == 302
    company = Company.get_by_id(company_a.id)
    assert company.target_overrides() == {"critical": 0.5, "low": 8.0}
    assert target_for("critical", True, company.target_overrides()).hours == 0.5
    assert target_for("normal", True, company.target_overrides()).hours == 4
    assert 'value="0,5"' in text(admin_client.get(response.location))


def test_emptying_an_override_returns_to_the_sla_default(admin_client, company_a):
    Company.update(normal_hours=2.0).where(Company.id == company_a.id).execute()
    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data=company_form(name=company_a.name, customer_number="K-00001", has_contract=None),
    )
    assert response.status_code == 302
    company = Company.get_by_id(company_a.id)
    assert company.target_overrides() == {} and not company.has_contract


def test_editing_a_company_keeps_its_own_number(admin_client, company_a):
    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data=company_form(name="Alpha Steuerberatung AG", customer_number="K-00001"),
    )
    assert response.status_code == 302
    assert Company.get_by_id(company_a.id).name == "Alpha Steuerberatung AG"


def test_failed_company_edit_changes_nothing(admin_client, company_a, company_b):
    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data=company_form(name="Neuer Name", customer_number="K-00002", critical_hours="2"),
    )
    assert response.status_code == 400
    company = Company.get_by_id(company_a.id)
    assert company.name == "Alpha Steuerberatung GmbH" and company.critical_hours is None


def test_unknown_company_is_404(admin_client, db):
    assert admin_client.get("/verwaltung/firmen/999").status_code == 404


# --- users ---------------------------------------------------------------------------


def test_user_list_filters_by_company_role_and_active(
    app, admin_client, customer_a, customer_b, staff
):
    make_user(app, "alt@alpha.example", "Alter Kollege", "customer", customer_a.company)
    User.update(active=False).where(User.email == "alt@alpha.example").execute()

    def names(**query):
        response = admin_client.get("/verwaltung/benutzer", query_string=query)
        assert response.status_code == 200
        return set(re.findall(r'/verwaltung/benutzer/\d+">([^<]+)</a>', text(response)))

    assert names(company=customer_a.company_id) == {"Anna Alpha", "Alter Kollege"}
    assert names(company=customer_a.company_id, active="1") == {"Anna Alpha"}
    assert names(active="0") == {"Alter Kollege"}
    assert names(role="staff") == {"Paula Technik"}
    assert names(role="admin") == {"Adam Admin"}
    assert names(q="BETA") == {"Bernd Beta"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"company": "999"}, "Bitte wählen Sie eine Firma aus der Liste."),
        ({"role": "boss"}, "Bitte wählen Sie eine Rolle aus der Liste."),
        ({"active": "vielleicht"}, "Bitte wählen Sie einen Status aus der Liste."),
    ],
)
def test_bad_user_filters_are_explained(admin_client, company_a, query, message):
    response = admin_client.get("/verwaltung/benutzer", query_string=query)
    assert response.status_code == 400
    assert message in text(response)


def test_user_list_query_count_does_not_grow_with_rows(app, admin_client, db):
    _companies_with_users(app, range(2))
    with count_queries() as few:
        assert admin_client.get("/verwaltung/benutzer").status_code == 200
    _companies_with_users(app, range(2, 22))
    with count_queries() as many:
        assert admin_client.get("/verwaltung/benutzer").status_code == 200
    assert many.count == few.count <= 8


def test_admin_creates_a_customer_who_can_sign_in(app, admin_client, company_a):
    response = admin_client.post(
        "/verwaltung/benutzer/neu",
        data=user_form(email="Nina.Neu@Alpha.example", company=str(company_a.id), language="en"),
    )
    assert response.status_code == 302
    user = User.by_email("nina.neu@alpha.example")
    assert user.email == "nina.neu@alpha.example"  # stored lower-cased
    assert user.company_id == company_a.id and user.role == "customer"
    assert user.phone == "02102 123" and user.preferred_language == "en"
    assert can_sign_in(app, "nina.neu@alpha.example", "ein-langes-passwort")


def test_generated_password_is_shown_once_and_works(app, admin_client):
    response = admin_client.post(
        "/verwaltung/benutzer/neu",
        data=user_form(email="tom@provider.example", role="staff", password=""),
    )
    assert response.status_code == 201
    password = re.search(r'id="new-password">([^<]+)<', text(response)).group(1)
    assert len(password) >= 10
    user = User.by_email("tom@provider.example")
    assert can_sign_in(app, user.email, password)
    assert password not in text(admin_client.get(f"/verwaltung/benutzer/{user.id}"))


def test_email_is_unique_regardless_of_case(admin_client, customer_a, company_a):
    response = admin_client.post(
        "/verwaltung/benutzer/neu",
        data=user_form(email="ANNA@Alpha.example", company=str(company_a.id)),
    )
    assert response.status_code == 400
    assert "Es gibt bereits ein Konto mit der E-Mail-Adresse anna@alpha.example." in text(response)
    assert User.select().count() == 2  # the admin and Anna


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"company": ""}, "Kunden gehören immer zu einer Firma."),
        ({"role": "staff"}, "Nur Kunden gehören zu einer Firma."),
        ({"role": "boss"}, "Bitte wählen Sie eine Rolle aus der Liste."),
        ({"company": "999"}, "Bitte wählen Sie eine Firma aus der Liste."),
        ({"password": "kurz"}, "Das Passwort muss mindestens 10 Zeichen haben."),
        ({"email": "keine-adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse ein."),
        ({"email": ""}, "Bitte geben Sie eine E-Mail-Adresse ein."),
        ({"name": ""}, "Bitte geben Sie einen Namen ein."),
        ({"language": "fr"}, "Bitte wählen Sie Deutsch oder Englisch."),
    ],
)
def test_bad_user_input_is_explained_and_nothing_is_saved(
    admin_client, company_a, overrides, message
):
    data = user_form(company=str(company_a.id))
    data.update(overrides)
    response = admin_client.post("/verwaltung/benutzer/neu", data=data)
    assert response.status_code == 400
    assert message in text(response)
    assert User.select().count() == 1  # only the admin


def test_account_errors_follow_the_admins_language(admin_client, admin, company_a):
    User.update(preferred_language="en").where(User.id == admin.id).execute()
    response = admin_client.post("/verwaltung/benutzer/neu", data=user_form(role="customer"))
    assert response.status_code == 400
    assert "Customers always belong to a company." in text(response)


def test_admin_edits_a_user(admin_client, customer_a, company_b):
    response = admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}",
        data=edit_form(
            customer_a, name="Anna Beta", phone="0211 1", company=str(company_b.id), language="en"
        ),
    )
    assert response.status_code == 302
    user = User.get_by_id(customer_a.id)
    assert (user.name, user.phone, user.company_id, user.preferred_language) == (
        "Anna Beta",
        "0211 1",
        company_b.id,
        "en",
    )


def test_promoting_a_customer_to_staff_needs_the_company_removed(admin_client, customer_a):
    refused = admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}", data=edit_form(customer_a, role="staff")
    )
    assert refused.status_code == 400
    assert "Nur Kunden gehören zu einer Firma." in text(refused)
    assert User.get_by_id(customer_a.id).role == "customer"
    ok = admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}",
        data=edit_form(customer_a, role="staff", company=""),
    )
    assert ok.status_code == 302
    assert User.get_by_id(customer_a.id).role == "staff"


def test_deactivated_user_is_signed_out_and_cannot_sign_in(app, admin_client, client_a, customer_a):
    assert client_a.get("/konto").status_code == 200
    response = admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}", data=edit_form(customer_a, active=None)
    )
    assert response.status_code == 302
    assert not User.get_by_id(customer_a.id).active
    assert client_a.get("/konto").status_code == 302  # the old session no longer counts
    assert not can_sign_in(app, customer_a.email, TEST_PASSWORD)


def test_deactivated_users_tokens_stop_working(app, admin_client, customer_a):
    _token, plain = ApiToken.issue(customer_a)
    admin_client.post(
        f"/verwaltung/benutzer/{customer_a.id}", data=edit_form(customer_a, active=None)
    )
    assert api_status(app, plain) == 401


def test_admin_cannot_deactivate_themselves(admin_client, admin):
    response = admin_client.post(
        f"/verwaltung/benutzer/{admin.id}", data=edit_form(admin, active=None)
    )
    assert response.status_code == 400
    assert "Sie können Ihr eigenes Konto nicht deaktivieren." in text(response)
    assert User.get_by_id(admin.id).active


def test_admin_cannot_demote_themselves(admin_client, admin):
    response = admin_client.post(
        f"/verwaltung/benutzer/{admin.id}", data=edit_form(admin, role="staff")
    )
    assert response.status_code == 400
    assert "Sie können sich nicht selbst die Admin-Rolle entziehen." in text(response)
    assert User.get_by_id(admin.id).role == "admin"


def test_admin_may_deactivate_another_admin(app, admin_client):
    other = make_user(app, "eva@provider.example", "Eva Admin", "admin")
    response = admin_client.post(
        f"/verwaltung/benutzer/{other.id}", data=edit_form(other, active=None)
    )
    assert response.status_code == 302
    assert not User.get_by_id(other.id).active


def test_password_reset_shows_a_new_password_once(app, admin_client, customer_a):
    response = admin_client.post(f"/verwaltung/benutzer/{customer_a.id}/passwort")
    assert response.status_code == 200
    password = re.search(r'id="new-password">([^<]+)<', text(response)).group(1)
    assert can_sign_in(app, customer_a.email, password)
    assert not can_sign_in(app, customer_a.email, TEST_PASSWORD)
    assert password not in text(admin_client.get(f"/verwaltung/benutzer/{customer_a.id}"))


def test_unknown_user_is_404(admin_client):
    assert admin_client.get("/verwaltung/benutzer/999").status_code == 404
    assert admin_client.post("/verwaltung/benutzer/999/passwort").status_code == 404


# --- API tokens ----------------------------------------------------------------------


def test_token_list_shows_every_users_tokens(admin_client, customer_a, staff):
    ApiToken.issue(customer_a, name="Skript Anna")
    ApiToken.issue(staff, scope="monitoring", name="Alertmanager")
    page = text(admin_client.get("/verwaltung/tokens"))
    assert "Skript Anna" in page and "Anna Alpha" in page
    assert "Alertmanager" in page and "Paula Technik" in page


def test_token_list_query_count_does_not_grow_with_rows(admin_client, customer_a, staff):
    ApiToken.issue(customer_a)
    with count_queries() as few:
        assert admin_client.get("/verwaltung/tokens").status_code == 200
    for number in range(20):
        ApiToken.issue(customer_a if number % 2 else staff, name=f"t{number}")
    with count_queries() as many:
        assert admin_client.get("/verwaltung/tokens").status_code == 200
    assert many.count == few.count <= 8


def test_admin_revokes_any_token(app, admin_client, customer_a):
    token, plain = ApiToken.issue(customer_a)
    response = admin_client.post(f"/verwaltung/tokens/{token.id}/widerrufen")
    assert response.status_code == 302
    assert ApiToken.get_by_id(token.id).is_revoked
    assert api_status(app, plain) == 401
    assert "widerrufen am" in text(admin_client.get("/verwaltung/tokens"))


def test_revoking_an_unknown_token_is_404(admin_client):
    assert admin_client.post("/verwaltung/tokens/999/widerrufen").status_code == 404


def test_admin_creates_a_monitoring_token_for_staff(admin_client, staff):
    response = admin_client.post(
        "/verwaltung/tokens", data={"user": str(staff.id), "name": "Alertmanager"}
    )
    assert response.status_code == 201
    plain = re.search(r'id="new-token">(kp_[^<]+)<', text(response)).group(1)
    token = ApiToken.find_active(plain)
    assert token.user.id == staff.id and token.scope == "monitoring"
    assert plain not in text(admin_client.get("/verwaltung/tokens"))


def test_monitoring_token_is_refused_for_a_customer(admin_client, customer_a):
    response = admin_client.post(
        "/verwaltung/tokens", data={"user": str(customer_a.id), "name": "Alertmanager"}
    )
    assert response.status_code == 400
    assert "Bitte wählen Sie einen aktiven Mitarbeiter aus der Liste." in text(response)
    assert ApiToken.select().count() == 0


def test_monitoring_token_is_refused_for_deactivated_staff(admin_client, staff):
    User.update(active=False).where(User.id == staff.id).execute()
    response = admin_client.post(
        "/verwaltung/tokens", data={"user": str(staff.id), "name": "Alertmanager"}
    )
    assert response.status_code == 400
    assert ApiToken.select().count() == 0


def test_monitoring_token_needs_a_name(admin_client, staff):
    response = admin_client.post("/verwaltung/tokens", data={"user": str(staff.id), "name": ""})
    assert response.status_code == 400
    assert "Bitte geben Sie dem Token einen Namen." in text(response)
    assert ApiToken.select().count() == 0


# --- CSRF ----------------------------------------------------------------------------


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_admin_forms_need_the_csrf_token(admin_client, customer_a):
    form_page = admin_client.get("/verwaltung/firmen/neu")
    assert 'name="csrf_token"' in text(form_page)
    assert admin_client.post("/verwaltung/firmen/neu", data=company_form()).status_code == 400
    assert admin_client.post(f"/verwaltung/benutzer/{customer_a.id}/passwort").status_code == 400
    assert Company.select().count() == 1
    assert can_sign_in_hash(customer_a.id, TEST_PASSWORD)


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_admin_form_with_csrf_token_saves(admin_client, db):
    token = csrf_token_from(admin_client.get("/verwaltung/firmen/neu"))
    response = admin_client.post(
        "/verwaltung/firmen/neu", data={**company_form(), "csrf_token": token}
    )
    assert response.status_code == 302
