"""The e-mails about planned changes, each in its recipient's language.

The provider (the scheduled technician, else the support address) hears when a customer
announces, writes or withdraws; the announcing customer hears when staff schedule, reschedule,
decline, finish or write, and gets a confirmation of a withdrawal once the change had a slot.
Whoever received a calendar invitation gets its cancellation with the decline or withdrawal.
Customer mails carry only what the customer's own pages show."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _

from portal import letters, mail
from portal.changes import ical, schemas, settings
from portal.changes.models import ChangeMessage, PlannedChange
from portal.i18n import local_date, local_datetime
from portal.mail import Mail
from portal.sla.calendar import BERLIN


def _signature(change: PlannedChange) -> tuple:
    link = mail.external_url("changes.detail", change_id=change.id)
    return letters.signature(
        _("Ihre Änderung im Kundenportal: %(link)s", link=link) if link else None
    )


def _title(change: PlannedChange) -> str:
    """ "Neuer Mitarbeiter – Lena Hoffmann": the kind, and the title when there is one."""
    kind = schemas.kind_label(change.kind)
    title = schemas.change_title(change)
    return kind if title == kind else f"{kind} – {title}"


def slot_text(start, end) -> str:
    """ "Mi., 09.12.2026, 09:00 bis 12:00 Uhr" in the service's time zone; both dates in full
    when the slot runs over midnight."""
    same_day = start.astimezone(BERLIN).date() == end.astimezone(BERLIN).date()
    end_text = local_datetime(end, "time" if same_day else "full")
    return _("%(start)s bis %(end)s Uhr", start=local_datetime(start), end=end_text)


# --- recipients --------------------------------------------------------------------


def _customer(change: PlannedChange):
    """The customer who announced the change, while their account is active."""
    announcer = change.created_by
    return announcer if announcer.active and not announcer.is_staff else None


def _to_customer(change: PlannedChange, build, attach=None) -> list[Mail]:
    """`build()` returns the subject and lines of the announcer's mail, `attach(language)` its
    calendar attachments; both in the customer's language. The signature is added here."""
    customer = _customer(change)
    if customer is None:
        return []

    def signed():
        subject, lines = build()
        return subject, [*lines, *_signature(change)]

    attachments = tuple(attach(mail.language_of(customer))) if attach else ()
    return [letters.to_person(customer, signed, attachments=attachments)]


def _to_provider(change: PlannedChange, build) -> list[Mail]:
    """To the scheduled technician while their account is active, else the on-duty address;
    the link to the change's page is added here."""

    def linked():
        subject, lines = build()
        return subject, [*lines, *_staff_link(change)]

    technician = change.technician if change.technician_id else None
    return [letters.write(*letters.provider_recipient(technician), linked)]


# --- to the provider ---------------------------------------------------------------


def _staff_link(change: PlannedChange) -> tuple:
    link = mail.external_url("changes.detail", change_id=change.id)
    return ("", _("Im Kundenportal: %(link)s", link=link) if link else None)


def _short_notice(change: PlannedChange) -> str | None:
    if change.lead_time_ok:
        return None
    return _(
        "Kurzfristig: Wir empfehlen %(days)d Servicetage Vorlauf, also ab dem %(date)s. "
        "Die Ankündigung ist trotzdem angenommen.",
        days=settings.lead_time_days(change.kind),
        date=local_date(change.recommended_earliest),
    )


def _announcer_line(change: PlannedChange) -> str:
    announcer = change.created_by
    contact = announcer.email + (f", {announcer.phone}" if announcer.phone else "")
    return _("Angekündigt von: %(name)s (%(contact)s)", name=announcer.name, contact=contact)


def announced(change: PlannedChange) -> list[Mail]:
    def build():
        alternative = (
            _("Ausweichtermin: %(date)s", date=local_date(change.alternative_date))
            if change.alternative_date
            else None
        )
        rows = schemas.display_details(change.kind, change.details)
        details = [f"{label}: {text}" for label, text in rows]
        subject = _(
            "Neue geplante Änderung von %(company)s: %(title)s",
            company=change.company.name,
            title=_title(change),
        )
        return subject, [
            _("Firma: %(company)s", company=change.company.name),
            _("Art: %(kind)s", kind=schemas.kind_label(change.kind)),
            _announcer_line(change),
            _("Wunschtermin: %(date)s", date=local_date(change.wished_date)),
            alternative,
            _short_notice(change),
            "",
            *details,
        ]

    return _to_provider(change, build)


def customer_wrote(change: PlannedChange, message: ChangeMessage) -> list[Mail]:
    def build():
        subject = _(
            "Kundennachricht zur geplanten Änderung von %(company)s: %(title)s",
            company=change.company.name,
            title=_title(change),
        )
        return subject, [
            _("%(author)s schreibt:", author=message.author.name),
            "",
            message.body,
        ]

    return _to_provider(change, build)


