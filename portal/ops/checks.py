"""The readiness checks behind /readyz: the database answers, the schema has every migration
step of this code, the job store answers. Each check says what failed; none raises."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from portal.db import database
from portal.migrations import MIGRATIONS, SchemaVersion

log = logging.getLogger(__name__)

OK = "ok"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = OK


def readiness(huey) -> list[Check]:
    return [*_database_checks(), _job_store_check(huey)]


def _database_checks() -> list[Check]:
    opened = False
    try:
        opened = database.connect(reuse_if_open=True)
        database.execute_sql("SELECT 1")
        applied = _applied_versions()
    except Exception as error:
        log.warning("readiness: database unreachable", exc_info=True)
        discard_connection(opened)
        return [
            Check("database", False, f"unreachable ({type(error).__name__})"),
            Check("migrations", False, "not checked: no database"),
        ]
    if opened and not database.is_closed():
        database.close()
    missing = sorted(set(MIGRATIONS) - applied)
    # Steps the code does not know are fine: during an upgrade the database is migrated
    # first and the instances of the old version keep serving until they are replaced.
    if missing:
        steps = ", ".join(str(version) for version in missing)
        return [Check("database", True), Check("migrations", False, f"missing steps: {steps}")]
    return [Check("database", True), Check("migrations", True)]


def _applied_versions() -> set[int]:
    if not database.table_exists(SchemaVersion._meta.table_name):
        return set()
    return {version for (version,) in SchemaVersion.select(SchemaVersion.version).tuples()}


def discard_connection(opened: bool) -> None:
    """Close a connection that failed (if this code opened it); a pool must not hand it out
    again."""
    if not opened or database.is_closed():
        return
    try:
        close = getattr(database.obj, "manual_close", database.close)
        close()
    except Exception:
        log.debug("closing a failed connection failed", exc_info=True)


def _job_store_check(huey) -> Check:
    try:
        huey.pending_count()
    except Exception as error:
        log.warning("readiness: job store unreachable", exc_info=True)
        return Check("jobs", False, f"unreachable ({type(error).__name__})")
    return Check("jobs", True)
