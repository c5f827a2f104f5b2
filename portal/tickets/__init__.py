"""Tickets: report a problem, follow and answer it; staff work the queue."""

from flask import Blueprint

bp = Blueprint("tickets", __name__)

from portal.tickets import share_views, views  # noqa: E402, F401
