"""Forms of the admin area. Field names match the `field` of AccountError and CompanyError."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from portal.admin.rules import parse_hours
from portal.auth.forms import (
    new_address_field,
    password_length,
    person_name_field,
    token_name_field,
)
from portal.forms import PortalForm, at_most
from portal.models import ROLES

ROLE_LABELS = {
    "customer": _l("Kunde"),
    "staff": _l("Mitarbeiter"),
    "admin": _l("Admin"),
}
LANGUAGE_CHOICES = [("", _l("Wie im Browser eingestellt")), ("de", "Deutsch"), ("en", "English")]


class HoursField(StringField):
    """Hours as typed ('1,5' or '1.5'); data is a float, or None when left empty."""

    def process_formdata(self, valuelist):
        self.raw_text = valuelist[0] if valuelist else ""
        try:
            self.data = parse_hours(self.raw_text)
        except ValueError:
            self.data = None
            raise ValueError(
                _l("Bitte geben Sie eine Zahl von Stunden ein, z. B. 4 oder 1,5.")
            ) from None

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else f"{self.data:g}".replace(".", ",")


class MonthsField(StringField):
    """A whole number of months; data is an int, or None when left empty."""

    def process_formdata(self, valuelist):
        text = (valuelist[0] if valuelist else "").strip()
        self.data = None
        if not text:
            return
        if not (text.isascii() and text.isdigit()) or len(text) > 4:
            raise ValueError(_l("Bitte geben Sie eine ganze Zahl von Monaten ein, z. B. 24."))
        self.data = int(text)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else str(self.data)


class CompanyForm(PortalForm):
    name = StringField(
        _l("Name der Firma"),
        validators=[DataRequired(_l("Bitte geben Sie den Namen der Firma ein."))],
    )
    customer_number = StringField(
        _l("Kundennummer"),
        validators=[DataRequired(_l("Bitte geben Sie eine Kundennummer ein, z. B. K-10042."))],
    )
    has_contract = BooleanField(_l("Hat einen Servicevertrag (Vertragskunde)"))
    critical_hours = HoursField(_l("Kritisch: Reaktionszeit in Stunden"))
    normal_hours = HoursField(_l("Normal: Reaktionszeit in Stunden"))
    low_hours = HoursField(_l("Niedrig: Reaktionszeit in Stunden"))
    critical_resolution_hours = HoursField(_l("Kritisch: Lösungszeit in Stunden"))
    normal_resolution_hours = HoursField(_l("Normal: Lösungszeit in Stunden"))
    low_resolution_hours = HoursField(_l("Niedrig: Lösungszeit in Stunden"))
    ticket_retention_months = MonthsField(
        _l("Erledigte Tickets aufbewahren (Monate)"),
        validators=[
            Optional(),
            NumberRange(min=1, max=600, message=_l("Bitte zwischen 1 und 600 Monaten.")),
        ],
    )

    def overrides(self) -> dict[str, float | None]:
        return {
            "critical": self.critical_hours.data,
            "normal": self.normal_hours.data,
            "low": self.low_hours.data,
        }

    def resolution_overrides(self) -> dict[str, float | None]:
        return {
            "critical": self.critical_resolution_hours.data,
            "normal": self.normal_resolution_hours.data,
            "low": self.low_resolution_hours.data,
        }


class CompanySearchForm(PortalForm):
    class Meta:
        csrf = False  # a GET filter changes nothing

    q = StringField(_l("Suche nach Name oder Kundennummer"), validators=[Length(max=100)])


def _company_select(label):
    # coerce=str: "" is "no company"; the view turns the id into a Company.
    return SelectField(label, choices=[], validate_choice=False)


class UserFilterForm(PortalForm):
    class Meta:
        csrf = False

    q = StringField(_l("Name oder E-Mail-Adresse"), validators=[Length(max=100)])
    company = _company_select(_l("Firma"))
    role = SelectField(
        _l("Rolle"),
        choices=[("", _l("Alle Rollen")), *ROLE_LABELS.items()],
        validate_choice=False,
    )
    active = SelectField(
        _l("Status"),
        choices=[("", _l("Alle")), ("1", _l("Aktiv")), ("0", _l("Deaktiviert"))],
        validate_choice=False,
    )

    def validate_role(self, field):
        if field.data and field.data not in ROLES:
            raise ValidationError(_l("Bitte wählen Sie eine Rolle aus der Liste."))

    def validate_active(self, field):
        if field.data not in ("", "1", "0", None):
            raise ValidationError(_l("Bitte wählen Sie einen Status aus der Liste."))


class UserEditForm(PortalForm):
    name = person_name_field()
    phone = StringField(
        _l("Telefon für Rückrufe"),
        validators=[Optional(), at_most(50)],
    )
    role = SelectField(_l("Rolle"), choices=list(ROLE_LABELS.items()), validate_choice=False)
    company = _company_select(_l("Firma"))
    language = SelectField(_l("Sprache"), choices=LANGUAGE_CHOICES, validate_choice=False)
    active = BooleanField(_l("Konto ist aktiv (darf sich anmelden)"))

    def validate_role(self, field):
        if field.data not in ROLES:
            raise ValidationError(_l("Bitte wählen Sie eine Rolle aus der Liste."))


class UserCreateForm(UserEditForm):
    email = new_address_field()
    password = PasswordField(
        _l("Anfangspasswort"),
        validators=[
            Optional(),
            password_length(),
        ],
    )
    active = None  # new accounts are active


class MonitoringTokenForm(PortalForm):
    user = SelectField(_l("Mitarbeiter"), choices=[], validate_choice=False)
    name = token_name_field(default="Alertmanager")
