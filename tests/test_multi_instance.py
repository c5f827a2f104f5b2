"""Two portal instances and two job workers on one PostgreSQL database and one Redis, as behind
a load balancer: real processes on 127.0.0.1 (gunicorn `wsgi:app` with 2 sync workers each,
`flask --app portal worker` twice), a real SMTP server (aiosmtpd) and a real Dovecot.

One scenario, in order, because each step needs the running set and the last one kills an
instance: tickets through both instances (HTML form and API), an attachment uploaded through
A and downloaded through B, every mail sent exactly once, the mailbox imported exactly once,
and instance A killed with SIGKILL in the middle of a bounded load.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from bench.run import free_port, signed_in_opener, start_gunicorn
from portal import create_app
from portal.auth.service import create_user, issue_token
from portal.db import database
from portal.inbound.models import InboundMail
from portal.inbound.tasks import TASK_NAME as INBOUND_TASK
from portal.models import Company
from portal.outbox.models import OutboxMail
from portal.tickets.models import Attachment, Ticket
from tests import dovecot
from tests import inbound_mails as m
from tests.conftest import CSRF_INPUT, POSTGRES_URL, TEST_PASSWORD, Mailbox, _reset_postgres
from tests.outbox_worker import ROOT, Worker, redis_server, smtp_server, wait_for, worker_env

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(not POSTGRES_URL, reason="needs PORTAL_TEST_DATABASE_URL (PostgreSQL)"),
]

ANNA, BERND = "anna@alpha.example", "bernd@beta.example"
SUPPORT = "dienst@provider.example"
# PNG by its header, then bytes that no compression shrinks: three pieces in the file store
UPLOAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + secrets.token_bytes(600 * 1024)
IMPORTED = (m.HTML_ONLY_NEW, m.WITH_ATTACHMENTS_NEW, m.FOREIGN_VENDOR_TAG_NEW)
LOAD_THREADS, LOAD_SECONDS = 4, 4.0


class Instance:
    """One portal instance: gunicorn (master and 2 workers) in a process group of its own."""

    def __init__(self, name: str, env: dict, log_path: Path):
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = start_gunicorn(
            "wsgi:app",
            self.port,
            env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # killpg reaches the master and its workers
        )

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base}/anmelden", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL to the master and its workers at once, as when the machine dies."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def terminate(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)

    def stop(self) -> None:
        self.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()


@pytest.fixture
def cluster(tmp_path):
    """Everything started against a freshly migrated database; yields a namespace with the
    instances a and b, the SMTP mailbox, the Dovecot server, the API token and an app for
    reading the database."""
    dovecot.require()
    with contextlib.ExitStack() as stack:
        redis_url = stack.enter_context(redis_server(tmp_path))
        imap = dovecot.start()
        stack.callback(imap.stop)
        mailbox, smtp_port = Mailbox(), free_port()
        stack.enter_context(smtp_server(mailbox, smtp_port))

        _reset_postgres(POSTGRES_URL)
        app = create_app(
            {
                "DATABASE_URL": POSTGRES_URL,
                "DATABASE_POOL": False,
                "SECRET_KEY": "test-secret",
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                "MAIL_SERVER": "127.0.0.1",
                "MAIL_PORT": smtp_port,
                "MAIL_LEASE_SECONDS": 30,
                "SUPPORT_EMAIL": SUPPORT,
                "JOBS_URL": redis_url,
            }
        )
        env = {
            **os.environ,
            **worker_env(app, PORTAL_INBOUND_IMAP_URL=imap.url),
            "PYTHONPATH": str(ROOT),  # this checkout's code, not an installed copy
        }
        migrated = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "portal", "init-db"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert migrated.returncode == 0, migrated.stderr

        with app.app_context(), database.connection_context():
            alpha = Company.create(name="Alpha GmbH", customer_number="K-1", has_contract=True)
            beta = Company.create(name="Beta KG", customer_number="K-2", has_contract=False)
            create_user(ANNA, "Anna Alpha", TEST_PASSWORD, "customer", alpha)
            bernd = create_user(BERND, "Bernd Beta", TEST_PASSWORD, "customer", beta)
            _token, token = issue_token(bernd, name="Last")
        # in the mailbox before any worker runs: both workers find them at their start
        imap.append(*(m.build(template) for template in IMPORTED))

        instances = [Instance(name, env, tmp_path / f"gunicorn-{name}.log") for name in "ab"]
        workers = [Worker(env, tmp_path / f"worker-{n}.log") for n in (1, 2)]
        processes = (*instances, *workers)
        for process in processes:
            stack.callback(process.stop)
        # all asked to stop at once (callbacks run last first), then each one waited for
        stack.callback(lambda: [p.terminate() for p in processes])
        wait_for(lambda: all(instance.ready() for instance in instances), timeout=30)

        yield Cluster(app, *instances, mailbox, imap, token, tmp_path)


class Cluster:
    def __init__(self, app, a, b, mailbox, imap, token, logs):
        self.app, self.a, self.b = app, a, b
        self.mailbox, self.imap, self.token, self.logs = mailbox, imap, token, logs

    def read(self, query):
        """Run `query()` on a connection of the test's own."""
        with self.app.app_context(), database.connection_context():
            return query()


