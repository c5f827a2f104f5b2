"""The periodic import, for the job engine (huey, portal/jobs.py): `register(huey)` defines it.

It runs every INBOUND_POLL_SECONDS (PORTAL_INBOUND_POLL_SECONDS, default 60; huey schedules
in whole minutes, so the interval is rounded to minutes, at least one) under a lock in
the job store, so two workers never import at once (the Message-ID key would make a second
import a no-op anyway; the lock saves the work)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

DEFAULT_POLL_SECONDS = 60
LOCK_NAME = "portal.inbound.import_mailbox"


def poll_seconds(config) -> int:
    return max(1, int(config.get("INBOUND_POLL_SECONDS") or DEFAULT_POLL_SECONDS))


def register(huey, app_factory=None):
    """Define the periodic import on ``huey``; returns the task. ``app_factory`` builds the
    Flask app the task runs in (default: portal.create_app)."""
    from portal import create_app
    from portal.db import database
    from portal.inbound.fetch import import_mailbox

    factory = app_factory or create_app
    state: dict = {}

    def app():
        if "app" not in state:
            state["app"] = factory()
        return state["app"]

    schedule = poll_schedule(poll_seconds(app().config))

    @huey.periodic_task(schedule, name="inbound_import_mailbox")
    @huey.lock_task(LOCK_NAME)
    def inbound_import_mailbox():
        with app().app_context(), database.connection_context():
            result = import_mailbox()
        if result.imported or result.failed:
            log.info("inbound: %s", result)
        return result.imported

    return inbound_import_mailbox


def poll_schedule(seconds: int):
    """huey looks at its periodic tasks once a minute: the interval in whole minutes."""
    from huey import crontab

    minutes = max(1, round(seconds / 60))
    return crontab(minute="*" if minutes == 1 else f"*/{minutes}")
