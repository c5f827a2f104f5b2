"""Background jobs on huey: the queue in a SQLite file in the instance folder by default, in
Redis when PORTAL_JOBS_URL=redis://… is set; `flask --app portal worker` runs the consumer.

Each app has its own huey instance (``app.extensions["huey"]``, also ``jobs.huey_of(app)``).
Tasks are not decorated at import time: a feature module exposes ``register(huey)`` and
defines its tasks inside it, and `_register_tasks` below imports it. That keeps one task
registry per app (tests create many apps) and lets every consumer process build the app once::

    # portal/reports/tasks.py
    from huey import crontab
    from portal import jobs

    def register(huey):
        @huey.task()
        def build_report(company_id): ...

        @jobs.periodic(huey, crontab(minute="0", hour="6"), "monthly-reports")
        def monthly_reports(): ...

Every task runs inside an app context with its own database connection (the pre/post-execute
hooks below); a periodic task made with `periodic()` runs once per slot however many consumers
are started (a key per slot in the job store, and huey.lock_task against overlaps).
"""

from __future__ import annotations

import datetime as dt
import logging
import os

import click
from flask import Flask, current_app, g
from flask.cli import with_appcontext
from huey import RedisHuey, SqliteHuey
from huey.exceptions import TaskLockedException
from huey.signals import SIGNAL_ENQUEUED

from portal.db import database

log = logging.getLogger(__name__)


def make_huey(app: Flask):
    url = app.config.get("JOBS_URL")
    immediate = bool(app.config.get("JOBS_IMMEDIATE"))
    if url and url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey("portal", url=url, immediate=immediate, results=False)
    if url:
        raise ValueError(f"unsupported PORTAL_JOBS_URL: {url!r} (redis://… or unset)")
    filename = app.config.get("JOBS_SQLITE_PATH") or os.path.join(app.instance_path, "jobs.sqlite3")
    # timeout: how long a writer waits for SQLite's lock (web processes enqueue concurrently)
    return SqliteHuey("portal", filename=filename, immediate=immediate, results=False, timeout=10)


def init_app(app: Flask) -> None:
    huey = make_huey(app)
    app.extensions["huey"] = huey
    _run_in_app_context(app, huey)
    _stamp_enqueue_time(huey)
    # tasks by name, e.g. "outbox.deliver"; those without arguments kick() may start, and
    # the worker starts them at its start
    app.extensions["jobs"], app.extensions["jobs_without_arguments"] = _register_tasks(
        huey, app.config
    )
    app.cli.add_command(worker_command)

    @app.teardown_appcontext
    def _kick_after_request(exc):
        # Work announced during this context (mail.post sets it) is committed or rolled back
        # by now: start it. A job for a rolled-back write finds nothing to do.
        for name in g.pop("jobs_to_kick", ()):
            kick(name)


def huey_of(app: Flask | None = None):
    return (app or current_app).extensions["huey"]


def _register_tasks(huey, config) -> tuple[dict, tuple[str, ...]]:
    """(every task by name, the names of those without arguments)."""
    from portal.api import idempotency
    from portal.auth import links as account_links
    from portal.inbound import tasks as inbound_tasks
    from portal.outbox import tasks as outbox_tasks
    from portal.privacy import retention
    from portal.reports import tasks as report_tasks
    from portal.tickets import sla_watch  # the SLA clock's warnings

    kickable = outbox_tasks.register(huey)
    # tasks enqueued with arguments through app.extensions["jobs"] (never by kick(): started
    # without them, such a job fails)
    with_arguments = account_links.register(huey)
    inbound_tasks.register(huey, config)
    sla_watch.register(huey)
    report_tasks.register(huey)  # the stored figures of closed months
    retention.register(huey)  # the nightly retention periods (portal/config.py RETENTION_*)
    idempotency.register(huey)  # expired Idempotency-Keys, hourly
    return {**kickable, **with_arguments}, tuple(kickable)


