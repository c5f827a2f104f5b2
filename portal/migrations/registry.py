"""The migration registry and runner: steps register with their version number; migrate()
applies every step not yet recorded in schema_version. The steps live in the modules beside
this one and import only this module (and columns.py, a piece they share);
portal/migrations/__init__.py imports them all.

Never edit a step that has shipped: add one. Each step receives the database and defines the
tables *as they were at that version* (frozen models), so an old database upgrades step by
step and keeps its data. portal.db knows nothing of migrations."""

import datetime as dt
import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import peewee

from portal.db import database

MIGRATIONS: dict[int, Callable[[peewee.Database], None]] = {}
# pg_advisory_lock's key for "a migration run": any fixed number no other code uses.
MIGRATION_LOCK_KEY = 4_711_016


def migration(version: int, *, own_transactions: bool = False):
    """Register a step. A step runs in one transaction with its version record, unless it
    has ``own_transactions`` (a long data move that commits piece by piece and can resume):
    it is then recorded only after it returned."""

    def register(step):
        if version in MIGRATIONS:
            raise RuntimeError(f"migration {version} registered twice")
        step.own_transactions = own_transactions
        MIGRATIONS[version] = step
        return step

    return register


class SchemaVersion(peewee.Model):
    version = peewee.IntegerField(primary_key=True)
    applied_at = peewee.DateTimeField()

    class Meta:
        database = database
        table_name = "schema_version"


def current_version() -> int:
    if not database.table_exists("schema_version"):
        return 0
    latest = SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar()
    return latest or 0


def latest_version() -> int:
    return max(MIGRATIONS)


def migrate(target: int | None = None) -> list[int]:
    """Apply every pending migration up to `target` (default: the newest); return those applied.

    Under the migration lock: a second process (another instance's init-db) waits, then finds
    the steps done and applies nothing."""
    with migration_lock():
        SchemaVersion.create_table(safe=True)
        applied = []
        target = latest_version() if target is None else target
        # Every step not yet recorded, not only those above the newest: branches merge their
        # steps out of order (8 may reach a database before 7), and a skipped step stays due.
        done = {version for (version,) in SchemaVersion.select(SchemaVersion.version).tuples()}
        for version in sorted(v for v in MIGRATIONS if v not in done and v <= target):
            _apply(version, MIGRATIONS[version])
            applied.append(version)
    return applied


def _apply(version: int, step) -> None:
    if getattr(step, "own_transactions", False):
        step(database.obj)
        with database.atomic():
            SchemaVersion.create(version=version, applied_at=dt.datetime.now(dt.UTC))
        return
    with database.atomic():
        step(database.obj)
        SchemaVersion.create(version=version, applied_at=dt.datetime.now(dt.UTC))


_held = [False]  # this process holds the SQLite file lock (flock on a second descriptor waits)


@contextmanager
def migration_lock() -> Iterator[None]:
    """One migration run at a time for one database, across processes and machines.

    PostgreSQL: a session-level advisory lock, held by this connection until unlocked (or
    until the connection ends, so a killed process never leaves it behind). SQLite: an
    exclusive flock on a file beside the database (not on the database file itself: closing
    any descriptor of it would drop SQLite's own locks), waited for without a timeout."""
    if _held[0]:  # taken already by this process (init-db takes it before connecting)
        yield
        return
    db = database.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        database.execute_sql("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
        try:
            yield
        finally:
            database.execute_sql("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))
        return
    path = db.database if isinstance(db, peewee.SqliteDatabase) else None
    if not path or path == ":memory:" or path.startswith("file:"):
        yield
        return
    with open(f"{path}-migrate-lock", "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        _held[0] = True
        try:
            yield
        finally:
            _held[0] = False
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def needs_lock_before_connecting() -> bool:
    """SQLite: a second process that connects while the first creates the file or changes
    its journal mode gets "database is locked" from the connection's own pragmas, before any
    lock of ours; so init-db takes the (file) lock before it connects."""
    return isinstance(database.obj, peewee.SqliteDatabase)


def frozen(db: peewee.Database, name: str, fields: dict, indexes=()) -> type[peewee.Model]:
    """A model class describing a table as it was at one version (not the current model)."""
    meta = type("Meta", (), {"database": db, "table_name": name, "indexes": indexes})
    return type(f"Frozen_{name}", (peewee.Model,), {**fields, "Meta": meta})
