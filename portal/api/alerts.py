"""API: the webhook the provider's monitoring (Prometheus Alertmanager) posts its alarms to."""

from flask import g, jsonify, request
from flask_babel import gettext as _

from portal.api import bp
from portal.api.auth import api_login_required, require_staff
from portal.api.errors import ApiError, validation_error
from portal.api.openapi import error_responses, json_body, json_response, register
from portal.clock import now
from portal.tickets import alerts


@bp.route("/alerts/alertmanager", methods=["POST"])
@api_login_required(scope="monitoring")
def alertmanager_webhook():
    if g.get("api_token") is None:
        raise ApiError(
            401, "token_required", _("Dieser Zugang ist nur mit einem Monitoring-Token möglich.")
        )
    require_staff()

    payload = request.get_json(silent=True)
    moment = now()
    try:
        parsed = alerts.parse_alertmanager(payload, moment)
    except alerts.AlertError as error:
        raise validation_error(error.fields, _("Die Alarme wurden nicht übernommen.")) from error
    outcomes = alerts.ingest(g.api_token.user, parsed, moment)
    return jsonify(
        {
            "results": [
                {"fingerprint": o.fingerprint, "action": o.action, "ticket": o.ticket}
                for o in outcomes
            ]
        }
    )


register(
    {
        "/alerts/alertmanager": {
            "post": {
                "summary": "Receive Prometheus Alertmanager alarms (webhook_config, version 4)",
                "description": (
                    "Needs a token with scope `monitoring` of a staff account "
                    "(Alertmanager: http_config.authorization.credentials). Each alert names "
                    "the client with the label `customer` (customer number) or `company` "
                    "(name); its class comes from `priority` (critical/normal/low) or "
                    "`severity` (critical/error/page → critical, warning/major → normal, "
                    "minor/info → low; default normal). A firing alert opens a ticket, "
                    "repeats stay on it (same fingerprint), a resolved alert leaves an "
                    "internal note. The whole body is checked first: one bad alert rejects "
                    "the call (422) and nothing is written."
                ),
                "security": [{"bearer": []}],
                "requestBody": json_body(
                    {
                        "type": "object",
                        "required": ["alerts"],
                        "properties": {
                            "alerts": {
                                "type": "array",
                                "maxItems": alerts.MAX_ALERTS,
                                "items": {
                                    "type": "object",
                                    "required": ["status", "labels"],
                                    "properties": {
                                        "status": {"enum": ["firing", "resolved"]},
                                        "labels": {"type": "object"},
                                        "annotations": {"type": "object"},
                                        "startsAt": {"type": "string"},
                                        "endsAt": {"type": "string"},
                                        "generatorURL": {"type": "string"},
                                        "fingerprint": {"type": "string"},
                                    },
                                },
                            }
                        },
                    }
                ),
                "responses": {
                    "200": json_response(
                        "What happened to each alert",
                        {
                            "type": "object",
                            "properties": {
                                "results": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "fingerprint": {"type": "string"},
                                            "action": {
                                                "enum": [
                                                    "created",
                                                    "repeated",
                                                    "resolved",
                                                    "ignored",
                                                ]
                                            },
                                            "ticket": {"type": ["string", "null"]},
                                        },
                                    },
                                }
                            },
                        },
                    ),
                    **error_responses(401, 403, 422),
                },
            }
        }
    }
)