def _run_in_app_context(app: Flask, huey) -> None:
    """Each task runs in an app context and with a database connection of its own thread."""
    contexts = {}

    @huey.pre_execute("portal_app_context")
    def _enter(task):
        context = app.app_context()
        context.push()
        opened = database.connect(reuse_if_open=True)
        contexts[task.id] = (context, opened)

    @huey.post_execute("portal_app_context")
    def _leave(task, value, exception):
        context, opened = contexts.pop(task.id, (None, False))
        if opened and not database.is_closed():
            database.close()
        if context is not None:
            context.pop()


def _huey_now(huey) -> dt.datetime:
    """Now as huey compares etas: naive UTC (huey's default) or naive local time."""
    now = dt.datetime.now(dt.UTC)
    return now.replace(tzinfo=None) if huey.utc else now.astimezone().replace(tzinfo=None)


def _stamp_enqueue_time(huey) -> None:
    """A job enqueued without an eta gets the moment of enqueueing as its eta.

    The job stores keep no time with a job; with this stamp the next job in the queue tells
    how long it has waited (`waiting_jobs`, the metric portal_jobs_oldest_age_seconds). An eta
    that has passed changes nothing: the job runs at once. huey sends the signal before it
    serialises the job. A web server whose clock is ahead of the worker's by s seconds delays
    its jobs by as much (the worker parks them in its schedule): keep the clocks in sync.
    """

    @huey.signal(SIGNAL_ENQUEUED)
    def _stamp(signal, task):
        if task.eta is None:
            task.eta = _huey_now(huey)


def waiting_jobs(huey) -> tuple[int, float]:
    """(jobs waiting in the queue, seconds the next of them has waited since it was due):
    a count and a read of one entry through huey's storage API, whatever the store."""
    count = huey.pending_count()
    if not count:
        return 0, 0.0
    head = huey.pending(limit=1)
    if not head or head[0].eta is None:
        return count, 0.0
    return count, max(0.0, (_huey_now(huey) - head[0].eta).total_seconds())


# --- starting work from a request ---------------------------------------------------


def kick_later(name: str) -> None:
    """Run the task `name` (no arguments) when the current app context ends."""
    pending = g.setdefault("jobs_to_kick", [])
    if name not in pending:
        pending.append(name)


def kick(name: str, delay: float | None = None) -> None:
    """Enqueue the task `name` without arguments. A job store that is down is logged, not
    raised: the periodic sweep picks the work up later."""
    task = current_app.extensions["jobs"][name]
    try:
        if delay:
            task.schedule(delay=delay)
        else:
            task()
    except Exception:
        log.exception("could not enqueue %s", name)


# --- periodic jobs that run once ----------------------------------------------------


def periodic(huey, schedule, name: str, slot_seconds: int = 60):
    """`@huey.periodic_task(schedule)` that runs once per slot across all consumers.

    Each consumer enqueues its own copy of a periodic task every minute. The first copy to
    claim the slot's key (put_if_empty is atomic in SQLite and Redis) runs; lock_task keeps a
    slow run from overlapping the next one.
    """

    def decorator(function):
        @huey.periodic_task(schedule, name=name)
        def runner():
            slot = int(dt.datetime.now(dt.UTC).timestamp()) // slot_seconds
            if not huey.put_if_empty(f"periodic.{name}.{slot}", "1"):
                return None  # another consumer ran this slot
            for old in range(slot - 5, slot - 1):
                huey.delete(f"periodic.{name}.{old}")
            try:
                with huey.lock_task(name):
                    return function()
            except TaskLockedException:
                log.info("%s still running elsewhere; skipped", name)
                return None

        return runner

    return decorator


@click.command("worker")
@click.option("--workers", "-w", default=2, show_default=True, help="Threads running jobs.")
@with_appcontext
def worker_command(workers: int):
    """Run the job consumer (mail delivery and periodic jobs) until Ctrl+C."""
    huey = huey_of()
    if huey.immediate:
        raise click.ClickException("JOBS_IMMEDIATE is set: there is no queue to consume.")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # Work left behind while no consumer ran (a job store that was down, a killed consumer's
    # lost job) starts now rather than at the next periodic sweep.
    for name in current_app.extensions["jobs_without_arguments"]:
        kick(name)
    # flush_locks: a consumer killed while holding a lock must not block the job forever.
    consumer = huey.create_consumer(workers=workers, worker_type="thread", flush_locks=True)
    consumer.run()
