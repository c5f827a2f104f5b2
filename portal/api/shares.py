"""API: share a ticket with a colleague of its company, or stop sharing it (tickets/sharing.py
holds the rules, the same as the ticket page's)."""

from __future__ import annotations

from flask import Response, jsonify, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.api import bp, openapi
from portal.api.auth import api_login_required
from portal.api.errors import ApiError, json_object, validation_error
from portal.api.responses import created
from portal.models import User
from portal.tickets import queries, schemas, sharing


def _sharable(number: str):
    """The ticket if the caller sees it (else 404) and may share it (else 403)."""
    ticket = queries.ticket_for(current_user, number)
    if ticket is None:
        raise ApiError(404, "not_found", _("Dieses Ticket gibt es nicht."))
    if not sharing.may_share(current_user, ticket):
        raise ApiError(
            403,
            "forbidden",
            _("Teilen dürfen nur der Melder, die Ansprechpartner der Firma und das Service-Team."),
        )
    return ticket


def _shares_json(ticket) -> dict:
    return {"shared_with": [user.email for user in sharing.shared_with(ticket)]}


@bp.route("/tickets/<number>/shares", methods=["POST"])
@api_login_required()
def share_ticket(number: str):
    body = json_object(schemas.names(schemas.NEW_SHARE))
    values, errors = schemas.read_body(schemas.NEW_SHARE, body)
    if "email" not in body:
        errors["email"] = _("Bitte geben Sie die E-Mail-Adresse an.")
    if errors:
        raise validation_error(errors)
    ticket = _sharable(number)
    try:
        colleague = sharing.colleague_by_email(ticket, values["email"])
        new = sharing.share(ticket, current_user, colleague)
    except sharing.ShareError as error:
        if error.status == 403:
            raise ApiError(403, "forbidden", error.message) from error
        raise validation_error({"email": error.message}, error.message) from error
    if not new:
        return jsonify(_shares_json(ticket))
    return created(_shares_json(ticket), url_for("api.get_ticket", number=ticket.number))


@bp.route("/tickets/<number>/shares/<path:email>", methods=["DELETE"])
@api_login_required()
def unshare_ticket(number: str, email: str):
    ticket = _sharable(number)
    colleague = User.by_email(email)
    if colleague is None or colleague.company_id != ticket.company_id:
        raise ApiError(404, "not_found", _("Mit dieser Adresse ist das Ticket nicht geteilt."))
    if not sharing.unshare(ticket, current_user, colleague):
        raise ApiError(404, "not_found", _("Mit dieser Adresse ist das Ticket nicht geteilt."))
    return Response(status=204)


_SHARES = openapi.json_response(
    "The colleagues it is shared with",
    {
        "type": "object",
        "properties": {
            "shared_with": {"type": "array", "items": {"type": "string", "format": "email"}}
        },
    },
    {
        "StopSharing": openapi.link(
            "/tickets/{number}/shares/{email}",
            "delete",
            number="$request.path.number",
            email="$request.body#/email",
        )
    },
)

openapi.register(
    {
        "/tickets/{number}/shares": {
            "parameters": [openapi.TICKET_NUMBER],
            "post": {
                "summary": "Share with an active colleague of the ticket's company (its reporter "
                "or creator, the company's contacts and staff may; 200 if shared already)",
                "requestBody": openapi.json_body(openapi.schema_ref("NewShare")),
                "responses": {
                    "201": _SHARES,
                    "200": _SHARES,
                    **openapi.error_responses(400, 401, 403, 404, 422),
                },
            },
        },
        "/tickets/{number}/shares/{email}": {
            "parameters": [
                openapi.TICKET_NUMBER,
                openapi.path_parameter("email"),
            ],
            "delete": {
                "summary": "Stop sharing the ticket with this colleague",
                "responses": {
                    "204": {"description": "No longer shared"},
                    **openapi.error_responses(401, 403, 404),
                },
            },
        },
    }
)
