"""The admin audit log ("Protokoll"): who did what to whom and when, for the security-relevant
actions of admins and company contacts, on a page for admins, newest first, in pages."""

from __future__ import annotations

import datetime as dt

from portal.audit import AuditEntry
from portal.models import ApiToken, User
from tests.accounts_support import frozen_clock_fixtures, link_path, outbox_to
from tests.conftest import TEST_PASSWORD, login_client, make_user
from tests.test_admin import user_form

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


frozen, app_config = frozen_clock_fixtures(NOW)


def entries() -> list[tuple]:
    return [
        (e.action, e.actor_id, e.subject_id, e.details)
        for e in AuditEntry.select().order_by(AuditEntry.id)
    ]


def edit(admin_client, user, **values):
    data = {
        "name": user.name,
        "role": user.role,
        "company": str(user.company_id or ""),
        "phone": "",
        "language": "",
        "active": "y",
        **values,
    }
    data = {k: v for k, v in data.items() if v is not None}
    return admin_client.post(f"/verwaltung/benutzer/{user.id}", data=data)


def test_admin_creating_and_inviting_accounts_is_logged(admin_client, admin, company_a):
    admin_client.post("/verwaltung/benutzer/neu", data=user_form(company=str(company_a.id)))
    admin_client.post(
        "/verwaltung/benutzer/einladen",
        data={"email": "tom@provider.example", "name": "Tom T.", "role": "staff", "language": "de"},
    )
    created, invited = User.by_email("neu@alpha.example"), User.by_email("tom@provider.example")
    assert entries() == [
        ("user_created", admin.id, created.id, {"role": "customer"}),
        ("user_invited", admin.id, invited.id, {"role": "staff"}),
    ]
    assert AuditEntry.get(AuditEntry.subject == created.id).company_id == company_a.id


def test_deactivation_reactivation_and_role_change_are_logged(admin_client, admin, staff):
    edit(admin_client, staff, active=None)
    edit(admin_client, staff)
    edit(admin_client, staff, role="admin")
    assert entries() == [
        ("deactivated", admin.id, staff.id, {}),
        ("reactivated", admin.id, staff.id, {}),
        ("role_changed", admin.id, staff.id, {"old": "staff", "new": "admin"}),
    ]


def test_a_refused_change_leaves_no_entry(admin_client, admin):
    response = edit(admin_client, admin, active=None)  # an admin cannot deactivate themselves
    assert response.status_code == 400
    assert entries() == []


def test_second_factor_reset_password_reset_link_and_sessions_are_logged(
    admin_client, admin, customer_a
):
    uid = customer_a.id
    admin_client.post(f"/verwaltung/benutzer/{uid}/zwei-faktor")
    admin_client.post(f"/verwaltung/benutzer/{uid}/passwort")
    assert admin_client.post(f"/verwaltung/benutzer/{uid}/link-senden").status_code == 302
    admin_client.post(f"/verwaltung/benutzer/{uid}/sitzungen-beenden")
    admin_client.post(f"/verwaltung/benutzer/{uid}/ansprechpartner")
    assert [(a, actor, subject) for a, actor, subject, _d in entries()] == [
        ("two_factor_reset", admin.id, uid),
        ("password_reset", admin.id, uid),
        ("reset_link_sent", admin.id, uid),
        ("sessions_ended", admin.id, uid),
        ("contact_granted", admin.id, uid),
    ]


def test_the_reset_link_an_admin_sends_sets_a_password(app, admin_client, customer_a):
    admin_client.post(f"/verwaltung/benutzer/{customer_a.id}/link-senden")
    [message] = outbox_to(customer_a.email)
    path = link_path(message)
    assert app.test_client().get(path).status_code == 200


def test_a_contact_managing_colleagues_is_logged(app, company_a, customer_a):
    contact = make_user(app, "clara@alpha.example", "Clara Contact", "customer", company_a)
    User.update(is_contact=True).where(User.id == contact.id).execute()
    client = login_client(app, User.get_by_id(contact.id))
    client.post(f"/firma/kollegen/{customer_a.id}/deaktivieren")
    client.post(f"/firma/kollegen/{customer_a.id}/aktivieren")
    client.post(
        "/firma/kollegen/einladen",
        data={"email": "neu@alpha.example", "name": "Nils Neu", "language": "de"},
    )
    invited = User.by_email("neu@alpha.example")
    assert entries() == [
        ("deactivated", contact.id, customer_a.id, {}),
        ("reactivated", contact.id, customer_a.id, {}),
        ("user_invited", contact.id, invited.id, {"role": "customer"}),
    ]


