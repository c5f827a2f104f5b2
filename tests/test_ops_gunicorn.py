"""/metrics under gunicorn with two workers (prometheus_client's multi-process mode, set up by
deploy/gunicorn.conf.py): a scrape served by either worker counts the requests of both, and
the counts of an earlier run are gone after a start."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import free_port
from tests.outbox_worker import wait_for

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
PAGE = "/service-vereinbarung"


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _pids_with_counts(directory: Path) -> set[str]:
    return {path.stem.split("_")[-1] for path in directory.glob("counter_*.db")}


def _leave_stale_counts(directory: Path, env: dict) -> None:
    """A process of an earlier run that counted 1000 requests of the same page."""
    script = (
        "from prometheus_client import Counter\n"
        "Counter('portal_http_requests', '', ['endpoint', 'method', 'status'])"
        ".labels('sla.page', 'GET', '200').inc(1000)\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    assert list(directory.glob("counter_*.db"))


@pytest.fixture
def gunicorn(app, tmp_path):
    if not GUNICORN.exists():
        pytest.skip("gunicorn is not installed (the dev extra has it)")
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {
        **os.environ,
        "PORTAL_DATABASE_URL": app.config["DATABASE_URL"],
        "PORTAL_SECRET_KEY": "test-secret",
        "PORTAL_JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite3"),
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    _leave_stale_counts(metrics_dir, env)
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "-c",
            "deploy/gunicorn.conf.py",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _get(f"{base}/healthz") == 200, timeout=60)
        yield base, metrics_dir
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_a_scrape_sums_the_requests_of_both_workers(gunicorn):
    base, metrics_dir = gunicorn
    sent = 0
    # Four at a time, until both workers have counted some (sync workers take one each).
    with ThreadPoolExecutor(max_workers=4) as pool:
        while len(_pids_with_counts(metrics_dir)) < 2 or sent < 20:
            assert sent < 400, "one worker took every request"
            statuses = list(pool.map(_get, [f"{base}{PAGE}"] * 4))
            assert statuses == [200] * 4
            sent += 4
    assert len(_pids_with_counts(metrics_dir)) == 2

    for _ in range(4):  # whichever worker answers the scrape
        with urllib.request.urlopen(f"{base}/metrics", timeout=10) as response:
            text = response.read().decode()
        samples = {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }
        page = (("endpoint", "sla.page"), ("method", "GET"))
        # the earlier run's 1000 were removed at the start; scrapes are not counted
        assert samples[("portal_http_requests_total", (*page, ("status", "200")))] == sent
        assert samples[("portal_http_request_duration_seconds_count", page)] == sent
        assert samples[("portal_database_up", ())] == 1
        assert samples[("portal_tickets_open", (("priority", "critical"),))] == 0
