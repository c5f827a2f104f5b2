"""Sharing a ticket with a colleague: who may, with whom, and the history event it leaves.

Where a company keeps its tickets apart (Company.colleagues_see_all off), a colleague sees a
ticket shared with them (queries.tickets_visible_to) and gets its mails like the reporter.
The page and the API call these functions; the caller has already found the ticket through
the scoping rule, so another company's ticket never reaches here.
"""

from __future__ import annotations

import datetime as dt

import peewee
from flask_babel import gettext as _

from portal.db import database, utcnow
from portal.models import User
from portal.tickets import notify, service
from portal.tickets.models import Ticket, TicketShare


class ShareError(Exception):
    """A refused share: ``status`` 403 (the actor may not share) or 422 (not that person)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def may_share(user: User, ticket: Ticket) -> bool:
    """Staff, the company's contacts, and the ticket's reporter or creator share and unshare."""
    if user.is_staff:
        return True
    if user.company_id != ticket.company_id:
        return False
    return bool(user.is_contact or user.id in (ticket.reporter_id, ticket.created_by_id))


def shows_sharing(ticket: Ticket) -> bool:
    """The form is offered only where sharing changes something: the company keeps tickets
    apart. (The API still accepts a share elsewhere; it takes effect if the company switches.)"""
    return not ticket.company.colleagues_see_all


def page_view(ticket: Ticket, viewer: User) -> dict:
    """What the ticket page's "Geteilt mit" shows: the people (all who see the ticket see
    them), whether the viewer may share, and the colleagues offered (only where the company
    keeps tickets apart: elsewhere every colleague sees the ticket anyway; and to customers:
    staff share through the API and remove shares on the page). At most one query: none for
    a ticket shared with nobody where nothing is offered (staff's page keeps its budget)."""
    allowed = may_share(viewer, ticket)
    offer = allowed and not viewer.is_staff and shows_sharing(ticket)
    if offer:
        people, offered = _people_and_candidates(ticket)
    else:
        people, offered = shared_with(ticket), []
    return {"people": people, "may_share": allowed, "offering": offer, "offered": offered}


def shared_with(ticket: Ticket) -> list[User]:
    """The people the ticket is shared with, by name: one query, none if a ticket read by
    queries.ticket_for is shared with nobody (its share_count)."""
    if getattr(ticket, "share_count", None) == 0:
        return []
    return list(
        User.select()
        .join(TicketShare, on=(TicketShare.user == User.id))
        .where(TicketShare.ticket == ticket.id)
        .order_by(User.name, User.id)
    )


def _people_and_candidates(ticket: Ticket) -> tuple[list[User], list[User]]:
    """One query over the company's customers: those the ticket is shared with, and the
    active ones who do not see it yet (not the reporter or creator, not a contact, who sees
    every ticket, not shared with already)."""
    share = TicketShare.alias()
    rows = (
        User.select(User, share.id.alias("share_id"))
        .join(
            share,
            peewee.JOIN.LEFT_OUTER,
            on=(share.user == User.id) & (share.ticket == ticket.id),
        )
        .where(User.company == ticket.company_id, User.role == "customer")
        .order_by(User.name, User.id)
        .objects()  # share_id on the User rows themselves
    )
    people, offered = [], []
    sees_it = {ticket.reporter_id, ticket.created_by_id}
    for user in rows:
        if user.share_id is not None:
            people.append(user)
        elif user.active and not user.is_contact and user.id not in sees_it:
            offered.append(user)
    return people, offered


def candidates(ticket: Ticket) -> list[User]:
    """The colleagues the ticket can be shared with from its page."""
    return _people_and_candidates(ticket)[1]


def colleague_by_email(ticket: Ticket, email: str) -> User:
    """The active customer of the ticket's company with this address, else ShareError 422
    (the same answer for an unknown address and another company's: nothing is told)."""
    user = User.by_email(email.strip()) if email and email.strip() else None
    if user is None or user.is_staff or user.company_id != ticket.company_id or not user.active:
        raise ShareError(422, _("Mit dieser Adresse gibt es keinen aktiven Kollegen der Firma."))
    return user


def _check(actor: User, ticket: Ticket) -> None:
    if not may_share(actor, ticket):
        raise ShareError(
            403,
            _("Teilen dürfen nur der Melder, die Ansprechpartner der Firma und das Service-Team."),
        )


def share(ticket: Ticket, actor: User, colleague: User, now: dt.datetime | None = None) -> bool:
    """Share with ``colleague`` (an active customer of the ticket's company); True if new, False
    if it was shared with them already (nothing written). One transaction: the share, the
    public history event and the mail to the colleague."""
    _check(actor, ticket)
    if colleague.is_staff or colleague.company_id != ticket.company_id or not colleague.active:
        raise ShareError(422, _("Mit dieser Adresse gibt es keinen aktiven Kollegen der Firma."))
    now = now or utcnow()
    try:
        with database.atomic():
            TicketShare.create(ticket=ticket, user=colleague, shared_by=actor, created_at=now)
            service.record_event(
                ticket, actor, "shared", None, colleague.name, now=now, public=True
            )
            notify.deliver(notify.shared_with(ticket, colleague, actor))
    except peewee.IntegrityError:  # shared already (also by a parallel request)
        return False
    _count(ticket, +1)
    return True


def unshare(ticket: Ticket, actor: User, colleague: User, now: dt.datetime | None = None) -> bool:
    """End the share with ``colleague``; False if the ticket was not shared with them."""
    _check(actor, ticket)
    now = now or utcnow()
    with database.atomic():
        removed = (
            TicketShare.delete()
            .where(TicketShare.ticket == ticket.id, TicketShare.user == colleague.id)
            .execute()
        )
        if removed:
            service.record_event(
                ticket, actor, "unshared", colleague.name, None, now=now, public=True
            )
    _count(ticket, -removed)
    return bool(removed)


def _count(ticket: Ticket, change: int) -> None:
    """Keep share_count (read with the ticket) true after a change, for shared_with."""
    if getattr(ticket, "share_count", None) is not None:
        ticket.share_count += change
