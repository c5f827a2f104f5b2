"""The stored figures of closed months: equal to a fresh computation, stored only once a
month is closed, computed again after a late record dated in the month, never overwritten
by figures computed while such a record came in; the hourly job stores them once."""

import datetime as dt

import pytest
from huey import MemoryHuey

from portal import sla_months as months
from portal.changes import service as changes_service
from portal.changes.models import PlannedChange
from portal.reports import service as report_service
from portal.reports import tasks
from portal.sla.stored_month import month_closed
from portal.sla_months import EVERY_COMPANY, SlaMonth
from portal.tickets import service
from portal.tickets.models import Ticket
from portal.tickets.sla_watch import check_targets
from tests.sla_report_support import JANUARY, berlin, live_report, month_fixture  # noqa: F401
from tests.ticket_factory import make_ticket

AUGUST_TO_JANUARY = [dt.date(2025, m, 1) for m in range(8, 13)] + [JANUARY]


def build(app, company_id, month=JANUARY):
    with app.app_context():
        return report_service.build_report(company_id, month)


def stored_months(scope):
    rows = SlaMonth.select().where(SlaMonth.scope == scope, SlaMonth.figures.is_null(False))
    return sorted(row.month for row in rows)


def set_clock(app, instant):
    app.config["CLOCK"] = lambda: instant


@pytest.mark.parametrize(
    "month, today, after_days, closed",
    [
        (JANUARY, dt.date(2026, 2, 7), 7, False),  # 31.1. + 7 days is 7.2.: still open
        (JANUARY, dt.date(2026, 2, 8), 7, True),
        (dt.date(2025, 12, 1), dt.date(2025, 12, 31), 0, False),
        (dt.date(2025, 12, 1), dt.date(2026, 1, 1), 0, True),
        (JANUARY, dt.date(2025, 12, 15), 7, False),
    ],
)
def test_a_month_is_closed_some_days_after_its_end(month, today, after_days, closed):
    assert month_closed(month, today, after_days) is closed


def test_a_stored_month_equals_a_fresh_computation(app, month, company_a):
    first = build(app, company_a.id)  # computes the six closed months and stores them
    assert stored_months(company_a.id) == AUGUST_TO_JANUARY
    again = build(app, company_a.id)  # read back
    assert again == first == live_report(app, company_a.id, JANUARY)
    overview = build(app, None)
    assert stored_months(EVERY_COMPANY) == AUGUST_TO_JANUARY
    assert build(app, None) == overview == live_report(app, None, JANUARY)
    assert overview.tickets == 5 and overview.by_source["phone"] == 1  # with company B's call


def test_a_month_is_stored_only_once_it_is_closed(app, month, company_a):
    set_clock(app, berlin(2026, 2, 7, 23, 59))
    assert build(app, company_a.id) == live_report(app, company_a.id, JANUARY)
    assert JANUARY not in stored_months(company_a.id)  # December and earlier are stored
    assert dt.date(2025, 12, 1) in stored_months(company_a.id)
    set_clock(app, berlin(2026, 2, 8, 0, 0))
    build(app, company_a.id)
    assert JANUARY in stored_months(company_a.id)


def test_a_late_record_dated_in_a_closed_month_computes_it_again(
    app, month, staff, company_a, customer_a
):
    before = build(app, company_a.id)
    with app.test_request_context():
        # in February staff record a call that came in on Tue 20.1. 09:00 (normal, contract)
        call = make_ticket(
            app, staff, company=company_a, reported_at=berlin(2026, 1, 20, 9),
            now=berlin(2026, 2, 9, 9),
        )  # fmt: skip
    assert JANUARY not in stored_months(company_a.id)  # marked to be computed again
    after_call = build(app, company_a.id)
    assert after_call.tickets == before.tickets + 1 == 5
    assert after_call.by_source == {"portal": 2, "phone": 1, "monitoring": 1, "email": 1}
    assert after_call.targets["response"].open == sorted([month[3], call.number])
    assert after_call == live_report(app, company_a.id, JANUARY)

    # the job notices its targets on 10.2.: both were due in January. Response 4 service
    # hours: Tue 13:00; resolution 24: Tue 10 h, Wed 12 h, Thu 07:00 + 2 h = Thu 09:00
    with app.app_context():
        check_targets(now=berlin(2026, 2, 10, 9))
    with_breaches = build(app, company_a.id)
    assert [(b.number, b.due_at) for b in with_breaches.breaches if b.number == call.number] == [
        (call.number, berlin(2026, 1, 20, 13)),
        (call.number, berlin(2026, 1, 22, 9)),
    ]
    assert with_breaches == live_report(app, company_a.id, JANUARY)

    # a change carried out on 27.1. is marked done only in February
    change = PlannedChange.create(
        company=company_a, created_by=customer_a, kind="other", details={},
        wished_date=dt.date(2026, 1, 27), recommended_earliest=dt.date(2026, 1, 20),
        state="scheduled", scheduled_start=berlin(2026, 1, 27, 9),
        scheduled_end=berlin(2026, 1, 27, 10), technician=staff,
    )  # fmt: skip
    with app.test_request_context():
        changes_service.mark_done(change)
    done_late = build(app, company_a.id)
    assert done_late.changes_done == 2
    assert done_late == live_report(app, company_a.id, JANUARY)
    assert build(app, None) == live_report(app, None, JANUARY)


