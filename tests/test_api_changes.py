"""API /api/v1/changes: create, list, read, withdraw, schedule; isolation and error format."""

import pytest

from portal.changes.models import PlannedChange
from portal.models import ApiToken
from tests.changes_support import NEW_EMPLOYEE, announce, fixed_today, schedule  # noqa: F401

pytestmark = pytest.mark.usefixtures("fixed_today")


def body(**overrides):
    return {
        "kind": "new_employee",
        "details": dict(NEW_EMPLOYEE),
        "wished_date": "2026-12-09",
        **overrides,
    }


def test_customer_announces_through_the_api(client_a, customer_a):
    response = client_a.post("/api/v1/changes", json=body(alternative_date="2026-12-10"))
    assert response.status_code == 201, response.json
    data = response.json
    assert response.headers["Location"] == f"/api/v1/changes/{data['id']}"
    assert data["kind"] == "new_employee" and data["state"] == "submitted"
    assert data["details"]["employee_name"] == "Lena Hoffmann"
    assert data["wished_date"] == "2026-12-09" and data["alternative_date"] == "2026-12-10"
    assert data["lead_time_ok"] is True and data["recommended_earliest"] == "2026-12-09"
    assert data["company"]["name"] == "Alpha Steuerberatung GmbH"
    assert data["technician"] is None and data["scheduled_start"] is None
    assert data["warnings"] == [] and data["decline_reason"] is None
    assert data["created_at"].endswith("Z")


def test_short_notice_is_created_with_a_warning(client_a):
    data = client_a.post("/api/v1/changes", json=body(wished_date="2026-12-02")).json
    assert data["lead_time_ok"] is False
    assert data["warnings"] == [
        "Für einen reibungslosen Ablauf empfehlen wir mindestens 10 Servicetage Vorlauf, "
        "also ab dem Mi., 09.12.2026."
    ]


def test_warnings_follow_the_request_language(client_a):
    response = client_a.post(
        "/api/v1/changes", json=body(wished_date="2026-12-25"), headers={"Accept-Language": "en"}
    )
    assert response.status_code == 422
    assert "holiday" in response.json["error"]["fields"]["wished_date"]


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"kind": "party", "details": {}, "wished_date": "2026-12-09"}, 422, "kind"),
        (body(wished_date="2026-12-25"), 422, "wished_date"),
        (body(wished_date="2026-11-01"), 422, "wished_date"),
        (body(wished_date=None), 422, "wished_date"),
        (body(wished_date=20261209), 422, "wished_date"),
        (body(details={**NEW_EMPLOYEE, "employee_name": ""}), 422, "details.employee_name"),
        (body(details={**NEW_EMPLOYEE, "accounts": "email"}), 422, "details.accounts"),
        (
            {
                "kind": "software_install",
                "details": {"product": "X", "workstations": True, "licence": "yes"},
                "wished_date": "2026-12-09",
            },
            422,
            "details.workstations",
        ),
        (body(details={**NEW_EMPLOYEE, "hobby": "Golf"}), 400, "details.hobby"),
        (body(priority="high"), 400, "priority"),
    ],
)
def test_bad_input_names_the_field(client_a, payload, status, field):
    response = client_a.post("/api/v1/changes", json=payload)
    assert response.status_code == status, response.json
    assert field in response.json["error"]["fields"]
    assert PlannedChange.select().count() == 0


def test_malformed_bodies_are_400(client_a):
    assert (
        client_a.post("/api/v1/changes", data="nope", content_type="application/json").status_code
        == 400
    )
    assert client_a.post("/api/v1/changes", json=[1]).status_code == 400
    assert client_a.post("/api/v1/changes", json=body(details=[])).status_code == 400


def test_german_messages_by_default(client_a):
    response = client_a.post("/api/v1/changes", json=body(details={}))
    assert response.json["error"]["fields"]["details.employee_name"] == (
        "Bitte nennen Sie den Namen des neuen Mitarbeiters."
    )


def test_staff_cannot_announce_for_a_company(staff_client):
    assert staff_client.post("/api/v1/changes", json=body()).status_code == 403


def test_company_isolation(app, client_a, client_b, customer_a, customer_b):
    own = announce(app, customer_b, kind="other", details={"description": "Beta"})
    other = announce(app, customer_a)
    listed = client_b.get("/api/v1/changes").json["changes"]
    assert [c["id"] for c in listed] == [own.id]
    assert client_b.get(f"/api/v1/changes/{other.id}").status_code == 404
    response = client_b.patch(f"/api/v1/changes/{other.id}", json={"state": "withdrawn"})
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"
    assert PlannedChange.get_by_id(other.id).state == "submitted"


def test_customer_withdraws_and_may_do_nothing_else(app, client_a, customer_a, staff):
    change = announce(app, customer_a)
    url = f"/api/v1/changes/{change.id}"
    assert client_a.patch(url, json={"state": "done"}).status_code == 403
    schedule_body = {
        "scheduled_start": "2026-12-09T09:00:00+01:00",
        "scheduled_end": "2026-12-09T10:00:00+01:00",
        "technician": staff.email,
    }
    assert client_a.patch(url, json=schedule_body).status_code == 403
    response = client_a.patch(url, json={"state": "withdrawn"})
    assert response.status_code == 200 and response.json["state"] == "withdrawn"
    response = client_a.patch(url, json={"state": "withdrawn"})
    assert response.status_code == 409 and response.json["error"]["code"] == "invalid_state"


