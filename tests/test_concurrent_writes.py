"""Writes that must happen once when two requests race on PostgreSQL (several portal instances
on one database): the same new alarm from two Alertmanager calls, the same POST with one
Idempotency-Key, the same mail imported by two workers. Real concurrent requests against a
served portal (or two database connections), each race repeated; SQLite serialises writers,
so these run with scripts/with-postgres."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request

import pytest

from portal.api.idempotency import IdempotencyKey, request_hash
from portal.db import database, open_database, utcnow
from portal.inbound import service as inbound
from portal.inbound.models import InboundMail
from portal.models import ApiToken
from portal.tickets.models import Ticket, TicketAlert
from tests import inbound_mails as m
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.postgres_only

ROUNDS = 20
NEW = {"title": "Drucker", "description": "Druckt nicht.", "priority": "normal"}


def post(url: str, body: dict, headers: dict) -> tuple[int, dict, dict]:
    """(status, headers, JSON body) of a real HTTP POST."""
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method="POST", headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def at_once(*calls) -> list:
    """Run the calls in threads released together by a barrier; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    failures = []

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures
    return results


def bearer(user, scope="api") -> dict:
    _token, plain = ApiToken.issue(user, scope=scope)
    return {"Authorization": f"Bearer {plain}"}


# --- Alertmanager: one ticket per new fingerprint -------------------------------------------


def test_two_calls_with_the_same_new_alarm_open_one_ticket(live_server, db, staff, company_a):
    headers = bearer(staff, scope="monitoring")
    url = f"{live_server}/api/v1/alerts/alertmanager"
    for round_ in range(ROUNDS):
        fingerprint = f"race-{round_}"
        body = {
            "alerts": [
                {
                    "status": "firing",
                    "labels": {"alertname": "HostDown", "customer": company_a.customer_number},
                    "startsAt": "2026-11-24T07:58:00Z",
                    "fingerprint": fingerprint,
                }
            ]
        }
        call = lambda body=body: post(url, body, headers)  # noqa: E731
        answers = at_once(call, call)

        assert [status for status, _h, _b in answers] == [200, 200], answers
        results = [answer["results"][0] for _s, _h, answer in answers]
        assert sorted(r["action"] for r in results) == ["created", "repeated"], results
        assert results[0]["ticket"] == results[1]["ticket"]
        assert TicketAlert.select().where(TicketAlert.fingerprint == fingerprint).count() == 1
    assert Ticket.select().count() == ROUNDS


# --- Idempotency-Key: one write per key ------------------------------------------------------


def test_two_requests_with_one_key_create_one_ticket(live_server, db, customer_a):
    headers = bearer(customer_a)
    url = f"{live_server}/api/v1/tickets"
    refused_while_running = 0
    for round_ in range(ROUNDS):
        key = {"Idempotency-Key": f"race-{round_}", **headers}
        call = lambda key=key: post(url, NEW, key)  # noqa: E731
        answers = at_once(call, call)

        statuses = sorted(status for status, _h, _b in answers)
        first = [a for a in answers if a[0] == 201 and "Idempotent-Replayed" not in a[1]]
        assert len(first) == 1, answers
        other = next(a for a in answers if a is not first[0])
        if other[0] == 409:  # the claim waited for the first request's commit, then lost
            refused_while_running += 1
            assert other[1]["Retry-After"] == "1"
            assert other[2]["error"]["code"] == "idempotency_key_in_use"
        else:  # it came after the commit: the stored answer
            assert statuses == [201, 201] and other[1]["Idempotent-Replayed"] == "true"
            assert other[2] == first[0][2]
        assert Ticket.select().count() == round_ + 1
    print(f"{refused_while_running} of {ROUNDS} second requests overlapped the first (409)")


def _claim(other, customer, key: str, app) -> None:
    """What another request's transaction writes first: the key's row (here with its answer)."""
    with app.test_request_context("/api/v1/tickets", method="POST", json=NEW):
        fingerprint = request_hash()
    other.execute_sql(
        "INSERT INTO idempotency_key (user_id, key, request_hash, response_status,"
        " response_body, created_at) VALUES (%s, %s, %s, 201, %s, %s)",
        (customer.id, key, fingerprint, HELD_ANSWER, utcnow().replace(tzinfo=None)),
    )


def _wait_until_a_request_waits_for_a_lock(other) -> None:
    for _ in range(250):
        # the statistics are a snapshot per transaction: take a fresh one each time
        other.execute_sql("SELECT pg_stat_clear_snapshot()")
        waiting = other.execute_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        ).fetchone()[0]
        if waiting:
            return
        time.sleep(0.02)
    raise AssertionError("the request never waited for the other transaction")


HELD_ANSWER = '{"number": "T-2026-09999"}'


@pytest.mark.parametrize("first_request", ["commits", "fails"])
def test_a_request_while_the_first_with_its_key_runs(
    app, live_server, db, customer_a, first_request
):
    headers = {"Idempotency-Key": "held", **bearer(customer_a)}
    url = f"{live_server}/api/v1/tickets"
    answer = {}
    sender = threading.Thread(target=lambda: answer.update(result=post(url, NEW, headers)))
    other = open_database(POSTGRES_URL)  # the first request's connection, mid-transaction
    try:
        with other.atomic() as first:
            _claim(other, customer_a, "held", app)
            sender.start()
            _wait_until_a_request_waits_for_a_lock(other)
            if first_request == "fails":
                first.rollback()
        sender.join(timeout=30)
    finally:
        other.close()
    status, response_headers, body = answer["result"]
    if first_request == "commits":
        assert status == 409 and body["error"]["code"] == "idempotency_key_in_use"
        assert response_headers["Retry-After"] == "1"
        assert Ticket.select().count() == 0
        # the retry gets what the first request stored
        status, response_headers, body = post(url, NEW, headers)
        assert (status, body) == (201, json.loads(HELD_ANSWER))
        assert response_headers["Idempotent-Replayed"] == "true"
    else:  # the first request wrote nothing: the key is free, this one is carried out
        assert status == 201 and "Idempotent-Replayed" not in response_headers
        assert Ticket.select().count() == 1
        assert IdempotencyKey.get().response_status == 201


# --- the mail import: one row and one ticket per Message-ID -----------------------------------


def test_two_workers_importing_the_same_mail_import_it_once(app, db, customer_a):
    app.config["INBOUND_NEW_TICKETS_PER_HOUR"] = ROUNDS  # one customer's mails, in a minute

    def import_in_own_connection(raw):
        with app.test_request_context():
            database.connect(reuse_if_open=True)
            try:
                return inbound.import_raw(raw).id
            finally:
                database.close()

    for round_ in range(ROUNDS):
        raw = m.build(m.HTML_ONLY_NEW).replace(
            b"html-only-1@alpha.example", f"race-{round_}@alpha.example".encode()
        )
        call = lambda raw=raw: import_in_own_connection(raw)  # noqa: E731
        ids = at_once(call, call)

        assert ids[0] == ids[1]
        row = InboundMail.get_by_id(ids[0])
        assert (row.state, row.reason) == ("imported", "new_ticket")
        assert Ticket.select().count() == round_ + 1
    assert InboundMail.select().count() == ROUNDS
