"""API: the OpenAPI document and the signed-in account."""

from flask import jsonify
from flask_login import current_user

from portal.api import bp
from portal.api.auth import api_login_required
from portal.api.openapi import document, error_responses, register


@bp.route("/openapi.json")
def openapi():
    return jsonify(document())


@bp.route("/me")
@api_login_required()
def me():
    user = current_user
    return jsonify(
        {
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "company": user.company.name if user.company_id else None,
            "preferred_language": user.preferred_language,
        }
    )


register(
    {
        "/me": {
            "get": {
                "summary": "The signed-in account",
                "responses": {
                    "200": {
                        "description": "The account",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "email": {"type": "string"},
                                        "name": {"type": "string"},
                                        "role": {"enum": ["customer", "staff", "admin"]},
                                        "company": {"type": ["string", "null"]},
                                        "preferred_language": {"type": ["string", "null"]},
                                    },
                                }
                            }
                        },
                    },
                    **error_responses(401),
                },
            }
        }
    }
)