def test_log_page_lists_entries_newest_first_with_pages(app, admin_client, admin, staff, frozen):
    app.config["ADMIN_PAGE_SIZE"] = 2
    for _ in range(3):
        edit(admin_client, staff, active=None)
        frozen.advance(minutes=1)
        edit(admin_client, staff)
        frozen.advance(minutes=1)
    first = admin_client.get("/verwaltung/protokoll").get_data(as_text=True)
    body = first[first.index("<tbody>") :]
    assert body.index("Reaktiviert") < body.index("Deaktiviert")
    assert "Seite 1 von 3" in first and "Paula Technik" in first and "Adam Admin" in first
    third = admin_client.get("/verwaltung/protokoll?seite=3").get_data(as_text=True)
    assert "Seite 3 von 3" in third
    # the oldest entry last: 09:00 UTC is 10:00 in Berlin
    rows = third[third.index("<tbody>") : third.index("</tbody>")]
    assert rows.index("24.11.2026 10:01") < rows.index("24.11.2026 10:00")


def test_log_page_speaks_english(app, admin_client, admin, staff):
    User.update(preferred_language="en").where(User.id == admin.id).execute()
    edit(admin_client, staff, role="admin")
    page = admin_client.get("/verwaltung/protokoll").get_data(as_text=True)
    assert "Audit log" in page and "Role changed" in page
    assert "before: Staff" in page and "after: Admin" in page


def test_log_page_is_for_admins_only(staff_client, client_a):
    assert staff_client.get("/verwaltung/protokoll").status_code == 403
    assert client_a.get("/verwaltung/protokoll").status_code == 403


def sign_in(client, email, password):
    return client.post("/anmelden", data={"email": email, "password": password})


def test_sign_ins_and_failed_sign_ins_are_logged(app, client, customer_a):
    client.environ_base["REMOTE_ADDR"] = "192.0.2.9"
    sign_in(client, customer_a.email, "falsch-falsch")
    sign_in(client, "niemand@alpha.example", "falsch-falsch")
    assert sign_in(client, customer_a.email, TEST_PASSWORD).status_code == 302
    assert entries() == [
        ("sign_in_failed", None, customer_a.id, {"address": "192.0.2.9"}),
        # an unknown address: no account named, and not the typed text either
        ("sign_in_failed", None, None, {"address": "192.0.2.9"}),
        ("sign_in", customer_a.id, customer_a.id, {"address": "192.0.2.9"}),
    ]


def test_tokens_created_and_revoked_are_logged(
    app, client_a, customer_a, admin_client, admin, staff
):
    client_a.post("/konto/tokens", data={"name": "Skript", "scope": "api"})
    token = ApiToken.get(ApiToken.user == customer_a.id)
    client_a.post(f"/konto/tokens/{token.id}/widerrufen")
    client_a.post(f"/konto/tokens/{token.id}/widerrufen")  # again: no second entry
    admin_client.post("/verwaltung/tokens", data={"user": str(staff.id), "name": "Prometheus"})
    monitoring = ApiToken.get(ApiToken.user == staff.id)
    assert entries() == [
        ("token_created", customer_a.id, customer_a.id, {"scope": "api", "token": token.prefix}),
        ("token_revoked", customer_a.id, customer_a.id, {"token": token.prefix}),
        (
            "token_created",
            admin.id,
            staff.id,
            {"scope": "monitoring", "token": monitoring.prefix},
        ),
    ]


def test_contract_changes_are_logged_with_the_company(admin_client, admin, company_a):
    admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data={"name": company_a.name, "customer_number": company_a.customer_number},
    )
    [entry] = AuditEntry.select()
    assert (entry.action, entry.actor_id, entry.company_id) == (
        "contract_changed",
        admin.id,
        company_a.id,
    )
    assert entry.details == {"contract": False}
    page = admin_client.get("/verwaltung/protokoll").get_data(as_text=True)
    assert "Servicevertrag geändert" in page and company_a.name in page


def test_log_page_filters_by_action(admin_client, admin, staff):
    edit(admin_client, staff, active=None)
    edit(admin_client, staff, role="admin")
    page = admin_client.get("/verwaltung/protokoll?aktion=role_changed").get_data(as_text=True)
    rows = page[page.index("<tbody>") :]
    assert "Rolle geändert" in rows and "Deaktiviert" not in rows
    assert admin_client.get("/verwaltung/protokoll?aktion=erfunden").status_code == 400
