"""The served OpenAPI document against the rule modules, and the contract's small print."""

from __future__ import annotations

import re

import pytest

from portal.sla.targets import CRITICAL, MAX_RELAXED_DAYS, MIN_RELAXED_DAYS, NORMAL, PRIORITIES
from portal.tickets import queries, rules, schemas
from tests.ticket_factory import make_ticket

CLASSES = [p.value for p in PRIORITIES]


@pytest.fixture
def document(client, db):
    return client.get("/api/v1/openapi.json").get_json()


def test_every_ticket_enum_and_limit_in_the_document_comes_from_the_rules(document):
    schemas = document["components"]["schemas"]
    new, change, message = schemas["NewTicket"], schemas["TicketChange"], schemas["NewMessage"]
    ticket, event = schemas["Ticket"]["properties"], schemas["Event"]["properties"]
    relaxed = {
        "type": ["integer", "null"],
        "minimum": MIN_RELAXED_DAYS,
        "maximum": MAX_RELAXED_DAYS,
    }
    assert new["properties"]["priority"]["enum"] == CLASSES
    assert new["properties"]["affected"]["enum"] == list(rules.AFFECTED)
    assert new["properties"]["title"]["maxLength"] == rules.TITLE_MAX
    assert new["properties"]["description"]["maxLength"] == rules.TEXT_MAX
    assert new["properties"]["callback_phone"]["maxLength"] == rules.PHONE_MAX
    assert new["properties"]["urgent_reason"]["maxLength"] == rules.REASON_MAX
    assert new["required"] == ["title", "description", "priority"]
    assert change["properties"]["status"]["enum"] == [*rules.STATUSES, "reopen"]
    assert change["properties"]["priority"]["enum"] == CLASSES
    assert change["properties"]["reason"]["maxLength"] == rules.REASON_MAX
    assert message["properties"]["body"]["maxLength"] == rules.TEXT_MAX
    assert message["required"] == ["body"]
    assert set(change["properties"]) == {*rules.CHANGEABLE, "reason", "reason_public"}
    for body in (new, change):
        assert {**body["properties"]["relaxed_days"], "description": None} == {
            **relaxed,
            "description": None,
        }
    assert {key: ticket["relaxed_days"][key] for key in relaxed} == relaxed
    assert ticket["priority"]["enum"] == CLASSES and ticket["status"]["enum"] == list(
        rules.STATUSES
    )
    assert ticket["affected"]["enum"] == list(rules.AFFECTED)
    assert event["kind"]["enum"] == list(rules.EVENT_KINDS)
    list_parameters = {p["name"]: p for p in document["paths"]["/tickets"]["get"]["parameters"]}
    assert list_parameters["priority"]["schema"]["enum"] == ["", *CLASSES]
    assert list_parameters["status"]["schema"]["enum"] == ["", *queries.STATUS_FILTERS]
    assert set(queries.STATUS_FILTERS) == {"all", "open", *rules.STATUSES}
    assert list_parameters["assignee"]["schema"]["enum"] == ["", *queries.ASSIGNEE_FILTERS]
    assert f"within {rules.REOPEN_DAYS} days" in change["description"]
    assert f"{MIN_RELAXED_DAYS}..{MAX_RELAXED_DAYS}" in new["description"]


def test_cross_field_rules_and_blank_refusals_are_in_the_document(document):
    new = document["components"]["schemas"]["NewTicket"]
    assert new["properties"]["description"]["pattern"] == r"\S"
    # one line: the refusal of line breaks (header injection) is in the document too
    assert new["properties"]["title"]["pattern"] == schemas.SINGLE_LINE
    urgent, relaxed, reason, deadline = new["allOf"]
    assert urgent["then"]["properties"]["priority"] == {"const": NORMAL.value}
    assert urgent["then"]["properties"]["relaxed_days"] == {"type": "null"}
    assert CRITICAL.value not in relaxed["then"]["properties"]["priority"]["enum"]
    assert reason["then"]["required"] == ["urgent_reason"]
    assert deadline["then"]["required"] == ["urgent"]
    for path, method in (("/tickets", "post"), ("/tickets/{number}", "patch"), ("/me", "patch")):
        assert document["paths"][path][method]["requestBody"]["required"] is True


