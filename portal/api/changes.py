"""API: planned changes (GET/POST /changes, GET/PATCH /changes/{id}), same services as the pages."""

from __future__ import annotations

import datetime as dt

from flask import jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.api import bp
from portal.api.auth import api_login_required
from portal.api.errors import ApiError, json_object, validation_error
from portal.api.idempotency import idempotent, idempotent_operation
from portal.api.openapi import (
    error_responses,
    json_body,
    json_response,
    link,
    path_parameter,
    register,
    schema_ref,
)
from portal.api.responses import created
from portal.changes import rules, schemas, service
from portal.changes.models import PlannedChange
from portal.paging import MAX_PER_PAGE, api_paging, paginate
from portal.sla.calendar import BERLIN, LOCAL_MOMENT_PATTERN, parse_local_moment
from portal.tickets.service import write_transaction

CREATE_KEYS = {"kind", "details", "wished_date", "alternative_date"}
PATCH_KEYS = {"state", "scheduled_start", "scheduled_end", "technician", "decline_reason"}
SCHEDULE_KEYS = {"scheduled_start", "scheduled_end", "technician"}
PER_PAGE = 25


def _iso(value):
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def change_json(change: PlannedChange, warnings: list[str] | None = None) -> dict:
    technician = change.technician
    return {
        "id": change.id,
        "url": url_for("changes.detail", change_id=change.id, _external=True),
        "kind": change.kind,
        "kind_label": service.kind_label(change.kind),
        "title": service.change_title(change),
        "details": change.details,
        "wished_date": change.wished_date.isoformat(),
        "alternative_date": change.alternative_date.isoformat()
        if change.alternative_date
        else None,
        "state": change.state,
        "state_label": service.state_label(change.state),
        "scheduled_start": _iso(change.scheduled_start),
        "scheduled_end": _iso(change.scheduled_end),
        "technician": {"name": technician.name, "email": technician.email} if technician else None,
        "lead_time_ok": change.lead_time_ok,
        "recommended_earliest": change.recommended_earliest.isoformat(),
        "company": {"id": change.company.id, "name": change.company.name},
        "created_at": _iso(change.created_at),
        "decline_reason": change.decline_reason or None,
        "warnings": [*service.change_warnings(change), *(warnings or [])],
    }


def _input_error(error: service.ChangeInputError) -> ApiError:
    return validation_error(error.fields, error.message)


def _state_conflict(error: service.ChangeStateError) -> ApiError:
    return ApiError(409, "invalid_state", str(error))


def _visible_change(change_id: int) -> PlannedChange:
    change = service.changes_visible_to(current_user).where(PlannedChange.id == change_id).first()
    if change is None:
        raise ApiError(404, "not_found", _("Diese Änderung gibt es nicht."))
    return change


@bp.route("/changes")
@api_login_required()
def list_changes():
    errors: dict = {}
    page, per_page = api_paging(request.args, PER_PAGE, errors)
    query = service.changes_visible_to(current_user)
    filters = {"state": rules.STATES, "kind": rules.KINDS}
    for name, allowed in filters.items():
        value = request.args.get(name)
        if value is None:
            continue
        if value not in allowed:
            errors[name] = _("Erlaubt sind: %(choices)s.", choices=", ".join(allowed))
            continue
        query = query.where(getattr(PlannedChange, name) == value)
    if errors:
        raise validation_error(errors, _("Die Angaben sind ungültig."))
    query = query.order_by(PlannedChange.wished_date, PlannedChange.id)
    found = paginate(query, page, per_page)
    return jsonify(
        {
            "changes": [change_json(c) for c in found.rows],
            "total": found.total,
            "page": page,
            "per_page": per_page,
        }
    )


@bp.route("/changes", methods=["POST"])
@api_login_required()
@idempotent
def create_change():
    if current_user.is_staff or not current_user.company_id:
        raise ApiError(403, "forbidden", _("Änderungen kündigen Kunden für ihre eigene Firma an."))
    body = json_object(CREATE_KEYS, multiline={"details"})  # details: per field, below
    kind, details = body.get("kind"), body.get("details", {})
    if not isinstance(details, dict):
        raise ApiError(400, "invalid_json", _("„details“ muss ein JSON-Objekt sein."))
    if kind in rules.KINDS:
        unknown = sorted(set(details) - schemas.field_names(kind))
        if unknown:
            raise ApiError(
                400,
                "unknown_field",
                _("Unbekannte Felder: %(fields)s.", fields=", ".join(unknown)),
                {f"details.{name}": _("Unbekanntes Feld.") for name in unknown},
            )
    try:
        change = service.create_change(
            current_user, kind, details, body.get("wished_date"), body.get("alternative_date")
        )
    except service.ChangeInputError as error:
        raise _input_error(error) from error
    change = _visible_change(change.id)
    return created(change_json(change), url_for("api.get_change", change_id=change.id))


