"""Idempotency-Key on the API's creating POSTs: a retry after a lost answer gets the first
answer and creates nothing twice; another request under the same key is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from huey import MemoryHuey

from portal.api import idempotency
from portal.api.idempotency import IdempotencyKey
from portal.changes.models import PlannedChange
from portal.db import utcnow
from portal.models import ApiToken
from portal.outbox.models import OutboxMail
from portal.tickets.models import Ticket, TicketMessage
from tests.changes_support import NEW_EMPLOYEE, fixed_today  # noqa: F401
from tests.conftest import login_client, make_user
from tests.ticket_factory import make_ticket

NEW = {"title": "Drucker", "description": "Druckt nicht.", "priority": "normal"}
KEY = "7d1f3c2e-6a0b-4c9e-9b7a-2f1e0d3c4b5a"


def bearer(user) -> dict:
    _token, plain = ApiToken.issue(user)
    return {"Authorization": f"Bearer {plain}"}


def with_key(key=KEY, **headers) -> dict:
    return {"Idempotency-Key": key, **headers}


def test_a_retried_report_gets_the_first_answer_and_creates_nothing(client_a, staff):
    first = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    assert first.status_code == 201, first.json
    assert "Idempotent-Replayed" not in first.headers
    mails = OutboxMail.select().count()

    again = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())

    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_data() == first.get_data()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.json["number"] == "T-" + str(utcnow().year) + "-00001"
    assert Ticket.select().count() == 1
    assert OutboxMail.select().count() == mails  # the confirmation is not sent twice
    stored = IdempotencyKey.get()
    assert (stored.key, stored.response_status) == (KEY, 201)


def test_without_a_key_every_post_creates(client_a):
    for _ in range(2):
        assert client_a.post("/api/v1/tickets", json=NEW).status_code == 201
    assert Ticket.select().count() == 2 and IdempotencyKey.select().count() == 0


def test_a_json_body_sent_again_in_another_key_order_is_the_same_request(client_a):
    client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    reordered = '{"priority": "normal", "description": "Druckt nicht.", "title": "Drucker"}'
    again = client_a.post(
        "/api/v1/tickets",
        data=reordered,
        headers=with_key(**{"Content-Type": "application/json"}),
    )
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert Ticket.select().count() == 1


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", "gehört zu einer anderen Anfrage"), ("en", "belongs to another request")],
)
def test_the_same_key_with_another_body_is_422_and_writes_nothing(client_a, language, words):
    client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    other = client_a.post(
        "/api/v1/tickets",
        json={**NEW, "title": "Scanner"},
        headers=with_key(**{"Accept-Language": language}),
    )
    assert other.status_code == 422
    assert other.json["error"]["code"] == "idempotency_key_reused"
    assert words in other.json["error"]["message"]
    assert list(other.json["error"]["fields"]) == ["Idempotency-Key"]
    assert [t.title for t in Ticket.select()] == ["Drucker"]


def test_a_key_used_for_another_operation_is_422(app, client_a, customer_a):
    number = client_a.post("/api/v1/tickets", json=NEW, headers=with_key()).json["number"]
    message = client_a.post(
        f"/api/v1/tickets/{number}/messages", json={"body": "Noch da?"}, headers=with_key()
    )
    assert message.status_code == 422
    assert TicketMessage.select().count() == 0


def test_keys_belong_to_one_user(app, client_a, company_a):
    colleague = make_user(app, "carl@alpha.example", "Carl Kollege", "customer", company_a)
    first = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    second = login_client(app, colleague).post("/api/v1/tickets", json=NEW, headers=with_key())
    assert second.status_code == 201 and "Idempotent-Replayed" not in second.headers
    assert second.json["number"] != first.json["number"]
    assert Ticket.select().count() == 2


def test_a_token_and_the_session_of_one_user_share_the_key(client, app, customer_a):
    first = client.post("/api/v1/tickets", json=NEW, headers=with_key(**bearer(customer_a)))
    again = login_client(app, customer_a).post("/api/v1/tickets", json=NEW, headers=with_key())
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json and Ticket.select().count() == 1


@pytest.mark.parametrize(
    "key",
    ["", "   ", '""', "x" * 256, "schlüssel", "tab\there"],
    ids=["empty", "blank", "empty-quoted", "256-chars", "non-ascii", "control"],
)
def test_an_empty_too_long_or_unreadable_key_is_422(client_a, key):
    response = client_a.post("/api/v1/tickets", json=NEW, headers=with_key(key))
    assert response.status_code == 422
    assert "255" in response.json["error"]["fields"]["Idempotency-Key"]
    assert Ticket.select().count() == 0 and IdempotencyKey.select().count() == 0


def test_a_key_of_255_characters_and_the_drafts_quoted_form_are_accepted(client_a):
    longest = "k" * 255
    assert client_a.post("/api/v1/tickets", json=NEW, headers=with_key(longest)).status_code == 201
    # draft-ietf-httpapi-idempotency-key-header writes the key as a quoted string
    client_a.post("/api/v1/tickets", json=NEW, headers=with_key('"' + KEY + '"'))
    again = client_a.post("/api/v1/tickets", json=NEW, headers=with_key(KEY))
    assert again.headers["Idempotent-Replayed"] == "true"
    assert Ticket.select().count() == 2


def test_a_refused_request_keeps_no_answer_so_its_corrected_retry_is_carried_out(client_a):
    refused = client_a.post("/api/v1/tickets", json={**NEW, "title": " "}, headers=with_key())
    assert refused.status_code == 422 and IdempotencyKey.select().count() == 0
    corrected = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    assert corrected.status_code == 201 and "Idempotent-Replayed" not in corrected.headers
    assert Ticket.select().count() == 1


def test_a_retried_message_is_written_once(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    url = f"/api/v1/tickets/{ticket.number}/messages"
    first = client_a.post(url, json={"body": "Der Drucker piept."}, headers=with_key())
    again = client_a.post(url, json={"body": "Der Drucker piept."}, headers=with_key())
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true" and "Location" not in again.headers
    assert again.json == first.json
    assert TicketMessage.select().where(TicketMessage.ticket == ticket.id).count() == 1


def test_a_retried_change_announcement_is_created_once(client_a, fixed_today):  # noqa: F811
    body = {"kind": "new_employee", "details": dict(NEW_EMPLOYEE), "wished_date": "2026-12-09"}
    first = client_a.post("/api/v1/changes", json=body, headers=with_key())
    again = client_a.post("/api/v1/changes", json=body, headers=with_key())
    assert first.status_code == again.status_code == 201
    assert (
        again.headers["Location"]
        == first.headers["Location"]
        == f"/api/v1/changes/{first.json['id']}"
    )
    assert again.headers["Idempotent-Replayed"] == "true" and again.json == first.json
    assert PlannedChange.select().count() == 1


def test_a_refused_change_of_staff_stores_nothing(staff_client, fixed_today):  # noqa: F811
    body = {"kind": "new_employee", "details": dict(NEW_EMPLOYEE), "wished_date": "2026-12-09"}
    assert staff_client.post("/api/v1/changes", json=body, headers=with_key()).status_code == 403
    assert IdempotencyKey.select().count() == 0


def test_a_key_expires_after_24_hours(app, client_a):
    first = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    later = utcnow() + dt.timedelta(hours=24, minutes=1)
    app.config["CLOCK"] = lambda: later
    again = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    assert again.status_code == 201 and "Idempotent-Replayed" not in again.headers
    assert again.json["number"] != first.json["number"]
    [stored] = IdempotencyKey.select()  # the expired row was deleted when the key came again
    assert stored.created_at == later


def test_within_24_hours_the_answer_is_kept(app, client_a):
    client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    app.config["CLOCK"] = lambda: utcnow() + dt.timedelta(hours=23, minutes=59)
    again = client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    assert again.headers["Idempotent-Replayed"] == "true"


def test_the_hourly_sweep_deletes_expired_keys_only(app, client_a):
    start = utcnow()
    for hours_ago, key in ((25, "alt"), (23, "jung")):
        app.config["CLOCK"] = lambda hours_ago=hours_ago: start - dt.timedelta(hours=hours_ago)
        client_a.post("/api/v1/tickets", json=NEW, headers=with_key(key))
    app.config["CLOCK"] = lambda: start
    huey = MemoryHuey(immediate=True)
    task = idempotency.register(huey)
    with app.app_context():
        assert task.call_local() == 1
    assert [k.key for k in IdempotencyKey.select()] == ["jung"]
    due = huey.read_periodic(dt.datetime(2026, 3, 3, 10, 23))
    assert [t.name for t in due] == [idempotency.TASK_NAME]
    assert not huey.read_periodic(dt.datetime(2026, 3, 3, 10, 24))


# --- the OpenAPI document -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "success"),
    [("/tickets", "201"), ("/tickets/{number}/messages", "201"), ("/changes", "201")],
)
def test_the_document_declares_the_header_and_its_answers(client, db, path, success):
    operation = client.get("/api/v1/openapi.json").json["paths"][path]["post"]
    [parameter] = [p for p in operation["parameters"] if p["in"] == "header"]
    assert parameter["name"] == "Idempotency-Key" and parameter["required"] is False
    assert parameter["schema"]["minLength"] == 1 and parameter["schema"]["maxLength"] == 255
    assert {"409", "422"} <= set(operation["responses"])
    assert operation["responses"][success]["headers"]["Idempotent-Replayed"]["schema"] == {
        "enum": ["true"]
    }


def test_only_the_creating_posts_take_the_header(client, db):
    document = client.get("/api/v1/openapi.json").json
    with_header = {
        (path, method)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
        and any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters", []))
    }
    assert with_header == {
        ("/tickets", "post"),
        ("/tickets/{number}/messages", "post"),
        ("/changes", "post"),
    }


def test_erasing_a_person_deletes_their_stored_answers(app, db, client_a, customer_a, admin):
    from portal.privacy import erasure

    client_a.post("/api/v1/tickets", json=NEW, headers=with_key())
    assert customer_a.name in IdempotencyKey.get().response_body  # the event names the actor
    with app.test_request_context():
        erasure.erase(customer_a, admin)
    assert IdempotencyKey.select().count() == 0
