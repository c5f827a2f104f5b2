"""Forms of the sign-in and account pages."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from portal.auth.passwords import MIN_PASSWORD_LENGTH
from portal.forms import PortalForm, at_most
from portal.models import TOKEN_SCOPES


class LoginForm(PortalForm):
    email = EmailField(
        _l("E-Mail-Adresse"),
        validators=[DataRequired(_l("Bitte geben Sie Ihre E-Mail-Adresse ein.")), Length(max=254)],
    )
    password = PasswordField(
        _l("Passwort"), validators=[DataRequired(_l("Bitte geben Sie Ihr Passwort ein."))]
    )
    remember = BooleanField(_l("Angemeldet bleiben"))
    next = HiddenField()


def password_length() -> Length:
    """The minimum length of a password, for every form that sets one."""
    return Length(
        min=MIN_PASSWORD_LENGTH,
        message=_l("Das Passwort muss mindestens %(min)d Zeichen haben."),
    )


def token_name_field(**kwargs) -> StringField:
    """The name of an API token, for the account page and the admin's monitoring tokens."""
    return StringField(
        _l("Bezeichnung"),
        validators=[
            DataRequired(_l("Bitte geben Sie dem Token einen Namen.")),
            at_most(100),
        ],
        **kwargs,
    )


def person_name_field() -> StringField:
    """A person's name, for the invitations and the admin's user form."""
    return StringField(
        _l("Name"),
        validators=[DataRequired(_l("Bitte geben Sie einen Namen ein.")), at_most(200)],
    )


def new_address_field() -> EmailField:
    """The address of a new account, for the invitations and the admin's user form."""
    return EmailField(
        _l("E-Mail-Adresse"),
        validators=[
            DataRequired(_l("Bitte geben Sie eine E-Mail-Adresse ein.")),
            Email(_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")),
            at_most(254),
        ],
    )


class PasswordForm(PortalForm):
    current = PasswordField(
        _l("Aktuelles Passwort"),
        validators=[DataRequired(_l("Bitte geben Sie Ihr aktuelles Passwort ein."))],
    )
    new = PasswordField(
        _l("Neues Passwort"),
        validators=[
            DataRequired(_l("Bitte geben Sie ein neues Passwort ein.")),
            password_length(),
        ],
    )
    repeat = PasswordField(
        _l("Neues Passwort wiederholen"),
        validators=[EqualTo("new", _l("Die beiden Passwörter stimmen nicht überein."))],
    )


class LanguageForm(PortalForm):
    language = SelectField(
        _l("Sprache"), choices=[("de", "Deutsch"), ("en", "English")], default="de"
    )


class NotificationForm(PortalForm):
    mail_noncritical = BooleanField(_l("Auch E-Mails zu nicht kritischen Vorgängen erhalten"))


class TokenForm(PortalForm):
    name = token_name_field()
    scope = SelectField(
        _l("Zweck"),
        choices=[("api", _l("Programmierschnittstelle (API)")), ("monitoring", _l("Monitoring"))],
        validators=[DataRequired()],
    )

    def limit_scopes(self, user) -> None:
        """Only staff connect monitoring systems."""
        if not user.is_staff:
            self.scope.choices = [c for c in self.scope.choices if c[0] == "api"]

    @staticmethod
    def all_scopes():
        return TOKEN_SCOPES