def test_every_operation_that_refuses_values_documents_422(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in ("post", "patch"):
                assert "422" in operation["responses"], (method, path)


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"affected": None}, 422, "affected"),
        ({"callback_phone": None}, 422, "callback_phone"),
        ({"title": "   "}, 422, "title"),
        ({"description": "\n\t"}, 422, "description"),
        ({"relaxed_days": 3.0}, 201, None),
        ({"relaxed_days": 3.5}, 422, "relaxed_days"),
        ({"deadline": "20991231", "urgent": True, "urgent_reason": "Frist"}, 422, "deadline"),
        ({"urgent": True, "urgent_reason": " "}, 422, "urgent_reason"),
        ({"urgent_reason": "x" * (rules.REASON_MAX + 1)}, 422, "urgent_reason"),
    ],
)
def test_new_ticket_values_get_exactly_this_answer(client_a, body, status, field):
    new = {"title": "Drucker", "description": "Druckt nicht.", "priority": "normal"}
    response = client_a.post("/api/v1/tickets", json={**new, **body})
    assert response.status_code == status
    if field:
        assert list(response.get_json()["error"]["fields"]) == [field]


def test_a_405_names_the_allowed_methods(client, db):
    response = client.delete("/api/v1/me")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "PATCH"}


@pytest.mark.parametrize("method", ["get", "patch"])
def test_a_change_id_beyond_the_id_range_is_404_for_every_method(staff_client, method):
    response = getattr(staff_client, method)(
        "/api/v1/changes/99999999999999999999", json={"state": "done"}
    )
    assert response.status_code == 404


def test_an_empty_change_patch_is_400_and_documented(document, staff_client):
    patch = document["paths"]["/changes/{change_id}"]["patch"]
    assert patch["requestBody"]["content"]["application/json"]["schema"]["minProperties"] == 1


@pytest.mark.parametrize(
    ("query", "status"),
    [("page=" + "9" * 25, 200), ("page=%C2%B2", 422), ("per_page=%C2%B2", 422), ("page=9", 200)],
)
def test_absurd_page_numbers_get_exactly_this_answer(app, client_a, customer_a, query, status):
    make_ticket(app, customer_a)
    response = client_a.get(f"/api/v1/tickets?{query}")
    assert response.status_code == status
    if status == 200:
        assert response.get_json()["tickets"] == []


# OpenAPI's runtime expressions as the links use them: a response body field, a request's path
# parameter or body field.
RUNTIME_EXPRESSION = r"\$(response\.body#/\w+|request\.(path\.\w+|body#/\w+))"


def test_every_link_leads_to_an_operation_and_fills_its_path_parameters(document):
    """A new ticket leads to its read, change, answer and share operations, a new change to
    its read and update, a share to stopping it: each link names an operation that exists and
    gives every parameter of its path, from the request or the response body."""
    links = {
        (path, method, name): link
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
        for response in operation["responses"].values()
        for name, link in response.get("links", {}).items()
    }
    assert {name for _, _, name in links} == {
        "ReadTicket",
        "ChangeTicket",
        "WriteMessage",
        "ShareTicket",
        "ReadChange",
        "UpdateChange",
        "StopSharing",
    }
    for (path, method, name), link in links.items():
        prefix, _, pointer = link["operationRef"].partition("#/paths/")
        assert prefix == "", name
        target_path, _, target_method = pointer.rpartition("/")
        target_path = target_path.replace("~1", "/").replace("~0", "~")
        assert target_method in document["paths"][target_path], name
        placeholders = set(re.findall(r"{(\w+)}", target_path))
        assert set(link["parameters"]) == placeholders, name
        for expression in link["parameters"].values():
            assert re.fullmatch(
                r"\$(response\.body#/\w+|request\.(path\.\w+|body#/\w+))", expression
            )
        assert (path, method) != (target_path, target_method), name
