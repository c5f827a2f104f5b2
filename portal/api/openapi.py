"""The OpenAPI 3.1 document, assembled from the parts each API module registers."""

from __future__ import annotations

import copy

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Kundenportal API",
        "version": "1.0.0",
        "description": (
            "JSON API of the customer portal. Authenticate with the browser session "
            "(unsafe methods need the X-CSRFToken header) or with "
            "`Authorization: Bearer <token>` (tokens are created on the account page). "
            'Errors: {"error": {"code": …, "message": …, "fields": {…}}}: 400 when the body '
            "is not a JSON object or has keys the operation does not know, 422 when a value is "
            "refused (`fields` names each). A date and time without an offset is the "
            "provider's local time (Europe/Berlin). "
            "Send Accept-Language: en for English labels and messages."
        ),
    },
    "servers": [{"url": "/api/v1"}],
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "session": {"type": "apiKey", "in": "cookie", "name": "session"},
        },
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": {"type": "string"},
                            "message": {"type": "string"},
                            "fields": {
                                "type": "object",
                                "additionalProperties": {"type": "string"},
                            },
                        },
                    }
                },
            }
        },
    },
    "security": [{"bearer": []}, {"session": []}],
    "paths": {},
}


def register(paths: dict, schemas: dict | None = None) -> None:
    """Called once by each API module at import time."""
    DOCUMENT["paths"].update(paths)
    DOCUMENT["components"]["schemas"].update(schemas or {})


JSON = "application/json"


def schema_ref(name: str) -> dict:
    """A reference to a schema in components/schemas."""
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict) -> dict:
    """A required JSON request body."""
    return {"required": True, "content": {JSON: {"schema": schema}}}


def json_response(description: str, schema: dict, links: dict | None = None) -> dict:
    """A response with a JSON body; ``links`` name the operations its values lead to."""
    response = {"description": description, "content": {JSON: {"schema": schema}}}
    if links:
        response["links"] = links
    return response


def link(path: str, method: str, **parameters: str) -> dict:
    """An OpenAPI link to the operation ``method`` of ``path``, its parameters taken from the
    request or the response (e.g. ``number="$response.body#/number"``): clients and the
    contract test (schemathesis' stateful phase) follow it from a new ticket to its changes."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {"operationRef": f"#/paths/{pointer}/{method}", "parameters": parameters}


def path_parameter(name: str, kind: str = "string", example: str | None = None) -> dict:
    """A parameter in the path of an operation (always required)."""
    parameter = {"name": name, "in": "path", "required": True, "schema": {"type": kind}}
    if example is not None:
        parameter["example"] = example
    return parameter


# The ticket number in /tickets/{number}/... (the tickets and the shares API)
TICKET_NUMBER = path_parameter("number", example="T-2026-00042")


def error_responses(*statuses: int) -> dict:
    return {str(status): json_response("Error", schema_ref("Error")) for status in statuses}


def document() -> dict:
    return copy.deepcopy(DOCUMENT)