# GET and PATCH share one rule: with two, werkzeug answers an id beyond the id range (which
# the `int` converter refuses) with 405 for PATCH instead of the 404 that GET gives.
@bp.route("/changes/<int:change_id>", methods=["GET", "PATCH"])
@api_login_required()
def get_change(change_id: int):
    if request.method == "PATCH":
        return update_change(change_id)
    return jsonify(change_json(_visible_change(change_id)))


def _parse_moment(value, name: str) -> dt.datetime:
    """ISO 8601; without an offset the time is Berlin time, as in the tickets API."""
    refused = validation_error(
        {name: _("Bitte als Datum mit Uhrzeit angeben, z. B. 2026-12-09T09:00:00+01:00.")}
    )
    try:
        moment = parse_local_moment(value)
        rules.plausible_date(moment.astimezone(BERLIN).date())
        return moment
    except (ValueError, OverflowError) as error:
        raise refused from error


def _patch_as_customer(change: PlannedChange, body: dict) -> PlannedChange:
    if set(body) != {"state"} or body["state"] != "withdrawn":
        raise ApiError(
            403,
            "forbidden",
            _("Sie können eine Ankündigung nur zurückziehen (state: withdrawn)."),
        )
    service.withdraw(change)
    return change


def _patch_as_staff(change: PlannedChange, body: dict) -> list[str]:
    warnings = []
    state = body.get("state")
    if state is not None and state not in ("scheduled", "done", "declined"):
        raise validation_error(
            {"state": _("Erlaubt sind: %(choices)s.", choices="scheduled, done, declined")},
        )
    if "decline_reason" in body and state != "declined":
        raise validation_error(
            {"decline_reason": _("Ein Grund gehört nur zu state: declined.")},
        )
    if SCHEDULE_KEYS & set(body) or state == "scheduled":
        start = body.get("scheduled_start", _iso(change.scheduled_start))
        end = body.get("scheduled_end", _iso(change.scheduled_end))
        email = body.get("technician", change.technician.email if change.technician else None)
        fields = {}
        for name, value in (("scheduled_start", start), ("scheduled_end", end)):
            if value is None:
                fields[name] = _("Bitte geben Sie Beginn und Ende des Termins an.")
        if email is None:
            fields["technician"] = _("Bitte geben Sie die E-Mail-Adresse des Technikers an.")
        if fields:
            raise validation_error(fields)
        technician = service.find_technician(email)
        if technician is None:
            raise validation_error(
                {"technician": _("Unter dieser E-Mail-Adresse gibt es keinen Techniker.")},
            )
        start_at = _parse_moment(start, "scheduled_start")
        end_at = _parse_moment(end, "scheduled_end")
        warnings = service.schedule(change, start_at, end_at, technician)
    if state == "done":
        service.mark_done(change)
    elif state == "declined":
        service.decline(change, body.get("decline_reason"))
    return warnings


def update_change(change_id: int):
    change = _visible_change(change_id)
    body = json_object(PATCH_KEYS, multiline={"decline_reason"})
    if not body:
        raise ApiError(400, "empty_body", _("Bitte senden Sie mindestens ein Feld."))
    warnings = []
    try:
        # One PATCH may schedule and close at once: its mails wait for the whole commit.
        with write_transaction():
            if current_user.is_staff:
                warnings = _patch_as_staff(change, body)
            else:
                _patch_as_customer(change, body)
    except service.ChangeInputError as error:
        raise _input_error(error) from error
    except service.ChangeStateError as error:
        raise _state_conflict(error) from error
    return jsonify(change_json(_visible_change(change.id), warnings))


# --- OpenAPI -----------------------------------------------------------------------

_DETAILS_SCHEMAS = {}
for _kind, _fields in schemas.SCHEMAS.items():
    _props = {}
    for _spec in _fields:
        if _spec.type in (schemas.CHOICE,):
            _props[_spec.name] = {"enum": list(_spec.choice_values)}
        elif _spec.type == schemas.MULTI:
            _props[_spec.name] = {"type": "array", "items": {"enum": list(_spec.choice_values)}}
        elif _spec.type == schemas.NUMBER:
            _props[_spec.name] = {
                "type": "integer",
                "minimum": _spec.minimum,
                "maximum": _spec.maximum,
            }
        elif _spec.type == schemas.DATE:
            _props[_spec.name] = {"type": "string", "format": "date"}
        else:
            _props[_spec.name] = {"type": "string", "maxLength": _spec.max_length}
    _DETAILS_SCHEMAS[f"ChangeDetails_{_kind}"] = {
        "type": "object",
        "additionalProperties": False,
        "required": [s.name for s in _fields if s.required],
        "properties": _props,
    }

