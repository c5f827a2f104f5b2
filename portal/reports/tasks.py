"""The hourly job that computes and stores the figures of closed months once
(portal/sla_months.py), so that reports and the overview read them back."""

from huey import crontab

from portal import jobs
from portal.reports import service

TASK_NAME = "reports.keep_closed_months"


def register(huey):
    @jobs.periodic(huey, crontab(minute="23"), TASK_NAME)
    def keep_closed_months():
        return service.keep_closed_months()

    return keep_closed_months