def test_a_record_dated_after_the_month_leaves_the_stored_month(app, month, staff):
    company_id = Ticket.get(Ticket.number == month[0]).company_id
    build(app, company_id)
    generations = list(
        SlaMonth.select(SlaMonth.scope, SlaMonth.month, SlaMonth.generation).tuples()
    )
    with app.test_request_context():
        # February: T1 back in progress, reclassified and solved again
        for changes, reason, hour in (
            ({"status": "in_progress"}, "", 9),
            ({"priority": "low"}, "nur eine Frage", 10),
            ({"status": "resolved"}, "", 11),
        ):
            one = Ticket.get(Ticket.number == month[0])
            service.change_ticket(one, staff, changes, reason=reason, now=berlin(2026, 2, 2, hour))
    assert list(SlaMonth.select(SlaMonth.scope, SlaMonth.month, SlaMonth.generation).tuples()) == (
        generations
    )
    assert JANUARY in stored_months(company_id)
    assert build(app, company_id) == live_report(app, company_id, JANUARY)


def test_figures_computed_while_a_record_came_in_are_not_stored(app, month, company_a):
    with app.app_context():
        [kept] = months.kept(company_a.id, [JANUARY], JANUARY).values()
        figures = report_service.compute_month(company_a.id, JANUARY)
        # meanwhile a record dated in January is written (a backdated outcome, say)
        late = berlin(2026, 3, 1, 9)
        months.recorded(company_a.id, berlin(2026, 1, 15, 9), late, at=berlin(2026, 1, 15, 10))
        months.store(company_a.id, figures, kept.generation)
        assert months.kept(company_a.id, [JANUARY], JANUARY)[JANUARY].trend is None
        months.store(company_a.id, figures, kept.generation + 1)  # read after the record
        assert months.kept(company_a.id, [JANUARY], JANUARY)[JANUARY].figures is not None


def test_figures_of_another_basis_are_computed_again(app, month, company_a):
    build(app, company_a.id)
    SlaMonth.update(basis="1:old-service-hours", tickets=99).execute()
    assert build(app, company_a.id) == live_report(app, company_a.id, JANUARY)
    assert {row.basis for row in SlaMonth.select()} != {"1:old-service-hours"}


def test_the_hourly_job_stores_the_closed_months_once(app, month, company_a, company_b, staff):
    huey = MemoryHuey(immediate=True)
    task = tasks.register(huey)
    assert [t.name for t in huey.read_periodic(dt.datetime(2026, 3, 3, 10, 23))] == [
        tasks.TASK_NAME
    ]
    set_clock(app, berlin(2026, 2, 10, 3))
    with app.app_context():
        # August to January for the overview and both companies with tickets in them
        assert report_service.keep_closed_months() == 3 * 6
        assert report_service.keep_closed_months() == 0
        with app.test_request_context():
            make_ticket(app, staff, company=company_b, reported_at=berlin(2026, 1, 9, 9))
        assert report_service.keep_closed_months() == 2  # January of company B and overview
        assert task.call_local() == 0
    assert stored_months(company_b.id) == AUGUST_TO_JANUARY
    assert build(app, company_b.id) == live_report(app, company_b.id, JANUARY)
