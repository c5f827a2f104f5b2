"""Security headers and the error pages (HTML in the user's language, JSON under /api/)."""

from __future__ import annotations

from flask import current_app, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
)

ERROR_TEXTS = {
    400: (_l("Ungültige Anfrage"), _l("Die Anfrage konnte nicht verarbeitet werden.")),
    401: (_l("Anmeldung erforderlich"), _l("Bitte melden Sie sich an.")),
    403: (_l("Kein Zugriff"), _l("Für diese Seite fehlt Ihnen die Berechtigung.")),
    404: (
        _l("Seite nicht gefunden"),
        _l("Diese Seite gibt es nicht oder nicht mehr. Bitte prüfen Sie die Adresse."),
    ),
    405: (_l("Nicht erlaubt"), _l("Diese Aktion ist hier nicht möglich.")),
    413: (
        _l("Zu groß"),
        _l("Die gesendeten Daten sind zu groß. Eine Datei darf höchstens 10 MB groß sein."),
    ),
    422: (_l("Eingaben unvollständig"), _l("Bitte prüfen Sie Ihre Eingaben.")),
    429: (
        _l("Zu viele Versuche"),
        _l("Zu viele Versuche in kurzer Zeit. Bitte warten Sie einige Minuten."),
    ),
    500: (
        _l("Interner Fehler"),
        _l(
            "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal "
            "oder rufen Sie unsere Hotline an."
        ),
    ),
}

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "unprocessable",
    429: "too_many_requests",
    500: "internal_error",
}


SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
HSTS_HEADER = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def set_security_headers(response):
    """The security headers a response has not set itself. One pass over its headers:
    werkzeug's setdefault raises and catches a KeyError for every header not there yet."""
    headers = response.headers
    present = {name.lower() for name, _value in headers.items()}
    wanted = SECURITY_HEADERS
    if current_app.config["ENV_NAME"] == "production":
        wanted = (*wanted, HSTS_HEADER)
    headers.extend([(name, value) for name, value in wanted if name.lower() not in present])
    return response


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str | None = None, code: str | None = None):
    title, default_message = ERROR_TEXTS.get(status, ERROR_TEXTS[500])
    message = message or str(default_message)
    if wants_json():
        body = {"error": {"code": code or ERROR_CODES.get(status, "error"), "message": message}}
        return make_response(jsonify(body), status)
    page = render_template("errors/error.html", status=status, title=title, message=message)
    return make_response(page, status)


def _custom_description(error: HTTPException) -> str | None:
    """A description given to abort() is ours (translated); werkzeug's defaults are English."""
    default = type(error).description
    return error.description if error.description and error.description != default else None


def handle_http_error(error: HTTPException):
    status = error.code or 500
    response = error_response(status, _custom_description(error))
    if status == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    if status == 429 and getattr(error, "retry_after", None):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def handle_csrf_error(error: CSRFError):
    return error_response(
        400,
        _(
            "Das Formular ist abgelaufen oder ungültig. "
            "Bitte laden Sie die Seite neu und senden Sie es noch einmal."
        ),
        code="csrf_failed",
    )


def refuse_json_on_pages():
    """Pages take HTML forms. flask-wtf would read a JSON body as form data, and a list or a
    number where a text is expected breaks the form (500); the JSON API lives under /api/."""
    if request.method not in ("GET", "HEAD", "OPTIONS") and request.is_json and not wants_json():
        return error_response(
            400,
            _(
                "Diese Seite nimmt nur Formulare an. "
                "Für JSON nutzen Sie bitte die API unter /api/v1."
            ),
        )
    return None


def handle_unexpected_error(error: Exception):
    current_app.logger.exception("unhandled error", exc_info=error)
    return error_response(500)


def init_app(app) -> None:
    app.before_request(refuse_json_on_pages)
    app.after_request(set_security_headers)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected_error)
    if not app.config.get("PROPAGATE_EXCEPTIONS"):
        app.register_error_handler(Exception, handle_unexpected_error)
