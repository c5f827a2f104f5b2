"""The staff queue order the SLA page promises, as a sort key and as ranks for SQL ORDER BY."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol, TypeVar

from portal.sla.calendar import as_utc
from portal.sla.targets import NORMAL, PRIORITIES, as_priority

PRIORITY_RANK: dict[str, int] = {priority.value: rank for rank, priority in enumerate(PRIORITIES)}
CONTRACT_RANK: dict[bool, int] = {True: 0, False: 1}
URGENT, PLAIN, RELAXED = 0, 1, 2
URGENCY_RANK: dict[str, int] = {"urgent": URGENT, "plain": PLAIN, "relaxed": RELAXED}


class QueueRanks(NamedTuple):
    """The integer part of the sort key; the ticket table stores it so an index can serve it."""

    priority_rank: int
    contract_rank: int
    urgency_rank: int


class QueueKey(NamedTuple):
    """Sort key of one ticket; fields in the order they decide, smaller comes first."""

    paused_rank: int
    priority_rank: int
    contract_rank: int
    urgency_rank: int
    due: datetime
    reported_at: datetime
    ticket_id: int


# The same order for SQL, one ORDER BY term per field, all ascending: paused_rank and the
# three ranks of queue_ranks() are stored with each ticket (kept current whenever status,
# class, flags or the company's contract change), then the earlier open due time (stored as
# queue_due), reported_at, id. An index on exactly these columns lets the database read the
# queue in order instead of sorting every open ticket.
QUEUE_ORDER: tuple[str, ...] = QueueKey._fields
RUNNING, PAUSED = 0, 1


class Queueable(Protocol):
    """What the queue needs to know of a ticket; QueueEntry is the plain-value adapter."""

    priority: str
    has_contract: bool
    urgent: bool
    relaxed: bool
    response_due: datetime
    reported_at: datetime
    ticket_id: int
    # optional (QueueEntry has defaults): the SLA clock's second target and the pause
    resolution_due: datetime | None
    first_response_at: datetime | None
    paused: bool


@dataclass(frozen=True)
class QueueEntry:
    """A ticket as the queue sees it; callers build it from a model row or a dict."""

    priority: str
    has_contract: bool
    response_due: datetime
    reported_at: datetime
    urgent: bool = False
    relaxed: bool = False
    ticket_id: int = 0
    resolution_due: datetime | None = None
    first_response_at: datetime | None = None
    paused: bool = False


def open_due(
    response_due: datetime, first_response_at: datetime | None, resolution_due: datetime | None
) -> datetime:
    """The earlier due time of the targets still open: the first response until it is given,
    then the resolution (response_due alone for tickets without a resolution_due)."""
    candidates = [as_utc(resolution_due)] if resolution_due is not None else []
    if first_response_at is None or not candidates:
        candidates.append(as_utc(response_due))
    return min(candidates)


def urgency_rank(priority: str, urgent: bool, relaxed: bool) -> int:
    """Urgent (normal tickets only) before plain before relaxed ("nicht dringend").

    Urgency is a request for faster help, so it wins if a ticket somehow carries both flags;
    on critical and low tickets it is ignored, as the SLA page offers it only for "normal".
    """
    if urgent and priority == NORMAL:
        return URGENT
    return RELAXED if relaxed else PLAIN


def queue_ranks(priority: str, has_contract: bool, urgent: bool, relaxed: bool) -> QueueRanks:
    """Class, contract before none, urgent/plain/relaxed: the ranks stored with a ticket."""
    return QueueRanks(
        priority_rank=PRIORITY_RANK[as_priority(priority)],
        contract_rank=CONTRACT_RANK[bool(has_contract)],
        urgency_rank=urgency_rank(priority, urgent, relaxed),
    )


def queue_key(entry: Queueable) -> QueueKey:
    """Sort key: running before paused; then class, contract before none, urgent/plain/relaxed,
    the earlier open due time, reported_at.

    Relaxation sorts within class and contract group, because the SLA page serves contract
    customers "stets vor den Kunden ... ohne Vertrag". Paused tickets (waiting for the
    customer) come after every running one: nobody can work them until the customer answers.
    Datetimes compare as UTC instants.
    """
    return QueueKey(
        PAUSED if getattr(entry, "paused", False) else RUNNING,
        *queue_ranks(entry.priority, entry.has_contract, entry.urgent, entry.relaxed),
        due=open_due(
            entry.response_due,
            getattr(entry, "first_response_at", None),
            getattr(entry, "resolution_due", None),
        ),
        reported_at=as_utc(entry.reported_at),
        ticket_id=entry.ticket_id,
    )


QueueableT = TypeVar("QueueableT", bound=Queueable)


def sort_queue(entries: Iterable[QueueableT]) -> list[QueueableT]:
    """The entries in the order staff work them."""
    return sorted(entries, key=queue_key)
