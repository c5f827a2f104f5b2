"""`flask --app portal init-db` started by two instances at the same moment: one migrates,
the other waits for the migration lock and finds the database current; neither fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal import create_app
from portal.db import database
from portal.migrations import MIGRATIONS, migrate
from tests.conftest import POSTGRES_URL, _reset_postgres

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3  # each round a fresh start; the race is decided anew each time


def init_db_twice(url: str) -> list[tuple[int, str, str]]:
    """Two `init-db` processes started together; (exit code, stdout, stderr) of each."""
    env = {**os.environ, "PORTAL_DATABASE_URL": url, "PORTAL_SECRET_KEY": "test-secret"}
    command = [sys.executable, "-m", "flask", "--app", "portal", "init-db"]
    processes = [
        subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out.decode(), err.decode()))
    return results


def recorded_versions(url: str) -> list[int]:
    create_app({"DATABASE_URL": url, "SECRET_KEY": "test-secret", "DATABASE_POOL": False})
    with database.connection_context():
        rows = database.execute_sql("SELECT version FROM schema_version ORDER BY version")
        return [version for (version,) in rows.fetchall()]


def migrate_to(url: str, target: int) -> None:
    create_app({"DATABASE_URL": url, "SECRET_KEY": "test-secret", "DATABASE_POOL": False})
    with database.connection_context():
        migrate(target=target)


def assert_migrated_once(results, pending: list[int]) -> None:
    assert [code for code, _out, _err in results] == [0, 0], results
    outputs = sorted(out.strip() for _code, out, _err in results)
    assert outputs == [
        "Datenbank aktualisiert: Schritte " + ", ".join(map(str, pending)) + ".",
        "Datenbank ist aktuell.",
    ], results


def _check(url: str, reset, outdated_at: int | None) -> None:
    for _round in range(ROUNDS):
        reset()
        if outdated_at is not None:
            migrate_to(url, outdated_at)
        results = init_db_twice(url)
        pending = sorted(v for v in MIGRATIONS if outdated_at is None or v > outdated_at)
        assert_migrated_once(results, pending)
        assert recorded_versions(url) == sorted(MIGRATIONS)


@pytest.mark.parametrize("outdated_at", [None, 12], ids=["empty", "outdated"])
def test_two_init_db_at_once_on_sqlite(tmp_path, outdated_at):
    path = tmp_path / "portal.sqlite3"

    def reset():
        for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
            (tmp_path / name).unlink(missing_ok=True)

    _check(f"sqlite:///{path}", reset, outdated_at)


@pytest.mark.skipif(not POSTGRES_URL, reason="needs PORTAL_TEST_DATABASE_URL (PostgreSQL)")
@pytest.mark.postgres_only
@pytest.mark.parametrize("outdated_at", [None, 12], ids=["empty", "outdated"])
def test_two_init_db_at_once_on_postgresql(outdated_at):
    _check(POSTGRES_URL, lambda: _reset_postgres(POSTGRES_URL), outdated_at)
