"""Forms of the second factor, the "Passwort vergessen?" and invitation links and the
colleagues page of company contacts."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from portal.auth.forms import new_address_field, password_length, person_name_field
from portal.forms import PortalForm, at_most


def _code_field(label, max_chars: int, inputmode: str) -> StringField:
    """A code typed from the authenticator app (or a recovery code)."""
    return StringField(
        label,
        validators=[DataRequired(_l("Bitte geben Sie den Code ein.")), at_most(max_chars)],
        render_kw={"autocomplete": "one-time-code", "inputmode": inputmode},
    )


class CodeForm(PortalForm):
    code = _code_field(
        _l("Code aus der Authenticator-App oder Wiederherstellungscode"), 40, inputmode="text"
    )


class EnrolForm(PortalForm):
    code = _code_field(_l("Sechsstelliger Code aus der App"), 10, inputmode="numeric")


class ForgotForm(PortalForm):
    email = EmailField(
        _l("E-Mail-Adresse"),
        validators=[
            DataRequired(_l("Bitte geben Sie Ihre E-Mail-Adresse ein.")),
            Length(max=254),
        ],
    )


class NewPasswordForm(PortalForm):
    new = PasswordField(
        _l("Neues Passwort"),
        validators=[DataRequired(_l("Bitte geben Sie ein neues Passwort ein.")), password_length()],
        render_kw={"autocomplete": "new-password"},
    )
    repeat = PasswordField(
        _l("Neues Passwort wiederholen"),
        validators=[EqualTo("new", _l("Die beiden Passwörter stimmen nicht überein."))],
        render_kw={"autocomplete": "new-password"},
    )


class InviteColleagueForm(PortalForm):
    email = new_address_field()
    name = person_name_field()
    language = SelectField(
        _l("Sprache der Einladung"), choices=[("de", "Deutsch"), ("en", "English")], default="de"
    )


class InviteUserForm(InviteColleagueForm):
    """The admin's invitation: any role, a company for customers, the contact flag."""

    role = SelectField(_l("Rolle"), default="customer")
    company = SelectField(_l("Firma"), default="")
    is_contact = BooleanField(_l("Ansprechpartner der Firma (verwaltet die Kollegen)"))


class CompanyVisibilityForm(PortalForm):
    colleagues_see_all = BooleanField(
        _l("Alle Kollegen sehen alle Tickets der Firma (sonst nur ihre eigenen)")
    )
