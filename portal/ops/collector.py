"""The figures Prometheus reads from the database and the job store, computed at each scrape
with a few GROUP BY counts (nothing kept in a process, so every worker and every instance
reports the same): open tickets per class, unassigned and overdue among them, SLA targets
missed so far, the outbox and incoming mail by state, the job queue's length and age."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import peewee
from flask import Flask
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric

from portal import clock
from portal.db import database
from portal.inbound.models import STATES as INBOUND_STATES
from portal.inbound.models import InboundMail
from portal.jobs import huey_of, waiting_jobs
from portal.ops.checks import discard_connection
from portal.outbox.models import OutboxMail
from portal.reports.service import BREACH_LEVELS
from portal.sla.targets import PRIORITIES, TARGET_KINDS
from portal.tickets.models import SlaNotice, Ticket
from portal.tickets.queries import open_tickets, overdue_condition
from portal.tickets.rules import OPEN_STATUSES

log = logging.getLogger(__name__)

OUTBOX_STATES = ("pending", "sending", "failed")  # "sent" only grows: not worth a count


class PortalCollector:
    """A prometheus_client collector; collect() runs in the scrape's request."""

    def __init__(self, app: Flask):
        self.app = app

    def collect(self) -> Iterator[Metric]:
        started = time.perf_counter()
        yield from self._database_figures()
        yield from self._job_figures()
        took = GaugeMetricFamily(
            "portal_metrics_collect_seconds", "Time the last scrape took to read these figures"
        )
        took.add_metric([], time.perf_counter() - started)
        yield took

    def _database_figures(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("portal_database_up", "1 if the database answered this scrape")
        opened = False
        try:
            opened = database.connect(reuse_if_open=True)
            figures = [*ticket_figures(clock.now()), breach_figure(), *mail_figures()]
        except peewee.PeeweeException:
            log.warning("metrics: database unreachable", exc_info=True)
            discard_connection(opened)
            figures = []
        else:
            if opened and not database.is_closed():
                database.close()
        up.add_metric([], 1 if figures else 0)
        yield up
        yield from figures

    def _job_figures(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("portal_job_store_up", "1 if the job store answered this scrape")
        try:
            huey = huey_of(self.app)
            length, age = waiting_jobs(huey)
            scheduled = huey.scheduled_count()
        except Exception:
            log.warning("metrics: job store unreachable", exc_info=True)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield _gauge("portal_jobs_queued", "Jobs waiting in the queue for a worker", length)
        yield _gauge(
            "portal_jobs_oldest_age_seconds",
            "Seconds the next job in the queue has waited since it was due (0: queue empty)",
            age,
        )
        yield _gauge(
            "portal_jobs_scheduled", "Jobs parked for a later time (retries, delays)", scheduled
        )


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    gauge = GaugeMetricFamily(name, documentation)
    gauge.add_metric([], value)
    return gauge


def _how_many(condition) -> peewee.Node:
    return peewee.fn.SUM(peewee.Case(None, [(condition, 1)], 0))


def ticket_figures(now) -> list[Metric]:
    """Open tickets per class and the overdue ones among them (the queue's own conditions:
    the stored open flag and overdue_condition), and the unassigned open ones: two counts,
    each read from an index alone (the queue's and the assignee's), not from the rows."""
    per_class = (
        open_tickets(Ticket.select())
        .select(
            Ticket.priority_rank,
            peewee.fn.COUNT(peewee.SQL("*")),
            _how_many(overdue_condition(now)),
        )
        .group_by(Ticket.priority_rank)
        .tuples()
    )
    counts = {str(priority): (0, 0) for priority in PRIORITIES}
    for rank, total, overdue in per_class:
        counts[str(PRIORITIES[rank])] = (int(total), int(overdue or 0))
    unassigned = (
        Ticket.select(peewee.fn.COUNT(peewee.SQL("*")))
        .where(Ticket.assignee.is_null(), Ticket.status.in_(OPEN_STATUSES))
        .scalar()
    )
    families = [
        GaugeMetricFamily("portal_tickets_open", "Open tickets by class", labels=["priority"]),
        GaugeMetricFamily(
            "portal_tickets_overdue",
            "Open tickets whose clock runs and whose next SLA target has passed",
            labels=["priority"],
        ),
    ]
    for priority, values in counts.items():
        for family, value in zip(families, values, strict=True):
            family.add_metric([priority], value)
    families.append(
        _gauge("portal_tickets_unassigned", "Open tickets without an assignee", unassigned)
    )
    return families


def breach_figure() -> Metric:
    """SLA targets missed so far, once per ticket and target (first response, resolution), as
    the monthly report counts them: a breach noticed by the SLA clock or an outcome missed."""
    query = (
        SlaNotice.select(SlaNotice.target, peewee.fn.COUNT(SlaNotice.ticket.distinct()))
        .where(SlaNotice.level.in_(BREACH_LEVELS))
        .group_by(SlaNotice.target)
        .tuples()
    )
    counts = dict.fromkeys(TARGET_KINDS, 0)
    counts.update({target: int(count) for target, count in query})
    return _by_label(
        CounterMetricFamily,
        "portal_sla_breaches",
        "SLA targets missed so far, by target",
        "target",
        counts,
    )


def mail_figures() -> list[Metric]:
    return [
        _by_label(
            GaugeMetricFamily,
            "portal_outbox_mails",
            "Outgoing mails not sent: pending (waiting or retrying), sending, failed",
            "state",
            _count_by_state(OutboxMail, OUTBOX_STATES),
        ),
        _by_label(
            GaugeMetricFamily,
            "portal_inbound_mails",
            "Incoming mails fetched so far, by what became of them (pending: in the Posteingang)",
            "state",
            _count_by_state(InboundMail, INBOUND_STATES),
        ),
    ]


def _count_by_state(model, states: tuple[str, ...]) -> dict[str, int]:
    """How many rows of a mail model are in each of the states, 0 for a state with none."""
    counts = dict.fromkeys(states, 0)
    counts.update(
        model.select(model.state, peewee.fn.COUNT(peewee.SQL("*")))
        .where(model.state.in_(states))
        .group_by(model.state)
        .tuples()
    )
    return counts


def _by_label(family_class, name: str, documentation: str, label: str, counts: dict) -> Metric:
    """One metric family with a sample per label value, in the order of counts."""
    family = family_class(name, documentation, labels=[label])
    for value, count in counts.items():
        family.add_metric([value], count)
    return family
