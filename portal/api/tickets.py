"""API: tickets – list, report, read, change and answer; the same services as the pages.

Attachments are uploaded through the HTML forms only; the API lists them with download URLs.
Internal notes and staff-only events never appear in a customer's answer; ``assignee`` is
present for staff only.
"""

from __future__ import annotations

import datetime as dt

from flask import current_app, jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.api import bp
from portal.api.auth import api_login_required, require_staff
from portal.api.errors import ApiError, json_object, validation_error
from portal.api.openapi import error_responses, json_body, json_response, register, schema_ref
from portal.api.responses import created
from portal.db import utcnow
from portal.models import Company, User
from portal.paging import MAX_PER_PAGE, api_paging, paginate
from portal.tickets import queries, rules, service
from portal.tickets.models import Ticket
from portal.tickets.queries import STATUS_FILTERS, TicketFilter
from portal.tickets.rules import STATUSES, TicketError

REPORT_KEYS = {
    "title",
    "description",
    "priority",
    "affected",
    "callback_phone",
    "urgent",
    "urgent_reason",
    "deadline",
    "relaxed_days",
}
STAFF_REPORT_KEYS = {"company", "contact", "reported_at"}
CHANGE_KEYS = {
    "status",
    "priority",
    "reason",
    "assignee",
    "urgent",
    "urgent_reason",
    "deadline",
    "relaxed_days",
}
CUSTOMER_STATUS_ACTIONS = ("resolved", "reopen")


# --- JSON shapes ----------------------------------------------------------------------------


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def ticket_json(ticket: Ticket, viewer: User) -> dict:
    data = {
        "number": ticket.number,
        "title": ticket.title,
        "description": ticket.description,
        "priority": ticket.priority,
        "status": ticket.status,
        "company": ticket.company.name,
        "affected": ticket.affected,
        "callback_phone": ticket.callback_phone,
        "urgent": ticket.urgent,
        "urgent_reason": ticket.urgent_reason or None,
        "deadline": ticket.deadline.isoformat() if ticket.deadline else None,
        "relaxed_days": ticket.relaxed_days,
        "reported_at": _time(ticket.reported_at),
        "response_due": _time(ticket.response_due),
        "first_response_at": _time(ticket.first_response_at),
        "last_activity_at": _time(ticket.last_activity_at),
        "url": url_for("tickets.view", number=ticket.number, _external=True),
    }
    if viewer.is_staff:
        data["assignee"] = ticket.assignee.email if ticket.assignee_id else None
    return data


def _attachment_json(ticket: Ticket, attachment) -> dict:
    return {
        "id": attachment.id,
        "filename": attachment.filename,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "url": url_for(
            "tickets.attachment",
            number=ticket.number,
            attachment_id=attachment.id,
            _external=True,
        ),
    }


def message_json(ticket: Ticket, message, files=()) -> dict:
    return {
        "id": message.id,
        "author": message.author.name if message.author_id else None,
        "from_staff": bool(message.author_id and message.author.is_staff),
        "internal": message.internal,
        "body": message.body,
        "created_at": _time(message.created_at),
        "attachments": [_attachment_json(ticket, a) for a in files],
    }


def event_json(event) -> dict:
    return {
        "kind": event.kind,
        "old_value": event.old_value or None,
        "new_value": event.new_value or None,
        "reason": event.reason or None,
        "actor": event.actor.name if event.actor_id else None,
        "created_at": _time(event.created_at),
    }


def ticket_detail_json(ticket: Ticket, viewer: User) -> dict:
    messages, events = queries.conversation(ticket, viewer)
    files = queries.attachments_by_message(ticket, viewer)
    data = ticket_json(ticket, viewer)
    data["attachments"] = [_attachment_json(ticket, a) for a in files.get(None, [])]
    data["messages"] = [message_json(ticket, m, files.get(m.id, [])) for m in messages]
    data["events"] = [event_json(e) for e in events]
    return data


# --- input parsing: JSON types here, rules in the service ------------------------------------


