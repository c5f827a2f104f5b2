"""The periodic job that watches the SLA clock: a warning when a ticket has used a share
(SLA_WARNING_SHARE, 75 %) of an open target's time, and a breach when the target is missed.

Each is sent once per ticket, target and level (the unique sla_notice row decides, so two
workers never send twice), never for a paused or resolved ticket, recorded in the ticket's
staff-only history and mailed to the assignee (else the support address) via the outbox.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import peewee
from flask import current_app
from flask_babel import gettext as _
from huey import crontab

from portal import clock, jobs, letters, mail, outbox, sla_months
from portal.models import Company, User
from portal.sla.pause import Pause, share_used
from portal.sla.targets import RESOLUTION, RESPONSE, target_for
from portal.tickets.display import due_phrase
from portal.tickets.models import SlaNotice, Ticket, TicketPause
from portal.tickets.rules import PAUSED_STATUS
from portal.tickets.service import record_event, write_transaction

WARNING, BREACH = "warning", "breach"
EVENT_KIND = {WARNING: "sla_warning", BREACH: "sla_breach"}
DEFAULT_WARNING_SHARE = 0.75


def register(huey) -> None:
    @jobs.periodic(huey, crontab(minute="*"), "sla.watch")
    def watch():
        return len(check_targets())


def warning_share() -> float:
    return float(current_app.config.get("SLA_WARNING_SHARE", DEFAULT_WARNING_SHARE))


def check_targets(now: dt.datetime | None = None) -> list[tuple[int, str, str]]:
    """Send what is due now; returns (ticket id, target, level) of each notice sent."""
    now = now or clock.now()
    tickets = _running_tickets()
    if not tickets:
        return []
    ids = [ticket.id for ticket in tickets]
    sent_before = set(
        SlaNotice.select(SlaNotice.ticket, SlaNotice.target, SlaNotice.level)
        .where(SlaNotice.ticket.in_(ids), SlaNotice.level.in_((WARNING, BREACH)))
        .tuples()
    )
    pauses = defaultdict(list)
    for row in TicketPause.select().where(TicketPause.ticket.in_(ids)):
        pauses[row.ticket_id].append(Pause(row.started_at, row.ended_at))
    share = warning_share()
    sent = []
    for ticket in tickets:
        for target, due in _open_targets(ticket):
            level = _level(ticket, target, due, now, pauses[ticket.id], share)
            if level is None or (ticket.id, target, level) in sent_before:
                continue
            if _record(ticket, target, level, due, now):
                sent.append((ticket.id, target, level))
    return sent


def _running_tickets() -> list[Ticket]:
    """Open tickets whose clock runs, with company and assignee (one query)."""
    assignee = User.alias()
    query = (
        Ticket.select(Ticket, Company, assignee)
        .join(Company)
        .switch(Ticket)
        .join(assignee, peewee.JOIN.LEFT_OUTER, on=(Ticket.assignee == assignee.id))
        .where(Ticket.in_queue == True, Ticket.status != PAUSED_STATUS)  # noqa: E712
    )
    return list(query)


def _open_targets(ticket: Ticket):
    if ticket.first_response_at is None:
        yield RESPONSE, ticket.response_due
    if ticket.resolved_at is None and ticket.resolution_due is not None:
        yield RESOLUTION, ticket.resolution_due


def _level(ticket, target, due, now, pauses, share) -> str | None:
    if now >= due:
        return BREACH
    name = target_for(ticket.priority, ticket.company.has_contract, kind=target).calendar_name
    used = share_used(ticket.reported_at, due, now, pauses, clock.calendars()[name])
    return WARNING if used >= share else None


def _still_running(ticket_id: int, target: str) -> bool:
    """Read again inside the write: the ticket may have been answered, paused or solved."""
    row = Ticket.get_or_none(Ticket.id == ticket_id)
    if row is None or not row.is_open or row.status == PAUSED_STATUS:
        return False
    return row.first_response_at is None if target == RESPONSE else row.resolved_at is None


def _record(ticket: Ticket, target: str, level: str, due: dt.datetime, now: dt.datetime) -> bool:
    """Notice, staff-only event and mail in one transaction; False if another worker won."""
    try:
        with write_transaction():
            if not _still_running(ticket.id, target):
                return False
            SlaNotice.create(
                ticket=ticket.id, target=target, level=level, due_at=due, created_at=now
            )
            if level == BREACH:  # noticed late, it still belongs to the month it was due in
                sla_months.recorded(ticket.company_id, due, now)
            # a breach happened at the due time, whenever the job noticed it
            when = due if level == BREACH else now
            record_event(ticket.id, None, EVENT_KIND[level], None, target, now=when, public=False)
            outbox.post([_warning_mail(ticket, target, level, due)])
    except peewee.IntegrityError:
        return False
    return True


def _warning_mail(ticket: Ticket, target: str, level: str, due: dt.datetime) -> mail.Mail:
    """To the assignee while their account is active, else the on-duty address."""

    def compose():
        what = _("die erste Rückmeldung") if target == RESPONSE else _("die Lösung")
        if level == WARNING:
            subject = _(
                "SLA-Warnung: %(share)d %% der Zeit für %(what)s verbraucht",
                share=round(warning_share() * 100),
                what=what,
            )
            first = _("Für %(what)s ist bis %(due)s Uhr zugesagt.", what=what, due=due_phrase(due))
        else:
            subject = _("SLA verfehlt: %(what)s", what=what)
            first = _(
                "Die Zusage für %(what)s (bis %(due)s Uhr) ist verfehlt.",
                what=what,
                due=due_phrase(due),
            )
        link = mail.external_url("tickets.view", number=ticket.number)
        return subject, [first, "", f"{ticket.number}: {ticket.title}", link]

    to, language = letters.provider_recipient(ticket.assignee if ticket.assignee_id else None)
    # critical: staff switched off routine mail, not the warnings of the SLA
    return letters.write(to, language, compose, ticket=ticket.number, critical=True)
