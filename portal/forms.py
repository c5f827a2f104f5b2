"""The base of every form: the text rule of portal/text.py on every field, and a 422 for it.

A refused text never reaches a service, so nothing is half-written. The page shows the reason
next to the field, labelled as usual, and answers 422 instead of the form's 400. Query strings
(filters, the wizard) are checked before any view runs: no NUL, surrogate or control
character other than line breaks and tabs.
"""

from __future__ import annotations

import functools

from babel.support import Translations
from flask import g, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.i18n import messages_path
from wtforms.validators import Length

from portal.form_widgets import use_fast_html_params
from portal.security import error_response, wants_json
from portal.text import character_problem, one_line, text_problem


def at_most(max_chars: int) -> Length:
    """The length limit of a text field, with the one message every form shows for it."""
    return Length(max=max_chars, message=_l("Höchstens %(max)d Zeichen."))


@functools.lru_cache(maxsize=16)
def wtforms_messages(locale: str) -> Translations:
    """wtforms' catalogue for ``locale`` (English, untranslated, where it has none)."""
    return Translations.load(messages_path(), [locale], domain="wtforms")


def field_problem(field):
    """The text rule for one field's submitted values (multi-line for text areas)."""
    multiline = isinstance(field, TextAreaField)
    for value in field.raw_data or ():
        if isinstance(value, str):
            problem = text_problem(value, multiline=multiline)
            if problem is not None:
                return problem
    return None


class PortalForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            """wtforms' own messages in the request's language, as flask_wtf gives them, but
            from a catalogue read once per process: flask_wtf reads it from disk for every
            request that shows a form (0.4 ms)."""
            return wtforms_messages(str(get_locale()))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        refused = False
        for field in self:
            problem = field_problem(field)
            if problem is not None:
                field.errors = [str(problem)]
                refused = True
        if refused:
            g.text_refused = True
        return valid and not refused


def refuse_bad_query_text():
    for name, value in request.args.items(multi=True):
        # an empty-looking filter is just no filter: only the characters are checked
        problem = character_problem(value, multiline=True)
        if problem is None:
            continue
        message = _("Parameter „%(name)s“: %(problem)s", name=one_line(name)[:40], problem=problem)
        if wants_json():
            # imported here: portal.api imports every blueprint, whose forms import this module
            from portal.api.errors import validation_error

            return validation_error({one_line(name)[:40]: problem}, message).response()
        return error_response(422, message)
    return None


def text_refusals_are_422(response):
    if response.status_code == 400 and g.get("text_refused"):
        response.status_code = 422
    return response


def init_app(app) -> None:
    use_fast_html_params()
    app.before_request(refuse_bad_query_text)
    app.after_request(text_refusals_are_422)
