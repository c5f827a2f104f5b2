"""API: the OpenAPI document and the signed-in account."""

from flask import current_app, jsonify
from flask_babel import gettext as _
from flask_login import current_user

from portal.api import bp
from portal.api.auth import api_login_required
from portal.api.errors import json_object, validation_error
from portal.api.openapi import document, error_responses, json_body, json_response, register
from portal.config import DefaultConfig


@bp.route("/openapi.json")
def openapi():
    return jsonify(document())


def account_json(user) -> dict:
    return {
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "company": user.company.name if user.company_id else None,
        "preferred_language": user.preferred_language,
    }


@bp.route("/me")
@api_login_required()
def me():
    return jsonify(account_json(current_user))


@bp.route("/me", methods=["PATCH"])
@api_login_required()
def update_me():
    body = json_object({"preferred_language"})
    language = body.get("preferred_language")
    if language not in (None, *current_app.config["LANGUAGES"]):
        raise validation_error(
            {"preferred_language": _("Erlaubt sind: %(choices)s.", choices="de, en, null")},
        )
    user = current_user._get_current_object()
    user.preferred_language = language
    user.save(only=[type(user).preferred_language])
    return jsonify(account_json(user))


LANGUAGES = DefaultConfig.LANGUAGES

register(
    {
        "/me": {
            "get": {
                "summary": "The signed-in account",
                "responses": {
                    "200": json_response(
                        "The account",
                        {
                            "type": "object",
                            "properties": {
                                "email": {"type": "string"},
                                "name": {"type": "string"},
                                "role": {"enum": ["customer", "staff", "admin"]},
                                "company": {"type": ["string", "null"]},
                                "preferred_language": {"type": ["string", "null"]},
                            },
                        },
                    ),
                    **error_responses(401),
                },
            },
            "patch": {
                "summary": "Change the account's preferred language",
                "requestBody": json_body(
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {"preferred_language": {"enum": [*LANGUAGES, None]}},
                    }
                ),
                "responses": {
                    "200": {"description": "The account"},
                    **error_responses(400, 401, 422),
                },
            },
        }
    }
)