class Fields:
    """Reads typed values from a JSON body, collecting one message per bad field."""

    def __init__(self, body: dict):
        self.body, self.errors = body, {}

    def text(self, key, default=""):
        value = self.body.get(key, default)
        if value is None or isinstance(value, str):
            return value if value is not None else default
        self.errors[key] = _("Erwartet wird Text.")
        return default

    def flag(self, key, default=False):
        value = self.body.get(key, default)
        if isinstance(value, bool):
            return value
        self.errors[key] = _("Erwartet wird true oder false.")
        return default

    def integer(self, key):
        value = self.body.get(key)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        self.errors[key] = _("Erwartet wird eine ganze Zahl oder null.")
        return None

    def date(self, key):
        value = self.body.get(key)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.errors[key] = _("Erwartet wird ein Datum wie 2026-11-25 oder null.")
            return None

    def moment(self, key):
        value = self.body.get(key)
        if value is None:
            return None
        try:
            parsed = dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            self.errors[key] = _(
                "Erwartet wird ein Zeitpunkt nach ISO 8601 mit Zeitzone, "
                "z. B. 2026-11-25T08:30:00+01:00."
            )
            return None
        try:
            return parsed.astimezone(dt.UTC)
        except OverflowError:  # e.g. 0001-01-01T00:30+01:00: before year 1 in UTC
            self.errors[key] = _("Dieser Zeitpunkt liegt zu weit in der Vergangenheit.")
            return None

    def check(self):
        if self.errors:
            raise validation_error(self.errors)


def _service_error(error: TicketError) -> ApiError:
    return validation_error(error.fields, error.message)


def _find_company(value: str) -> Company | None:
    value = value.strip()
    return Company.get_or_none((Company.name == value) | (Company.customer_number == value))


def _ticket_or_404(number: str) -> Ticket:
    ticket = queries.ticket_for(current_user, number)
    if ticket is None:
        raise ApiError(404, "not_found", _("Dieses Ticket gibt es nicht."))
    return ticket


# --- routes ---------------------------------------------------------------------------------


@bp.route("/tickets")
@api_login_required()
def list_tickets():
    errors: dict = {}
    page, per_page = api_paging(request.args, current_app.config["TICKETS_PER_PAGE"], errors)
    ticket_filter, filter_errors = TicketFilter.parse(request.args, default_status="all")
    errors.update(filter_errors)
    if errors:
        raise validation_error(errors)
    query = queries.filtered(current_user, ticket_filter, utcnow())
    found = paginate(query, page, per_page, shape=queries.with_company_and_assignee)
    return jsonify(
        {
            "tickets": [ticket_json(t, current_user) for t in found.rows],
            "total": found.total,
            "page": found.number,
            "per_page": found.size,
        }
    )


@bp.route("/tickets", methods=["POST"])
@api_login_required()
def create_ticket():
    staff = current_user.is_staff
    body = json_object(REPORT_KEYS | STAFF_REPORT_KEYS)
    staff_only = sorted(STAFF_REPORT_KEYS & set(body))
    if staff_only and not staff:
        raise ApiError(
            403,
            "forbidden",
            _(
                "Diese Felder dürfen nur Mitarbeiter setzen: %(fields)s.",
                fields=", ".join(staff_only),
            ),
            {key: _("Nur für Mitarbeiter.") for key in staff_only},
        )
    fields = Fields(body)
    report = rules.Report(
        title=fields.text("title"),
        description=fields.text("description"),
        priority=fields.text("priority"),
        affected=fields.text("affected", "one"),
        callback_phone=fields.text("callback_phone", "" if staff else current_user.phone),
        urgent=fields.flag("urgent"),
        urgent_reason=fields.text("urgent_reason"),
        deadline=fields.date("deadline"),
        relaxed_days=fields.integer("relaxed_days"),
    )
    if staff:
        company_name = fields.text("company")
        contact_email = fields.text("contact")
        report.reported_at = fields.moment("reported_at")
        fields.check()
        report.company = _find_company(company_name) if company_name else None
        if company_name and report.company is None:
            fields.errors["company"] = _("Diese Firma gibt es nicht.")
        if contact_email:
            report.reporter = User.by_email(contact_email)
            if report.reporter is None or report.reporter.is_staff:
                fields.errors["contact"] = _("Diesen Ansprechpartner gibt es nicht.")
    fields.check()
    try:
        ticket = service.create_ticket(current_user, report)
    except TicketError as error:
        raise _service_error(error) from error
    ticket = queries.ticket_for(current_user, ticket.number)
    return created(
        ticket_detail_json(ticket, current_user),
        url_for("api.get_ticket", number=ticket.number),
    )


@bp.route("/tickets/<number>")
@api_login_required()
def get_ticket(number: str):
    ticket = _ticket_or_404(number)
    return jsonify(ticket_detail_json(ticket, current_user))


@bp.route("/tickets/<number>", methods=["PATCH"])
@api_login_required()
def change_ticket(number: str):
    body = json_object(CHANGE_KEYS)
    ticket = _ticket_or_404(number)
    if not current_user.is_staff:
        _customer_status_action(ticket, body)
    else:
        _staff_change(ticket, body)
    ticket = queries.ticket_for(current_user, number)
    return jsonify(ticket_detail_json(ticket, current_user))


