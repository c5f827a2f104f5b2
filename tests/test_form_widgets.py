"""portal.form_widgets: wtforms' fields render exactly as with wtforms' own html_params."""

from __future__ import annotations

import datetime as dt

import pytest
import wtforms.widgets
import wtforms.widgets.core
from markupsafe import Markup
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    MultipleFileField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from portal.form_widgets import WTFORMS_HTML_PARAMS, html_params
from portal.forms import PortalForm


@pytest.mark.parametrize(
    "attributes",
    [
        {"name": "body", "id": "body"},
        {"class_": "a b", "for_": "x", "data_live_url": "/x?a=1&b=2", "aria_describedby": "h e"},
        {"value": "Er sagte \"Hallo\" <b> & 'so'"},
        {"value": Markup('<i class="x">schon sicher</i>')},
        {"multiple": True, "disabled": False, "required": True, "maxlength": 200},
        {"value": None, "rows": 5, "placeholder": "Name oder Nr."},
        {"title": "Störung – Drucker", "z": "", "a": 0},
        {},
    ],
)
def test_html_params_give_wtforms_text(attributes):
    ours, theirs = html_params(**attributes), WTFORMS_HTML_PARAMS(**attributes)
    assert ours == theirs
    assert type(ours) is type(theirs) is Markup


class _EveryField(PortalForm):
    text = StringField("Titel <kurz>", validators=[DataRequired(), Length(max=200)])
    body = TextAreaField("Text", default='Zeile 1\n"Zitat" & <b>')
    secret = PasswordField("Passwort")
    email = EmailField("E-Mail")
    number = IntegerField("Tage", default=3)
    day = DateField("Frist", default=dt.date(2026, 11, 30))
    flag = BooleanField("Dringend", default=True)
    choice = SelectField("Klasse", choices=[("critical", "Kritisch"), ("low", "<Niedrig>")])
    many = SelectMultipleField("Viele", choices=[("a", "A"), ("b", "B")], default=["b"])
    radio = RadioField("Wahl", choices=[("x", "X"), ("y", "Y")], default="y")
    files = MultipleFileField("Anhänge")
    hidden = HiddenField(default='a"b')
    submit = SubmitField("Senden")


def _rendered(form) -> list[str]:
    pages = []
    for field in form:
        pages.append(str(field.label()))
        pages.append(str(field(class_="x", aria_describedby="h", data_a_b='"q"')))
        pages.append(str(field()))
    pages.append(str(form.hidden_tag()))
    return pages


def test_every_field_renders_as_with_wtforms_own(app, monkeypatch):
    """The canary: if wtforms stops looking html_params up where the portal puts it, or
    builds attributes otherwise, a field renders differently here."""
    with app.test_request_context():
        form = _EveryField(formdata=None)
        ours = _rendered(form)
        assert wtforms.widgets.core.html_params is html_params  # put there at start
        core = wtforms.widgets.core
        monkeypatch.setattr(core, "html_params", WTFORMS_HTML_PARAMS)
        monkeypatch.setattr(wtforms.widgets, "html_params", WTFORMS_HTML_PARAMS)
        monkeypatch.setattr(core.Input, "html_params", staticmethod(WTFORMS_HTML_PARAMS))
        monkeypatch.setattr(core.Button, "html_params", staticmethod(WTFORMS_HTML_PARAMS))
        theirs = _rendered(form)
    assert ours == theirs
    assert 'value="a&#34;b"' in "".join(ours)  # escaped, quotes included


def test_the_widgets_use_the_fast_attributes(app):
    """A widget whose attributes no longer go through the replaced names would still render
    right, only slowly: this notices it."""
    core = wtforms.widgets.core
    assert core.html_params is wtforms.widgets.html_params is html_params
    assert core.Input.html_params is html_params
    assert core.Button.html_params is html_params
