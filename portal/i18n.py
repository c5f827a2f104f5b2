"""Language selection and Babel formatting: German first, English complete, Europe/Berlin."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from pathlib import Path

from babel.dates import format_datetime as babel_format_datetime
from babel.dates import parse_pattern
from flask import current_app, has_request_context, request, session, url_for
from flask_babel import Babel, format_date, format_decimal, get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup

from portal.sla.calendar import BERLIN

babel = Babel()
CATALOGUES = "portal.i18n.catalogues"
LABELS = "portal.i18n.labels"
TEMPLATE_GETTEXT = "portal.i18n.template_gettext"


def catalogue():
    """The translations for the current locale, looked up once per app and locale.

    flask_babel finds the catalogue anew on every gettext call (several context lookups
    each); a list page translates a hundred strings, so templates and hot paths use this.
    force_locale (e-mails in the recipient's language) still works: the key is the locale.
    """
    locale = get_locale()
    catalogues = current_app.extensions[CATALOGUES]
    try:
        return catalogues[locale]
    except KeyError:
        found = catalogues[locale] = get_translations()
        return found


def fast_gettext(string: str, **variables) -> str:
    """flask_babel.gettext with the catalogue looked up once (see catalogue())."""
    text = catalogue().ugettext(string)
    return text % variables if variables else text


def translated(labels: Mapping) -> dict[str, Markup]:
    """A dict of lazy labels in the current language, built once per app, locale and dict.

    Markup like the lazy strings themselves (flask_babel's LazyString.__html__), so pages
    render exactly as before.
    """
    key = (id(labels), get_locale())
    cache = current_app.extensions[LABELS]
    try:
        return cache[key]
    except KeyError:
        found = cache[key] = {name: Markup(str(label)) for name, label in labels.items()}
        return found


def supported_languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def select_locale() -> str:
    if not has_request_context():  # CLI commands and demo data: the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    languages = supported_languages()
    if getattr(current_user, "is_authenticated", False) and (
        current_user.preferred_language in languages
    ):
        return current_user.preferred_language
    if session.get("lang") in languages:
        return session["lang"]
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def remember_requested_language() -> None:
    """`?lang=en` switches the language for this browser and, when signed in, for the account."""
    lang = request.args.get("lang")
    if lang not in supported_languages():
        return
    session["lang"] = lang
    user = current_user._get_current_object()
    if user.is_authenticated and user.preferred_language != lang:
        user.preferred_language = lang
        user.save(only=[type(user).preferred_language])


def url_with_language(code: str) -> str:
    """The current page in another language (the switch in the header)."""
    if request.endpoint is None or request.method != "GET":
        return url_for("main.index", lang=code)
    # url_for reads _method, _external, _scheme, _anchor as options: from a query string
    # they would break the build (500 on every page) or point the link elsewhere.
    query = {key: value for key, value in request.args.items() if not key.startswith("_")}
    args = {**query, **(request.view_args or {}), "lang": code}
    return url_for(request.endpoint, **args)


def format_local(value: dt.datetime, pattern: str, locale=None) -> str:
    """flask_babel.format_datetime(value, pattern) without its per-call lookups.

    List pages format dozens of times per request, mostly the same instants again (a queue
    polled every few seconds shows the same rows): this converts to the provider's time zone
    (the calendars' Europe/Berlin) and keeps the last few thousand results of Babel's parsed
    pattern. A naive value counts as UTC, as in Babel.
    """
    locale = locale or get_locale()
    if not isinstance(value, dt.datetime):  # dates, timestamps: Babel's own conversions
        return babel_format_datetime(value, pattern, tzinfo=BERLIN, locale=locale)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return _formatted(value, pattern, locale)


@functools.lru_cache(maxsize=4096)
def _formatted(value: dt.datetime, pattern: str, locale) -> str:
    """One instant in one pattern and locale: a pure function of its arguments (the zone is
    fixed), so a bounded cache is always right."""
    return parse_pattern(pattern).apply(value.astimezone(BERLIN), locale)


DATETIME_PATTERNS = {
    "de": {"full": "EEE, dd.MM.yyyy, HH:mm", "short": "dd.MM.yyyy HH:mm", "time": "HH:mm"},
    "en": {"full": "EEE, d MMM yyyy, HH:mm", "short": "d MMM yyyy HH:mm", "time": "HH:mm"},
}
# the staff queue's rows: no year, short weekday ("Mo 30.11. 11:00"), so a row keeps one line
DATETIME_PATTERNS["de"]["row"] = "EEEEEE dd.MM. HH:mm"
DATETIME_PATTERNS["en"]["row"] = "EEE d MMM HH:mm"


def local_datetime(value: dt.datetime | None, style: str = "full", locale=None) -> str:
    """'Di, 25.11.2026, 08:30' in German, 'Tue, 25 Nov 2026, 08:30' in English, local time."""
    if value is None:
        return "–"
    locale = locale or get_locale()
    patterns = DATETIME_PATTERNS["en" if locale.language == "en" else "de"]
    return format_local(value, patterns[style], locale)


@pass_context
def _datetime_filter(context, value: dt.datetime | None, style: str = "full") -> str:
    """|datetime: local_datetime in the render's locale (put there by _language: a list
    formats dozens of times per page), else the request's."""
    return local_datetime(value, style, context.get("current_locale"))


def local_date(value: dt.date | None, style: str = "medium") -> str:
    if value is None:
        return "–"
    if str(get_locale()) == "de" and style == "medium":
        return format_date(value, "EEE, dd.MM.yyyy")
    return format_date(value, style)


def init_app(app) -> None:
    app.config.setdefault(
        "BABEL_TRANSLATION_DIRECTORIES", str(Path(app.root_path).parent / "translations")
    )
    babel.init_app(app, locale_selector=select_locale)
    app.extensions[CATALOGUES] = {}
    app.extensions[LABELS] = {}
    app.extensions[TEMPLATE_GETTEXT] = {}
    # flask_babel's template callables look the catalogue up on every string
    app.jinja_env.install_gettext_callables(
        gettext=lambda text: catalogue().ugettext(text),
        ngettext=lambda singular, plural, n: catalogue().ungettext(singular, plural, n),
        newstyle=True,
        pgettext=lambda context, text: catalogue().upgettext(context, text),
        npgettext=lambda context, singular, plural, n: catalogue().unpgettext(
            context, singular, plural, n
        ),
    )
    app.before_request(remember_requested_language)
    app.add_template_filter(_datetime_filter, "datetime")
    app.add_template_filter(local_date, "date")
    app.add_template_filter(format_decimal, "number")

    @app.context_processor
    def _language():
        return language_context(get_locale())


def language_context(locale) -> dict:
    """What every template gets of its language, built once per app and locale.

    Jinja's newstyle gettext and ngettext over the locale's catalogue (same escaping and
    formatting as jinja2.ext's): a template's _() resolves "_" in its context first, so each
    string skips jinja2.ext's alias and the catalogue lookup of the global callables (a list
    page translates dozens). Templates without the request context still use the globals.
    """
    built = current_app.extensions[TEMPLATE_GETTEXT]
    found = built.get(locale)
    if found is None:
        gettext, ngettext = _newstyle_gettext(catalogue())
        found = built[locale] = {
            "current_language": str(locale),
            "current_locale": locale,
            "languages": supported_languages(),
            "url_with_language": url_with_language,
            "_": gettext,
            "gettext": gettext,
            "ngettext": ngettext,
        }
    return found


def _newstyle_gettext(translations) -> tuple[Callable, Callable]:
    ugettext, ungettext = translations.ugettext, translations.ungettext

    plain: dict[str, Markup] = {}  # the escaped strings without variables, once each

    @pass_context
    def gettext(context, string, **variables):
        autoescape = context.eval_ctx.autoescape
        if autoescape and not variables:
            found = plain.get(string)
            if found is None:
                found = plain[string] = Markup(ugettext(string)) % variables
            return found
        text = ugettext(string)
        if autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def ngettext(context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = ungettext(singular, plural, num)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    return gettext, ngettext
