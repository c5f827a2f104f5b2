"""The JSON API under /api/v1: the same service functions as the pages, one error format."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from portal.api import alerts, auth, changes, meta, shares, sla, tickets  # noqa: E402, F401
