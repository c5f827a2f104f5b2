"""The SLA clock stands still while a ticket waits for the customer (portal/sla/pause.py):
hand-checked cases, properties, and the pauses the ticket services store."""

import datetime as dt
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.sla.calendar import BERLIN, extended_calendar, service_calendar
from portal.sla.pause import Pause, due_after_pause, due_after_pauses, share_used
from portal.sla.queue import sort_queue
from portal.tickets import queries, service
from portal.tickets.models import Ticket, TicketPause
from tests.ticket_factory import make_ticket, queue_entry

SERVICE = service_calendar()
EXTENDED = extended_calendar()


def berlin(month, day, hour, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


# (case, calendar, due, pauses, expected due). Service hours Mon-Fri 07-19, Sat 08-18.
CASES = [
    (
        # Fri 17-19 (2 h), Sat 08-18 (10 h), Mon 07-08 (1 h): 13 h; Mon 10:00 + 9 h = 19:00,
        # then Tue 07:00 + 4 h
        "over a weekend",
        SERVICE,
        berlin(1, 12, 10),
        [Pause(berlin(1, 9, 17), berlin(1, 12, 8))],
        berlin(1, 13, 11),
    ),
    (
        # Wed 18-19 (1 h), Thu 4.6. Fronleichnam closed, Fri 07-08 (1 h): 2 h
        "over a holiday",
        SERVICE,
        berlin(6, 5, 12),
        [Pause(berlin(6, 3, 18), berlin(6, 5, 8))],
        berlin(6, 5, 14),
    ),
    (
        # contract critical, extended calendar (all hours count): 22:30 to 07:30 is 9 h
        "contract critical overnight",
        EXTENDED,
        berlin(1, 14, 6),
        [Pause(berlin(1, 13, 22, 30), berlin(1, 14, 7, 30))],
        berlin(1, 14, 15),
    ),
    (
        # Mon 09-10 (1 h): due 13:00; Tue 18-19 + Wed 07-08 (2 h): due 15:00
        "several pauses",
        SERVICE,
        berlin(1, 14, 12),
        [
            Pause(berlin(1, 13, 18), berlin(1, 14, 8)),
            Pause(berlin(1, 12, 9), berlin(1, 12, 10)),
        ],
        berlin(1, 14, 15),
    ),
    (
        # the due time falls inside the pause: 1 h was left at 09:00, so 1 h after 11:00
        "due time inside the pause",
        SERVICE,
        berlin(1, 12, 10),
        [Pause(berlin(1, 12, 9), berlin(1, 12, 11))],
        berlin(1, 12, 12),
    ),
    (
        "a pause that begins after the due time (already missed) moves nothing",
        SERVICE,
        berlin(1, 12, 10),
        [Pause(berlin(1, 12, 11), berlin(1, 12, 15))],
        berlin(1, 12, 10),
    ),
    (
        # Saturday evening to Sunday: no open time in the service calendar
        "a pause outside service hours moves nothing, even a due time at closing time",
        SERVICE,
        berlin(1, 9, 19),
        [Pause(berlin(1, 10, 19), berlin(1, 11, 20))],
        berlin(1, 9, 19),
    ),
    (
        "a pause still running moves nothing yet",
        SERVICE,
        berlin(1, 12, 10),
        [Pause(berlin(1, 12, 9))],
        berlin(1, 12, 10),
    ),
]


@pytest.mark.parametrize(
    ("calendar", "due", "pauses", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_pauses_move_the_due_time_by_the_paused_open_time(calendar, due, pauses, expected):
    assert due_after_pauses(due, pauses, calendar) == expected


def test_a_pause_before_the_first_response_moves_both_due_times():
    # normal, contract, reported Mon 12.1. 08:00: response due 12:00, resolution Tue 14:00
    pause = Pause(berlin(1, 12, 9), berlin(1, 12, 10, 30))
    assert due_after_pause(berlin(1, 12, 12), pause, SERVICE) == berlin(1, 12, 13, 30)
    assert due_after_pause(berlin(1, 13, 14), pause, SERVICE) == berlin(1, 13, 15, 30)


def test_share_used_leaves_out_the_paused_time():
    # 4 h target from Mon 08:00, paused 09-10: due 13:00; at 11:00, 2 h of 4 are used
    pause = Pause(berlin(1, 12, 9), berlin(1, 12, 10))
    assert (
        share_used(berlin(1, 12, 8), berlin(1, 12, 13), berlin(1, 12, 11), [pause], SERVICE) == 0.5
    )


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(BERLIN)
).map(lambda moment: moment.astimezone(dt.UTC))
lengths = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))
calendars = st.sampled_from([SERVICE, EXTENDED])


