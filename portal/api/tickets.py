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

from portal import clock, reads
from portal.api import bp
from portal.api.auth import api_login_required, require_staff
from portal.api.errors import ApiError, json_object, validation_error
from portal.api.idempotency import idempotent, idempotent_operation
from portal.api.openapi import (
    TICKET_NUMBER,
    error_responses,
    json_body,
    json_response,
    link,
    register,
    schema_ref,
)
from portal.api.responses import created
from portal.db import utcnow
from portal.models import Company, User
from portal.paging import COUNT_CAP, MAX_PER_PAGE, api_paging, paginate
from portal.tickets import pauses, queries, rules, schemas, service, sharing
from portal.tickets.models import Ticket
from portal.tickets.queries import TicketFilter
from portal.tickets.rules import TicketError


def _read(specs: tuple, body: dict) -> dict:
    """The values of the keys sent, or a 422 naming each field of the wrong JSON type."""
    values, errors = schemas.read_body(specs, body)
    if errors:
        raise validation_error(errors)
    return values


# --- JSON shapes ----------------------------------------------------------------------------


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def ticket_json(
    ticket, viewer: User, company_name: str, assignee_email: str | None, view_url: str
) -> dict:
    """A ticket (a model, or a row of queries.api_rows) as the API shows it; ``view_url``: the
    page's URL without the number (built once for a whole list)."""
    data = {
        "number": ticket.number,
        "title": ticket.title,
        "description": ticket.description,
        "priority": ticket.priority,
        "status": ticket.status,
        "company": company_name,
        "affected": ticket.affected,
        "callback_phone": ticket.callback_phone,
        "urgent": ticket.urgent,
        "urgent_reason": ticket.urgent_reason or None,
        "deadline": ticket.deadline.isoformat() if ticket.deadline else None,
        "relaxed_days": ticket.relaxed_days,
        "reported_at": _time(ticket.reported_at),
        "response_due": _time(ticket.response_due),
        "first_response_at": _time(ticket.first_response_at),
        "resolution_due": _time(ticket.resolution_due),
        "resolved_at": _time(ticket.resolved_at),
        "sla": {
            kind: {
                "due": _time(state.due),
                "done_at": _time(state.done_at),
                "outcome": state.outcome,
            }
            for kind, state in pauses.clock_states(ticket, clock.now()).items()
        },
        "last_activity_at": _time(ticket.last_activity_at),
        "url": view_url + ticket.number,
    }
    if viewer.is_staff:
        data["assignee"] = assignee_email
        data["source"] = ticket.source
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


def _view_url() -> str:
    """The ticket page's URL without its number (numbers like T-2026-00042 need no quoting)."""
    return url_for("tickets.view", number="", _external=True)


def ticket_detail_json(ticket: Ticket, viewer: User) -> dict:
    messages, events = queries.conversation(ticket, viewer)
    files = queries.attachments_by_message(ticket, viewer)
    assignee = ticket.assignee.email if ticket.assignee_id else None
    data = ticket_json(ticket, viewer, ticket.company.name, assignee, _view_url())
    data["attachments"] = [_attachment_json(ticket, a) for a in files.get(None, [])]
    data["messages"] = [message_json(ticket, m, files.get(m.id, [])) for m in messages]
    data["events"] = [event_json(e) for e in events]
    data["pauses"] = [
        {"started_at": _time(p.started_at), "ended_at": _time(p.ended_at)}
        for p in pauses.ticket_pauses(ticket)
    ]
    data["shared_with"] = [user.email for user in sharing.shared_with(ticket)]
    return data


# --- input: JSON types from tickets/schemas.py, rules in tickets/rules.py -------------------


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
    found = paginate(
        query, page, per_page, shape=queries.api_rows, read=reads.named_rows, cap=COUNT_CAP
    )
    viewer, view_url = current_user._get_current_object(), _view_url()
    return jsonify(
        {
            "tickets": [
                ticket_json(t, viewer, t.company_name, t.assignee_email, view_url)
                for t in found.rows
            ],
            "total": found.total,
            "total_exact": not found.more,
            "page": found.number,
            "per_page": found.size,
        }
    )


