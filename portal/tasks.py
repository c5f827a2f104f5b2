"""Every feature's background tasks, the one list of them: the app factory hands
``register_all`` to portal/jobs.py, so the job engine imports no feature and each feature's
tasks module imports the engine (``jobs.periodic``, ``jobs.kick``).

To add a task: define it inside the feature's ``register(huey)`` and call that here.
"""

from __future__ import annotations

from portal import holiday_days
from portal.api import idempotency
from portal.auth import links as account_links
from portal.inbound import tasks as inbound_tasks
from portal.outbox import tasks as outbox_tasks
from portal.privacy import retention
from portal.reports import tasks as report_tasks
from portal.tickets import sla_watch  # the SLA clock's warnings


def register_all(huey, config) -> tuple[dict, tuple[str, ...]]:
    """(every task by name, the names of those without arguments)."""

    kickable = outbox_tasks.register(huey)
    # tasks enqueued with arguments through app.extensions["jobs"] (never by kick(): started
    # without them, such a job fails)
    with_arguments = account_links.register(huey)
    inbound_tasks.register(huey, config)
    sla_watch.register(huey)
    report_tasks.register(huey)  # the stored figures of closed months
    retention.register(huey)  # the nightly retention periods (portal/config.py RETENTION_*)
    idempotency.register(huey)  # expired Idempotency-Keys, hourly
    holiday_days.register(huey)  # the public holidays of the years around today, daily
    return {**kickable, **with_arguments}, tuple(kickable)
