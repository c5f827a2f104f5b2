"""German explanation templates (marked with N_) and their rendering in the user's language."""

from collections.abc import Callable

from portal.triage.i18n import N_

EXPLAIN_MATCH = N_(
    "Ihre Beschreibung (%(terms)s) passt zum Beispiel „%(example)s“. Einstufung: %(priority)s."
)
EXPLAIN_REQUEST = N_(
    "Ihre Beschreibung (%(terms)s) klingt nach einer Frage oder einem Wunsch, nicht nach einer"
    " Störung. Einstufung: %(priority)s."
)
EXPLAIN_REQUEST_PLAIN = N_(
    "Ihre Nachricht klingt nach einer Frage oder einem Wunsch, nicht nach einer Störung."
    " Einstufung: %(priority)s."
)
EXPLAIN_SCOPE_UNCLEAR = N_(
    "Ihre Beschreibung (%(terms)s) lässt offen, ob nur Sie oder das ganze Unternehmen betroffen"
    " sind. Vorläufige Einstufung: %(priority)s. Bitte beantworten Sie die folgenden Fragen."
)
EXPLAIN_UNCLEAR_WITH_TERMS = N_(
    "Ihre Beschreibung (%(terms)s) ist nicht eindeutig genug. Vorläufige Einstufung:"
    " %(priority)s. Bitte beantworten Sie die folgenden Fragen."
)
EXPLAIN_UNCLEAR = N_(
    "Ihre Beschreibung ist nicht eindeutig genug. Vorläufige Einstufung: %(priority)s."
    " Bitte beantworten Sie die folgenden Fragen."
)
EXPLAIN_ANSWERS = N_(
    "Nach Ihren Angaben passt das Beispiel „%(example)s“. Einstufung: %(priority)s."
)
EXPLAIN_LEARNED = N_(
    "Ihre Beschreibung (%(terms)s) gleicht Meldungen, die wir als %(priority)s einstufen."
    " Einstufung: %(priority)s."
)
EXPLAIN_LEARNED_PLAIN = N_(
    "Ihre Beschreibung gleicht Meldungen, die wir als %(priority)s einstufen."
    " Einstufung: %(priority)s."
)

# The variant of a template for a text in which no words were recognised.
WITHOUT_TERMS = {
    EXPLAIN_UNCLEAR_WITH_TERMS: EXPLAIN_UNCLEAR,
    EXPLAIN_REQUEST: EXPLAIN_REQUEST_PLAIN,
    EXPLAIN_LEARNED: EXPLAIN_LEARNED_PLAIN,
}

# Parameters that are themselves German msgids (SLA example, class label), not user words.
TRANSLATED_PARAMS = ("example", "priority")


def render_explanation(result, gettext: Callable[[str], str]) -> str:
    """The result's explanation in the language of `gettext`, with its parameters filled in."""
    params = dict(result.explanation_params)
    for name in TRANSLATED_PARAMS:
        if name in params:
            params[name] = gettext(params[name])
    return gettext(result.explanation) % params
