"""The API's single error format: {"error": {"code": …, "message": …, "fields": {…}}}."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _

from portal.text import text_problem


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}

    def response(self):
        body = {"error": {"code": self.code, "message": self.message}}
        if self.fields:
            body["error"]["fields"] = {name: str(text) for name, text in self.fields.items()}
        return jsonify(body), self.status


def validation_error(fields: dict, message: str | None = None) -> ApiError:
    """Bad values, named per field (always 422); the overall message says so unless given."""
    return ApiError(422, "validation_error", message or _("Die Angaben sind ungültig."), fields)


def json_object(allowed: set[str], multiline: frozenset[str] | set[str] = frozenset()) -> dict:
    """The request body as a JSON object with only known keys, or a 400 that says what is wrong;
    every text in it (nested ones too) kept to portal/text.py's rule, multi-line only for the
    keys in `multiline`, or a 422 naming the fields, before anything is written."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json", _("Erwartet wird ein JSON-Objekt im Anfragetext."))
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ApiError(
            400,
            "unknown_field",
            _("Unbekannte Felder: %(fields)s.", fields=", ".join(unknown)),
            {name: _("Unbekanntes Feld.") for name in unknown},
        )
    refused = {}
    for name, value in body.items():
        problem = _first_text_problem(value, name in multiline)
        if problem is not None:
            refused[name] = problem
    if refused:
        raise validation_error(refused)
    return body


def _first_text_problem(value, multiline: bool):
    if isinstance(value, str):
        return text_problem(value, multiline)
    children = value.values() if isinstance(value, dict) else value
    if isinstance(value, dict | list):
        keys = list(value) if isinstance(value, dict) else []
        for child in [*keys, *children]:
            problem = _first_text_problem(child, multiline)
            if problem is not None:
                return problem
    return None
