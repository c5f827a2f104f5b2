"""The staff queue order (portal/sla/queue.py): cases from PRODUCT.md and order properties."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.sla.calendar import BERLIN
from portal.sla.queue import (
    PRIORITY_RANK,
    QUEUE_ORDER,
    QueueEntry,
    queue_key,
    sort_queue,
    urgency_rank,
)
from portal.sla.targets import PRIORITIES

NOON = datetime(2026, 1, 12, 12, tzinfo=UTC)


def entry(ticket_id, priority="normal", contract=True, due=0, reported=0, **flags):
    """A queue entry whose response_due and reported_at are given in hours after noon."""
    return QueueEntry(
        priority=priority,
        has_contract=contract,
        response_due=NOON + timedelta(hours=due),
        reported_at=NOON + timedelta(hours=reported),
        ticket_id=ticket_id,
        **flags,
    )


# Each case lists entries in the expected queue order; the test sorts them reversed.
QUEUE_CASES = [
    pytest.param(
        [entry(1, "critical", contract=False, due=9), entry(2, "low", due=-5, urgent=True)],
        id="class-first-even-against-earlier-due",
    ),
    pytest.param(
        [entry(1, "critical", due=3), entry(2, "normal", due=1), entry(3, "low", due=0)],
        id="critical-normal-low",
    ),
    pytest.param(
        [entry(1, contract=True, due=5), entry(2, contract=False, due=1)],
        id="contract-before-no-contract",
    ),
    pytest.param(
        [entry(1, due=5, urgent=True), entry(2, due=1)],
        id="urgent-normal-before-earlier-plain-normal",
    ),
    pytest.param(
        [entry(1, contract=True, due=5), entry(2, contract=False, due=1, urgent=True)],
        id="contract-before-urgent-without-contract",
    ),
    pytest.param(
        [entry(1, "low", due=1), entry(2, "low", due=5, urgent=True)],
        id="urgent-ignored-for-low",
    ),
    pytest.param(
        [entry(1, "critical", due=1), entry(2, "critical", due=5, urgent=True)],
        id="urgent-ignored-for-critical",
    ),
    pytest.param(
        [entry(1, due=5), entry(2, due=1, relaxed=True)],
        id="relaxed-behind-plain-despite-earlier-due",
    ),
    pytest.param(
        [entry(1, contract=True, due=5, relaxed=True), entry(2, contract=False, due=1)],
        id="relaxed-contract-still-before-no-contract",
    ),
    pytest.param(
        [entry(1, "normal", due=50, relaxed=True), entry(2, "low", due=1)],
        id="relaxed-normal-still-before-low",
    ),
    pytest.param(
        [entry(1, due=9, urgent=True, relaxed=True), entry(2, due=1)],
        id="urgent-wins-over-relaxed",
    ),
    pytest.param(
        [entry(1, due=2, reported=-3), entry(2, due=2, reported=-1), entry(3, due=3, reported=-9)],
        id="same-due-earlier-reported-first",
    ),
    pytest.param(
        [entry(1, due=2, reported=-3), entry(2, due=2, reported=-3)],
        id="full-tie-by-ticket-id",
    ),
    pytest.param(
        [
            entry(1, "critical", contract=True, due=1),
            entry(2, "critical", contract=False, due=0),
            entry(3, "normal", contract=True, due=6, urgent=True),
            entry(4, "normal", contract=True, due=2),
            entry(5, "normal", contract=True, due=4),
            entry(6, "normal", contract=True, due=1, relaxed=True),
            entry(7, "normal", contract=False, due=3, urgent=True),
            entry(8, "normal", contract=False, due=1),
            entry(9, "low", contract=True, due=8),
            entry(10, "low", contract=False, due=2),
            entry(11, "low", contract=False, due=1, relaxed=True),
        ],
        id="a-mixed-morning",
    ),
]


@pytest.mark.parametrize("expected", QUEUE_CASES)
def test_queue_order_follows_the_sla_page(expected):
    assert sort_queue(reversed(expected)) == expected


def test_due_times_compare_as_instants_across_time_zones_and_dst():
    # 25.10.2026: the first 02:30 (CEST, 00:30 UTC) comes before the second (CET, 01:30 UTC),
    # and 01:00 UTC sits between them.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    between = datetime(2026, 10, 25, 1, tzinfo=UTC)
    entries = [
        QueueEntry("normal", True, response_due=due, reported_at=NOON, ticket_id=ticket_id)
        for ticket_id, due in [(3, second), (2, between), (1, first)]
    ]
    assert [e.ticket_id for e in sort_queue(entries)] == [1, 2, 3]


def test_naive_datetimes_are_refused():
    naive = QueueEntry("normal", True, response_due=datetime(2026, 1, 12), reported_at=NOON)
    with pytest.raises(ValueError, match="aware"):
        queue_key(naive)


def test_unknown_priority_is_refused():
    with pytest.raises(ValueError, match="unknown priority"):
        queue_key(entry(1, "blocker"))


def test_ranks_for_sql_match_the_sort_key():
    assert PRIORITY_RANK == {"critical": 0, "normal": 1, "low": 2}
    assert QUEUE_ORDER == (
        "paused_rank",
        "priority_rank",
        "contract_rank",
        "urgency_rank",
        "due",
        "reported_at",
        "ticket_id",
    )
    assert urgency_rank("normal", urgent=True, relaxed=False) == 0
    assert urgency_rank("low", urgent=True, relaxed=False) == 1
    assert urgency_rank("normal", urgent=False, relaxed=True) == 2


def rule_says_first(a: QueueEntry, b: QueueEntry) -> bool | None:
    """PRODUCT.md's rule read step by step: True if a comes first, None if nothing decides."""
    if a.priority != b.priority:
        return PRIORITIES.index(a.priority) < PRIORITIES.index(b.priority)
    if a.has_contract != b.has_contract:
        return a.has_contract
    a_urgent = a.urgent and a.priority == "normal"
    b_urgent = b.urgent and b.priority == "normal"
    if a_urgent != b_urgent:
        return a_urgent
    a_relaxed = a.relaxed and not a_urgent
    b_relaxed = b.relaxed and not b_urgent
    if a_relaxed != b_relaxed:
        return b_relaxed
    if a.response_due != b.response_due:
        return a.response_due < b.response_due
    if a.reported_at != b.reported_at:
        return a.reported_at < b.reported_at
    if a.ticket_id != b.ticket_id:
        return a.ticket_id < b.ticket_id
    return None


