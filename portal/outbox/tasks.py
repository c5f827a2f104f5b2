"""The outbox's jobs: deliver now (started after each write that posted mail, and for each
retry) and a sweep every minute for whatever a lost job or an expired lease left behind."""

from __future__ import annotations

from huey import crontab

from portal import jobs
from portal.mail import DELIVERY_TASK
from portal.outbox import delivery


def _deliver_and_schedule_retry():
    outcome = delivery.deliver_due()
    if outcome.retry_in is not None:
        jobs.kick(DELIVERY_TASK, delay=outcome.retry_in)
    return outcome.sent


def register(huey) -> dict:
    @huey.task(name=DELIVERY_TASK)
    def deliver():
        return _deliver_and_schedule_retry()

    @jobs.periodic(huey, crontab(minute="*"), "outbox.sweep")
    def sweep():
        return _deliver_and_schedule_retry()

    return {DELIVERY_TASK: deliver}
