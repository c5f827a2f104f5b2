"""The e-mails about a ticket, each in its recipient's language. Internal notes never go out."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal import letters, mail, outbox
from portal.mail import Mail
from portal.models import User
from portal.tickets.display import due_phrase
from portal.tickets.labels import PRIORITY_LABELS, STATUS_LABELS
from portal.tickets.models import TicketShare

_suppressed: ContextVar[bool] = ContextVar("ticket_mail_suppressed", default=False)


@contextmanager
def suppressed():
    """No e-mails inside this block (demo data describes the past; nobody waits for it)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def deliver(mails: list[Mail]) -> None:
    """Into the outbox, inside the transaction of the change the mails report."""
    if not _suppressed.get():
        outbox.post(mails)


def _signature(ticket) -> tuple:
    link = mail.external_url("tickets.view", number=ticket.number)
    return letters.signature(_("Ihr Ticket im Kundenportal: %(link)s", link=link) if link else None)


def _named(ticket) -> dict:
    """The placeholders every text about a ticket names it by."""
    return {"number": ticket.number, "title": ticket.title}


def _fields(ticket) -> dict:
    """Mails about a critical ticket are critical: they reach users who switched off the rest.
    The mail builder puts "[T-2026-00042]" before the subject and threads the mails."""
    return {"ticket": ticket.number, "critical": ticket.priority == "critical"}


def _composed(ticket, subject, text):
    """The subject (a lazy text) and ``text()``'s lines with the signature, for letters.write:
    both are written in the recipient's language."""
    return lambda: (str(subject), [*text(), *_signature(ticket)])


def _letter(ticket, person, subject, text) -> Mail:
    """To one customer or colleague in their language, greeting them by name."""
    return letters.to_person(person, _composed(ticket, subject, text), **_fields(ticket))


def _to_staff(ticket, subject, text) -> list[Mail]:
    """To the assignee while their account is active, else the on-duty address."""
    to, language = letters.provider_recipient(ticket.assignee if ticket.assignee_id else None)
    return [letters.write(to, language, _composed(ticket, subject, text), **_fields(ticket))]


def _customer(ticket):
    reporter = ticket.reporter if ticket.reporter_id else None
    return reporter if reporter is not None and reporter.active else None


def _customers(ticket) -> list:
    """Who hears of answers and status changes: the reporter and the active colleagues the
    ticket is shared with (one query for those), each once."""
    reporter = _customer(ticket)
    colleagues = (
        User.select()
        .join(TicketShare, on=(TicketShare.user == User.id))
        .where(TicketShare.ticket == ticket.id, User.active == True)  # noqa: E712
        .order_by(User.name, User.id)
    )
    people = [reporter] if reporter is not None else []
    return people + [user for user in colleagues if user.id != ticket.reporter_id]


def _confirmation(ticket) -> list[str]:
    config = current_app.config
    lines = [
        _(
            "vielen Dank für Ihre Meldung. Ihr Ticket %(number)s „%(title)s“ ist bei uns "
            "eingegangen (Klasse: %(priority)s).",
            priority=PRIORITY_LABELS[ticket.priority],
            **_named(ticket),
        ),
        _("Wir melden uns spätestens bis %(due)s Uhr.", due=due_phrase(ticket.response_due)),
    ]
    if ticket.priority == "critical":
        lines.append(
            _(
                "Bei einer kritischen Störung rufen Sie uns bitte zusätzlich an: %(hotline)s",
                hotline=config["PROVIDER_HOTLINE"],
            )
        )
    return lines


def _staff_summary(ticket) -> tuple:
    flags = []
    if ticket.urgent:
        flags.append(_("Dringend: %(reason)s", reason=ticket.urgent_reason))
    if ticket.relaxed_days:
        flags.append(_("Nicht dringend: innerhalb von %(days)d Tagen", days=ticket.relaxed_days))
    return (
        _("Firma: %(company)s", company=ticket.company.name),
        _("Klasse: %(priority)s", priority=PRIORITY_LABELS[ticket.priority]),
        _("Rückmeldung bis: %(due)s", due=due_phrase(ticket.response_due)),
        _("Rückrufnummer: %(phone)s", phone=ticket.callback_phone or "–"),
        *flags,
    )


def ticket_created(ticket) -> list[Mail]:
    """The reporter's confirmation, and the new ticket for the provider."""
    mails = []
    customer = _customer(ticket)
    if customer is not None:
        subject = _l("Ihr Ticket ist eingegangen: %(title)s", title=ticket.title)
        mails.append(_letter(ticket, customer, subject, lambda: _confirmation(ticket)))
    return mails + _to_staff(
        ticket,
        _l("Neues Ticket: %(title)s", title=ticket.title),
        lambda: (*_staff_summary(ticket), "", ticket.description),
    )


def _to_customers(ticket, subject, text) -> list[Mail]:
    """To the reporter and the colleagues the ticket is shared with."""
    return [_letter(ticket, customer, subject, text) for customer in _customers(ticket)]


def staff_replied(ticket, message) -> list[Mail]:
    """A public staff answer (never an internal note)."""
    if message.internal:
        return []
    return _to_customers(
        ticket,
        _l("Neue Antwort zu Ihrem Ticket: %(title)s", title=ticket.title),
        lambda: (
            _("zu Ihrem Ticket %(number)s „%(title)s“ schreiben wir:", **_named(ticket)),
            "",
            message.body,
        ),
    )


def status_changed(ticket, old_status: str) -> list[Mail]:
    return _to_customers(
        ticket,
        _l("Neuer Status für Ihr Ticket: %(title)s", title=ticket.title),
        lambda: (
            _(
                "der Status Ihres Tickets %(number)s „%(title)s“ ist jetzt: %(status)s "
                "(vorher: %(old)s).",
                status=STATUS_LABELS[ticket.status],
                old=STATUS_LABELS.get(old_status, old_status),
                **_named(ticket),
            ),
        ),
    )


def shared_with(ticket, colleague, actor) -> list[Mail]:
    """A colleague is told that a ticket was shared with them (from now on they get its mails)."""

    def text():
        yield _(
            "%(actor)s hat das Ticket %(number)s „%(title)s“ mit Ihnen geteilt. Sie sehen es "
            "jetzt im Kundenportal und erhalten unsere Antworten dazu.",
            actor=actor.name,
            **_named(ticket),
        )

    subject = _l("Ein Ticket wurde mit Ihnen geteilt: %(title)s", title=ticket.title)
    return [_letter(ticket, colleague, subject, text)]


def customer_wrote(ticket, message) -> list[Mail]:
    author = message.author.name if message.author_id else "–"
    return _to_staff(
        ticket,
        _l("Kundennachricht: %(title)s", title=ticket.title),
        lambda: (_("%(author)s schreibt:", author=author), "", message.body),
    )


def reopened(ticket) -> list[Mail]:
    return _to_staff(
        ticket,
        _l("Ticket wieder geöffnet: %(title)s", title=ticket.title),
        lambda: _staff_summary(ticket),
    )
