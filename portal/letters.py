"""What every mail the portal writes to a person shares, whatever it is about: it is written in
the recipient's language, it greets them by name, it ends with the service team's signature,
and a mail to the provider goes to the person responsible or, while nobody is, to the on-duty
address. Tickets, planned changes, sign-in links and SLA warnings write their texts with
these; portal/mail.py turns the result into a message.

    letters.write(to, language, lambda: (subject, [line, ...]), ticket=..., critical=...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from portal import mail

Lines = Iterable[str | None]


def write(to: str, language: str, compose: Callable[[], tuple[str, Lines]], **fields) -> mail.Mail:
    """The mail ``compose()`` writes, run in ``language`` so every text, date and label in it
    is the recipient's. ``compose`` returns the subject and the body's lines; a line that is
    None is left out. ``fields`` are the rest of portal.mail.Mail (ticket, critical, ...)."""
    with force_locale(language):
        subject, lines = compose()
        body = "\n".join(line for line in lines if line is not None) + "\n"
        return mail.Mail(to=to, subject=subject, body=body, language=language, **fields)


def to_person(person, compose: Callable[[], tuple[str, Lines]], **fields) -> mail.Mail:
    """A mail to one user in their language, opened with "Guten Tag <name>,"."""

    def greeted():
        subject, lines = compose()
        return subject, [_("Guten Tag %(name)s,", name=person.name), "", *lines]

    return write(person.email, mail.language_of(person), greeted, **fields)


def signature(link_line: str | None) -> tuple[str | None, ...]:
    """The end of a mail: the link to the page it is about (None outside a request without
    SERVER_NAME) and the service team's greeting."""
    return (
        "",
        link_line,
        "",
        _("Mit freundlichen Grüßen"),
        _("Ihr Service-Team von %(provider)s", provider=current_app.config["PROVIDER_NAME"]),
    )


def provider_recipient(responsible=None) -> tuple[str, str]:
    """Who on the provider's side gets a mail, and in which language: the responsible staff
    member (assignee, scheduled technician) while active, else the on-duty address in German."""
    if responsible is not None and responsible.active:
        return responsible.email, mail.language_of(responsible)
    config = current_app.config
    return config.get("SUPPORT_EMAIL") or config["PROVIDER_SERVICE_EMAIL"], "de"
