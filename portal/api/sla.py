"""API: the SLA as data (GET /sla) and the triage (POST /classify), the pages' own services."""

from __future__ import annotations

from flask import current_app, jsonify
from flask_babel import gettext as _

from portal.api import bp
from portal.api.errors import json_object, validation_error
from portal.api.openapi import error_responses, json_body, json_response, register, schema_ref
from portal.sla.calendar import BERLIN, EXTENDED, SERVICE
from portal.sla.setup import WEEKDAY_KEYS
from portal.sla_page import hotline
from portal.sla_page import service as sla
from portal.triage.classify import AFFECTED_ANSWERS, COMPONENT_ANSWERS, STATE_ANSWERS
from portal.wizard import service as wizard
from portal.wizard.forms import ANSWER_FIELDS


@bp.route("/sla")
def sla_summary():
    status = hotline.hotline_status()
    contract = sla.current_contract()
    return jsonify(
        {
            "hours": {
                "service": sla.hours_json(SERVICE),
                "service_text": sla.hours_text(SERVICE),
                "service_closed_on_holidays": sla.holidays_close(SERVICE),
                "extended": sla.hours_json(EXTENDED),
                "extended_closed_on_holidays": sla.holidays_close(EXTENDED),
            },
            "open_now": status.open_now,
            "next_opening": status.next_opening.astimezone(BERLIN).isoformat(),
            "status_text": status.text,
            "holiday": status.holiday,
            "contact": _contact(),
            "classes": [
                {
                    "priority": cls.priority,
                    "label": cls.label,
                    "definition": cls.definition,
                    "examples": [{"key": key, "text": text} for key, text in cls.examples],
                }
                for cls in sla.sla_classes()
            ],
            "response_targets": _response_targets(contract),
        }
    )


def _contact() -> dict:
    return {
        key[len("PROVIDER_") :].lower(): value
        for key, value in current_app.config.items()
        if key.startswith("PROVIDER_")
        and key not in ("PROVIDER_HOLIDAY_SUBDIVISION", "PROVIDER_LOGO")
    }


def _response_targets(contract: sla.Contract | None) -> dict:
    rows = sla.target_table(contract)
    tables = {
        "with_contract": [sla.target_json(row.priority, row.with_contract) for row in rows],
        "without_contract": [sla.target_json(row.priority, row.without_contract) for row in rows],
    }
    if contract is None:
        return tables
    key = "with_contract" if contract.has_contract else "without_contract"
    return {key: tables[key]}


@bp.route("/classify", methods=["POST"])
def classify():
    body = json_object({"text", "answers"}, multiline={"text"})
    if ("text" in body) == ("answers" in body):
        message = _("Bitte senden Sie entweder „text“ oder „answers“.")
        raise validation_error({"text": message, "answers": message}, message)
    try:
        result = _classify_text(body["text"]) if "text" in body else _classify_answers(body)
    except wizard.TriageInputError as error:
        raise validation_error(error.fields) from error
    return jsonify(wizard.result_json(result, sla.current_contract()))


def _classify_text(text):
    if not isinstance(text, str):
        raise wizard.TriageInputError({"text": _("Bitte senden Sie den Text als Zeichenkette.")})
    return wizard.classify_description(text)


def _classify_answers(body: dict):
    answers = body["answers"]
    if not isinstance(answers, dict):
        raise wizard.TriageInputError(
            {"answers": _("Erwartet wird ein Objekt mit affected, component und state.")}
        )
    fields = {
        f"answers.{name}": _("Unbekanntes Feld.")
        for name in sorted(set(answers) - set(ANSWER_FIELDS))
    }
    fields |= {
        f"answers.{name}": _("Bitte senden Sie eine Zeichenkette.")
        for name in ANSWER_FIELDS
        if name in answers and not isinstance(answers[name], str)
    }
    if fields:
        raise wizard.TriageInputError(fields)
    try:
        return wizard.classify_guided(answers)
    except wizard.TriageInputError as error:
        raise wizard.TriageInputError(
            {f"answers.{name}": text for name, text in error.fields.items()}
        ) from error


