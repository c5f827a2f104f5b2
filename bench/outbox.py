"""Benchmark of the outbox: mails delivered per second to a local SMTP server (aiosmtpd) from an
outbox of 1 000, and the latency (p50/p99) of POST /api/v1/tickets served by gunicorn with a
job worker running, while the SMTP server is up, down, and slow (5 s per mail).

    .venv/bin/python -m bench.outbox [--mails 1000] [--requests 200]

Not part of the test suite. Everything listens on 127.0.0.1 and lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller

from bench.run import ROOT, VENV_BIN, free_port

SLOW_SECONDS = 5


class Counting:
    def __init__(self, delay: float = 0):
        self.count = 0
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        return "250 OK"


def make_app(folder: Path, smtp_port: int):
    from portal import create_app

    return create_app(
        {
            "SECRET_KEY": "bench",
            "DATABASE_URL": f"sqlite:///{folder / 'portal.sqlite3'}",
            "JOBS_SQLITE_PATH": str(folder / "jobs.sqlite3"),
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": smtp_port,
        }
    )


def delivery_rate(mails: int) -> tuple[float, float]:
    """(mails per second, seconds) of one delivery run over an outbox of `mails`."""
    from portal.db import database
    from portal.mail import Mail
    from portal.migrations import migrate
    from portal.outbox import delivery, store

    port = free_port()
    handler = Counting()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(Path(folder), port)
        with app.app_context(), database.connection_context():
            migrate()
            with database.atomic():
                for n in range(mails):
                    store.add(
                        Mail(
                            to=f"kunde{n}@example.org",
                            subject=f"Ihr Ticket ist eingegangen: Drucker {n}",
                            body="Guten Tag,\n\nvielen Dank für Ihre Meldung.\n" * 5,
                            ticket=f"T-2026-{n + 1:05d}",
                        )
                    )
            start = time.perf_counter()
            outcome = delivery.deliver_due()
            seconds = time.perf_counter() - start
    server.stop()
    assert outcome.sent == mails == handler.count, (outcome, handler.count)
    return mails / seconds, seconds


def _portal_env(folder: Path, smtp_port: int) -> dict:
    return {
        **os.environ,
        "PORTAL_SECRET_KEY": "bench",
        "PORTAL_DATABASE_URL": f"sqlite:///{folder / 'portal.sqlite3'}",
        "PORTAL_JOBS_SQLITE_PATH": str(folder / "jobs.sqlite3"),
        "PORTAL_MAIL_SERVER": "127.0.0.1",
        "PORTAL_MAIL_PORT": str(smtp_port),
        "PORTAL_MAIL_TIMEOUT": str(SLOW_SECONDS * 2),
    }


def _customer_token(folder: Path, smtp_port: int) -> str:
    from portal.auth.service import create_user
    from portal.db import database
    from portal.migrations import migrate
    from portal.models import ApiToken, Company

    app = make_app(folder, smtp_port)
    with app.app_context(), database.connection_context():
        migrate()
        company = Company.create(name="Bench GmbH", customer_number="K-99999", has_contract=True)
        user = create_user("bench@example.org", "Bench Kunde", "geheim-geheim", "customer", company)
        _token, plain = ApiToken.issue(user)
    return plain


def _wait_until_up(url: str) -> None:
    for _attempt in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{url} did not answer")


def _post_tickets(base: str, token: str, count: int) -> list[float]:
    body = json.dumps({"title": "Drucker", "description": "Druckt nicht.", "priority": "low"})
    took = []
    for _n in range(count):
        request = urllib.request.Request(
            f"{base}/api/v1/tickets",
            data=body.encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 201
        took.append(time.perf_counter() - start)
    return took


def request_latency(requests: int) -> dict[str, tuple[float, float]]:
    """{scenario: (p50 ms, p99 ms)} of POST /api/v1/tickets for SMTP up, down and slow."""
    results = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        smtp_port, http_port = free_port(), free_port()
        token = _customer_token(folder, smtp_port)
        env = _portal_env(folder, smtp_port)
        gunicorn = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{http_port}", "wsgi:app"],
            env=env,
            cwd=ROOT,
        )
        worker = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "portal", "worker"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{http_port}"
        try:
            _wait_until_up(f"{base}/anmelden")
            for scenario, delay in (("up", 0), ("down", None), ("slow", SLOW_SECONDS)):
                server = None
                if delay is not None:
                    server = Controller(Counting(delay), hostname="127.0.0.1", port=smtp_port)
                    server.start()
                try:
                    took = sorted(_post_tickets(base, token, requests))
                finally:
                    if server is not None:
                        server.stop()
                p99 = took[min(len(took) - 1, int(len(took) * 0.99))]
                results[scenario] = (statistics.median(took) * 1000, p99 * 1000)
        finally:
            for process in (gunicorn, worker):
                process.terminate()
                process.wait(timeout=20)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rate, seconds = delivery_rate(args.mails)
    print(f"delivery: {args.mails} mails in {seconds:.2f} s = {rate:.0f} mails/s (one worker)")
    for scenario, (p50, p99) in request_latency(args.requests).items():
        print(f"POST /api/v1/tickets, SMTP {scenario:4}: p50 {p50:.1f} ms, p99 {p99:.1f} ms")


if __name__ == "__main__":
    main()
