"""Benchmark of several instances on one PostgreSQL: two gunicorn instances with two workers
each, the four pages of bench/run.py and the bare Flask + peewee page (served the same way,
on the same database) at 8 and 32 connections; req/s, p50/p99, worker RSS and the SQL
queries per page.

    .venv/bin/python -m bench.multi --database-url postgresql://… [--tickets 1000000]
        [--companies 200] [--duration 10] [--connections 8 32] [--queries-also URL …]

The load: one wrk per instance, each with half the connections, at the same time (no proxy in
between that would cost more than a page). req/s is their sum; p50 and p99 are the larger of
the two wrk figures (wrk cannot merge its histograms, so the worse instance is reported).
A database that already holds at least ``--tickets`` tickets is reused, not seeded again.
The queries per page are counted in-process (the second request of each page, after one
warming up), here and on each ``--queries-also`` database, to show that they do not grow with
the ticket count. Not part of the test suite.

On a machine shared with other work req/s swing with what else runs: each figure also gives
the CPU time per request of the gunicorn workers and of the PostgreSQL server processes
serving them (from /proc, so with the server on this machine), and its ratio to the
baseline's, which other load moves far less.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.run import (
    GOAL_P99_MS,
    GOAL_RATIO,
    ROOT,
    free_port,
    login_cookie,
    portal_targets,
    run,
    start_gunicorn,
    wrk_result,
    wrk_start,
)

INSTANCES = 2
WARMUP = 2  # seconds of load before each measured figure
GOAL_RSS_MIB = 80.0


def load(
    origins: list[str],
    path: str,
    headers: dict,
    duration: int,
    connections: int,
    busy: Callable[[], list[str]] = list,
) -> dict:
    """wrk against every instance at once, ``connections`` shared between them; ``busy``
    names the processes whose CPU time per request is measured (asked after the warm-up,
    when the workers have their database connections)."""
    share = max(1, connections // len(origins))
    # warm up (not counted): gunicorn accepts before its workers have imported the app, and
    # each worker's first requests fill its caches and prepare its statements
    for proc in [wrk_start(o + path, headers, WARMUP, share, 1) for o in origins]:
        wrk_result(proc)
    measured = busy()
    cpu_before = cpu_seconds(measured)
    # one wrk thread per instance: two cores are shared by wrk, four workers and PostgreSQL
    started = [wrk_start(origin + path, headers, duration, share, 1) for origin in origins]
    found = [wrk_result(proc) for proc in started]
    rps = sum(r["rps"] for r in found)
    return {
        "rps": rps,
        "p50": max(r["p50"] for r in found),
        "p99": max(r["p99"] for r in found),
        "errors": sum(r["errors"] for r in found),
        # ms of CPU per request (wrk's requests/s times its duration: the requests counted)
        "cpu_ms": 1000 * (cpu_seconds(measured) - cpu_before) / max(1.0, rps * duration),
    }


def cpu_seconds(pids: list[str]) -> float:
    """User and system CPU time of these processes so far (those that ended count nothing)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def busy_processes(servers: list[subprocess.Popen], database_url: str) -> list[str]:
    """The gunicorn workers and the database server processes of the benchmark's
    connections (PostgreSQL on this machine: /proc shows them)."""
    import psycopg2

    with psycopg2.connect(database_url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        backends = [str(row[0]) for row in cursor.fetchall()]
    connection.close()
    return worker_pids(servers) + backends


def serve(app_spec: str, env: dict) -> tuple[list[subprocess.Popen], list[str]]:
    servers, origins = [], []
    for _ in range(INSTANCES):
        port = free_port()
        servers.append(start_gunicorn(app_spec, port, env))
        origins.append(f"http://127.0.0.1:{port}")
    return servers, origins


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        server.wait()


def worker_pids(servers: list[subprocess.Popen]) -> list[str]:
    """The gunicorn workers: each master's children."""
    return [
        pid
        for server in servers
        for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    ]


def worker_rss_mib(servers: list[subprocess.Popen]) -> list[float]:
    """VmRSS of each gunicorn worker (the master's children), in MiB."""
    sizes = []
    for pid in worker_pids(servers):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def ticket_count(env: dict) -> int:
    script = (
        "from portal import create_app\n"
        "from portal.db import database\n"
        "from portal.tickets.models import Ticket\n"
        "with create_app().app_context(), database.connection_context():\n"
        "    try:\n"
        "        print(Ticket.select().count())\n"
        "    except Exception:\n"
        "        print(0)\n"
    )
    return int(run([sys.executable, "-c", script], env).strip().splitlines()[-1])


def vacuum(env: dict) -> None:
    """VACUUM ANALYZE: after a bulk load the planner needs statistics and the index-only
    counts need the visibility map, as autovacuum gives a database in use."""
    script = (
        "from portal import create_app\n"
        "from portal.db import database\n"
        "with create_app().app_context(), database.connection_context():\n"
        "    database.connection().autocommit = True\n"
        "    database.execute_sql('VACUUM ANALYZE')\n"
    )
    run([sys.executable, "-c", script], env)


def query_counts(env: dict) -> dict[str, int]:
    """SQL statements per page, counted in-process like tests/conftest.py count_queries."""
    out = run([sys.executable, "-m", "bench.queries"], env)
    return {label: int(count) for label, count in (line.split("\t") for line in out.splitlines())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--queries-also", nargs="*", default=[], metavar="URL")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    env = {
        **os.environ,
        "PORTAL_DATABASE_URL": args.database_url,
        "PORTAL_SECRET_KEY": "bench",
        # the benchmark measures pages, not sign-in: staff sign in without a second factor
        "PORTAL_TOTP_REQUIRED_ROLES": "[]",
        "BASELINE_DATABASE_URL": args.database_url,
        "PYTHONPATH": str(ROOT),
    }
    flask = [sys.executable, "-m", "flask", "--app", "portal"]
    run([*flask, "init-db"], env)
    have = ticket_count(env)
    if have < args.tickets:
        started = time.monotonic()
        companies = ["--companies", str(args.companies)] if have == 0 else []
        run([*flask, "demo-data", *companies, "--tickets", str(args.tickets - have)], env)
        print(f"seeded {args.tickets - have} tickets in {time.monotonic() - started:.0f} s")
        vacuum(env)
    tickets = ticket_count(env)
    seed_baseline = (
        "import os; from bench.baseline import seed; seed(os.environ['BASELINE_DATABASE_URL'])"
    )
    run([sys.executable, "-c", seed_baseline], env)
    counts = {tickets: query_counts(env)}
    for url in args.queries_also:
        other = {**env, "PORTAL_DATABASE_URL": url}
        counts[ticket_count(other)] = query_counts(other)

    results: dict[tuple[str, int], dict] = {}
    servers, origins = serve("bench.baseline:app", env)

    def busy() -> list[str]:  # the servers of the moment: the baseline's, then the portal's
        return busy_processes(servers, args.database_url)

    try:
        for connections in args.connections:
            results["baseline", connections] = load(
                origins, "/", {}, args.duration, connections, busy
            )
    finally:
        base_rss = worker_rss_mib(servers)
        stop(servers)

    from portal.demo import DEMO_PASSWORD

    servers, origins = serve("wsgi:app", env)
    try:
        cookies = {
            "staff": login_cookie(origins[0], "technik@bluvo.example", DEMO_PASSWORD),
            "customer": login_cookie(origins[0], "kunde@muster.example", DEMO_PASSWORD),
        }
        pages = portal_targets(env)
        for connections in args.connections:
            for label, path, who in pages:
                headers = {"Cookie": cookies[who]}
                results[label, connections] = load(
                    origins, path, headers, args.duration, connections, busy
                )
    finally:
        rss = worker_rss_mib(servers)
        stop(servers)
    report(args, tickets, pages, results, counts, rss, base_rss)


def report(args, tickets, pages, results, counts, rss, base_rss) -> None:
    print(
        f"\nPostgreSQL, {tickets} tickets, {INSTANCES} gunicorn instances x 2 workers, "
        f"{args.duration} s per figure; load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'page':40} {'conn':>4} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6} "
        f"{'non-2xx':>7} {'CPU ms':>6} {'CPU ratio':>9}"
    )
    failed = False
    for connections in args.connections:
        base = results["baseline", connections]
        rows = [("baseline (Flask + peewee)", base)]
        rows += [(label, results[label, connections]) for label, _path, _who in pages]
        for label, r in rows:
            ratio = r["rps"] / base["rps"]
            ok = ratio >= GOAL_RATIO and r["errors"] == 0
            ok &= connections > 8 or r["p99"] < GOAL_P99_MS
            failed |= not ok
            cpu_ratio = base["cpu_ms"] / r["cpu_ms"] if r["cpu_ms"] else float("nan")
            print(
                f"{label[:40]:40} {connections:4d} {r['rps']:7.0f} {r['p50']:7.1f} "
                f"{r['p99']:7.1f} {ratio:6.2f} {r['errors']:7d} {r['cpu_ms']:6.2f} "
                f"{cpu_ratio:9.2f}{'' if ok else '  <- misses the aim'}"
            )
    print(f"\nworker RSS MiB, portal: {', '.join(f'{m:.0f}' for m in rss)}")
    print(f"worker RSS MiB, baseline: {', '.join(f'{m:.0f}' for m in base_rss)}")
    failed |= max(rss) >= GOAL_RSS_MIB
    print("\nSQL queries per page (in-process, second request):")
    print(f"{'page':40} " + " ".join(f"{n:>9}" for n in counts))
    for label, _path, _who in pages:
        print(f"{label[:40]:40} " + " ".join(f"{c[label]:9d}" for c in counts.values()))
    print(
        f"aims: ratio >= {GOAL_RATIO}, p99 < {GOAL_P99_MS} ms at 8 connections, "
        f"RSS < {GOAL_RSS_MIB:.0f} MiB, no errors"
    )
    print(
        "CPU ms: CPU time per request of the gunicorn workers and the PostgreSQL server "
        "processes of their connections; CPU ratio: the baseline's over the page's"
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
