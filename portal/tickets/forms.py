"""Forms of the ticket pages; their rules live in portal.tickets.service (shared with the API)."""

from __future__ import annotations

import datetime as dt
import re

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Optional, ValidationError

from portal.forms import PortalForm
from portal.sla.calendar import BERLIN
from portal.sla.targets import MAX_RELAXED_DAYS, MIN_RELAXED_DAYS, PRIORITIES
from portal.tickets.labels import (
    AFFECTED_LABELS,
    AFFECTED_QUESTION,
    PRIORITY_LABELS,
    STAFF_STATUS_LABELS,
)
from portal.tickets.rules import STATUSES, Report, title_from_description

URGENCY_CHOICES = [
    ("plain", _l("Normal – nach Klasse und Eingang")),
    ("urgent", _l("Dringend – z. B. weil eine wichtige Frist abzulaufen droht")),
    ("relaxed", _l("Nicht dringend – es reicht innerhalb von einigen Tagen")),
]
TRIAGE_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")

# Service field names that a form shows under another name.
FIELD_ALIASES = {"urgent": "urgency"}


def apply_errors(form: PortalForm, errors: dict[str, str]) -> None:
    """Show the service's messages at the form's fields (unknown names on the first one)."""
    for name, message in errors.items():
        target = getattr(form, FIELD_ALIASES.get(name, name), None)
        if target is None:
            target = next(iter(form))
        target.errors = [*target.errors, message] if target.errors else [message]


def _berlin_to_utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=BERLIN).astimezone(dt.UTC)


def triage_key(value: str | None) -> str:
    return value if value and TRIAGE_KEY.match(value) else ""


class NewTicketForm(PortalForm):
    title = StringField(_l("Titel"))
    description = TextAreaField(_l("Beschreibung"))
    priority = RadioField(
        _l("Klasse"),
        choices=[(p.value, PRIORITY_LABELS[p]) for p in PRIORITIES],
        default=None,
        validate_choice=False,
    )
    # As in the wizard: no answer chosen in advance (a default of "one person" understated
    # critical problems), widest first.
    affected = RadioField(
        AFFECTED_QUESTION,
        choices=[(key, label) for key, label in AFFECTED_LABELS.items()],
        default=None,
        validate_choice=False,
    )
    callback_phone = StringField(_l("Rückrufnummer"))
    urgency = RadioField(
        _l("Wie eilig ist es?"), choices=URGENCY_CHOICES, default="plain", validate_choice=False
    )
    urgent_reason = TextAreaField(_l("Warum ist es dringend?"))
    deadline = DateField(_l("Frist (optional)"), validators=[Optional()])
    relaxed_days = IntegerField(
        _l(
            "Es reicht innerhalb von … Tagen (%(min)d–%(max)d)",
            min=MIN_RELAXED_DAYS,
            max=MAX_RELAXED_DAYS,
        ),
        validators=[Optional()],
    )
    attachments = MultipleFileField(_l("Anhänge (optional)"))
    # staff recording a hotline call
    company = SelectField(_l("Firma"), coerce=int, validate_choice=False)
    contact = SelectField(_l("Ansprechpartner (optional)"), coerce=int, validate_choice=False)
    reported_at = DateTimeLocalField(
        _l("Anruf eingegangen am"), format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )
    # what the triage wizard knew
    example = HiddenField()
    component = HiddenField()
    state = HiddenField()

    def validate_reported_at(self, field) -> None:
        if field.data is None:
            return
        try:
            _berlin_to_utc(field.data)
        except OverflowError as error:  # 0001-01-01 00:30 in Berlin is before year 1 in UTC
            raise ValidationError(
                _l("Dieser Zeitpunkt liegt zu weit in der Vergangenheit.")
            ) from error

    def for_user(self, user, companies=(), contacts=()) -> NewTicketForm:
        if user.is_staff:
            self.company.choices = [(0, _l("– bitte wählen –"))] + [
                (c.id, f"{c.name} ({c.customer_number})") for c in companies
            ]
            self.contact.choices = [(0, _l("– ohne Ansprechpartner –"))] + [
                (u.id, f"{u.name} – {u.company.name}") for u in contacts
            ]
        else:
            del self.company, self.contact, self.reported_at
        return self

    def report(self, companies_by_id=None, contacts_by_id=None) -> Report:
        urgency = self.urgency.data
        description = self.description.data or ""
        report = Report(
            title=(self.title.data or "").strip() or title_from_description(description),
            description=description,
            priority=self.priority.data or "",
            affected=self.affected.data or "",
            callback_phone=self.callback_phone.data or "",
            urgent=urgency == "urgent",
            urgent_reason=(self.urgent_reason.data or "") if urgency == "urgent" else "",
            deadline=self.deadline.data if urgency == "urgent" else None,
            triage_example=triage_key(self.example.data),
            triage_component=triage_key(self.component.data),
            triage_state=triage_key(self.state.data),
        )
        if urgency == "relaxed":
            # no number given: the service asks for 1..30
            report.relaxed_days = self.relaxed_days.data if self.relaxed_days.data else 0
        if companies_by_id is not None:
            report.company = companies_by_id.get(self.company.data)
            report.reporter = (contacts_by_id or {}).get(self.contact.data)
            if self.reported_at.data:
                report.reported_at = _berlin_to_utc(self.reported_at.data)
        return report