def _customer_status_action(ticket: Ticket, body: dict) -> None:
    """Customers may only say "solved" or reopen; everything else is for staff."""
    if set(body) != {"status"} or body["status"] not in CUSTOMER_STATUS_ACTIONS:
        raise ApiError(
            403,
            "forbidden",
            _(
                "Sie können ein Ticket nur als gelöst markieren (resolved) "
                "oder wieder öffnen (reopen)."
            ),
        )
    action = service.resolve if body["status"] == "resolved" else service.reopen
    try:
        action(ticket, current_user)
    except TicketError as error:
        raise _service_error(error) from error


def _staff_change(ticket: Ticket, body: dict) -> None:
    fields = Fields(body)
    changes: dict = {}
    reason = fields.text("reason")
    for key in ("status", "priority", "urgent_reason"):
        if key in body:
            changes[key] = fields.text(key)
    if "urgent" in body:
        changes["urgent"] = fields.flag("urgent")
    if "deadline" in body:
        changes["deadline"] = fields.date("deadline")
    if "relaxed_days" in body:
        changes["relaxed_days"] = fields.integer("relaxed_days")
    if "assignee" in body:
        email = fields.text("assignee", None)
        changes["assignee"] = User.by_email(email) if email else None
        if email and (changes["assignee"] is None or not changes["assignee"].is_staff):
            fields.errors["assignee"] = _("Zuständig können nur Mitarbeiter sein.")
    fields.check()
    if changes.get("status") == "reopen":  # staff may set any status; reopen is a synonym
        changes["status"] = "in_progress"
    try:
        service.change_ticket(ticket, current_user, changes, reason)
    except TicketError as error:
        raise _service_error(error) from error


@bp.route("/tickets/<number>/messages", methods=["POST"])
@api_login_required()
def add_message(number: str):
    body = json_object({"body", "internal"})
    ticket = _ticket_or_404(number)
    fields = Fields(body)
    text = fields.text("body")
    internal = fields.flag("internal")
    if internal:
        require_staff()
    fields.check()
    try:
        message = service.add_message(ticket, current_user, text, internal=internal)
    except TicketError as error:
        raise _service_error(error) from error
    message.author = current_user._get_current_object()
    return created(message_json(ticket, message))


# --- OpenAPI ----------------------------------------------------------------------------------

_TIME = {"type": ["string", "null"], "format": "date-time"}


_NUMBER = {
    "name": "number",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "example": "T-2026-00042",
}

