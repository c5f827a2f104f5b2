"""The tickets API: same rules as the pages, one error format, company isolation."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.models import ApiToken
from portal.tickets import service
from portal.tickets.models import Ticket, TicketEvent, TicketMessage
from tests.conftest import count_queries
from tests.ticket_factory import make_ticket

NEW = {"title": "Drucker", "description": "Druckt nicht.", "priority": "normal"}


def bearer(user) -> dict:
    _token, plain = ApiToken.issue(user)
    return {"Authorization": f"Bearer {plain}"}


def test_customer_reports_by_api_with_a_token(client, customer_a):
    response = client.post("/api/v1/tickets", json=NEW, headers=bearer(customer_a))
    assert response.status_code == 201
    body = response.get_json()
    assert body["number"].startswith("T-") and body["status"] == "new"
    assert body["company"] == "Alpha Steuerberatung GmbH"
    assert body["reported_at"].endswith("+00:00") and body["response_due"].endswith("+00:00")
    assert body["events"][0]["kind"] == "created" and body["messages"] == []
    assert "assignee" not in body
    assert response.headers["Location"].endswith(f"/api/v1/tickets/{body['number']}")


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"urgent": True}, "urgent_reason"),
        ({"urgent": True, "urgent_reason": "Frist", "priority": "low"}, "urgent"),
        ({"urgent": True, "urgent_reason": "Frist", "relaxed_days": 3}, "urgent"),
        ({"relaxed_days": 31}, "relaxed_days"),
        ({"deadline": "2026-12-01"}, "deadline"),
        ({"deadline": "morgen", "urgent": True, "urgent_reason": "x"}, "deadline"),
        ({"priority": "sehr hoch"}, "priority"),
        ({"title": 42}, "title"),
        ({"urgent": "ja"}, "urgent"),
        ({"relaxed_days": "3"}, "relaxed_days"),
        ({"relaxed_days": True}, "relaxed_days"),
    ],
)
def test_invalid_values_answer_422_with_the_field(client_a, extra, field):
    response = client_a.post("/api/v1/tickets", json={**NEW, **extra})
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]
    assert Ticket.select().count() == 0


def test_unknown_keys_and_malformed_json_answer_400(client_a):
    response = client_a.post("/api/v1/tickets", json={**NEW, "colour": "red"})
    assert response.status_code == 400 and "colour" in response.get_json()["error"]["fields"]
    response = client_a.post("/api/v1/tickets", data="{nope", content_type="application/json")
    assert response.status_code == 400
    assert Ticket.select().count() == 0


def test_customer_cannot_set_staff_fields(client_a, company_b):
    response = client_a.post(
        "/api/v1/tickets", json={**NEW, "company": company_b.name, "reported_at": None}
    )
    assert response.status_code == 403
    assert set(response.get_json()["error"]["fields"]) == {"company", "reported_at"}


def test_staff_records_a_call_by_api(staff_client, company_a, customer_a):
    response = staff_client.post(
        "/api/v1/tickets",
        json={
            **NEW,
            "company": company_a.customer_number,
            "contact": customer_a.email,
            "reported_at": "2026-01-05T08:15:00+01:00",
        },
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["reported_at"] == "2026-01-05T07:15:00+00:00"
    assert body["assignee"] is None


def test_staff_call_in_the_future_is_422(staff_client, company_a):
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    response = staff_client.post(
        "/api/v1/tickets", json={**NEW, "company": company_a.name, "reported_at": future}
    )
    assert response.status_code == 422
    assert list(response.get_json()["error"]["fields"]) == ["reported_at"]


@pytest.mark.parametrize(
    ("moment", "utc"),
    [
        ("2026-01-05T08:15", "2026-01-05T07:15:00+00:00"),  # winter: UTC+1
        ("2026-07-06T08:15:30", "2026-07-06T06:15:30+00:00"),  # summer: UTC+2
        ("2026-07-06T08:15:00Z", "2026-07-06T08:15:00+00:00"),
        ("2026-07-06T08:15:00-04:00", "2026-07-06T12:15:00+00:00"),
    ],
)
def test_staff_call_without_offset_is_berlin_time(staff_client, company_a, moment, utc):
    response = staff_client.post(
        "/api/v1/tickets", json={**NEW, "company": company_a.name, "reported_at": moment}
    )
    assert response.status_code == 201
    assert response.get_json()["reported_at"] == utc


@pytest.mark.parametrize(
    "moment", ["2026-01-05", "05.01.2026 08:15", "2026-01-05T08:15+0100", "2026-13-05T08:15", 5]
)
def test_staff_call_time_that_is_no_iso_moment_is_422(staff_client, company_a, moment):
    response = staff_client.post(
        "/api/v1/tickets", json={**NEW, "company": company_a.name, "reported_at": moment}
    )
    assert response.status_code == 422
    assert list(response.get_json()["error"]["fields"]) == ["reported_at"]


def test_staff_call_in_year_one_is_422_not_a_500(staff_client, company_a):
    response = staff_client.post(
        "/api/v1/tickets",
        json={**NEW, "company": company_a.name, "reported_at": "0001-01-01T00:30:00+01:00"},
    )
    assert response.status_code == 422
    assert "reported_at" in response.get_json()["error"]["fields"]
    assert Ticket.select().count() == 0


def test_list_is_scoped_and_paginated(app, client_a, customer_a, customer_b):
    for index in range(3):
        make_ticket(app, customer_a, title=f"Eigenes {index}")
    make_ticket(app, customer_b, title="Fremdes")
    body = client_a.get("/api/v1/tickets?per_page=2").get_json()
    assert body["total"] == 3 and body["per_page"] == 2 and len(body["tickets"]) == 2
    assert all(t["company"] == "Alpha Steuerberatung GmbH" for t in body["tickets"])
    page2 = client_a.get("/api/v1/tickets?per_page=2&page=2").get_json()
    assert [t["title"] for t in page2["tickets"]] == ["Eigenes 0"]


def test_list_rejects_bad_parameters(client_a):
    for query, field in (
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("status=kaputt", "status"),
        ("priority=egal", "priority"),
    ):
        response = client_a.get(f"/api/v1/tickets?{query}")
        assert response.status_code == 422
        assert field in response.get_json()["error"]["fields"]


def test_staff_list_is_in_queue_order_with_filters(app, staff_client, customer_a, customer_b):
    make_ticket(app, customer_b, title="B normal")
    make_ticket(app, customer_a, title="A niedrig", priority="low")
    make_ticket(app, customer_a, title="A kritisch", priority="critical")
    titles = [t["title"] for t in staff_client.get("/api/v1/tickets").get_json()["tickets"]]
    assert titles == ["A kritisch", "B normal", "A niedrig"]
    filtered = staff_client.get("/api/v1/tickets?company=Beta+Logistik+KG&priority=normal")
    assert [t["title"] for t in filtered.get_json()["tickets"]] == ["B normal"]


def test_a_listed_ticket_reads_like_its_own_answer(app, staff_client, customer_a, staff):
    """The list reads flat rows, the detail a model: every field the two share is equal, for a
    ticket with a deadline, an assignee, flags, a first response and one without them."""
    plain = make_ticket(app, customer_a, title="Schlicht")
    full = make_ticket(
        app,
        customer_a,
        title="Voll",
        urgent=True,
        urgent_reason="Messe morgen",
        deadline=dt.date(2026, 12, 4),
    )
    relaxed = make_ticket(app, customer_a, title="Gelassen", relaxed_days=3)
    staff_client.patch(f"/api/v1/tickets/{full.number}", json={"assignee": staff.email})
    staff_client.post(f"/api/v1/tickets/{full.number}/messages", json={"body": "Wir sind dran."})
    listed = {t["number"]: t for t in staff_client.get("/api/v1/tickets").get_json()["tickets"]}
    for ticket in (plain, full, relaxed):
        detail = staff_client.get(f"/api/v1/tickets/{ticket.number}").get_json()
        assert listed[ticket.number] == {key: detail[key] for key in listed[ticket.number]}
        assert listed[ticket.number]["url"] == f"http://localhost/tickets/{ticket.number}"
    assert listed[full.number]["assignee"] == staff.email
    assert listed[full.number]["deadline"] == "2026-12-04" and listed[full.number]["urgent"] is True
    assert listed[full.number]["first_response_at"] is not None
    assert listed[relaxed.number]["relaxed_days"] == 3


def test_other_companys_ticket_is_404(app, client_a, customer_b):
    ticket = make_ticket(app, customer_b)
    assert client_a.get(f"/api/v1/tickets/{ticket.number}").status_code == 404
    response = client_a.patch(f"/api/v1/tickets/{ticket.number}", json={"status": "resolved"})
    assert response.status_code == 404
    response = client_a.post(f"/api/v1/tickets/{ticket.number}/messages", json={"body": "x"})
    assert response.status_code == 404
    assert Ticket.get_by_id(ticket.id).status == "new" and TicketMessage.select().count() == 0


def test_internal_notes_never_reach_customers_through_the_api(app, client_a, customer_a, staff):
    ticket = make_ticket(app, customer_a)
    with app.test_request_context():
        service.add_message(Ticket.get_by_id(ticket.id), staff, "GEHEIM intern", internal=True)
        service.add_message(Ticket.get_by_id(ticket.id), staff, "Öffentliche Antwort")
        service.change_ticket(Ticket.get_by_id(ticket.id), staff, {"assignee": staff}, "")
    response = client_a.get(f"/api/v1/tickets/{ticket.number}")
    assert "GEHEIM" not in response.get_data(as_text=True)
    body = response.get_json()
    assert [m["body"] for m in body["messages"]] == ["Öffentliche Antwort"]
    assert "assignee" not in body
    assert "assignee" not in [e["kind"] for e in body["events"]]
    listed = client_a.get("/api/v1/tickets").get_data(as_text=True)
    assert "GEHEIM" not in listed and '"assignee"' not in listed


def test_staff_sees_internal_notes_and_assignee(app, staff_client, customer_a, staff):
    ticket = make_ticket(app, customer_a)
    response = staff_client.post(
        f"/api/v1/tickets/{ticket.number}/messages", json={"body": "Notiz", "internal": True}
    )
    assert response.status_code == 201 and response.get_json()["internal"] is True
    response = staff_client.patch(
        f"/api/v1/tickets/{ticket.number}", json={"assignee": staff.email}
    )
    body = response.get_json()
    assert body["assignee"] == staff.email
    assert body["messages"][0]["body"] == "Notiz"


def test_customer_cannot_write_internal_notes(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    response = client_a.post(
        f"/api/v1/tickets/{ticket.number}/messages", json={"body": "x", "internal": True}
    )
    assert response.status_code == 403
    assert TicketMessage.select().count() == 0


def test_customer_may_only_resolve_or_reopen(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    for change in (
        {"status": "closed"},
        {"priority": "critical", "reason": "x"},
        {"status": "resolved", "urgent": False},
    ):
        response = client_a.patch(f"/api/v1/tickets/{ticket.number}", json=change)
        assert response.status_code == 403
    assert Ticket.get_by_id(ticket.id).status == "new"
    response = client_a.patch(f"/api/v1/tickets/{ticket.number}", json={"status": "resolved"})
    assert response.status_code == 200 and response.get_json()["status"] == "resolved"
    response = client_a.patch(f"/api/v1/tickets/{ticket.number}", json={"status": "reopen"})
    assert response.status_code == 200 and response.get_json()["status"] == "new"


def test_staff_patch_is_all_or_nothing(app, staff_client, customer_a):
    ticket = make_ticket(app, customer_a)
    response = staff_client.patch(
        f"/api/v1/tickets/{ticket.number}", json={"status": "in_progress", "priority": "low"}
    )
    assert response.status_code == 422
    assert "reason" in response.get_json()["error"]["fields"]
    assert Ticket.get_by_id(ticket.id).status == "new"
    assert TicketEvent.select().count() == 1
    response = staff_client.patch(
        f"/api/v1/tickets/{ticket.number}",
        json={"status": "in_progress", "priority": "low", "reason": "Nur eine Frage"},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["priority"]) == ("in_progress", "low")
    assert body["first_response_at"] is not None


def test_staff_patch_rejects_unknown_assignee_and_bad_types(app, staff_client, customer_a):
    ticket = make_ticket(app, customer_a)
    for change, field in (
        ({"assignee": customer_a.email}, "assignee"),
        ({"assignee": "niemand@example.org"}, "assignee"),
        ({"status": "erledigt"}, "status"),
        ({"urgent": "yes"}, "urgent"),
        ({"relaxed_days": 0}, "relaxed_days"),
    ):
        response = staff_client.patch(f"/api/v1/tickets/{ticket.number}", json=change)
        assert response.status_code == 422, change
        assert field in response.get_json()["error"]["fields"]


def test_session_requests_need_the_csrf_header(app, app_config, customer_a):
    from tests.conftest import login_client

    app.config["WTF_CSRF_ENABLED"] = True
    client = login_client(app, customer_a)
    response = client.post("/api/v1/tickets", json=NEW)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"
    assert Ticket.select().count() == 0


def test_tickets_are_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert {"/tickets", "/tickets/{number}", "/tickets/{number}/messages"} <= set(document["paths"])
    assert set(document["paths"]["/tickets/{number}"]) >= {"get", "patch"}
    assert "TicketDetail" in document["components"]["schemas"]


def test_api_list_query_count_with_a_token(app, client, customer_a):
    headers = bearer(customer_a)
    make_ticket(app, customer_a)
    with count_queries() as few:
        client.get("/api/v1/tickets", headers=headers)
    for _ in range(10):
        make_ticket(app, customer_a)
    with count_queries() as many:
        response = client.get("/api/v1/tickets", headers=headers)
    assert response.get_json()["total"] == 11
    assert many.count == few.count <= 8


def test_staff_deadline_on_a_ticket_that_is_not_urgent_is_422_not_ignored(
    app, staff_client, customer_a
):
    ticket = make_ticket(app, customer_a)
    response = staff_client.patch(
        f"/api/v1/tickets/{ticket.number}", json={"deadline": "2099-01-01"}
    )
    assert response.status_code == 422
    assert "deadline" in response.get_json()["error"]["fields"]
    assert Ticket.get_by_id(ticket.id).deadline is None