class MessageForm(PortalForm):
    body = TextAreaField(_l("Ihre Nachricht"))
    internal = BooleanField(_l("Interne Notiz (nur für Mitarbeiter sichtbar)"))
    attachments = MultipleFileField(_l("Anhänge (optional)"))

    def for_user(self, user) -> MessageForm:
        # staff's ticket view shows two forms (answer, internal note) with their own labels;
        # the note form sends internal=y
        if not user.is_staff:
            del self.internal
        return self


class ChangeForm(PortalForm):
    """Staff controls in the ticket view."""

    status = SelectField(
        _l("Status"),
        choices=[(s, STAFF_STATUS_LABELS[s]) for s in STATUSES],
        validate_choice=False,
    )
    priority = SelectField(
        _l("Klasse"),
        choices=[(p.value, PRIORITY_LABELS[p]) for p in PRIORITIES],
        validate_choice=False,
    )
    reason = TextAreaField(_l("Begründung (Pflicht bei einer neuen Klasse)"))
    reason_public = BooleanField(_l("Begründung dem Kunden zeigen (sonst nur für Mitarbeiter)"))
    assignee = SelectField(_l("Zuständig"), coerce=int, validate_choice=False)
    urgent = BooleanField(_l("Dringend (nur Klasse Normal)"))
    urgent_reason = TextAreaField(_l("Grund für „dringend“"))
    deadline = DateField(_l("Frist"), validators=[Optional()])
    relaxed_days = IntegerField(
        _l("Nicht dringend: innerhalb von … Tagen (leer: nein)"), validators=[Optional()]
    )

    def for_staff(self, staff) -> ChangeForm:
        self.assignee.choices = [(0, _l("– niemand –"))] + [(u.id, u.name) for u in staff]
        return self

    def changes(self, staff_by_id: dict) -> dict:
        urgent = bool(self.urgent.data)
        return {
            "status": self.status.data,
            "priority": self.priority.data,
            "assignee": staff_by_id.get(self.assignee.data),
            "urgent": urgent,
            "urgent_reason": (self.urgent_reason.data or "").strip() if urgent else "",
            "deadline": self.deadline.data if urgent else None,
            "relaxed_days": self.relaxed_days.data,
        }


class ShareForm(PortalForm):
    """Share a ticket with a colleague: a choice among those who do not see it yet."""

    colleague = SelectField(_l("Teilen mit"), validate_choice=False)

    def for_colleagues(self, colleagues) -> ShareForm:
        self.colleague.choices = [(str(u.id), f"{u.name} ({u.email})") for u in colleagues]
        return self

    def validate_colleague(self, field) -> None:
        """Only one of the offered colleagues (not another company's, not an inactive one)."""
        if field.data not in {value for value, _label in field.choices}:
            raise ValidationError(_l("Bitte wählen Sie einen Kollegen aus der Liste."))


class UnshareForm(PortalForm):
    """End a share: the button carries only the CSRF token."""