# --- HTTP ------------------------------------------------------------------------------------


def multipart(fields: dict, files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser sends it; (body, content type)."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    body = "".join(parts).encode()
    for name, filename, content in files:
        body += (
            (
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def report_by_form(opener, base: str, title: str, files=()) -> str:
    """The new-ticket form filled in and sent as the signed-in customer; the ticket's number."""
    page = opener.open(f"{base}/tickets/neu").read().decode()
    fields = {
        "csrf_token": CSRF_INPUT.search(page).group(1),
        "title": title,
        "description": f"{title}: gemeldet über das Formular.",
        "priority": "normal",
        "affected": "one",
        "urgency": "plain",
    }
    body, content_type = multipart(fields, [("attachments", name, data) for name, data in files])
    request = urllib.request.Request(
        f"{base}/tickets/neu", data=body, headers={"Content-Type": content_type}
    )
    with opener.open(request) as response:  # 302 to the confirmation page, followed
        found = re.search(r"/tickets/([^/]+)/gemeldet$", response.url)
        assert found, response.url
        return found.group(1)


def post_ticket(base: str, token: str, title: str, timeout: float = 10) -> tuple[int, dict]:
    """POST /api/v1/tickets; (status, JSON answer)."""
    request = urllib.request.Request(
        f"{base}/api/v1/tickets",
        data=json.dumps(
            {"title": title, "description": description_of(title), "priority": "low"}
        ).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def description_of(title: str) -> str:
    return f"{title}\nZeile 2 mit Umlauten: äöü ß und einem Zeichen, das Bytes braucht: €."


def api_numbers(base: str, token: str) -> set[str]:
    request = urllib.request.Request(
        f"{base}/api/v1/tickets?per_page=100", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return {ticket["number"] for ticket in json.loads(response.read())["tickets"]}


# --- the scenario ----------------------------------------------------------------------------


def test_two_instances_and_two_workers_share_one_database_and_one_redis(cluster):
    a, b = cluster.a, cluster.b
    started = time.monotonic()

    # Tickets through both instances: the form as a signed-in customer (one sign-in on A; its
    # session is a row in the database, so B knows it too) and the API with a token.
    opener, jar = signed_in_opener(a.base, ANNA, TEST_PASSWORD)
    assert "session" in {cookie.name for cookie in jar}, "sign-in on A failed"
    by_form = {
        report_by_form(opener, a.base, "Formular über A", [("bildschirm.png", UPLOAD)]): "A",
        report_by_form(opener, b.base, "Formular über B"): "B",
    }
    by_api = {}
    for instance in (a, b):
        status, answer = post_ticket(instance.base, cluster.token, f"API über {instance.name}")
        assert status == 201, answer
        by_api[answer["number"]] = instance.name
    tickets = cluster.read(
        lambda: {t.number: t.title for t in Ticket.select().where(Ticket.source != "email")}
    )
    assert tickets == {
        **{number: f"Formular über {via}" for number, via in by_form.items()},
        **{number: f"API über {via}" for number, via in by_api.items()},
    }
    # and each instance lists what the other one created
    assert api_numbers(a.base, cluster.token) == api_numbers(b.base, cluster.token) == set(by_api)

    # The attachment uploaded through A comes back through B, byte for byte.
    number_a = next(number for number, via in by_form.items() if via == "A")
    stored = cluster.read(
        lambda: list(Attachment.select().join(Ticket).where(Ticket.number == number_a))
    )
    assert [(s.filename, s.size) for s in stored] == [("bildschirm.png", len(UPLOAD))]
    with opener.open(f"{b.base}/tickets/{number_a}/anhaenge/{stored[0].id}") as response:
        assert response.read() == UPLOAD

    # The mailbox is imported exactly once: both workers enqueue the periodic import at their
    # start; one runs it (a key per slot in Redis), the Message-ID key would refuse a second.
    def imported():
        return cluster.read(lambda: list(InboundMail.select()))

    wait_for(lambda: len(imported()) >= len(IMPORTED), timeout=30)
    time.sleep(1.0)
    rows = imported()
    assert sorted(row.message_id for row in rows) == sorted(
        re.search(r"Message-ID: <([^>]+)>", template).group(1) for template in IMPORTED
    )
    assert {row.state for row in rows} == {"imported"}
    assert cluster.read(lambda: Ticket.select().where(Ticket.source == "email").count()) == 3
    assert cluster.imap.unseen() == 0
    # both workers' copies of the job ran (a race the slot key decided, not a lucky order)
    runs = sum(
        log.read_text().count(f"Executing portal.jobs.{INBOUND_TASK}:")
        for log in cluster.logs.glob("worker-*.log")
    )
    assert runs >= 2, runs

    # Every mail so far (these tickets', the imported ones') is delivered exactly once, with
    # two workers racing for them (each request kicks a delivery job into the shared Redis).
    def outbox():
        return cluster.read(lambda: list(OutboxMail.select()))

    wait_for(lambda: outbox() and all(row.state == "sent" for row in outbox()), timeout=30)
    time.sleep(1.5)  # a second delivery would arrive now
    sent = outbox()
    received = Counter(message["Message-ID"] for message in cluster.mailbox.messages)
    assert received == Counter({row.message_id: 1 for row in sent}), received
    # each ticket reported in the portal: the customer's confirmation and the staff alert
    per_ticket = Counter(row.ticket_number for row in sent)
    assert {number: per_ticket[number] for number in tickets} == dict.fromkeys(tickets, 2)

    # Instance A killed (master and workers, SIGKILL) in the middle of a bounded load.
    results, killed_at = run_load_and_kill(cluster)
    answered = [r for r in results if 200 <= r["status"] < 300]
    after_kill = [r for r in answered if r["instance"] == "b" and r["sent"] > killed_at]
    assert answered and after_kill, Counter((r["instance"], r["status"]) for r in results)
    assert any(r["instance"] == "a" and r["sent"] < killed_at for r in answered)
    # B answered every request of the load, before and after A's death
    assert {r["status"] for r in results if r["instance"] == "b"} == {201}

    load = cluster.read(
        lambda: list(
            Ticket.select(Ticket.number, Ticket.title, Ticket.description).where(
                Ticket.title.startswith("Last ")
            )
        )
    )
    titles = Counter(t.title for t in load)
    assert [title for title, n in titles.items() if n > 1] == []  # nothing twice
    in_db = {t.title: t for t in load}
    for result in answered:  # every 2xx is there, intact, under the number it was given
        ticket = in_db.get(result["title"])
        assert ticket is not None, f"{result['title']} answered 201 but is not in the database"
        assert (ticket.number, ticket.description) == (
            result["number"],
            description_of(result["title"]),
        )
    # and with its mails, written in the ticket's transaction
    per_ticket = cluster.read(lambda: Counter(row.ticket_number for row in OutboxMail.select()))
    assert {t.number: per_ticket[t.number] for t in load} == {t.number: 2 for t in load}
    numbers = cluster.read(lambda: [t.number for t in Ticket.select(Ticket.number)])
    assert len(numbers) == len(set(numbers))
    # what was not answered (A's in flight when it died) is at most there once, never half
    lost = {r["title"] for r in results if r["status"] == 0} & set(in_db)
    assert all(in_db[title].description == description_of(title) for title in lost)

    # B keeps answering after A's death
    assert b.ready()
    status, answer = post_ticket(b.base, cluster.token, "Last danach")
    assert status == 201, answer
    assert time.monotonic() - started < 60
    for log in sorted(cluster.logs.glob("*.log")):  # no job failed, no request crashed
        assert "Traceback" not in log.read_text(), log.read_text()
    print(
        f"\nload: {len(results)} requests, {len(answered)} answered 2xx "
        f"({len(after_kill)} by B after the kill), {len(lost)} unanswered but committed"
    )


def run_load_and_kill(cluster) -> tuple[list[dict], float]:
    """LOAD_THREADS clients posting tickets through the API to A and B in turn for
    LOAD_SECONDS, each with a unique title; A is killed halfway. Every request's outcome
    (status 0: no answer) and the moment of the kill."""
    results: list[dict] = []
    start = time.monotonic()
    stop_at = start + LOAD_SECONDS

    def client(n: int) -> None:
        for sequence in range(10_000):  # bounded in count as well as in time
            if time.monotonic() >= stop_at:
                return
            instance = (cluster.a, cluster.b)[(n + sequence) % 2]
            title = f"Last {n}-{sequence} über {instance.name}"
            sent = time.monotonic()
            try:
                status, answer = post_ticket(instance.base, cluster.token, title, timeout=5)
            except (OSError, http.client.HTTPException):
                status, answer = 0, {}
            results.append(
                {
                    "instance": instance.name,
                    "title": title,
                    "status": status,
                    "number": answer.get("number"),
                    "sent": sent,
                }
            )

    threads = [threading.Thread(target=client, args=(n,)) for n in range(LOAD_THREADS)]
    for thread in threads:
        thread.start()
    time.sleep(LOAD_SECONDS / 2)
    killed_at = time.monotonic()
    cluster.a.kill()
    for thread in threads:
        thread.join(timeout=30)
    return results, killed_at