_TARGET = {
    "type": "object",
    "properties": {
        "priority": {"enum": ["critical", "normal", "low"]},
        "label": {"type": "string"},
        "hours": {"type": "number"},
        "calendar": {"enum": ["service", "extended"]},
        "text": {"type": "string"},
    },
}
_HOURS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "days": {"type": "array", "items": {"enum": list(WEEKDAY_KEYS)}},
            "opens": {"type": "string", "examples": ["07:00"]},
            "closes": {"type": "string", "examples": ["19:00", "24:00"]},
        },
    },
}
_ANSWERS = {
    "type": "object",
    "additionalProperties": False,
    "required": list(ANSWER_FIELDS),
    "properties": {
        "affected": {"enum": list(AFFECTED_ANSWERS)},
        "component": {"enum": list(COMPONENT_ANSWERS)},
        "state": {"enum": list(STATE_ANSWERS)},
    },
}

register(
    {
        "/sla": {
            "get": {
                "summary": "The SLA: hotline hours and status, contact, classes, response targets",
                "description": (
                    "Public. `response_targets` holds the signed-in customer's own table, or "
                    "both (with_contract, without_contract) for anonymous callers and staff. "
                    "Labels follow Accept-Language or the account's language."
                ),
                "security": [{}, {"bearer": []}, {"session": []}],
                "responses": {"200": json_response("The SLA", schema_ref("Sla"))},
            }
        },
        "/classify": {
            "post": {
                "summary": "Suggest an SLA class for a description or for the guided answers",
                "description": (
                    "Public. Send exactly one of `text` (1 to 9999 characters) or `answers`."
                ),
                "security": [{}, {"bearer": []}, {"session": []}],
                "requestBody": json_body(
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "text": {"type": "string", "minLength": 1, "maxLength": 9999},
                            "answers": _ANSWERS,
                        },
                        "oneOf": [{"required": ["text"]}, {"required": ["answers"]}],
                    }
                ),
                "responses": {
                    "200": json_response("The suggested class", schema_ref("Classification")),
                    **error_responses(400, 422),
                },
            }
        },
    },
    {
        "Sla": {
            "type": "object",
            "properties": {
                "hours": {
                    "type": "object",
                    "properties": {
                        "service": _HOURS,
                        "service_text": {"type": "string"},
                        "service_closed_on_holidays": {"type": "boolean"},
                        "extended": _HOURS,
                        "extended_closed_on_holidays": {"type": "boolean"},
                    },
                },
                "open_now": {"type": "boolean"},
                "next_opening": {"type": "string", "format": "date-time"},
                "status_text": {"type": "string"},
                "holiday": {"type": ["string", "null"]},
                "contact": {"type": "object", "additionalProperties": {"type": "string"}},
                "classes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "priority": {"enum": ["critical", "normal", "low"]},
                            "label": {"type": "string"},
                            "definition": {"type": ["string", "null"]},
                            "examples": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "key": {"type": "string"},
                                        "text": {"type": "string"},
                                    },
                                },
                            },
                        },
                    },
                },
                "response_targets": {
                    "type": "object",
                    "properties": {
                        "with_contract": {"type": "array", "items": _TARGET},
                        "without_contract": {"type": "array", "items": _TARGET},
                    },
                },
            },
        },
        "Classification": {
            "type": "object",
            "required": ["priority", "example", "explanation", "matched_terms", "confident"],
            "properties": {
                "priority": {"enum": ["critical", "normal", "low"]},
                "label": {"type": "string"},
                "example_key": {"type": "string"},
                "example": {"type": "string"},
                "explanation": {"type": "string"},
                "matched_terms": {"type": "array", "items": {"type": "string"}},
                "confident": {"type": "boolean"},
                "suggested_answers": {"type": "object", "additionalProperties": {"type": "string"}},
                "response_target": {
                    "type": "object",
                    "description": "with_contract / without_contract: the caller's own, or both",
                    "additionalProperties": {
                        "type": "object",
                        "properties": {
                            "text": {"type": "string"},
                            "due": {"type": "string", "format": "date-time"},
                            "due_text": {"type": "string"},
                        },
                    },
                },
            },
        },
    },
)