@settings(max_examples=150, deadline=None)
@given(due=moments, start=moments, length=lengths, calendar=calendars)
def test_a_pause_never_makes_a_due_time_earlier(due, start, length, calendar):
    moved = due_after_pause(due, Pause(start, start + length), calendar)
    assert moved >= due


@settings(max_examples=150, deadline=None)
@given(due=moments, start=moments, length=lengths, calendar=calendars)
def test_the_time_left_when_a_pause_began_is_left_when_it_ends(due, start, length, calendar):
    end = start + length
    moved = due_after_pause(due, Pause(start, end), calendar)
    if start < due and calendar.open_time_between(start, end) > timedelta(0):
        assert calendar.open_time_between(end, moved) == calendar.open_time_between(start, due)


@settings(max_examples=150, deadline=None)
@given(due=moments, start=moments, calendar=calendars)
def test_a_pause_of_zero_length_changes_nothing(due, start, calendar):
    assert due_after_pause(due, Pause(start, start), calendar) == due


# --- the services store pauses and move the stored due times ------------------------------

MONDAY_0800 = berlin(1, 12, 8).astimezone(dt.UTC)


def wait(app, ticket, staff, when):
    with app.test_request_context():
        service.change_ticket(ticket, staff, {"status": "waiting_for_customer"}, now=when)


def stored(ticket):
    return Ticket.get_by_id(ticket.id)


def test_a_customer_answer_ends_the_pause_and_moves_the_resolution_due(app, customer_a, staff):
    # normal, contract: response due Mon 12:00; resolution 24 h: Mon 11 h, Tue 12 h, Wed 08:00
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    assert ticket.resolution_due == berlin(1, 14, 8)
    wait(app, ticket, staff, berlin(1, 12, 9))
    waiting = stored(ticket)
    assert waiting.paused_rank == 1 and waiting.first_response_at == berlin(1, 12, 9)
    with app.test_request_context():
        service.add_message(waiting, customer_a, "Hier die Angaben.", now=berlin(1, 12, 11))
    answered = stored(ticket)
    assert answered.status == "in_progress" and answered.paused_rank == 0
    # the first response was given at 09:00: its due time stays; resolution moves by 2 h
    assert answered.response_due == berlin(1, 12, 12)
    assert answered.resolution_due == berlin(1, 14, 10)
    assert answered.queue_due == berlin(1, 14, 10)
    pauses = [(p.started_at, p.ended_at) for p in TicketPause.select()]
    assert pauses == [(berlin(1, 12, 9), berlin(1, 12, 11))]