@bp.route("/tickets", methods=["POST"])
@api_login_required()
@idempotent
def create_ticket():
    staff = current_user.is_staff
    body = json_object(schemas.names(schemas.NEW_TICKET), schemas.MULTILINE)
    staff_only = sorted(schemas.names(schemas.NEW_TICKET, staff_only=True) & set(body))
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
    values = schemas.defaults(schemas.NEW_TICKET) | _read(schemas.NEW_TICKET, body)
    if "callback_phone" not in body and not staff:
        values["callback_phone"] = current_user.phone
    company_name, contact_email = values.pop("company"), values.pop("contact")
    report = rules.Report(**values)
    if staff:
        errors = {}
        report.company = _find_company(company_name) if company_name else None
        if company_name and report.company is None:
            errors["company"] = _("Diese Firma gibt es nicht.")
        if contact_email:
            report.reporter = User.by_email(contact_email)
            if report.reporter is None or report.reporter.is_staff:
                errors["contact"] = _("Diesen Ansprechpartner gibt es nicht.")
        if errors:
            raise validation_error(errors)
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
    body = json_object(schemas.names(schemas.TICKET_CHANGE), schemas.MULTILINE)
    ticket = _ticket_or_404(number)
    if not current_user.is_staff:
        _customer_status_action(ticket, body)
    else:
        _staff_change(ticket, body)
    ticket = queries.ticket_for(current_user, number)
    return jsonify(ticket_detail_json(ticket, current_user))


def _customer_status_action(ticket: Ticket, body: dict) -> None:
    """Customers may only say "solved" or reopen; everything else is for staff."""
    if set(body) != {"status"} or body["status"] not in rules.CUSTOMER_STATUS_ACTIONS:
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
    changes = _read(schemas.TICKET_CHANGE, body)
    reason = changes.pop("reason", "")
    reason_public = bool(changes.pop("reason_public", False))
    if "assignee" in changes:
        email = changes["assignee"]
        changes["assignee"] = User.by_email(email) if email else None
        if email and (changes["assignee"] is None or not changes["assignee"].is_staff):
            raise validation_error({"assignee": _("Zuständig können nur Mitarbeiter sein.")})
    if changes.get("status") == "reopen":  # staff may set any status; reopen is a synonym
        changes["status"] = "in_progress"
    try:
        service.change_ticket(ticket, current_user, changes, reason, reason_public=reason_public)
    except TicketError as error:
        raise _service_error(error) from error


@bp.route("/tickets/<number>/messages", methods=["POST"])
@api_login_required()
@idempotent
def add_message(number: str):
    body = json_object(schemas.names(schemas.NEW_MESSAGE), schemas.MULTILINE)
    ticket = _ticket_or_404(number)
    values = schemas.defaults(schemas.NEW_MESSAGE) | _read(schemas.NEW_MESSAGE, body)
    if values["internal"]:
        require_staff()
    try:
        message = service.add_message(
            ticket, current_user, values["body"], internal=values["internal"]
        )
    except TicketError as error:
        raise _service_error(error) from error
    message.author = current_user._get_current_object()
    return created(message_json(ticket, message))


# --- OpenAPI: the bodies and answers come from tickets/schemas.py ---------------------------

NEW_NUMBER = "$response.body#/number"


register(
    {
        "/tickets": {
            "get": {
                "summary": "Tickets: customers their company's (newest first), staff all in "
                "queue order",
                "parameters": schemas.list_parameters("all", MAX_PER_PAGE),
                "responses": {
                    "200": json_response(
                        "One page of tickets",
                        {
                            "type": "object",
                            "properties": {
                                "tickets": {"type": "array", "items": schema_ref("Ticket")},
                                "total": {
                                    "type": "integer",
                                    "description": f"Counted up to {COUNT_CAP}",
                                },
                                "total_exact": {
                                    "type": "boolean",
                                    "description": f"false: more than {COUNT_CAP} tickets match",
                                },
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
                    "summary": "Report a ticket (JSON; attachments via the HTML form)",
                    "requestBody": json_body(schema_ref("NewTicket")),
                    "responses": {
                        "201": json_response(
                            "The new ticket",
                            schema_ref("TicketDetail"),
                            {
                                "ReadTicket": link("/tickets/{number}", "get", number=NEW_NUMBER),
                                "ChangeTicket": link(
                                    "/tickets/{number}", "patch", number=NEW_NUMBER
                                ),
                                "WriteMessage": link(
                                    "/tickets/{number}/messages", "post", number=NEW_NUMBER
                                ),
                                "ShareTicket": link(
                                    "/tickets/{number}/shares", "post", number=NEW_NUMBER
                                ),
                            },
                        ),
                        **error_responses(400, 401, 403, 422),
                    },
                }
            ),
        },
        "/tickets/{number}": {
            "parameters": [TICKET_NUMBER],
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
            "parameters": [TICKET_NUMBER],
            "post": idempotent_operation(
                {
                    "summary": "Write a message (staff: also an internal note)",
                    "requestBody": json_body(schema_ref("NewMessage")),
                    "responses": {
                        "201": json_response("The message", schema_ref("Message")),
                        **error_responses(400, 401, 403, 404, 422),
                    },
                }
            ),
        },
    },
    schemas.RESPONSE_SCHEMAS | schemas.REQUEST_SCHEMAS,
)
