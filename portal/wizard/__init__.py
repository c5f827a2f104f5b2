"""Blueprint `triage`: the wizard "Störung einordnen" (free text, guided questions, result)."""

from flask import Blueprint

bp = Blueprint("triage", __name__, url_prefix="/stoerung-einordnen")

from portal.wizard import views  # noqa: E402, F401
