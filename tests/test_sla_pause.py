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


def berlin(moment: str) -> datetime:
    """'12.1. 10:00', a moment in 2026 written as the comments write it, in Berlin time."""
    return datetime.strptime(f"{moment} 2026", "%d.%m. %H:%M %Y").replace(tzinfo=BERLIN)


# case: (due, pauses, expected due) in the service calendar, times in Berlin 2026. Service
# hours Mon-Fri 07-19, Sat 08-18.
CASES = {
    # Fri 17-19 (2 h), Sat 08-18 (10 h), Mon 07-08 (1 h): 13 h; Mon 10:00 + 9 h = 19:00,
    # then Tue 07:00 + 4 h
    "over a weekend": ("12.1. 10:00", [("9.1. 17:00", "12.1. 08:00")], "13.1. 11:00"),
    # Wed 18-19 (1 h), Thu 4.6. Fronleichnam closed, Fri 07-08 (1 h): 2 h
    "over a holiday": ("5.6. 12:00", [("3.6. 18:00", "5.6. 08:00")], "5.6. 14:00"),
    # Mon 09-10 (1 h): due 13:00; Tue 18-19 + Wed 07-08 (2 h): due 15:00
    "several pauses": (
        "14.1. 12:00",
        [("13.1. 18:00", "14.1. 08:00"), ("12.1. 09:00", "12.1. 10:00")],
        "14.1. 15:00",
    ),
    # the due time falls inside the pause: 1 h was left at 09:00, so 1 h after 11:00
    "due time inside the pause": ("12.1. 10:00", [("12.1. 09:00", "12.1. 11:00")], "12.1. 12:00"),
    "a pause that begins after the due time (already missed) moves nothing": (
        "12.1. 10:00",
        [("12.1. 11:00", "12.1. 15:00")],
        "12.1. 10:00",
    ),
    # Saturday evening to Sunday: no open time in the service calendar
    "a pause outside service hours moves nothing, even a due time at closing time": (
        "9.1. 19:00",
        [("10.1. 19:00", "11.1. 20:00")],
        "9.1. 19:00",
    ),
    "a pause still running moves nothing yet": ("12.1. 10:00", [("12.1. 09:00",)], "12.1. 10:00"),
}


@pytest.mark.parametrize(("due", "pauses", "expected"), CASES.values(), ids=list(CASES))
def test_pauses_move_the_due_time_by_the_paused_open_time(due, pauses, expected):
    paused = [Pause(*map(berlin, times)) for times in pauses]
    assert due_after_pauses(berlin(due), paused, SERVICE) == berlin(expected)


def test_in_the_extended_calendar_every_paused_hour_counts():
    # contract critical, extended calendar (all hours count): 22:30 to 07:30 is 9 h
    pause = Pause(berlin("13.1. 22:30"), berlin("14.1. 07:30"))
    assert due_after_pauses(berlin("14.1. 06:00"), [pause], EXTENDED) == berlin("14.1. 15:00")


def test_a_pause_before_the_first_response_moves_both_due_times():
    # normal, contract, reported Mon 12.1. 08:00: response due 12:00, resolution Tue 14:00
    pause = Pause(berlin("12.1. 09:00"), berlin("12.1. 10:30"))
    assert due_after_pause(berlin("12.1. 12:00"), pause, SERVICE) == berlin("12.1. 13:30")
    assert due_after_pause(berlin("13.1. 14:00"), pause, SERVICE) == berlin("13.1. 15:30")


