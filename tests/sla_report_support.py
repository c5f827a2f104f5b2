"""The hand-computed month of the SLA report tests (January 2026, company A with a contract),
and the report computed afresh, past the stored figures of closed months.

A test module imports ``month_fixture`` and asks for ``month``."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

import pytest

from portal.changes.models import PlannedChange
from portal.reports import service as report_service
from portal.sla.calendar import BERLIN
from portal.tickets import service
from portal.tickets.models import Ticket
from portal.tickets.sla_watch import check_targets
from tests.ticket_factory import make_ticket

JANUARY = dt.date(2026, 1, 1)


def berlin(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(dt.UTC)


def live_report(app, company_id, month):
    """The report with every month counted afresh from the records: no month is closed."""
    app.config["SLA_MONTH_CLOSED_AFTER_DAYS"] = 10**6
    try:
        with app.app_context():
            return report_service.build_report(company_id, month)
    finally:
        app.config["SLA_MONTH_CLOSED_AFTER_DAYS"] = 7


@pytest.fixture(name="month")
def month_fixture(app, customer_a, customer_b, staff, company_a, company_b):
    """The fixture month; every figure the tests expect is counted by hand in the comments."""

    def t(number):
        return Ticket.get(Ticket.number == number)

    with app.test_request_context():
        # T1 normal, from the portal, Mon 5.1. 08:00: answered 09:00 (due 12:00, 1 service
        # hour), solved 15:00 (due Wed 08:00, 7 service hours)
        one = make_ticket(app, customer_a, priority="normal", now=berlin(2026, 1, 5, 8))
        service.add_message(one, staff, "Wir schauen.", now=berlin(2026, 1, 5, 9))
        service.change_ticket(
            t(one.number), staff, {"status": "resolved"}, now=berlin(2026, 1, 5, 15)
        )
        # T2 low, by e-mail, Tue 6.1. 10:00: due 16 h = Wed 14:00; answered Thu 10:00:
        # missed, 24 h
        two = make_ticket(
            app, customer_a, priority="low", source="email", now=berlin(2026, 1, 6, 10)
        )
        service.add_message(two, staff, "Spät, sorry.", now=berlin(2026, 1, 8, 10))
        # T3 critical (extended hours), a monitoring alarm, Sat 10.1. 20:00: waiting from
        # 20:30 (the first response, 0 service hours), customer answers Mon 08:00 (1 service
        # hour paused), solved Mon 10:00: Mon 07-10 less the paused hour = 2 service hours
        three = make_ticket(
            app, staff, company=company_a, priority="critical", source="monitoring",
            now=berlin(2026, 1, 10, 20),
        )  # fmt: skip
        service.change_ticket(
            three, staff, {"status": "waiting_for_customer"}, now=berlin(2026, 1, 10, 20, 30)
        )
        service.add_message(t(three.number), customer_a, "Geht wieder?", now=berlin(2026, 1, 12, 8))
        service.change_ticket(
            t(three.number), staff, {"status": "resolved"}, now=berlin(2026, 1, 12, 10)
        )
        # T4 normal, from the portal, Fri 30.1. 17:00: response due Sat 31.1. 10:00, missed
        # (the job notices)
        four = make_ticket(app, customer_a, priority="normal", now=berlin(2026, 1, 30, 17))
        # other company (a call staff recorded), other month: not in company A's report
        make_ticket(app, staff, company=company_b, priority="normal", now=berlin(2026, 1, 7, 9))
        make_ticket(app, customer_a, priority="normal", now=berlin(2025, 12, 30, 9))
    with app.app_context():
        check_targets(now=berlin(2026, 1, 31, 10, 1))
    PlannedChange.create(
        company=company_a, created_by=customer_a, kind="other", details={},
        wished_date=dt.date(2026, 1, 20), recommended_earliest=dt.date(2026, 1, 15),
        state="done", scheduled_start=berlin(2026, 1, 20, 9), scheduled_end=berlin(2026, 1, 20, 10),
    )  # fmt: skip
    return [one.number, two.number, three.number, four.number]
