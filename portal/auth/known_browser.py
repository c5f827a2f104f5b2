"""A signed cookie that says "this browser signed in to this account before".

It lets the account's owner past the account-wide slowdown of the sign-in limit (see
portal/auth/limit.py): whoever attacks an account from elsewhere slows it down for strangers,
not for its owner's own browsers. It holds a keyed hash of the address, nothing readable.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.models import User

COOKIE = "portal_known_browser"
MAX_AGE_DAYS = 180


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="known-browser")


def _fingerprint(email: str) -> str:
    key = current_app.secret_key.encode() if isinstance(current_app.secret_key, str) else b""
    normalised = User.normalise_email(email).encode("utf-8", "surrogatepass")
    return hmac.new(key, normalised, hashlib.sha256).hexdigest()[:32]


def recognises(email: str) -> bool:
    value = request.cookies.get(COOKIE)
    if not value:
        return False
    try:
        known = _serializer().loads(value, max_age=MAX_AGE_DAYS * 86400)
    except BadSignature:
        return False
    return isinstance(known, str) and hmac.compare_digest(known, _fingerprint(email))


def remember(response, email: str):
    response.set_cookie(
        COOKIE,
        _serializer().dumps(_fingerprint(email)),
        max_age=MAX_AGE_DAYS * 86400,
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )
    return response