def test_share_used_leaves_out_the_paused_time():
    # 4 h target from Mon 08:00, paused 09-10: due 13:00; at 11:00, 2 h of 4 are used
    pause = Pause(berlin("12.1. 09:00"), berlin("12.1. 10:00"))
    assert (
        share_used(
            berlin("12.1. 08:00"), berlin("12.1. 13:00"), berlin("12.1. 11:00"), [pause], SERVICE
        )
        == 0.5
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

MONDAY_0800 = berlin("12.1. 08:00").astimezone(dt.UTC)


def stored(ticket):
    return Ticket.get_by_id(ticket.id)


def change(app, ticket, staff, when, reason="", **changes):
    """Staff change the stored ticket at `when`, as the ticket page does."""
    with app.test_request_context():
        service.change_ticket(stored(ticket), staff, changes, reason=reason, now=when)


def wait(app, ticket, staff, when):
    change(app, ticket, staff, when, status="waiting_for_customer")


@pytest.fixture
def waiting(app, customer_a, staff) -> Ticket:
    """Customer A's normal ticket, reported Mon 12.1. 08:00, that staff set waiting for the
    customer at 09:00: the object reporting returned (`stored()` reads the ticket as it is)."""
    ticket = make_ticket(app, customer_a, priority="normal", now=MONDAY_0800)
    wait(app, ticket, staff, berlin("12.1. 09:00"))
    return ticket


def test_a_customer_answer_ends_the_pause_and_moves_the_resolution_due(app, customer_a, waiting):
    # normal, contract: response due Mon 12:00; resolution 24 h: Mon 11 h, Tue 12 h, Wed 08:00
    assert waiting.resolution_due == berlin("14.1. 08:00")
    paused = stored(waiting)
    assert paused.paused_rank == 1 and paused.first_response_at == berlin("12.1. 09:00")
    with app.test_request_context():
        service.add_message(paused, customer_a, "Hier die Angaben.", now=berlin("12.1. 11:00"))
    answered = stored(waiting)
    assert answered.status == "in_progress" and answered.paused_rank == 0
    # the first response was given at 09:00: its due time stays; resolution moves by 2 h
    assert answered.response_due == berlin("12.1. 12:00")
    assert answered.resolution_due == berlin("14.1. 10:00")
    assert answered.queue_due == berlin("14.1. 10:00")
    pauses = [(p.started_at, p.ended_at) for p in TicketPause.select()]
    assert pauses == [(berlin("12.1. 09:00"), berlin("12.1. 11:00"))]


def test_a_pause_ended_by_staff_moves_the_resolution_due(app, staff, waiting):
    change(app, waiting, staff, berlin("13.1. 09:00"), status="in_progress")
    # paused Mon 09-19 and Tue 07-09: 12 h; Wed 08:00 + 12 h = Wed 19:00 (11 h) + Thu 1 h
    assert stored(waiting).resolution_due == berlin("15.1. 08:00")


def test_a_new_class_keeps_the_pauses_so_far(app, staff, waiting):
    change(app, waiting, staff, berlin("12.1. 10:00"), status="in_progress")
    change(app, waiting, staff, berlin("12.1. 11:00"), priority="low", reason="nur eine Frage")
    # low, contract, 60 h from Mon 08:00: Mon 11, Tue 12, Wed 12, Thu 12, Fri 12 = 59 h, so
    # Sat 08:00 + 1 h = 09:00; plus the hour paused on Monday: Sat 10:00
    assert stored(waiting).resolution_due == berlin("17.1. 10:00")


def test_the_stored_queue_order_equals_sort_queue_with_pauses(app, customer_a, customer_b, staff):
    tickets = [
        make_ticket(app, customer, priority=priority, now=MONDAY_0800 + timedelta(minutes=i))
        for i, (customer, priority) in enumerate(
            [(customer_a, "normal"), (customer_b, "normal"), (customer_a, "low"),
             (customer_a, "normal"), (customer_b, "critical")]
        )
    ]  # fmt: skip
    wait(app, tickets[0], staff, berlin("12.1. 09:00"))
    with app.test_request_context():
        service.add_message(stored(tickets[3]), staff, "Wir sind dran.", now=berlin("12.1. 09:00"))
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


def test_the_page_shows_both_targets_and_the_pause(client_a, waiting):
    page = client_a.get(f"/tickets/{waiting.number}").get_data(as_text=True)
    assert "Pausiert seit Mo., 12.01.2026, 09:00, wir warten auf Ihre Rückmeldung." in page
    assert "Erste Rückmeldung" in page and "Lösung" in page and "erfüllt" in page


def test_the_api_exposes_both_due_times_the_pauses_and_the_outcome(client_a, waiting):
    data = client_a.get(f"/api/v1/tickets/{waiting.number}").get_json()
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
