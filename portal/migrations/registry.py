"""The migration registry and runner: steps register with their version number; migrate()
applies every step not yet recorded in schema_version. The steps live in the modules beside
this one and import only this module; portal/migrations/__init__.py imports them all.

Never edit a step that has shipped: add one. Each step receives the database and defines the
tables *as they were at that version* (frozen models), so an old database upgrades step by
step and keeps its data. portal.db knows nothing of migrations."""

import datetime as dt
from collections.abc import Callable

import peewee

from portal.db import database

MIGRATIONS: dict[int, Callable[[peewee.Database], None]] = {}


def migration(version: int):
    def register(step):
        if version in MIGRATIONS:
            raise RuntimeError(f"migration {version} registered twice")
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
    """Apply every pending migration up to `target` (default: the newest); return those applied."""
    SchemaVersion.create_table(safe=True)
    applied = []
    target = latest_version() if target is None else target
    # Every step not yet recorded, not only those above the newest: branches merge their
    # steps out of order (8 may reach a database before 7), and a skipped step stays due.
    done = {version for (version,) in SchemaVersion.select(SchemaVersion.version).tuples()}
    for version in sorted(v for v in MIGRATIONS if v not in done and v <= target):
        with database.atomic():
            MIGRATIONS[version](database.obj)
            SchemaVersion.create(version=version, applied_at=dt.datetime.now(dt.UTC))
        applied.append(version)
    return applied


def frozen(db: peewee.Database, name: str, fields: dict, indexes=()) -> type[peewee.Model]:
    """A model class describing a table as it was at one version (not the current model)."""
    meta = type("Meta", (), {"database": db, "table_name": name, "indexes": indexes})
    return type(f"Frozen_{name}", (peewee.Model,), {**fields, "Meta": meta})