# Few distinct hours so that ties on every field happen often.
hours = st.integers(min_value=-3, max_value=3).map(lambda h: NOON + timedelta(hours=h))
entries = st.builds(
    QueueEntry,
    priority=st.sampled_from(["critical", "normal", "low"]),
    has_contract=st.booleans(),
    response_due=hours,
    reported_at=hours,
    urgent=st.booleans(),
    relaxed=st.booleans(),
    ticket_id=st.integers(min_value=1, max_value=3),
)


@given(a=entries, b=entries)
def test_queue_key_agrees_with_the_rule_read_step_by_step(a, b):
    first = rule_says_first(a, b)
    if first is None:
        assert queue_key(a) == queue_key(b)
    else:
        assert (queue_key(a) < queue_key(b)) is first
        assert (queue_key(b) < queue_key(a)) is not first


def with_distinct_ids(tickets):
    # Distinct ticket ids, as in the database, make every pair decidable.
    return [replace(ticket, ticket_id=number) for number, ticket in enumerate(tickets)]


@given(st.lists(entries, max_size=12).map(with_distinct_ids).flatmap(st.permutations))
def test_the_queue_does_not_depend_on_the_input_order(tickets):
    in_queue = sort_queue(tickets)
    assert in_queue == sort_queue(sorted(tickets, key=lambda ticket: ticket.ticket_id))
    for earlier, later in zip(in_queue, in_queue[1:], strict=False):
        assert rule_says_first(earlier, later) is True