SCHEMAS = {
    "Attachment": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "filename": {"type": "string"},
            "content_type": {"type": "string"},
            "size": {"type": "integer"},
            "url": {"type": "string", "description": "Download (Content-Disposition: attachment)"},
        },
    },
    "Message": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "author": {"type": ["string", "null"]},
            "from_staff": {"type": "boolean"},
            "internal": {"type": "boolean", "description": "Always false for customers"},
            "body": {"type": "string"},
            "created_at": _TIME,
            "attachments": {"type": "array", "items": schema_ref("Attachment")},
        },
    },
    "Event": {
        "type": "object",
        "description": "Audit trail. Customers see kinds created, status and priority only.",
        "properties": {
            "kind": {
                "enum": [
                    "created",
                    "status",
                    "priority",
                    "assignee",
                    "urgent",
                    "deadline",
                    "relaxed",
                ]
            },
            "old_value": {"type": ["string", "null"]},
            "new_value": {"type": ["string", "null"]},
            "reason": {"type": ["string", "null"]},
            "actor": {"type": ["string", "null"]},
            "created_at": _TIME,
        },
    },
    "Ticket": {
        "type": "object",
        "properties": {
            "number": {"type": "string", "example": "T-2026-00042"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "priority": {"enum": ["critical", "normal", "low"]},
            "status": {"enum": list(STATUSES)},
            "company": {"type": "string"},
            "affected": {"enum": ["one", "several", "company"]},
            "callback_phone": {"type": "string"},
            "urgent": {"type": "boolean"},
            "urgent_reason": {"type": ["string", "null"]},
            "deadline": {"type": ["string", "null"], "format": "date"},
            "relaxed_days": {"type": ["integer", "null"], "minimum": 1, "maximum": 30},
            "reported_at": _TIME,
            "response_due": _TIME,
            "first_response_at": _TIME,
            "last_activity_at": _TIME,
            "assignee": {"type": ["string", "null"], "description": "E-mail; staff only"},
            "url": {"type": "string"},
        },
    },
    "TicketDetail": {
        "allOf": [
            schema_ref("Ticket"),
            {
                "type": "object",
                "properties": {
                    "attachments": {"type": "array", "items": schema_ref("Attachment")},
                    "messages": {"type": "array", "items": schema_ref("Message")},
                    "events": {"type": "array", "items": schema_ref("Event")},
                },
            },
        ]
    },
    "NewTicket": {
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "description", "priority"],
        "description": (
            "Attachments are uploaded with the HTML form only. company, contact and "
            "reported_at are for staff recording a hotline call (403 for customers); "
            "reported_at must not lie in the future. urgent (with urgent_reason, optional "
            "deadline) only for priority normal; relaxed_days 1-30; not both."
        ),
        "properties": {
            "title": {"type": "string", "maxLength": 200},
            "description": {"type": "string"},
            "priority": {"enum": ["critical", "normal", "low"]},
            "affected": {"enum": ["one", "several", "company"], "default": "one"},
            "callback_phone": {"type": "string"},
            "urgent": {"type": "boolean", "default": False},
            "urgent_reason": {"type": "string"},
            "deadline": {"type": ["string", "null"], "format": "date"},
            "relaxed_days": {"type": ["integer", "null"], "minimum": 1, "maximum": 30},
            "company": {"type": "string", "description": "Name or customer number (staff)"},
            "contact": {"type": "string", "description": "Customer's e-mail (staff)"},
            "reported_at": {"type": "string", "format": "date-time", "description": "staff"},
        },
    },
    "TicketChange": {
        "type": "object",
        "additionalProperties": False,
        "description": (
            "Staff: any key; a new priority needs a reason and recomputes response_due. "
            'Customers: only {"status": "resolved"} or {"status": "reopen"} '
            "(within 14 days of resolving); anything else answers 403."
        ),
        "properties": {
            "status": {"enum": [*STATUSES, "reopen"]},
            "priority": {"enum": ["critical", "normal", "low"]},
            "reason": {"type": "string"},
            "assignee": {"type": ["string", "null"], "description": "Staff e-mail or null"},
            "urgent": {"type": "boolean"},
            "urgent_reason": {"type": "string"},
            "deadline": {"type": ["string", "null"], "format": "date"},
            "relaxed_days": {"type": ["integer", "null"], "minimum": 1, "maximum": 30},
        },
    },
    "NewMessage": {
        "type": "object",
        "additionalProperties": False,
        "required": ["body"],
        "properties": {
            "body": {"type": "string"},
            "internal": {"type": "boolean", "default": False, "description": "Staff only (403)"},
        },
    },
}

register(
    {
        "/tickets": {
            "get": {
                "summary": "Tickets: customers their company's (newest first), staff all in "
                "queue order",
                "parameters": [
                    {
                        "name": "status",
                        "in": "query",
                        "schema": {"enum": list(STATUS_FILTERS), "default": "all"},
                    },
                    {
                        "name": "priority",
                        "in": "query",
                        "schema": {"enum": ["critical", "normal", "low"]},
                    },
                    {
                        "name": "company",
                        "in": "query",
                        "schema": {"type": "string"},
                        "description": "Company name or customer number",
                    },
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {
                        "name": "per_page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
                    },
                ],
                "responses": {
                    "200": json_response(
                        "One page of tickets",
                        {
                            "type": "object",
                            "properties": {
                                "tickets": {"type": "array", "items": schema_ref("Ticket")},
                                "total": {"type": "integer"},
                                "page": {"type": "integer"},
                                "per_page": {"type": "integer"},
                            },
                        },
                    ),
                    **error_responses(401, 422),
                },
            },
            "post": {
                "summary": "Report a ticket (JSON; attachments via the HTML form)",
                "requestBody": json_body(schema_ref("NewTicket")),
                "responses": {
                    "201": json_response("The new ticket", schema_ref("TicketDetail")),
                    **error_responses(400, 401, 403, 422),
                },
            },
        },
        "/tickets/{number}": {
            "parameters": [_NUMBER],
            "get": {
                "summary": "One ticket with its messages and events",
                "responses": {
                    "200": json_response("The ticket", schema_ref("TicketDetail")),
                    **error_responses(401, 404),
                },
            },
            "patch": {
                "summary": "Change status, class, assignee or flags",
                "requestBody": json_body(schema_ref("TicketChange")),
                "responses": {
                    "200": json_response("The changed ticket", schema_ref("TicketDetail")),
                    **error_responses(400, 401, 403, 404, 422),
                },
            },
        },
        "/tickets/{number}/messages": {
            "parameters": [_NUMBER],
            "post": {
                "summary": "Write a message (staff: also an internal note)",
                "requestBody": json_body(schema_ref("NewMessage")),
                "responses": {
                    "201": json_response("The message", schema_ref("Message")),
                    **error_responses(400, 401, 403, 404, 422),
                },
            },
        },
    },
    SCHEMAS,
)
