"""Benchmark of the monthly SLA report: one company with 10 000 tickets in the month (HTML and
PDF) and the provider-wide overview over 100 000 tickets (HTML), with peak memory.

    .venv/bin/python -m bench.sla_report [--company-tickets 10000] [--total-tickets 100000]

Not part of the test suite. Works in a temporary SQLite database; each ticket has its outcome
rows (first response and, for most, resolution), every tenth a pause, every twentieth a
missed target. Aim (issue 11): HTML under 1 s, PDF under 5 s.

The month (October 2026) is measured three ways: closed and read back from the stored
figures (portal.reports.months), closed but not yet stored (the first request computes and
stores it and the five months before), and as the current month, counted at each request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from flask_login import login_user

from portal import create_app
from portal.db import database
from portal.migrations import migrate
from portal.models import Company, User
from portal.reports import service, views
from portal.reports.pdf import html_to_pdf
from portal.sla.calendar import BERLIN
from portal.sla_months import SlaMonth
from portal.tickets.models import SlaNotice, Ticket, TicketPause, queue_columns

MONTH = dt.date(2026, 10, 1)
CLOSED = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)  # October closed (7 days after its end)
CURRENT = dt.datetime(2026, 10, 31, 12, tzinfo=dt.UTC)  # October is the current month
BATCH = 500
RUNS = 3


def _ticket_rows(rng, plan, start):
    """The tickets of ``plan`` (company, count) in the order they came in: numbers and ids
    grow with the time of report, as in a portal in use."""
    arrivals = sorted(
        (start + dt.timedelta(minutes=rng.randint(0, 30 * 24 * 60 - 1)), company_id)
        for company_id, count in plan
        for _ in range(count)
    )
    for number, (reported, company_id) in enumerate(arrivals, start=1):
        priority = rng.choice(("critical", "normal", "normal", "low"))
        due = reported + dt.timedelta(hours=4)
        yield {
            "number": f"T-2026-{number:06d}",
            "company": company_id,
            "title": "Benchmark",
            "description": "…",
            "priority": priority,
            "status": "resolved",
            "reported_at": reported,
            "response_due": due,
            "resolution_due": reported + dt.timedelta(hours=24),
            "first_response_at": reported + dt.timedelta(hours=1),
            "resolved_at": reported + dt.timedelta(hours=8),
            **queue_columns("resolved", priority, True, False, False, response_due=due),
        }


def seed(company_tickets: int, total_tickets: int) -> int:
    rng = random.Random(11)
    start = dt.datetime(2026, 10, 1, tzinfo=BERLIN).astimezone(dt.UTC)
    target = Company.create(name="Bench GmbH", customer_number="K-1", has_contract=True)
    others = [
        Company.create(name=f"Firma {n}", customer_number=f"K-{n + 2}", has_contract=True)
        for n in range(20)
    ]
    plan = [(target.id, company_tickets)]
    rest = max(0, total_tickets - company_tickets)
    plan += [(company.id, rest // len(others)) for company in others]
    rows = list(_ticket_rows(rng, plan, start))
    for first in range(0, len(rows), BATCH):
        with database.atomic():
            Ticket.insert_many(rows[first : first + BATCH]).execute()
    _seed_records(rng)
    return target.id


def _seed_records(rng) -> None:
    tickets = Ticket.select(
        Ticket.id, Ticket.reported_at, Ticket.response_due, Ticket.resolution_due
    ).tuples()
    notices, pauses = [], []
    for ticket_id, reported, response_due, resolution_due in tickets:
        late = rng.random() < 0.05
        notices.append(
            {"ticket": ticket_id, "target": "response", "level": "missed" if late else "met",
             "due_at": response_due, "created_at": reported + dt.timedelta(hours=5 if late else 1)}
        )  # fmt: skip
        if rng.random() < 0.9:
            notices.append(
                {"ticket": ticket_id, "target": "resolution", "level": "met",
                 "due_at": resolution_due, "created_at": reported + dt.timedelta(hours=8)}
            )  # fmt: skip
        if rng.random() < 0.1:
            pauses.append(
                {"ticket": ticket_id, "started_at": reported + dt.timedelta(hours=2),
                 "ended_at": reported + dt.timedelta(hours=3)}
            )  # fmt: skip
    with database.atomic():
        for first in range(0, len(notices), BATCH):
            SlaNotice.insert_many(notices[first : first + BATCH]).execute()
        for first in range(0, len(pauses), BATCH):
            TicketPause.insert_many(pauses[first : first + BATCH]).execute()


def measure(label: str, work):
    """The median time of three runs as is, then peak Python memory in a fourth run
    (tracemalloc slows it)."""
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - began)
    took = statistics.median(times)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<42} {took:7.2f} s   peak {peak / 2**20:7.1f} MiB (Python allocations)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--company-tickets", type=int, default=10_000)
    parser.add_argument("--total-tickets", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "JOBS_IMMEDIATE": True})
        app.instance_path = folder
        with app.app_context(), database.connection_context():
            migrate()
            began = time.perf_counter()
            company_id = seed(args.company_tickets, args.total_tickets)
            print(
                f"seeded {Ticket.select().count()} tickets in {time.perf_counter() - began:.1f} s"
            )
            staff = User.create(email="s@x.example", name="S", password_hash="-", role="staff")
        gc.collect()
        gc.freeze()  # as wsgi.py does after start-up: the seeding's leftovers are not scanned
        with app.test_request_context(), database.connection_context():
            login_user(staff)
            company = Company.get_by_id(company_id)

            def html(company_id):
                shown = company if company_id else None
                return views._render(shown, service.build_report(company_id, MONTH))

            def unstored(work):
                def run():
                    SlaMonth.delete().execute()
                    return work()

                return run

            app.config["CLOCK"] = lambda: CLOSED
            html(company_id), html(None)  # the first requests store the closed months
            page = measure(
                f"HTML, one company ({args.company_tickets}), stored", lambda: html(company_id)
            )
            measure(
                f"PDF, one company ({args.company_tickets}), stored",
                lambda: html_to_pdf(
                    views._render(company, service.build_report(company_id, MONTH), pdf=True)
                ),
            )
            measure(f"HTML, overview ({args.total_tickets}), stored", lambda: html(None))
            measure(
                f"HTML, overview ({args.total_tickets}), first request",
                unstored(lambda: html(None)),
            )
            measure(
                f"HTML, one company ({args.company_tickets}), first",
                unstored(lambda: html(company_id)),
            )
            app.config["CLOCK"] = lambda: CURRENT
            measure(f"HTML, overview ({args.total_tickets}), current month", lambda: html(None))
            measure(
                f"HTML, one company ({args.company_tickets}), current month",
                lambda: html(company_id),
            )
            print(f"HTML size, one company: {len(page) / 1024:.0f} KiB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
