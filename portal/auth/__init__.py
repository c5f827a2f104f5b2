"""Sign-in, sign-out, the rate limit on failed sign-ins, the account page and API tokens."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from portal.auth import contacts, reset, session_views, two_factor, views  # noqa: E402, F401
