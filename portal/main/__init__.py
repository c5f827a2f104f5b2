"""The start page and the company page (the health checks are in portal/ops)."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from portal.main import branding, views  # noqa: E402, F401
