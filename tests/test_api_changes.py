"""API /api/v1/changes: create, list, read, withdraw, schedule; isolation and error format."""

import pytest

from portal.changes.models import PlannedChange
from portal.models import ApiToken
from tests.changes_support import NEW_EMPLOYEE, announce, fixed_today, schedule  # noqa: F401
from tests.conftest import count_queries

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


# --- paging ---------------------------------------------------------------------------


def announce_several(app, customer, count):
    days = ["2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15"]
    return [announce(app, customer, wished=days[i % len(days)]) for i in range(count)]


def test_list_is_paged_with_total_page_and_per_page(app, client_a, customer_a, customer_b):
    ids = [c.id for c in announce_several(app, customer_a, 5)]
    announce(app, customer_b)  # another company's: not counted
    first = client_a.get("/api/v1/changes?per_page=2").json
    assert (first["total"], first["page"], first["per_page"]) == (5, 1, 2)
    last = client_a.get("/api/v1/changes?per_page=2&page=3").json
    assert [c["wished_date"] for c in last["changes"]] == ["2026-12-15"]
    pages = [
        c["id"]
        for page in (1, 2, 3)
        for c in client_a.get(f"/api/v1/changes?per_page=2&page={page}").json["changes"]
    ]
    assert sorted(pages) == sorted(ids) and len(pages) == 5  # each once, none lost
    beyond = client_a.get("/api/v1/changes?per_page=2&page=4").json
    assert beyond["changes"] == [] and beyond["total"] == 5


def test_list_defaults_to_25_per_page_and_allows_100(app, client_a, customer_a):
    announce(app, customer_a)
    data = client_a.get("/api/v1/changes").json
    assert (data["page"], data["per_page"], data["total"]) == (1, 25, 1)
    assert len(data["changes"]) == 1
    assert client_a.get("/api/v1/changes?per_page=100").json["per_page"] == 100


def test_filters_and_paging_combine(app, client_a, customer_a):
    announce_several(app, customer_a, 3)
    announce(app, customer_a, kind="other", details={"description": "x"})
    data = client_a.get("/api/v1/changes?kind=new_employee&per_page=2&page=2").json
    assert data["total"] == 3 and len(data["changes"]) == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=%C2%B2", "page"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("per_page=" + "1" + "0" * 30, "per_page"),
        ("per_page=2.5", "per_page"),
        ("state=nope", "state"),
    ],
)
def test_bad_paging_values_are_422_naming_the_field(app, client_a, customer_a, query, field):
    announce(app, customer_a)
    response = client_a.get(f"/api/v1/changes?{query}")
    assert response.status_code == 422, response.json
    assert field in response.json["error"]["fields"]


def test_bad_page_and_per_page_are_named_together(client_a):
    response = client_a.get("/api/v1/changes?page=abc&per_page=101&kind=party")
    assert response.status_code == 422
    assert set(response.json["error"]["fields"]) == {"page", "per_page", "kind"}


def test_paging_errors_follow_the_request_language(client_a):
    response = client_a.get("/api/v1/changes?per_page=101", headers={"Accept-Language": "en"})
    assert response.json["error"]["fields"]["per_page"] == "At most 100 per page."


def test_a_huge_page_number_answers_an_empty_page(app, client_a, customer_a):
    announce(app, customer_a)
    response = client_a.get("/api/v1/changes?page=" + "9" * 30)
    assert response.status_code == 200
    assert response.json["changes"] == [] and response.json["total"] == 1


def test_list_query_count_does_not_grow_with_the_rows(app, client, customer_a, staff):
    with app.app_context():
        _token, plain = ApiToken.issue(customer_a)
    headers = {"Authorization": f"Bearer {plain}"}
    schedule(app, announce(app, customer_a), staff)
    with count_queries() as few:
        client.get("/api/v1/changes", headers=headers)
    for change in announce_several(app, customer_a, 10):
        schedule(app, change, staff)
    with count_queries() as many:
        response = client.get("/api/v1/changes", headers=headers)
    assert response.json["total"] == 11
    assert all(c["technician"]["name"] == "Paula Technik" for c in response.json["changes"])
    assert many.count == few.count


def test_openapi_documents_the_changes_paging(client, db):
    document = client.get("/api/v1/openapi.json").json
    listing = document["paths"]["/changes"]["get"]
    parameters = {p["name"]: p["schema"] for p in listing["parameters"]}
    assert parameters["per_page"]["maximum"] == 100 and parameters["per_page"]["default"] == 25
    assert parameters["page"]["minimum"] == 1
    schema = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"changes", "total", "page", "per_page"} <= set(schema["properties"])