def test_staff_schedules_through_the_api(app, staff_client, customer_a, staff):
    change = announce(app, customer_a)
    response = staff_client.patch(
        f"/api/v1/changes/{change.id}",
        json={
            "scheduled_start": "2026-12-09T09:00:00+01:00",
            "scheduled_end": "2026-12-09T12:00",
            "technician": staff.email.upper(),
        },
    )
    assert response.status_code == 200, response.json
    data = response.json
    assert data["state"] == "scheduled"
    assert data["scheduled_start"] == "2026-12-09T08:00:00Z"
    assert data["scheduled_end"] == "2026-12-09T11:00:00Z"  # no offset: Europe/Berlin
    assert data["technician"] == {"name": staff.name, "email": staff.email}


def test_staff_double_booking_is_reported_in_warnings(app, staff_client, customer_a, staff):
    first, second = (
        announce(app, customer_a),
        announce(app, customer_a, kind="other", details={"description": "Switch"}),
    )
    schedule(app, first, staff)
    response = staff_client.patch(
        f"/api/v1/changes/{second.id}",
        json={
            "scheduled_start": "2026-12-09T11:30:00+01:00",
            "scheduled_end": "2026-12-09T13:00:00+01:00",
            "technician": staff.email,
        },
    )
    assert response.status_code == 200
    assert any("Doppelbuchung" in w for w in response.json["warnings"])


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (
            {
                "scheduled_start": "2026-12-09T09:00:00+01:00",
                "scheduled_end": "2026-12-09T08:00:00+01:00",
                "technician": "paula@provider.example",
            },
            "scheduled_end",
        ),
        (
            {
                "scheduled_start": "morgen",
                "scheduled_end": "2026-12-09T10:00:00+01:00",
                "technician": "paula@provider.example",
            },
            "scheduled_start",
        ),
        (
            {
                "scheduled_start": "2026-12-09T09:00:00+01:00",
                "scheduled_end": "2026-12-09T10:00:00+01:00",
                "technician": "anna@alpha.example",
            },
            "technician",
        ),
        ({"scheduled_start": "2026-12-09T09:00:00+01:00"}, "scheduled_end"),
        (
            {
                "scheduled_start": "0001-01-01T00:30",
                "scheduled_end": "2026-12-09T10:00:00+01:00",
                "technician": "paula@provider.example",
            },
            "scheduled_start",
        ),
        (
            {
                "scheduled_start": "2026-12-09T09:00:00+01:00",
                "scheduled_end": "9999-12-31T23:00:00-05:00",
                "technician": "paula@provider.example",
            },
            "scheduled_end",
        ),
        ({"state": "declined"}, "decline_reason"),
        ({"state": "declined", "decline_reason": "   "}, "decline_reason"),
        ({"state": "withdrawn"}, "state"),
        ({"state": "done", "decline_reason": "x"}, "decline_reason"),
    ],
)
def test_staff_bad_patches_are_422(app, staff_client, customer_a, staff, payload, field):
    change = announce(app, customer_a)
    response = staff_client.patch(f"/api/v1/changes/{change.id}", json=payload)
    assert response.status_code == 422, response.json
    assert field in response.json["error"]["fields"]
    assert PlannedChange.get_by_id(change.id).state == "submitted"


def test_staff_declines_and_marks_done(app, staff_client, customer_a, staff):
    first, second = announce(app, customer_a), announce(app, customer_a)
    response = staff_client.patch(
        f"/api/v1/changes/{first.id}", json={"state": "declined", "decline_reason": "Zu alt."}
    )
    assert response.json["state"] == "declined" and response.json["decline_reason"] == "Zu alt."
    schedule(app, second, staff)
    assert (
        staff_client.patch(f"/api/v1/changes/{second.id}", json={"state": "done"}).json["state"]
        == "done"
    )
    assert (
        staff_client.patch(
            f"/api/v1/changes/{second.id}", json={"state": "declined", "decline_reason": "x"}
        ).status_code
        == 409
    )


def test_unknown_patch_keys_and_empty_body_are_400(app, staff_client, customer_a):
    change = announce(app, customer_a)
    assert (
        staff_client.patch(f"/api/v1/changes/{change.id}", json={"kind": "other"}).status_code
        == 400
    )
    assert staff_client.patch(f"/api/v1/changes/{change.id}", json={}).status_code == 400


def test_list_filters(app, client_a, customer_a):
    announce(app, customer_a)
    announce(app, customer_a, kind="other", details={"description": "x"})
    assert len(client_a.get("/api/v1/changes?kind=other").json["changes"]) == 1
    assert client_a.get("/api/v1/changes?state=nope").status_code == 422


def test_bearer_token_works(app, client, customer_a):
    with app.app_context():
        _token, plain = ApiToken.issue(customer_a)
    response = client.post(
        "/api/v1/changes", json=body(), headers={"Authorization": f"Bearer {plain}"}
    )
    assert response.status_code == 201


def test_openapi_documents_the_changes_endpoints(client, db):
    document = client.get("/api/v1/openapi.json").json
    assert {"get", "post"} <= set(document["paths"]["/changes"])
    assert {"get", "patch"} <= set(document["paths"]["/changes/{change_id}"])
    properties = document["components"]["schemas"]["PlannedChange"]["properties"]
    for name in (
        "id",
        "kind",
        "details",
        "wished_date",
        "alternative_date",
        "state",
        "scheduled_start",
        "scheduled_end",
        "technician",
        "lead_time_ok",
        "recommended_earliest",
        "company",
        "created_at",
        "decline_reason",
        "warnings",
    ):
        assert name in properties
    assert document["components"]["schemas"]["ChangeDetails_software_install"]["required"] == [
        "product",
        "workstations",
        "licence",
    ]
