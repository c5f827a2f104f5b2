"""Forms of the Posteingang: put a mail on a ticket, open a ticket for a company, discard it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from portal.forms import PortalForm
from portal.inbound.rules import TICKET_NUMBER


class AssignTicketForm(PortalForm):
    number = StringField(
        _l("Ticketnummer"),
        validators=[
            DataRequired(message=_l("Bitte geben Sie eine Ticketnummer an.")),
            Length(max=20),
            Regexp(
                rf"^\s*(?i:{TICKET_NUMBER})\s*$",
                message=_l("Bitte geben Sie eine Nummer wie T-2026-00042 an."),
            ),
        ],
    )


class NewTicketForm(PortalForm):
    company = SelectField(_l("Firma"), coerce=int, validate_choice=True)

    def for_companies(self, companies) -> NewTicketForm:
        self.company.choices = [(0, "–")] + [(c.id, c.name) for c in companies]
        return self

    def validate_company(self, field):
        if not field.data:
            raise ValidationError(_l("Bitte wählen Sie eine Firma."))


class DiscardForm(PortalForm):
    pass