def withdrawn(change: PlannedChange) -> list[Mail]:
    def build():
        slot = None
        if change.scheduled_start and change.technician_id:
            slot = _(
                "Der Termin %(slot)s (%(technician)s) ist damit frei.",
                slot=slot_text(change.scheduled_start, change.scheduled_end),
                technician=change.technician.name,
            )
        subject = _(
            "Zurückgezogen: geplante Änderung von %(company)s: %(title)s",
            company=change.company.name,
            title=_title(change),
        )
        return subject, [
            _(
                "%(company)s hat die geplante Änderung „%(title)s“ (Wunschtermin %(date)s) "
                "zurückgezogen.",
                company=change.company.name,
                title=_title(change),
                date=local_date(change.wished_date),
            ),
            slot,
        ]

    return [*_to_provider(change, build), *_withdrawal_confirmed(change)]


# --- to the customer ---------------------------------------------------------------


def _appointment(change: PlannedChange) -> tuple:
    return (
        _("Termin: %(slot)s", slot=slot_text(change.scheduled_start, change.scheduled_end)),
        _("Techniker: %(name)s", name=change.technician.name),
    )


def scheduled(change: PlannedChange, before: dict | None = None) -> list[Mail]:
    """The slot, first given or changed (`before`: the earlier start, end and technician)."""

    def build():
        if before is None:
            subject = _("Ihre geplante Änderung ist eingeplant: %(title)s", title=_title(change))
            intro = _(
                "wir haben Ihre geplante Änderung „%(title)s“ eingeplant:", title=_title(change)
            )
            previous = None
            calendar_hint = _("Im Anhang finden Sie den Termin für Ihren Kalender.")
        else:
            subject = _("Neuer Termin für Ihre geplante Änderung: %(title)s", title=_title(change))
            intro = _(
                "der Termin Ihrer geplanten Änderung „%(title)s“ hat sich geändert:",
                title=_title(change),
            )
            previous = _(
                "Bisher: %(slot)s (%(technician)s)",
                slot=slot_text(before["start"], before["end"]),
                technician=before["technician"],
            )
            calendar_hint = _(
                "Im Anhang finden Sie den neuen Termin für Ihren Kalender; er ersetzt den "
                "bisherigen."
            )
        return subject, [
            intro,
            "",
            *_appointment(change),
            previous,
            "",
            calendar_hint,
            _("Passt der Termin nicht? Schreiben Sie uns einfach eine Nachricht im Kundenportal."),
        ]

    return _to_customer(change, build, lambda language: [ical.invitation(change, language)])


def _cancellation(change: PlannedChange):
    """The invitation's cancellation in a language, when the customer was sent an invitation."""
    invited = ical.was_invited(change)
    return lambda language: [ical.cancellation(change, language)] if invited else []


def _withdrawal_confirmed(change: PlannedChange) -> list[Mail]:
    """The customer sent an invitation hears that its slot is off, with the cancellation."""
    if not ical.was_invited(change):
        return []

    def build():
        subject = _("Ihre geplante Änderung ist zurückgezogen: %(title)s", title=_title(change))
        return subject, [
            _(
                "Ihre geplante Änderung „%(title)s“ ist zurückgezogen. Der Termin %(slot)s "
                "entfällt.",
                title=_title(change),
                slot=slot_text(change.scheduled_start, change.scheduled_end),
            ),
            "",
            _("Im Anhang finden Sie die Absage für Ihren Kalender; sie entfernt den Termin."),
        ]

    return _to_customer(change, build, _cancellation(change))


def declined(change: PlannedChange) -> list[Mail]:
    def build():
        subject = _("Ihre geplante Änderung wurde abgelehnt: %(title)s", title=_title(change))
        return subject, [
            _(
                "leider können wir Ihre geplante Änderung „%(title)s“ so nicht durchführen. "
                "Unsere Begründung:",
                title=_title(change),
            ),
            "",
            change.decline_reason,
            "",
            _("Im Anhang finden Sie die Absage für Ihren Kalender; sie entfernt den Termin.")
            if ical.was_invited(change)
            else None,
            _(
                "Haben Sie Fragen? Schreiben Sie uns im Kundenportal oder rufen Sie uns an: "
                "%(phone)s",
                phone=current_app.config["PROVIDER_INFOLINE"],
            ),
        ]

    return _to_customer(change, build, _cancellation(change))


def done(change: PlannedChange) -> list[Mail]:
    def build():
        subject = _("Ihre geplante Änderung ist erledigt: %(title)s", title=_title(change))
        return subject, [
            _(
                "wir haben Ihre geplante Änderung „%(title)s“ durchgeführt und als erledigt "
                "markiert.",
                title=_title(change),
            ),
            _(
                "Falls noch etwas nicht wie gewünscht funktioniert, melden Sie sich bitte über "
                "das Kundenportal."
            ),
        ]

    return _to_customer(change, build)


def staff_wrote(change: PlannedChange, message: ChangeMessage) -> list[Mail]:
    def build():
        subject = _("Neue Nachricht zu Ihrer geplanten Änderung: %(title)s", title=_title(change))
        return subject, [
            _(
                "zu Ihrer geplanten Änderung „%(title)s“ schreibt %(author)s:",
                title=_title(change),
                author=message.author.name,
            ),
            "",
            message.body,
            "",
            _("Antworten können Sie direkt im Kundenportal."),
        ]

    return _to_customer(change, build)


def message_added(change: PlannedChange, message: ChangeMessage) -> list[Mail]:
    if message.author.is_staff:
        return staff_wrote(change, message)
    return customer_wrote(change, message)
