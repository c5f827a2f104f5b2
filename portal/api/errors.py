"""The API's single error format: {"error": {"code": …, "message": …, "fields": {…}}}."""

from __future__ import annotations

from flask import jsonify


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}

    def response(self):
        body = {"error": {"code": self.code, "message": self.message}}
        if self.fields:
            body["error"]["fields"] = {name: str(text) for name, text in self.fields.items()}
        return jsonify(body), self.status


def validation_error(fields: dict, message: str, status: int = 422) -> ApiError:
    return ApiError(status, "validation_error", message, fields)
