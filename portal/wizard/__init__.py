"""Blueprint `triage`: the wizard "Wie dringend ist es?" (free text, questions, result)."""

from flask import Blueprint

# cli_group=None: `flask triage-eval`, not `flask triage triage-eval`.
bp = Blueprint("triage", __name__, url_prefix="/stoerung-einordnen", cli_group=None)

from portal.wizard import cli, views  # noqa: E402, F401

bp.cli.add_command(cli.triage_eval_command)
