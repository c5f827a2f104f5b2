"""The periodic import of customers' e-mails, for the job engine (portal/jobs.py).

It runs every INBOUND_POLL_SECONDS (PORTAL_INBOUND_POLL_SECONDS, default 60; huey schedules
in whole minutes, so the interval is rounded to minutes, at least one), once per slot however
many workers run (jobs.periodic: a key per slot in the job store and a lock), inside the app
context the job engine gives every task. The Message-ID key makes a second import a no-op
anyway; the lock saves the work.
"""

from __future__ import annotations

import logging

from huey import crontab

from portal import jobs

log = logging.getLogger(__name__)

DEFAULT_POLL_SECONDS = 60
TASK_NAME = "inbound.import_mailbox"


def poll_seconds(config) -> int:
    return max(1, int(config.get("INBOUND_POLL_SECONDS") or DEFAULT_POLL_SECONDS))


def poll_schedule(seconds: int):
    """huey looks at its periodic tasks once a minute: the interval in whole minutes."""
    minutes = max(1, round(seconds / 60))
    return crontab(minute="*" if minutes == 1 else f"*/{minutes}")


def register(huey, config):
    """Define the periodic import on ``huey`` when an IMAP mailbox is configured; the task,
    or None."""
    if not config.get("INBOUND_IMAP_URL"):
        return None
    seconds = poll_seconds(config)

    @jobs.periodic(huey, poll_schedule(seconds), TASK_NAME, slot_seconds=max(60, seconds))
    def import_mailbox():
        from portal.inbound.fetch import import_mailbox as fetch_and_import

        result = fetch_and_import()
        if result.imported or result.failed:
            log.info("inbound: %s", result)
        return result.imported

    return import_mailbox
