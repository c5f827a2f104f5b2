"""API authentication: the browser session (with a CSRF header) or `Authorization: Bearer`."""

from __future__ import annotations

from functools import wraps

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from wtforms import ValidationError

from portal.api import bp
from portal.api.errors import ApiError
from portal.db import utcnow
from portal.models import ApiToken

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def load_user_from_request(req):
    """flask-login's request loader: a valid Bearer token signs the request in."""
    if not req.path.startswith("/api/"):
        return None
    plain = bearer_token()
    if plain is None:
        return None
    token = ApiToken.find_active(plain)
    if token is None:
        return None
    ApiToken.update(last_used_at=utcnow()).where(ApiToken.id == token.id).execute()
    g.api_token = token
    return token.user


@bp.errorhandler(ApiError)
def _api_error(error: ApiError):
    return error.response()


@bp.before_request
def check_authentication_and_csrf():
    if bearer_token() is not None:
        if not current_user.is_authenticated:
            raise ApiError(401, "invalid_token", _("Das Token ist ungültig oder widerrufen."))
        return
    if request.method in SAFE_METHODS or not current_user.is_authenticated:
        return
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    try:
        validate_csrf(request.headers.get("X-CSRFToken"))
    except ValidationError as error:
        raise ApiError(
            400,
            "csrf_failed",
            _("CSRF-Token fehlt oder ist ungültig (Kopfzeile X-CSRFToken)."),
        ) from error


def api_login_required(scope: str = "api"):
    """Signed in by session, or by a token of the given scope."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                raise ApiError(401, "unauthorized", _("Bitte melden Sie sich an."))
            token = g.get("api_token")
            if token is not None and token.scope != scope:
                raise ApiError(
                    403, "wrong_scope", _("Dieses Token ist für diesen Zweck nicht freigegeben.")
                )
            return view(*args, **kwargs)

        return wrapped

    return decorator


def require_staff():
    if not current_user.is_staff:
        raise ApiError(403, "forbidden", _("Dafür fehlt Ihnen die Berechtigung."))
