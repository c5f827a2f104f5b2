"""The outbox end to end: a real consumer process (`flask --app portal worker`) on the SQLite
job store (and once on Redis), real SMTP servers that are down, slow, or die mid-mail."""

from __future__ import annotations

import statistics
import time
from collections import Counter

import pytest

from portal import jobs, tasks
from portal.db import database
from portal.mail import DELIVERY_TASK
from portal.outbox.models import OutboxMail
from tests.conftest import Mailbox, free_port
from tests.outbox_worker import (
    SlowMailbox,
    Worker,
    redis_server,
    smtp_server,
    wait_for,
    worker_env,
)

SUPPORT = "dienst@provider.example"
NEW_TICKET = {"title": "Drucker", "description": "Er druckt nicht.", "priority": "low"}


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def app_config(tmp_path, smtp_port):
    return {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": smtp_port,
        "SUPPORT_EMAIL": SUPPORT,
        "MAIL_LEASE_SECONDS": 3,
        "JOBS_IMMEDIATE": False,  # the real queue, consumed by the worker process
        "JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite3"),
    }


@pytest.fixture
def start_worker(app, tmp_path):
    workers = []

    def start(**extra) -> Worker:
        worker = Worker(worker_env(app, **extra), tmp_path / "worker.log")
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


def outbox():
    with database.connection_context():
        return list(OutboxMail.select().order_by(OutboxMail.id))


def report(client, count: int = 1) -> list[float]:
    """POST /api/v1/tickets `count` times; the seconds each took."""
    took = []
    for _n in range(count):
        start = time.perf_counter()
        response = client.post("/api/v1/tickets", json=NEW_TICKET, headers={"X-CSRF-Token": "1"})
        took.append(time.perf_counter() - start)
        assert response.status_code == 201, response.get_json()
    return took


def wait_until_all_sent(timeout: float = 20.0) -> None:
    """Every mail in the outbox sent; then a moment in which a second delivery would arrive."""
    wait_for(lambda: all(row.state == "sent" for row in outbox()), timeout=timeout)
    time.sleep(1.5)


def received_ids(mailbox) -> Counter:
    return Counter(message["Message-ID"] for message in mailbox.messages)


def test_smtp_down_the_mail_is_delivered_exactly_once_when_it_returns(
    app, client_a, smtp_port, start_worker
):
    start_worker()
    report(client_a)
    wait_for(lambda: any(row.attempts >= 2 for row in outbox()))  # tried, and tried again
    # none sent and none given up; one may be in an attempt right now ("sending")
    assert {row.state for row in outbox()} <= {"pending", "sending"}
    mailbox = Mailbox()
    with smtp_server(mailbox, smtp_port):
        wait_until_all_sent()
    assert received_ids(mailbox) == Counter({row.message_id: 1 for row in outbox()})
    assert len(mailbox.messages) == 2  # the customer's confirmation and the staff alert


def test_the_request_is_as_fast_with_the_smtp_server_down_or_slow_as_up(app, client_a, smtp_port):
    # No worker: the request only writes the outbox and enqueues. SMTP must not matter.
    down = statistics.median(report(client_a, 5))
    with smtp_server(SlowMailbox(delay=5), smtp_port):
        slow = statistics.median(report(client_a, 5))
    with smtp_server(Mailbox(), smtp_port):
        up = statistics.median(report(client_a, 5))
    assert down < 0.5 and slow < 0.5 and up < 0.5
    assert down < up * 3 + 0.05 and slow < up * 3 + 0.05, (down, slow, up)


def test_a_worker_killed_mid_delivery_sends_at_most_the_mail_in_flight_twice(
    app, client_a, smtp_port, start_worker
):
    mailbox = SlowMailbox(delay=1.0)
    with smtp_server(mailbox, smtp_port):
        report(client_a, 3)  # six mails, queued before any worker runs
        worker = start_worker()
        wait_for(lambda: mailbox.started >= 2)  # one delivered, the next one in flight
        worker.kill()
        assert {row.state for row in outbox()} & {"pending", "sending"}
        start_worker()
        time.sleep(app.config["MAIL_LEASE_SECONDS"] + 0.5)
        with app.app_context():  # the next write would do this; the sweep does it each minute
            jobs.kick(DELIVERY_TASK)
        wait_until_all_sent(timeout=30)
    counts = received_ids(mailbox)
    assert set(counts) == {row.message_id for row in outbox()}
    twice = [message_id for message_id, n in counts.items() if n > 1]
    assert len(twice) <= 1 and max(counts.values()) <= 2, counts


def test_two_consumers_never_send_one_mail_twice(app, client_a, smtp_port, start_worker):
    mailbox = Mailbox()
    with smtp_server(mailbox, smtp_port):
        start_worker()
        start_worker()
        report(client_a, 10)  # twenty mails, each request kicking a delivery job
        with app.app_context():
            for _n in range(6):  # more jobs than mails left: they race for the same rows
                jobs.kick(DELIVERY_TASK)
        wait_until_all_sent(timeout=30)
    counts = received_ids(mailbox)
    assert len(counts) == 20 and set(counts.values()) == {1}, counts


def test_a_rolled_back_write_sends_nothing_with_a_real_worker(
    app, customer_a, smtp_port, start_worker
):
    from portal.tickets import service
    from portal.tickets.rules import Report

    mailbox = Mailbox()
    with smtp_server(mailbox, smtp_port):
        start_worker()
        with app.test_request_context(), pytest.raises(RuntimeError), database.atomic():
            service.create_ticket(customer_a, Report(**NEW_TICKET))
            raise RuntimeError("rolled back")
        with app.app_context():
            jobs.kick(DELIVERY_TASK)
        time.sleep(2)
    assert outbox() == [] and mailbox.messages == []


def test_a_worker_starts_only_the_jobs_that_need_no_arguments(app, tmp_path, start_worker):
    # At its start a worker kicks the jobs that may have work left over; a job that needs
    # arguments (the reset link's) started without them failed with a TypeError each time.
    worker = start_worker()
    log = tmp_path / "worker.log"
    wait_for(lambda: f"{DELIVERY_TASK}: " in log.read_text() and "executed" in log.read_text())
    time.sleep(1.0)
    worker.stop()
    text = log.read_text()
    assert "Unhandled exception" not in text, text
    assert "Executing portal.auth" not in text, text


# --- the job engine on Redis ----------------------------------------------------------


@pytest.fixture
def redis_url(tmp_path):
    with redis_server(tmp_path) as url:
        yield url


def test_the_job_engine_runs_on_redis(app, client_a, smtp_port, start_worker, redis_url):
    app.config["JOBS_URL"] = redis_url
    app.extensions["huey"] = None
    # the app's queue is now Redis, as with PORTAL_JOBS_URL
    jobs.init_app(app, tasks.register_all)
    assert type(jobs.huey_of(app)).__name__ == "RedisHuey"
    mailbox = Mailbox()
    with smtp_server(mailbox, smtp_port):
        start_worker()
        report(client_a)
        wait_for(lambda: len(mailbox.messages) == 2)
    assert {row.state for row in outbox()} == {"sent"}
