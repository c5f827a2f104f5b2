"""The peewee database proxy, per-request connections and the column types and query helpers
the models share. The schema's versions are in portal/migrations.py, which builds on this."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import peewee
from flask import g, request
from playhouse.db_url import connect as connect_url
from playhouse.db_url import parse as parse_url
from playhouse.pool import PooledPostgresqlDatabase
from werkzeug.routing import IntegerConverter

database = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}


def open_database(url: str, pool: bool = False) -> peewee.Database:
    """Open (lazily) the database behind a `sqlite:///…` or `postgresql://…` URL.

    With ``pool`` a request's close() hands the connection back for the next request
    instead of closing it: no new connection (and, on SQLite, no pragmas) per request.
    """
    options = {"max_connections": POOL_SIZE, "stale_timeout": POOL_STALE_SECONDS} if pool else {}
    if url.startswith("sqlite"):
        if pool:  # a pooled connection serves one thread at a time, but not always the same
            options["check_same_thread"] = False
        return connect_url(_pooled(url, pool), pragmas=SQLITE_PRAGMAS, **options)
    if url.startswith(("postgres://", "postgresql://")):
        settings = parse_url(url, unquote_password=True)
        if pool and settings.get("database"):  # without a name: peewee's own error below
            return RecentlyCheckedPool(**settings, **options)
        return connect_url(_pooled(url, pool), unquote_password=True, **options)
    raise ValueError(f"unsupported database URL: {url!r}")


def _pooled(url: str, pool: bool) -> str:
    scheme, rest = url.split(":", 1)
    return f"{scheme}+pool:{rest}" if pool and "+" not in scheme else url


class RecentlyCheckedPool(PooledPostgresqlDatabase):
    """peewee's PostgreSQL pool without a round trip for a connection handed back just now.

    peewee asks the server (``SELECT 1``) whether an idle connection still lives each time
    it hands one out: a round trip on every request. Like HikariCP's alive bypass window, a
    connection handed back less than ALIVE_BYPASS_SECONDS ago is handed out unasked; its
    transaction status (known to the driver without asking) is still checked, and an older
    one is asked as before. A connection the server ended within that half second reaches a
    request, which then fails as if it had been ended during the request.

    The overridden hooks, ``_can_reuse`` (check-in) and ``_is_closed`` (check-out), are
    peewee's; tests/test_db_pool.py fails if an upgrade stops calling them.
    """

    def __init__(self, *args, **kwargs):
        # connection key -> time.monotonic() of its check-in; taken out at its check-out
        self._handed_back: dict[int, float] = {}
        super().__init__(*args, **kwargs)

    def _can_reuse(self, conn) -> bool:  # under the pool's lock, as _is_closed
        reusable = super()._can_reuse(conn)
        if reusable:
            self._handed_back[self.conn_key(conn)] = time.monotonic()
        return reusable

    def _is_closed(self, conn) -> bool:
        handed_back = self._handed_back.pop(self.conn_key(conn), None)
        recent = handed_back is not None and time.monotonic() - handed_back < ALIVE_BYPASS_SECONDS
        idle = not conn.closed and self._adapter.txn_status(conn) == self._adapter.txn_idle
        return False if recent and idle else super()._is_closed(conn)


ALIVE_BYPASS_SECONDS = 0.5  # HikariCP's default aliveBypassWindowMs

# No upper limit (None): a gunicorn sync worker holds one connection, threaded servers one per
# busy thread; the pool only keeps idle ones for reuse, closing those unused for 5 minutes.
POOL_SIZE = None
POOL_STALE_SECONDS = 300


def default_url(instance_path: str) -> str:
    return f"sqlite:///{Path(instance_path) / 'portal.sqlite3'}"


# Ids are SERIAL/INTEGER columns: a larger number in a URL cannot name a row.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:…>` in routes: a number beyond the id column's range is a 404, not a database
    error (SQLite and PostgreSQL both refuse to compare an INTEGER with it)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app) -> None:
    # Before any blueprint adds its rules: the converter is looked up when a rule is added.
    app.url_map.converters["int"] = IdConverter
    url = app.config.get("DATABASE_URL") or default_url(app.instance_path)
    database.initialize(open_database(url, pool=app.config.get("DATABASE_POOL", True)))

    @app.before_request
    def _connect():
        if getattr(app.view_functions.get(request.endpoint), "takes_own_connection", False):
            return
        connect_for_request()

    @app.teardown_request
    def _close(exc):
        if g.pop("opened_db_connection", False) and not database.is_closed():
            database.close()


def connect_for_request() -> None:
    """The request's connection, closed when it ends. Only what this request opened is closed
    (a CLI command or test may hold one)."""
    if "opened_db_connection" not in g:
        g.opened_db_connection = database.connect(reuse_if_open=True)


def takes_own_connection(view):
    """Mark a view that opens the database itself, or never: no connection is taken before it
    runs (the load balancer's probes answer while the database is down)."""
    view.takes_own_connection = True
    return view


def is_postgres() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


class UTCDateTimeField(peewee.DateTimeField):
    """Stores an aware datetime as naive UTC; reads it back as an aware UTC datetime."""

    def db_value(self, value):
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetimes are not stored: pass an aware datetime")
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value):
        # List pages read hundreds of these: parse SQLite's ISO text with the UTC offset
        # appended, and attach UTC to PostgreSQL's naive value with combine(), each several
        # times faster than datetime.replace(tzinfo=…) on Python 3.11; PostgreSQL's value
        # needs nothing of peewee's (which hands a datetime back unchanged).
        if type(value) is dt.datetime and value.tzinfo is None:
            return dt.datetime.combine(value.date(), value.time(), dt.UTC)
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value + "+00:00")
            except ValueError:
                value = super().python_value(value)
        else:
            value = super().python_value(value)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            return dt.datetime.combine(value.date(), value.time(), dt.UTC)
        return value


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def insert_rows(model: type[peewee.Model], rows: list[dict]) -> None:
    """INSERT ``rows`` (dicts of field names, all with the same keys) in one multi-row
    statement, like ``insert_many`` (defaults of missing fields, each value's db_value) but
    without peewee building a node per value: bulk demo data spent 3/4 of its time there.
    """
    if not rows:
        return
    fields = model._meta.fields
    given = [fields[name] for name in rows[0]]
    missing = [
        field
        for field in model._meta.sorted_fields
        if field.name not in rows[0] and field in model._meta.defaults
    ]
    converters = [(field.name, field.db_value) for field in given]
    columns = ", ".join(f'"{field.column_name}"' for field in (*given, *missing))
    param = database.param
    one_row = "(" + ", ".join([param] * (len(given) + len(missing))) + ")"
    values: list = []
    for row in rows:
        values.extend(convert(row[name]) for name, convert in converters)
        for field in missing:
            default = model._meta.defaults[field]
            values.append(field.db_value(default() if callable(default) else default))
    database.execute_sql(
        f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES '
        + ", ".join([one_row] * len(rows)),
        values,
    )