def test_a_pause_ended_by_staff_moves_the_resolution_due(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    wait(app, ticket, staff, berlin(1, 12, 9))
    with app.test_request_context():
        service.change_ticket(
            stored(ticket), staff, {"status": "in_progress"}, now=berlin(1, 13, 9)
        )
    # paused Mon 09-19 and Tue 07-09: 12 h; Wed 08:00 + 12 h = Wed 19:00 (11 h) + Thu 1 h
    assert stored(ticket).resolution_due == berlin(1, 15, 8)


def test_a_new_class_keeps_the_pauses_so_far(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    wait(app, ticket, staff, berlin(1, 12, 9))
    with app.test_request_context():
        service.change_ticket(
            stored(ticket), staff, {"status": "in_progress"}, now=berlin(1, 12, 10)
        )
        service.change_ticket(
            stored(ticket),
            staff,
            {"priority": "low"},
            reason="nur eine Frage",
            now=berlin(1, 12, 11),
        )
    # low, contract, 60 h from Mon 08:00: Mon 11, Tue 12, Wed 12, Thu 12, Fri 12 = 59 h, so
    # Sat 08:00 + 1 h = 09:00; plus the hour paused on Monday: Sat 10:00
    assert stored(ticket).resolution_due == berlin(1, 17, 10)


def test_the_stored_queue_order_equals_sort_queue_with_pauses(app, customer_a, customer_b, staff):
    tickets = [
        make_ticket(app, customer, priority=priority, now=MONDAY_0800 + timedelta(minutes=i))
        for i, (customer, priority) in enumerate(
            [(customer_a, "normal"), (customer_b, "normal"), (customer_a, "low"),
             (customer_a, "normal"), (customer_b, "critical")]
        )
    ]  # fmt: skip
    wait(app, tickets[0], staff, berlin(1, 12, 9))
    with app.test_request_context():
        service.add_message(stored(tickets[3]), staff, "Wir sind dran.", now=berlin(1, 12, 9))
    rows = list(queries.open_tickets(Ticket.select()).order_by(*queries.queue_order()))
    entries = [
        queue_entry(
            row,
            resolution_due=row.resolution_due,
            first_response_at=row.first_response_at,
            paused=row.status == "waiting_for_customer",
        )
        for row in rows
    ]
    assert [e.ticket_id for e in sort_queue(entries)] == [row.id for row in rows]
    assert rows[-1].id == tickets[0].id  # the paused ticket comes last


# --- what the page and the API show --------------------------------------------------------


def test_the_page_shows_both_targets_and_the_pause(app, customer_a, staff, client_a):
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    wait(app, ticket, staff, berlin(1, 12, 9))
    page = client_a.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Pausiert seit Mo., 12.01.2026, 09:00, wir warten auf Ihre Rückmeldung." in page
    assert "Erste Rückmeldung" in page and "Lösung" in page and "erfüllt" in page


def test_the_api_exposes_both_due_times_the_pauses_and_the_outcome(
    app, customer_a, staff, client_a
):
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    wait(app, ticket, staff, berlin(1, 12, 9))
    data = client_a.get(f"/api/v1/tickets/{ticket.number}").get_json()
    assert data["resolution_due"] == "2026-01-14T07:00:00+00:00"
    assert data["sla"]["response"]["outcome"] == "met"
    assert data["sla"]["resolution"]["outcome"] in ("paused", "overdue")
    assert data["pauses"] == [{"started_at": "2026-01-12T08:00:00+00:00", "ended_at": None}]


def test_the_api_document_lists_the_outcomes_and_target_kinds(client, db):
    from portal.sla.outcome import OUTCOMES
    from portal.sla.targets import TARGET_KINDS

    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert schemas["SlaTarget"]["properties"]["outcome"]["enum"] == list(OUTCOMES)
    assert sorted(schemas["Ticket"]["properties"]["sla"]["properties"]) == sorted(TARGET_KINDS)


def test_the_queue_shows_paused_tickets_apart_after_the_running_ones(
    app, customer_a, staff, staff_client
):
    paused = make_ticket(app, customer_a, priority="critical", title="Server steht")
    make_ticket(app, customer_a, priority="low", title="Frage zum Drucker")
    with app.test_request_context():
        service.change_ticket(paused, staff, {"status": "waiting_for_customer"})
    page = staff_client.get("/warteschlange").get_data(as_text=True)
    heading = page.index("Pausiert – wir warten auf die Rückmeldung des Kunden")
    assert page.index("Frage zum Drucker") < heading < page.index("Server steht")
    assert page.count("queue-paused-heading") == 1 and page.count('class="is-paused"') == 1
    paused_row = page[page.index('class="is-paused"') :]
    row_end = paused_row.index("</tr>")
    assert paused_row.index("Server steht") < paused_row.index("· pausiert") < row_end
