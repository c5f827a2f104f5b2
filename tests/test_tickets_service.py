"""Ticket rules: flags, response targets, numbering under concurrency, queue order, audit trail."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import threading

import pytest

from portal import clock, paging
from portal.db import database, utcnow
from portal.models import Company
from portal.sla.queue import sort_queue
from portal.tickets import queries, rules, service
from portal.tickets.models import Ticket, TicketEvent
from portal.tickets.rules import Report, TicketError
from tests.conftest import run_at_once
from tests.ticket_factory import at, make_ticket, queue_entry

TUESDAY = at("2026-11-24 08:30")


# --- flags: dringend / nicht dringend -------------------------------------------------------

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("priority", "urgent", "reason", "deadline", "relaxed", "fields"),
    [
        ("normal", False, "", None, None, set()),
        ("normal", True, "Frist beim Finanzamt", None, None, set()),
        ("normal", True, "Frist beim Finanzamt", dt.date(2026, 11, 30), None, set()),
        ("normal", True, "Frist", TODAY, None, set()),
        ("low", False, "", None, 10, set()),
        ("normal", False, "", None, 1, set()),
        ("normal", False, "", None, 30, set()),
        # invalid combinations
        ("normal", True, "", None, None, {"urgent_reason"}),
        ("normal", True, "   ", None, None, {"urgent_reason"}),
        ("critical", True, "Frist", None, None, {"urgent"}),
        ("low", True, "Frist", None, None, {"urgent"}),
        ("normal", True, "Frist", dt.date(2026, 11, 23), None, {"deadline"}),
        ("normal", False, "", dt.date(2026, 11, 30), None, {"deadline"}),
        ("normal", True, "Frist", None, 5, {"urgent"}),
        ("normal", False, "", None, 0, {"relaxed_days"}),
        ("normal", False, "", None, 31, {"relaxed_days"}),
        ("critical", False, "", None, 3, {"relaxed_days"}),
    ],
)
def test_urgent_and_relaxed_flags(app, priority, urgent, reason, deadline, relaxed, fields):
    with app.test_request_context():
        errors = rules.validate_flags(priority, urgent, reason, deadline, relaxed, TODAY)
    assert set(errors) == fields


def test_invalid_report_names_every_bad_field_and_stores_nothing(app, customer_a):
    report = Report(title="", description="", priority="urgent-ish", affected="everyone")
    with app.test_request_context(), pytest.raises(TicketError) as raised:
        service.create_ticket(customer_a, report)
    assert set(raised.value.fields) == {"title", "description", "priority", "affected"}
    assert Ticket.select().count() == 0


# --- response targets -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("priority", "contract", "relaxed", "expected"),
    [
        ("critical", True, None, "2026-11-24 09:30"),  # 1 h, extended hours
        ("critical", False, None, "2026-11-24 12:30"),  # 4 h service hours
        ("normal", True, None, "2026-11-24 12:30"),  # 4 h
        ("normal", False, None, "2026-11-25 12:30"),  # 16 h: 10.5 today + 5.5 on Wednesday
        ("low", True, None, "2026-11-25 12:30"),  # 16 h
        ("low", False, None, "2026-11-27 12:30"),  # 40 h: 10.5 + 12 + 12 + 5.5
        ("normal", True, 3, "2026-11-27 19:00"),  # end of the 3rd service day (Friday)
        ("normal", True, 1, "2026-11-25 19:00"),  # later than the 4 h target
    ],
)
def test_response_due_per_class_and_contract(
    app, company_a, customer_a, priority, contract, relaxed, expected
):
    Company.update(has_contract=contract).where(Company.id == company_a.id).execute()
    ticket = make_ticket(app, customer_a, priority=priority, relaxed_days=relaxed, now=TUESDAY)
    assert ticket.reported_at == TUESDAY
    assert Ticket.get_by_id(ticket.id).response_due == at(expected)


def test_contract_override_changes_the_target(app, company_a, customer_a):
    Company.update(normal_hours=2).where(Company.id == company_a.id).execute()
    ticket = make_ticket(app, customer_a, priority="normal", now=TUESDAY)
    assert ticket.response_due == at("2026-11-24 10:30")


def test_configured_service_hours_move_the_response_target(app, company_a, customer_a):
    # A provider that opens at 09:00 on weekdays: the same ticket is due two hours later,
    # because the pages, the hotline box and the targets all use the configured calendar.
    from portal import clock

    app.config["SERVICE_HOURS"] = {**app.config["SERVICE_HOURS"], "tue": "09:00-19:00"}
    clock.init_app(app)
    early = make_ticket(app, customer_a, priority="normal", now=at("2026-11-24 07:00"))
    assert early.response_due == at("2026-11-24 13:00")  # 4 h counted from 09:00


def test_staff_records_a_call_and_the_clock_starts_at_the_call(app, company_a, customer_a, staff):
    call = at("2026-11-24 07:10")
    ticket = make_ticket(
        app, staff, company=company_a, reporter=customer_a, reported_at=call, now=TUESDAY
    )
    assert ticket.reported_at == call
    assert ticket.response_due == at("2026-11-24 11:10")
    assert ticket.reporter.id == customer_a.id and ticket.created_by.id == staff.id


def test_staff_cannot_record_a_call_in_the_future(app, company_a, staff):
    with pytest.raises(TicketError) as raised:
        make_ticket(
            app, staff, company=company_a, reported_at=TUESDAY + dt.timedelta(hours=1), now=TUESDAY
        )
    assert set(raised.value.fields) == {"reported_at"}


def test_staff_must_choose_a_company_and_a_contact_of_it(app, company_b, customer_a, staff):
    with pytest.raises(TicketError) as raised:
        make_ticket(app, staff)
    assert "company" in raised.value.fields
    with pytest.raises(TicketError) as raised:
        make_ticket(app, staff, company=company_b, reporter=customer_a)
    assert "contact" in raised.value.fields


def test_class_change_needs_a_reason_and_recomputes_response_due(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="low", now=TUESDAY)
    with app.test_request_context():
        with pytest.raises(TicketError) as raised:
            service.change_ticket(ticket, staff, {"priority": "critical"}, "")
        assert set(raised.value.fields) == {"reason"}
        service.change_ticket(ticket, staff, {"priority": "critical"}, "Ganzes Büro betroffen")
    stored = Ticket.get_by_id(ticket.id)
    assert stored.priority == "critical"
    assert stored.response_due == at("2026-11-24 09:30")
    event = TicketEvent.get(TicketEvent.kind == "priority")
    assert (event.old_value, event.new_value, event.reason) == (
        "low",
        "critical",
        "Ganzes Büro betroffen",
    )
    assert event.actor.id == staff.id and event.public


# --- numbering ------------------------------------------------------------------------------


def test_numbers_count_up_per_year(app, customer_a):
    first = make_ticket(app, customer_a, now=TUESDAY)
    second = make_ticket(app, customer_a, now=TUESDAY)
    next_year = make_ticket(app, customer_a, now=at("2027-01-04 09:00"))
    assert (first.number, second.number) == ("T-2026-00001", "T-2026-00002")
    assert next_year.number == "T-2027-00001"


def test_numbers_stay_unique_under_concurrent_creation(app, customer_a, db):
    threads, per_thread = 8, 5
    barrier = threading.Barrier(threads)
    numbers, failures = [], []

    def report_several():
        try:
            with app.app_context():
                database.connect(reuse_if_open=True)
                try:
                    barrier.wait(timeout=10)
                    for index in range(per_thread):
                        report = Report(
                            title=f"Gleichzeitig {index}",
                            description="Viele melden zugleich.",
                            priority="normal",
                        )
                        numbers.append(service.create_ticket(customer_a, report).number)
                finally:
                    database.close()
        except Exception as error:  # reported below, with the thread's error
            failures.append(error)

    run_at_once(report_several, threads)
    assert not failures, failures
    assert len(numbers) == len(set(numbers)) == threads * per_thread
    year = clock.local_today(utcnow()).year
    assert sorted(numbers) == [f"T-{year}-{n:05d}" for n in range(1, threads * per_thread + 1)]


# --- the queue order ------------------------------------------------------------------------

_numbers = itertools.count(1)


def raw_ticket(
    company,
    *,
    priority="normal",
    urgent=False,
    relaxed=None,
    due,
    reported,
    status="new",
    title="",
    ticket_id=None,
):
    """A ticket row as it could be in the database (also states the form would not allow)."""
    return Ticket.create(
        id=ticket_id,
        number=f"T-2000-{next(_numbers):05d}",
        company=company,
        title=title or priority,
        description="…",
        priority=priority,
        urgent=urgent,
        relaxed_days=relaxed,
        status=status,
        reported_at=reported,
        response_due=due,
    )


def sql_queue(query=None):
    query = query or Ticket.select(Ticket, Company).join(Company)
    return [t.title for t in queries.open_tickets(query).order_by(*queries.queue_order())]


def test_queue_order_follows_the_sla_page(company_a, company_b):
    """PRODUCT.md: class; contract before none; urgent, plain, relaxed; response_due; reported."""
    early, late = at("2026-11-24 09:00"), at("2026-11-24 12:00")
    cases = [
        # title, company, priority, urgent, relaxed, due, reported
        ("low-contract", company_a, "low", False, None, early, early),
        ("normal-nocontract-urgent", company_b, "normal", True, None, early, early),
        ("normal-contract-relaxed", company_a, "normal", False, 3, early, early),
        ("normal-contract-plain-late", company_a, "normal", False, None, late, early),
        ("normal-contract-plain-early", company_a, "normal", False, None, early, late),
        ("normal-contract-urgent", company_a, "normal", True, None, late, late),
        ("critical-nocontract", company_b, "critical", False, None, late, late),
        ("critical-contract", company_a, "critical", False, None, late, late),
        ("normal-nocontract-plain", company_b, "normal", False, None, early, early),
        ("low-nocontract-urgent-ignored", company_b, "low", True, None, early, early),
        ("low-nocontract-relaxed", company_b, "low", False, 5, early, early),
        (
            "normal-contract-plain-same-due-earlier-report",
            company_a,
            "normal",
            False,
            None,
            late,
            early - dt.timedelta(hours=1),
        ),
        ("resolved-is-not-queued", company_a, "critical", False, None, early, early),
    ]
    columns = ("priority", "urgent", "relaxed", "due", "reported")
    for title, company, *values in cases:
        status = "resolved" if title.startswith("resolved") else "new"
        raw_ticket(company, title=title, status=status, **dict(zip(columns, values, strict=True)))
    assert sql_queue() == [
        "critical-contract",
        "critical-nocontract",
        "normal-contract-urgent",
        "normal-contract-plain-early",
        "normal-contract-plain-same-due-earlier-report",
        "normal-contract-plain-late",
        "normal-contract-relaxed",
        "normal-nocontract-urgent",
        "normal-nocontract-plain",
        "low-contract",
        "low-nocontract-urgent-ignored",
        "low-nocontract-relaxed",
    ]


def test_sql_queue_order_equals_sort_queue(company_a, company_b):
    rng = random.Random(7)
    base = at("2026-11-24 08:00")
    moments = [base + dt.timedelta(minutes=30 * i) for i in range(4)]  # ties on purpose
    for index in range(150):
        priority = rng.choice(("critical", "normal", "low"))
        raw_ticket(
            rng.choice((company_a, company_b)),
            priority=priority,
            urgent=rng.random() < 0.3,
            relaxed=rng.choice((None, None, 2)),
            due=rng.choice(moments),
            reported=rng.choice(moments),
            title=str(index),
        )
    tickets = list(Ticket.select(Ticket, Company).join(Company))
    entries = [queue_entry(t) for t in tickets]
    by_id = {t.id: t.title for t in tickets}
    assert sql_queue() == [by_id[e.ticket_id] for e in sort_queue(entries)]


def test_tickets_ahead_counts_the_open_tickets_before_this_one(company_a, company_b):
    due = at("2026-11-24 12:00")
    raw_ticket(company_a, priority="critical", due=due, reported=due, title="a")
    raw_ticket(company_a, priority="normal", urgent=True, due=due, reported=due, title="b")
    raw_ticket(company_a, priority="critical", due=due, reported=due, title="c", status="closed")
    mine = raw_ticket(company_b, priority="normal", due=due, reported=due, title="mine")
    raw_ticket(company_b, priority="low", due=due, reported=due, title="after")
    mine = Ticket.select(Ticket, Company).join(Company).where(Ticket.id == mine.id).get()
    assert queries.tickets_ahead(mine) == 2
    assert sql_queue().index("mine") == 2


def test_tickets_ahead_is_each_open_tickets_place_in_the_queue(company_a, company_b):
    """Over 60 tickets with ties, closed and paused ones: the count of those ahead (kept SQL,
    a range of the queue index) is every open ticket's index in the queue's own order."""
    rng = random.Random(11)
    base = at("2026-11-24 08:00")
    moments = [base + dt.timedelta(minutes=30 * i) for i in range(3)]  # ties on purpose
    for index in range(60):
        raw_ticket(
            rng.choice((company_a, company_b)),
            priority=rng.choice(("critical", "normal", "low")),
            urgent=rng.random() < 0.3,
            due=rng.choice(moments),
            reported=rng.choice(moments),
            title=str(index),
            status=rng.choice(("new", "in_progress", "waiting_for_customer", "closed")),
        )
    queue = sql_queue()
    assert 20 < len(queue) < 60
    for ticket in Ticket.select(Ticket, Company).join(Company):
        if ticket.title in queue:
            assert queries.tickets_ahead(ticket) == queue.index(ticket.title), ticket.title


# --- audit trail and reopening --------------------------------------------------------------


def test_every_change_is_an_event_with_old_and_new_value(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="normal", now=TUESDAY)
    ticket = Ticket.get_by_id(ticket.id)
    with app.test_request_context():
        service.change_ticket(
            ticket,
            staff,
            {
                "status": "in_progress",
                "assignee": staff,
                "urgent": True,
                "urgent_reason": "Frist",
                "deadline": clock.local_today(utcnow()) + dt.timedelta(days=2),
            },
            "",
        )
        service.change_ticket(ticket, staff, {"urgent": False, "relaxed_days": 5}, "")
    kinds = [
        (e.kind, e.old_value, e.new_value, e.public)
        for e in TicketEvent.select()
        .where(TicketEvent.ticket == ticket.id)
        .order_by(TicketEvent.id)
    ]
    assert kinds[0] == ("created", "", "new", True)
    assert ("status", "new", "in_progress", True) in kinds
    assert ("assignee", "", staff.name, False) in kinds
    assert ("urgent", "no", "yes", False) in kinds
    assert ("urgent", "yes", "no", False) in kinds
    assert ("relaxed", "", "5", False) in kinds
    stored = Ticket.get_by_id(ticket.id)
    assert stored.first_response_at is not None  # the status change was the first response
    assert not stored.urgent and stored.deadline is None and stored.relaxed_days == 5


def test_invalid_change_writes_nothing(app, customer_a, staff):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a, priority="critical").id)
    with app.test_request_context(), pytest.raises(TicketError):
        service.change_ticket(ticket, staff, {"status": "in_progress", "urgent": True}, "")
    stored = Ticket.get_by_id(ticket.id)
    assert stored.status == "new" and not stored.urgent
    assert TicketEvent.select().where(TicketEvent.kind != "created").count() == 0


def test_customer_can_reopen_within_14_days(app, customer_a):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a).id)
    with app.test_request_context():
        service.resolve(ticket, customer_a, now=TUESDAY)
        service.reopen(ticket, customer_a, now=TUESDAY + dt.timedelta(days=13, hours=23))
    assert Ticket.get_by_id(ticket.id).status == "new"


def test_reopening_after_14_days_suggests_a_new_ticket(app, customer_a):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a).id)
    with app.test_request_context():
        service.resolve(ticket, customer_a, now=TUESDAY)
        with pytest.raises(TicketError) as raised:
            service.reopen(ticket, customer_a, now=TUESDAY + dt.timedelta(days=14, minutes=1))
    assert "neue Störung" in raised.value.fields["status"]
    assert Ticket.get_by_id(ticket.id).status == "resolved"


def test_first_public_staff_message_is_the_first_response(app, customer_a, staff):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a).id)
    with app.test_request_context():
        service.add_message(ticket, staff, "Intern: erst prüfen", internal=True)
        assert Ticket.get_by_id(ticket.id).first_response_at is None
        service.add_message(ticket, customer_a, "Noch da?")
        assert Ticket.get_by_id(ticket.id).first_response_at is None
        service.add_message(ticket, staff, "Wir sind dran.")
    assert Ticket.get_by_id(ticket.id).first_response_at is not None


def test_staff_solving_through_the_customers_button_is_the_first_response(app, customer_a, staff):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a).id)
    with app.test_request_context():
        service.resolve(ticket, staff, now=at("2026-11-24 09:00"))
    assert Ticket.get_by_id(ticket.id).first_response_at == at("2026-11-24 09:00")


def test_customer_solving_is_no_first_response(app, customer_a):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a).id)
    with app.test_request_context():
        service.resolve(ticket, customer_a)
    assert Ticket.get_by_id(ticket.id).first_response_at is None


def test_customer_answer_puts_a_waiting_ticket_back_in_progress(app, customer_a, staff):
    ticket = Ticket.get_by_id(make_ticket(app, customer_a).id)
    with app.test_request_context():
        service.change_ticket(ticket, staff, {"status": "waiting_for_customer"}, "")
        service.add_message(ticket, customer_a, "Hier die Antwort.")
    assert Ticket.get_by_id(ticket.id).status == "in_progress"


def test_staff_only_activity_does_not_move_the_customers_last_activity(app, customer_a, staff):
    reported = at("2026-11-24 08:00")
    ticket = Ticket.get_by_id(make_ticket(app, customer_a, now=reported).id)
    with app.test_request_context():
        service.add_message(ticket, staff, "Intern", internal=True, now=at("2026-11-24 09:00"))
        service.change_ticket(ticket, staff, {"assignee": staff}, now=at("2026-11-24 09:30"))
    # customers see last_activity_at ("Letzte Aktivität"): nothing they can see happened
    assert Ticket.get_by_id(ticket.id).last_activity_at == reported
    with app.test_request_context():
        service.add_message(ticket, staff, "Wir sind dran.", now=at("2026-11-24 10:00"))
    assert Ticket.get_by_id(ticket.id).last_activity_at == at("2026-11-24 10:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        ("007", 7),
        ("999999999", 999_999_999),
        ("1000000000", paging.LARGE_NUMBER),
        ("9" * 5000, paging.LARGE_NUMBER),
        ("0", 0),
        ("", None),
        ("-1", None),
        ("²", None),
        ("١", None),
        ("abc", None),
    ],
)
def test_whole_number_from_a_query_string(text, expected):
    assert paging.whole_number(text) == expected
