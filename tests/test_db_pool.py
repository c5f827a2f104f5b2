"""portal.db.RecentlyCheckedPool: a connection handed back just now goes out without a round
trip to the server; an older one is checked, and one the server ended is replaced."""

from __future__ import annotations

import inspect
import time

import peewee
import psycopg2
import pytest
from playhouse import pool

from portal import db as portal_db
from portal.db import database
from tests.conftest import POSTGRES_URL

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL")


def test_peewee_still_calls_the_hooks_the_pool_overrides():
    """The canary for RecentlyCheckedPool: a peewee upgrade that stops asking these hooks
    (the pool would ping every connection again, or never) fails here."""
    check_out = inspect.getsource(pool.PooledDatabase._connect)
    check_in = inspect.getsource(pool.PooledDatabase._close)
    assert "self._is_closed(conn)" in check_out
    assert "self._can_reuse(conn)" in check_in
    assert "is_connection_closed" in inspect.getsource(pool._PooledPostgresqlDatabase._is_closed)
    assert issubclass(portal_db.RecentlyCheckedPool, pool.PooledPostgresqlDatabase)


def test_a_pooled_postgresql_url_opens_the_recently_checked_pool():
    url = "postgresql://portal:gut%40geheim@127.0.0.1:5999/portal"
    pooled = portal_db.open_database(url, pool=True)
    assert type(pooled) is portal_db.RecentlyCheckedPool
    assert pooled.connect_params["password"] == "gut@geheim"
    assert pooled._stale_timeout == portal_db.POOL_STALE_SECONDS
    assert type(portal_db.open_database(url)) is peewee.PostgresqlDatabase
    with pytest.raises(ValueError, match="no database name"):
        portal_db.open_database("postgresql://127.0.0.1", pool=True)


@pytest.fixture
def pooled():
    opened = portal_db.open_database(POSTGRES_URL, pool=True)
    yield opened
    opened.close_all()


@pytest.fixture
def observer():
    """A connection of its own that watches the others (pg_stat_activity)."""
    connection = psycopg2.connect(POSTGRES_URL)
    connection.autocommit = True
    yield connection.cursor()
    connection.close()


def _last_statement(observer, pid: int) -> str:
    observer.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
    return observer.fetchone()[0]


@needs_postgres
def test_only_a_connection_handed_back_earlier_than_the_window_is_asked(
    pooled, observer, monkeypatch
):
    monkeypatch.setattr(portal_db, "ALIVE_BYPASS_SECONDS", 0.2)
    pooled.connect()
    pid = pooled.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    pooled.execute_sql("SELECT 'zuletzt gelaufen'")
    pooled.close()

    pooled.connect()  # handed back just now: no SELECT 1
    assert _last_statement(observer, pid) == "SELECT 'zuletzt gelaufen'"
    pooled.close()
    time.sleep(0.3)
    pooled.connect()  # handed back before the window: asked, as peewee asks
    assert _last_statement(observer, pid) == "SELECT 1"
    assert pooled.execute_sql("SELECT pg_backend_pid()").fetchone()[0] == pid


@needs_postgres
def test_a_connection_the_server_ended_is_replaced_not_handed_to_a_request(
    app, client_a, observer, monkeypatch
):
    monkeypatch.setattr(portal_db, "ALIVE_BYPASS_SECONDS", 0.2)
    database.close()  # the fixtures' connection goes back to the pool, as after a request
    assert client_a.get("/tickets").status_code == 200
    # every connection of the pool ended by the server (a restart, an idle timeout); only the
    # portal's own: an autovacuum worker in the same database is the server's, not ours
    observer.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        " AND backend_type = 'client backend' AND usename = current_user"
    )
    assert observer.fetchall()
    time.sleep(0.3)  # longer ago than the window
    assert client_a.get("/tickets").status_code == 200
    assert client_a.get("/tickets").status_code == 200
