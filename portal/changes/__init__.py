"""Planned changes (Geplante Änderungen): customers announce, staff schedule, calendars show."""

from flask import Blueprint

bp = Blueprint("changes", __name__)

from portal.changes import demo, views  # noqa: E402, F401
