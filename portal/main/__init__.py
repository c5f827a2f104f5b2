"""The start page, the company page and the health check."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from portal.main import branding, views  # noqa: E402, F401
