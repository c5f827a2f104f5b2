"""Successful answers shared by the API modules (errors are in portal.api.errors)."""

from __future__ import annotations

from flask import jsonify


def created(body: dict, location: str | None = None):
    """201 Created with the new resource as JSON and, where it has its own URL, a Location."""
    response = jsonify(body)
    response.status_code = 201
    if location is not None:
        response.headers["Location"] = location
    return response
