"""Benchmark: seed 200 companies and 100 000 tickets, serve with gunicorn (2 workers) on
127.0.0.1, measure requests/s and p50/p99 latency with wrk, and compare each page with a
bare Flask + peewee page (bench/baseline.py).

    .venv/bin/python -m bench.run [--tickets 100000] [--companies 200] [--duration 10]
                                  [--connections 8] [--database-url postgresql://…]

Needs wrk (apt-get install wrk) and gunicorn (in the dev extra). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
GOAL_RATIO = 0.5
GOAL_P99_MS = 50.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], env: dict) -> str:
    result = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def start_gunicorn(app_spec: str, port: int, env: dict, **popen_options) -> subprocess.Popen:
    """gunicorn with 2 workers on 127.0.0.1:`port`, the repository as its working directory,
    once it accepts connections; `popen_options` go to subprocess.Popen (a log file, a
    process group of its own for the multi-instance test)."""
    proc = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            app_spec,
        ],
        env=env,
        cwd=ROOT,
        **popen_options,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit(f"gunicorn {app_spec} did not start")


def signed_in_opener(base: str, email: str, password: str):
    """(urllib opener, its cookie jar) after the login form; the jar holds a `session` cookie
    when the sign-in worked. The jar sends its cookies to every port of the host, so one
    sign-in serves several instances behind one address."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/anmelden").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    opener.open(f"{base}/anmelden", data.encode())
    return opener, jar


def login_cookie(base: str, email: str, password: str) -> str:
    _opener, jar = signed_in_opener(base, email, password)
    cookies = {c.name: c.value for c in jar}
    if "session" not in cookies:
        sys.exit(f"could not sign in as {email}")
    return f"session={cookies['session']}"


def wrk(url: str, headers: dict, duration: int, connections: int) -> dict:
    cmd = [
        "wrk",
        "--latency",
        "-t",
        "2",
        "-c",
        str(connections),
        "-d",
        f"{duration}s",
        "--timeout",
        "5s",
    ]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "rps": rps,
        "p50": to_ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        "p99": to_ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def portal_targets(env: dict) -> list[tuple[str, str, str]]:
    """(label, path, who) for each measured page, resolved from the app's own URL map."""
    script = (
        "from portal import create_app\n"
        "from bench.targets import targets\n"
        "for label, path, who in targets(create_app()): print(label, path, who, sep='\\t')\n"
    )
    out = run([sys.executable, "-c", script], env)
    return [tuple(line.split("\t")) for line in out.strip().splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    url = args.database_url or f"sqlite:///{workdir / 'portal.sqlite3'}"
    baseline_url = f"sqlite:///{workdir / 'baseline.sqlite3'}"
    env = {
        **os.environ,
        "PORTAL_DATABASE_URL": url,
        "PORTAL_SECRET_KEY": "bench",
        # the benchmark measures pages, not sign-in: staff sign in without a second factor
        "PORTAL_TOTP_REQUIRED_ROLES": "[]",
        "BASELINE_DATABASE_URL": baseline_url,
        "PYTHONPATH": str(ROOT),
    }
    flask = [sys.executable, "-m", "flask", "--app", "portal"]

    started = time.monotonic()
    run([*flask, "init-db"], env)
    run(
        [*flask, "demo-data", "--companies", str(args.companies), "--tickets", str(args.tickets)],
        env,
    )
    print(
        f"seeded {args.companies} companies, {args.tickets} tickets "
        f"in {time.monotonic() - started:.0f} s"
    )
    run([sys.executable, "-c", f"from bench.baseline import seed; seed({baseline_url!r})"], env)

    results = []
    port = free_port()
    server = start_gunicorn("bench.baseline:app", port, env)
    try:
        base = wrk(f"http://127.0.0.1:{port}/", {}, args.duration, args.connections)
    finally:
        server.terminate()
        server.wait()
    results.append(("baseline (Flask + peewee, 25 of 100 000 rows)", base))

    from portal.demo import DEMO_PASSWORD

    port = free_port()
    server = start_gunicorn("wsgi:app", port, env)
    try:
        origin = f"http://127.0.0.1:{port}"
        cookies = {
            "staff": login_cookie(origin, "technik@bluvo.example", DEMO_PASSWORD),
            "customer": login_cookie(origin, "kunde@muster.example", DEMO_PASSWORD),
        }
        for label, path, who in portal_targets(env):
            measured = wrk(origin + path, {"Cookie": cookies[who]}, args.duration, args.connections)
            results.append((label, measured))
    finally:
        server.terminate()
        server.wait()

    print(
        f"\n{args.connections} connections, {args.duration} s each, gunicorn 2 workers, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}"
    )
    print(f"{'page':48} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'non-2xx':>8}")
    failed = False
    for label, r in results:
        ratio = r["rps"] / base["rps"]
        ok = ratio >= GOAL_RATIO and r["p99"] < GOAL_P99_MS and r["errors"] == 0
        failed |= not ok
        print(
            f"{label:48} {r['rps']:8.0f} {r['p50']:8.1f} {r['p99']:8.1f} {ratio:6.2f} "
            f"{r['errors']:8d} {'' if ok else '  <- misses the goal'}"
        )
    print(f"goals: ratio >= {GOAL_RATIO}, p99 < {GOAL_P99_MS} ms, no errors")
    shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
