"""The admin area ("Verwaltung"): companies, users, API tokens and the outbox, for admins only."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/verwaltung")

from portal.admin import accounts, outbox, views  # noqa: E402, F401
