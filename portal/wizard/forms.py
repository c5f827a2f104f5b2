"""The wizard's questions as forms; the API validates with the same forms (one schema)."""

from flask_babel import lazy_gettext as _l
from wtforms import Form, RadioField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from portal.tickets.labels import AFFECTED_LABELS, AFFECTED_QUESTION
from portal.triage.classify import AFFECTED_ANSWERS, COMPONENT_ANSWERS, STATE_ANSWERS

MAX_TEXT_LENGTH = 9999  # the API refuses 10 000 characters and more

COMPONENT_LABELS = {
    "server": _l("Ein Server"),
    "network": _l("Netzwerk oder Internet"),
    "company_system": _l(
        "Ein unternehmensweites System, z.B. E-Mail (Exchange) oder eine Datenbank"
    ),
    "workstation": _l("Ein Arbeitsplatz (PC, Bildschirm)"),
    "printer": _l("Ein Drucker"),
    "phone": _l("Ein Telefon"),
    "other": _l("Etwas anderes"),
}
STATE_LABELS = {
    "down": _l("Geht gar nicht mehr (Ausfall)"),
    "degraded": _l("Geht, aber langsamer oder schlechter als gewohnt"),
}


class ChoiceField(RadioField):
    """A radio group whose "not a valid choice" message is ours, in the user's language."""

    def pre_validate(self, form):
        if self.data not in {value for value, _label in self.choices}:
            raise ValidationError(_l("Bitte wählen Sie eine der angebotenen Antworten."))


def _choices(keys, labels):
    return [(key, labels[key]) for key in keys]


class DescriptionForm(Form):
    text = TextAreaField(
        _l("Was ist passiert?"),
        [
            DataRequired(_l("Bitte beschreiben Sie kurz, was passiert ist.")),
            Length(
                max=MAX_TEXT_LENGTH,
                message=_l("Bitte fassen Sie sich kürzer (höchstens %(max)d Zeichen)."),
            ),
        ],
    )


class QuestionsForm(Form):
    affected = ChoiceField(
        AFFECTED_QUESTION,
        [InputRequired(_l("Bitte sagen Sie uns, wer betroffen ist."))],
        choices=_choices(AFFECTED_ANSWERS, AFFECTED_LABELS),
    )
    component = ChoiceField(
        _l("Was ist betroffen?"),
        [InputRequired(_l("Bitte sagen Sie uns, was betroffen ist."))],
        choices=_choices(COMPONENT_ANSWERS, COMPONENT_LABELS),
    )
    state = ChoiceField(
        _l("Geht es gar nicht mehr oder nur langsamer als gewohnt?"),
        [InputRequired(_l("Bitte sagen Sie uns, ob es ausgefallen oder nur beeinträchtigt ist."))],
        choices=_choices(STATE_ANSWERS, STATE_LABELS),
    )


ANSWER_FIELDS = ("affected", "component", "state")
