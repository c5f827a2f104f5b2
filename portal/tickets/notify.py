"""The e-mails about a ticket, each in its recipient's language. Internal notes never go out."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from portal import mail, outbox
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


def _link(ticket) -> str | None:
    return mail.external_url("tickets.view", number=ticket.number)


def _render(ticket, to: str, language: str, subject, body) -> Mail:
    """Subject and body are callables, so they are translated in the recipient's language.
    Mails about a critical ticket are critical: they reach users who switched off the rest.
    The mail builder puts "[T-2026-00042]" before the subject and folds it into one line."""
    with force_locale(language):
        return Mail(
            to=to,
            subject=subject(),
            body=body(),
            ticket=ticket.number,
            language=language,
            critical=ticket.priority == "critical",
        )


def _lines(*lines) -> str:
    return "\n".join(line for line in lines if line is not None) + "\n"


def _letter(ticket, person, subject, text) -> Mail:
    """A mail to one customer or colleague in their language: greeting, the lines of ``text()``,
    footer."""
    return _render(
        ticket,
        person.email,
        mail.language_of(person),
        subject,
        lambda: _lines(_("Guten Tag %(name)s,", name=person.name), "", *text(), *_footer(ticket)),
    )


def _footer(ticket) -> tuple:
    link = _link(ticket)
    return (
        "",
        _("Ihr Ticket im Kundenportal: %(link)s", link=link) if link else None,
        "",
        _("Mit freundlichen Grüßen"),
        _("Ihr Service-Team von %(provider)s", provider=current_app.config["PROVIDER_NAME"]),
    )


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


def _staff_recipient(ticket) -> tuple[str, str]:
    """The assignee, or the on-duty address for tickets nobody has taken yet."""
    if ticket.assignee_id:
        return ticket.assignee.email, mail.language_of(ticket.assignee)
    config = current_app.config
    return config.get("SUPPORT_EMAIL") or config["PROVIDER_SERVICE_EMAIL"], "de"


def _confirmation(ticket) -> list[str]:
    config = current_app.config
    lines = [
        _(
            "vielen Dank für Ihre Meldung. Ihr Ticket %(number)s „%(title)s“ ist bei uns "
            "eingegangen (Klasse: %(priority)s).",
            number=ticket.number,
            title=ticket.title,
            priority=PRIORITY_LABELS[ticket.priority],
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
    mails = []
    customer = _customer(ticket)
    if customer is not None:
        mails.append(
            _letter(
                ticket,
                customer,
                lambda: _("Ihr Ticket ist eingegangen: %(title)s", title=ticket.title),
                lambda: _confirmation(ticket),
            )
        )
    to, language = _staff_recipient(ticket)
    mails.append(
        _render(
            ticket,
            to,
            language,
            lambda: _("Neues Ticket: %(title)s", title=ticket.title),
            lambda: _lines(*_staff_summary(ticket), "", ticket.description, *_footer(ticket)),
        )
    )
    return mails


def staff_replied(ticket, message) -> list[Mail]:
    """A public staff answer goes to the reporter and to the colleagues the ticket is shared
    with (never an internal note)."""
    if message.internal:
        return []
    return [
        _letter(
            ticket,
            customer,
            lambda: _("Neue Antwort zu Ihrem Ticket: %(title)s", title=ticket.title),
            lambda: (
                _(
                    "zu Ihrem Ticket %(number)s „%(title)s“ schreiben wir:",
                    number=ticket.number,
                    title=ticket.title,
                ),
                "",
                message.body,
            ),
        )
        for customer in _customers(ticket)
    ]


def status_changed(ticket, old_status: str) -> list[Mail]:
    """To the reporter and the colleagues the ticket is shared with."""
    return [
        _letter(
            ticket,
            customer,
            lambda: _("Neuer Status für Ihr Ticket: %(title)s", title=ticket.title),
            lambda: (
                _(
                    "der Status Ihres Tickets %(number)s „%(title)s“ ist jetzt: %(status)s "
                    "(vorher: %(old)s).",
                    number=ticket.number,
                    title=ticket.title,
                    status=STATUS_LABELS[ticket.status],
                    old=STATUS_LABELS.get(old_status, old_status),
                ),
            ),
        )
        for customer in _customers(ticket)
    ]


def shared_with(ticket, colleague, actor) -> list[Mail]:
    """A colleague is told that a ticket was shared with them (from now on they get its mails)."""
    return [
        _letter(
            ticket,
            colleague,
            lambda: _("Ein Ticket wurde mit Ihnen geteilt: %(title)s", title=ticket.title),
            lambda: (
                _(
                    "%(actor)s hat das Ticket %(number)s „%(title)s“ mit Ihnen geteilt. Sie "
                    "sehen es jetzt im Kundenportal und erhalten unsere Antworten dazu.",
                    actor=actor.name,
                    number=ticket.number,
                    title=ticket.title,
                ),
            ),
        )
    ]


def customer_wrote(ticket, message) -> list[Mail]:
    to, language = _staff_recipient(ticket)
    author = message.author.name if message.author_id else "–"
    return [
        _render(
            ticket,
            to,
            language,
            lambda: _("Kundennachricht: %(title)s", title=ticket.title),
            lambda: _lines(
                _("%(author)s schreibt:", author=author), "", message.body, *_footer(ticket)
            ),
        )
    ]


def reopened(ticket) -> list[Mail]:
    to, language = _staff_recipient(ticket)
    return [
        _render(
            ticket,
            to,
            language,
            lambda: _("Ticket wieder geöffnet: %(title)s", title=ticket.title),
            lambda: _lines(*_staff_summary(ticket), *_footer(ticket)),
        )
    ]
