"""The one shape of a user's bad input: a message per field, in the user's language.

Tickets (TicketError), planned changes (ChangeInputError), the triage wizard
(TriageInputError) and the monitoring intake (AlertError) raise subclasses; the
pages put ``fields`` beside the form fields, the API answers 422 with them (api/errors.py).
"""

from __future__ import annotations

from flask_babel import gettext as _


class InputError(ValueError):
    """Input that breaks a rule: ``fields`` maps each field to its message; ``message`` is the
    general sentence above them (default: "Bitte prüfen Sie Ihre Angaben.")."""

    def __init__(self, fields: dict[str, str], message: str | None = None):
        super().__init__(message or "; ".join(str(text) for text in fields.values()))
        self.fields = fields
        self.message = message or _("Bitte prüfen Sie Ihre Angaben.")
