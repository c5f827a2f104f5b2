"""The staff's start page (Übersicht): open tickets by class and state, the last 30 days as
charts, and the live update of this page and the queue."""

from flask import Blueprint

bp = Blueprint("cockpit", __name__)

from portal.cockpit import views  # noqa: E402, F401
