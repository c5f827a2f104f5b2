"""The SLA watch job under a frozen clock: one warning at 75 % and one at the breach, per
ticket and target; none for paused or solved tickets; none twice with two workers."""

import datetime as dt
import threading
from datetime import datetime

import pytest

from portal.db import database
from portal.models import User
from portal.outbox.models import OutboxMail
from portal.sla.calendar import BERLIN
from portal.tickets import service
from portal.tickets.models import SlaNotice, Ticket, TicketEvent
from portal.tickets.sla_watch import check_targets
from tests.conftest import run_at_once
from tests.ticket_factory import make_ticket

FROZEN = {"now": None}


def berlin(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN).astimezone(dt.UTC)


MONDAY_0800 = berlin(1, 12, 8)


@pytest.fixture
def app_config():
    FROZEN["now"] = MONDAY_0800  # each test starts from the same instant, whatever ran before
    return {"CLOCK": lambda: FROZEN["now"], "SERVER_NAME": "portal.example"}


def run_at(app, moment):
    FROZEN["now"] = moment
    with app.app_context():
        return check_targets()


def warnings_mailed():
    return [m.subject for m in OutboxMail.select().where(OutboxMail.subject.contains("SLA"))]


def test_one_warning_per_threshold_and_target(app, customer_a, staff):
    # normal, contract: response due Mon 12:00 (4 h), resolution Wed 14.1. 08:00 (24 h)
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    assert run_at(app, berlin(1, 12, 10, 59)) == []  # 2 h 59 of 4 h used
    assert run_at(app, berlin(1, 12, 11)) == [(ticket.id, "response", "warning")]  # 3 of 4 h
    assert run_at(app, berlin(1, 12, 11, 30)) == []
    assert run_at(app, berlin(1, 12, 12, 1)) == [(ticket.id, "response", "breach")]
    assert run_at(app, berlin(1, 12, 12, 2)) == []
    with app.test_request_context():
        service.add_message(
            Ticket.get_by_id(ticket.id), staff, "Wir sind dran.", now=berlin(1, 12, 12, 30)
        )
    # 75 % of 24 h = 18 h: Mon 08-19 (11 h), Tue 07:00 + 7 h = 14:00
    assert run_at(app, berlin(1, 13, 13, 59)) == []
    assert run_at(app, berlin(1, 13, 14)) == [(ticket.id, "resolution", "warning")]
    assert run_at(app, berlin(1, 14, 8, 1)) == [(ticket.id, "resolution", "breach")]
    assert run_at(app, berlin(1, 15, 8)) == []

    assert len(warnings_mailed()) == 4
    assert all(m.recipient == "service@bluvo.de" for m in OutboxMail.select().where(
        OutboxMail.subject.contains("SLA")))  # fmt: skip
    events = list(TicketEvent.select().where(TicketEvent.kind.startswith("sla_")))
    assert [(e.kind, e.new_value, e.public) for e in events] == [
        ("sla_warning", "response", False),
        ("sla_breach", "response", False),
        ("sla_warning", "resolution", False),
        ("sla_breach", "resolution", False),
    ]
    breach = next(e for e in events if e.kind == "sla_breach")
    assert breach.created_at == berlin(1, 12, 12)  # recorded at the moment it happened


def test_the_warning_goes_to_the_assignee(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    with app.test_request_context():
        service.change_ticket(ticket, staff, {"assignee": staff}, now=MONDAY_0800)
    run_at(app, berlin(1, 12, 11))
    assert [m.recipient for m in OutboxMail.select().where(OutboxMail.subject.contains("SLA"))] == [
        staff.email
    ]


def test_a_deactivated_assignees_warning_goes_to_the_on_duty_address(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    with app.test_request_context():
        service.change_ticket(ticket, staff, {"assignee": staff}, now=MONDAY_0800)
    User.update(active=False).where(User.id == staff.id).execute()
    run_at(app, berlin(1, 12, 11))
    assert [m.recipient for m in OutboxMail.select().where(OutboxMail.subject.contains("SLA"))] == [
        "service@bluvo.de"
    ]


def test_no_warning_for_paused_or_solved_tickets(app, customer_a, staff):
    paused = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    solved = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    with app.test_request_context():
        service.change_ticket(paused, staff, {"status": "waiting_for_customer"}, now=MONDAY_0800)
        service.resolve(solved, customer_a, now=MONDAY_0800)
    assert run_at(app, berlin(1, 12, 11)) == []
    assert run_at(app, berlin(1, 20, 8)) == []  # long after every due time
    sent = SlaNotice.select().where(SlaNotice.level.in_(("warning", "breach")))
    assert sent.count() == 0 and warnings_mailed() == []


def test_two_workers_at_once_send_each_warning_once(app, customer_a):
    tickets = [make_ticket(app, customer_a, priority="normal", now=MONDAY_0800) for _ in range(6)]
    FROZEN["now"] = berlin(1, 12, 11)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            with app.app_context():
                database.connect(reuse_if_open=True)
                barrier.wait()
                results.append(check_targets())
                database.close()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    run_at_once(worker, 2)
    assert errors == []
    assert sorted(notice for result in results for notice in result) == sorted(
        (t.id, "response", "warning") for t in tickets
    )
    assert SlaNotice.select().count() == 6 and len(warnings_mailed()) == 6
