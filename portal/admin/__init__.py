"""The admin area ("Verwaltung"): companies, users and API tokens, for admins only."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/verwaltung")

from portal.admin import views  # noqa: E402, F401
