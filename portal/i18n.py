"""Language selection and Babel formatting: German first, English complete, Europe/Berlin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flask import current_app, has_request_context, request, session, url_for
from flask_babel import Babel, format_date, format_datetime, format_decimal, get_locale
from flask_login import current_user

babel = Babel()


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


def local_datetime(value: dt.datetime | None, style: str = "full") -> str:
    """'Di, 25.11.2026, 08:30' in German, 'Tue, 25 Nov 2026, 08:30' in English, local time."""
    if value is None:
        return "–"
    patterns = {"full": "EEE, dd.MM.yyyy, HH:mm", "short": "dd.MM.yyyy HH:mm", "time": "HH:mm"}
    if str(get_locale()) == "en":
        patterns = {"full": "EEE, d MMM yyyy, HH:mm", "short": "d MMM yyyy HH:mm", "time": "HH:mm"}
    return format_datetime(value, patterns[style])


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
    app.before_request(remember_requested_language)
    app.add_template_filter(local_datetime, "datetime")
    app.add_template_filter(local_date, "date")
    app.add_template_filter(format_decimal, "number")

    @app.context_processor
    def _language():
        return {
            "current_language": str(get_locale()),
            "languages": supported_languages(),
            "url_with_language": url_with_language,
        }
