"""Forms of the planned-changes pages; the announcement form is built from the kind's schema."""

from __future__ import annotations

from functools import cache

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.widgets import CheckboxInput, DateInput, EmailInput, ListWidget, NumberInput, TimeInput

from portal.changes import schemas
from portal.forms import PortalForm


class MarkRequired:
    """Marks a field as required for the label's asterisk; the schema does the checking."""

    field_flags = {"required": True}

    def __call__(self, form, field):
        pass


def _field_for(spec: schemas.FieldSpec):
    validators = [MarkRequired()] if spec.required else []
    options = {"label": spec.label, "validators": validators, "description": spec.hint or ""}
    if spec.type == schemas.TEXTAREA:
        return TextAreaField(**options)
    if spec.type == schemas.DATE:
        return StringField(widget=DateInput(), **options)
    if spec.type == schemas.NUMBER:
        return StringField(widget=NumberInput(min=spec.minimum, max=spec.maximum), **options)
    if spec.type == schemas.EMAIL:
        return StringField(widget=EmailInput(), **options)
    if spec.type == schemas.CHOICE:
        return RadioField(choices=list(spec.choices), validate_choice=False, **options)
    if spec.type == schemas.MULTI:
        return SelectMultipleField(
            choices=list(spec.choices),
            validate_choice=False,
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
            **options,
        )
    return StringField(**options)


class AnnouncementBase(PortalForm):
    wished_date = StringField(
        _l("Wunschtermin"),
        widget=DateInput(),
        validators=[MarkRequired()],
        description=_l("Montag bis Samstag, nicht an Feiertagen."),
    )
    alternative_date = StringField(
        _l("Alternativer Termin (optional)"),
        widget=DateInput(),
        description=_l("Falls der Wunschtermin nicht passt."),
    )

    kind = ""

    def detail_fields(self):
        return [self[spec.name] for spec in schemas.schema(self.kind)]

    def detail_values(self) -> dict:
        values = {}
        for spec in schemas.schema(self.kind):
            data = self[spec.name].data
            values[spec.name] = data if data is not None else ""
        return values

    def show_errors(self, fields: dict) -> None:
        for name, message in fields.items():
            field_name = name.removeprefix("details.")
            if field_name in self:
                self[field_name].errors = [*self[field_name].errors, message]


@cache
def announcement_form(kind: str) -> type[AnnouncementBase]:
    attributes = {spec.name: _field_for(spec) for spec in schemas.schema(kind)}
    return type(f"AnnouncementForm_{kind}", (AnnouncementBase,), {"kind": kind, **attributes})


class ScheduleForm(PortalForm):
    day = StringField(_l("Datum"), widget=DateInput(), validators=[MarkRequired()])
    start = StringField(_l("Beginn"), widget=TimeInput(), validators=[MarkRequired()])
    end = StringField(_l("Ende"), widget=TimeInput(), validators=[MarkRequired()])
    technician = SelectField(
        _l("Techniker"), coerce=str, validate_choice=False, validators=[MarkRequired()]
    )


class DeclineForm(PortalForm):
    reason = TextAreaField(_l("Grund für die Ablehnung"), validators=[MarkRequired()])


class MessageForm(PortalForm):
    body = TextAreaField(_l("Ihre Nachricht"), validators=[MarkRequired()])


class ActionForm(PortalForm):
    """Only the CSRF token: for buttons such as "withdraw" or "mark as done"."""