_CHANGE_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri"},
        "kind": {"enum": list(rules.KINDS)},
        "kind_label": {"type": "string"},
        "title": {"type": "string"},
        "details": {"oneOf": [schema_ref(n) for n in _DETAILS_SCHEMAS]},
        "wished_date": {"type": "string", "format": "date"},
        "alternative_date": {"type": ["string", "null"], "format": "date"},
        "state": {"enum": list(rules.STATES)},
        "state_label": {"type": "string"},
        "scheduled_start": {"type": ["string", "null"], "format": "date-time"},
        "scheduled_end": {"type": ["string", "null"], "format": "date-time"},
        "technician": {
            "type": ["object", "null"],
            "properties": {"name": {"type": "string"}, "email": {"type": "string"}},
        },
        "lead_time_ok": {"type": "boolean"},
        "recommended_earliest": {"type": "string", "format": "date"},
        "company": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
        },
        "created_at": {"type": "string", "format": "date-time"},
        "decline_reason": {"type": ["string", "null"]},
        "warnings": {"type": "array", "items": {"type": "string"}},
    },
}
_ref = schema_ref("PlannedChange")
_LOCAL_MOMENT = {
    "type": "string",
    "pattern": LOCAL_MOMENT_PATTERN,
    "description": "ISO 8601; without an offset: Europe/Berlin",
}

register(
    {
        "/changes": {
            "get": {
                "summary": "Planned changes visible to the caller (customers: their company)",
                "parameters": [
                    {"name": "state", "in": "query", "schema": {"enum": list(rules.STATES)}},
                    {"name": "kind", "in": "query", "schema": {"enum": list(rules.KINDS)}},
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {
                        "name": "per_page",
                        "in": "query",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_PER_PAGE,
                            "default": PER_PAGE,
                        },
                    },
                ],
                "responses": {
                    "200": json_response(
                        "One page of changes, ordered by wished date",
                        {
                            "type": "object",
                            "properties": {
                                "changes": {"type": "array", "items": _ref},
                                "total": {"type": "integer"},
                                "page": {"type": "integer"},
                                "per_page": {"type": "integer"},
                            },
                        },
                    ),
                    **error_responses(401, 422),
                },
            },
            "post": idempotent_operation(
                {
                    "summary": "Announce a planned change for the caller's company (customers)",
                    "description": (
                        "Dates are YYYY-MM-DD. Past dates, Sundays, public holidays and dates more "
                        "than a year ahead are refused (422). Shorter notice than recommended is "
                        "accepted; `warnings` says so and `lead_time_ok` is false."
                    ),
                    "requestBody": json_body(
                        {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["kind", "details", "wished_date"],
                            "properties": {
                                "kind": {"enum": list(rules.KINDS)},
                                "details": _CHANGE_SCHEMA["properties"]["details"],
                                "wished_date": {"type": "string", "format": "date"},
                                "alternative_date": {"type": ["string", "null"], "format": "date"},
                            },
                        }
                    ),
                    "responses": {
                        "201": json_response(
                            "Announced",
                            _ref,
                            {
                                "ReadChange": link(
                                    "/changes/{change_id}", "get", change_id="$response.body#/id"
                                ),
                                "UpdateChange": link(
                                    "/changes/{change_id}", "patch", change_id="$response.body#/id"
                                ),
                            },
                        ),
                        **error_responses(400, 401, 403, 422),
                    },
                }
            ),
        },
        "/changes/{change_id}": {
            "parameters": [path_parameter("change_id", "integer")],
            "get": {
                "summary": "One planned change (another company's answers 404)",
                "responses": {
                    "200": json_response("The change", _ref),
                    **error_responses(401, 404),
                },
            },
            "patch": {
                "summary": "Customers: withdraw. Staff: schedule, mark done, decline",
                "description": (
                    'Customers may only send {"state": "withdrawn"} (anything else: 403). '
                    "Staff schedule with scheduled_start, scheduled_end (ISO 8601; without an "
                    "offset read as Europe/Berlin) and technician (a staff e-mail address); a "
                    "double booking is accepted and reported in `warnings`. state done, or "
                    "declined with decline_reason. A change that is already done, declined or "
                    "withdrawn answers 409."
                ),
                "requestBody": json_body(
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "minProperties": 1,
                        "properties": {
                            "state": {"enum": ["withdrawn", "scheduled", "done", "declined"]},
                            "scheduled_start": _LOCAL_MOMENT,
                            "scheduled_end": _LOCAL_MOMENT,
                            "technician": {"type": "string", "format": "email"},
                            "decline_reason": {"type": "string"},
                        },
                    }
                ),
                "responses": {
                    "200": json_response("The change", _ref),
                    **error_responses(400, 401, 403, 404, 409, 422),
                },
            },
        },
    },
    {"PlannedChange": _CHANGE_SCHEMA, **_DETAILS_SCHEMAS},
)
