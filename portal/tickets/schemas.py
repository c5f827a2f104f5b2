"""One field spec per ticket input (a new ticket, a staff change, a message): the API reads JSON
with it, the forms take their limits from it and the OpenAPI document is generated from it.

Every enum and limit comes from tickets/rules.py and sla/targets.py. A spec checks the JSON
type (and the length, which holds for every value); the rules in tickets/rules.py decide the
rest, including the cross-field rules that ``NEW_TICKET_RULES`` and ``CHANGE_RULES`` describe.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import gettext as _

from portal.sla.calendar import LOCAL_MOMENT_PATTERN, parse_local_moment
from portal.sla.outcome import OUTCOMES
from portal.sla.targets import (
    CRITICAL,
    MAX_RELAXED_DAYS,
    MIN_RELAXED_DAYS,
    NORMAL,
    PRIORITIES,
    TARGET_KINDS,
)
from portal.tickets import queries, rules

TEXT, FLAG, WHOLE, DAY, MOMENT, CHOICE = "text", "flag", "whole", "day", "moment", "choice"
NOT_BLANK = r"\S"  # a text that is not only white space
# One line with something in it: no control character (rules.check_single_line), not blank.
_LINE_CHAR = r"[^\u0000-\u001f\u007f-\u009f\u2028\u2029]"
SINGLE_LINE = rf"^{_LINE_CHAR}*[^\s\u0000-\u001f\u007f-\u009f\u2028\u2029]{_LINE_CHAR}*$"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    description: str = ""
    required: bool = False
    not_blank: bool = False  # the rules refuse white space only
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    nullable: bool = False
    default: object = None
    staff_only: bool = False
    single_line: bool = False  # the rules refuse line breaks and control characters

    def json_schema(self) -> dict:
        if self.type == CHOICE:
            schema: dict = {"enum": [*self.choices, *([None] if self.nullable else [])]}
        else:
            json_type = {FLAG: "boolean", WHOLE: "integer"}.get(self.type, "string")
            schema = {"type": [json_type, "null"] if self.nullable else json_type}
        optional = {
            "format": "date" if self.type == DAY else None,
            "pattern": LOCAL_MOMENT_PATTERN if self.type == MOMENT else None,
            "minLength": 1 if self.not_blank else None,
            "maxLength": self.max_length,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "default": self.default,
            "description": self.description or None,
        }
        if self.not_blank:
            optional["pattern"] = SINGLE_LINE if self.single_line else NOT_BLANK
        return schema | {key: value for key, value in optional.items() if value is not None}

    def parse(self, value):
        """The value for the rules; ValueError with the message if its JSON type is wrong."""
        if value is None:
            if self.nullable:
                return None
            raise ValueError(self._type_message())
        if self.type in (TEXT, CHOICE):
            if not isinstance(value, str):
                raise ValueError(self._type_message())
            if self.max_length is not None and len(value) > self.max_length:
                raise ValueError(rules.too_long(self.max_length))
            return value
        if self.type == FLAG:
            if not isinstance(value, bool):
                raise ValueError(self._type_message())
            return value
        if self.type == WHOLE:
            if isinstance(value, float) and value.is_integer():
                return int(value)  # JSON Schema counts 3.0 as an integer
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(self._type_message())
            return value
        if self.type == DAY:
            try:
                if isinstance(value, str) and _DAY.fullmatch(value):
                    return dt.date.fromisoformat(value)
            except ValueError:
                pass
            raise ValueError(self._type_message())
        try:
            return parse_local_moment(value)
        except ValueError as error:
            raise ValueError(self._type_message()) from error
        except OverflowError as error:  # e.g. 0001-01-01T00:30 Berlin: before year 1 in UTC
            raise ValueError(_("Dieser Zeitpunkt liegt außerhalb des Kalenders.")) from error

    def _type_message(self) -> str:
        if self.type == CHOICE:
            return _("Erlaubt sind: %(choices)s.", choices=", ".join(self.choices))
        if self.type == FLAG:
            return _("Erwartet wird true oder false.")
        if self.type == WHOLE:
            return _("Erwartet wird eine ganze Zahl oder null.")
        if self.type == DAY:
            return _("Erwartet wird ein Datum wie 2026-11-25 oder null.")
        if self.type == MOMENT:
            return _(
                "Erwartet wird ein Zeitpunkt nach ISO 8601, z. B. 2026-11-25T08:30:00+01:00; "
                "ohne Zeitzone gilt die Zeit in Deutschland (Europe/Berlin)."
            )
        return _("Erwartet wird Text.")


_RELAXED = {"minimum": MIN_RELAXED_DAYS, "maximum": MAX_RELAXED_DAYS, "nullable": True}
_URGENT = FieldSpec("urgent", FLAG, "Dringend: only for priority normal, with urgent_reason")
_URGENT_REASON = FieldSpec("urgent_reason", TEXT, "Why it is urgent", max_length=rules.REASON_MAX)
_DEADLINE = FieldSpec("deadline", DAY, "Only with urgent; not in the past", nullable=True)
_RELAXED_DAYS = FieldSpec(
    "relaxed_days", WHOLE, "Nicht dringend: within this many days; not with urgent", **_RELAXED
)

NEW_TICKET = (
    FieldSpec(
        "title",
        TEXT,
        required=True,
        not_blank=True,
        single_line=True,
        max_length=rules.TITLE_MAX,
    ),
    FieldSpec("description", TEXT, required=True, not_blank=True, max_length=rules.TEXT_MAX),
    FieldSpec("priority", CHOICE, required=True, choices=PRIORITIES),
    FieldSpec("affected", CHOICE, choices=rules.AFFECTED, default=rules.AFFECTED[0]),
    FieldSpec(
        "callback_phone",
        TEXT,
        "Default: the phone number of the customer's account",
        max_length=rules.PHONE_MAX,
    ),
    FieldSpec("urgent", FLAG, _URGENT.description, default=False),
    _URGENT_REASON,
    _DEADLINE,
    _RELAXED_DAYS,
    FieldSpec("company", TEXT, "Staff: company name or customer number", staff_only=True),
    FieldSpec("contact", TEXT, "Staff: the customer's e-mail address", staff_only=True),
    FieldSpec(
        "reported_at",
        MOMENT,
        "Staff: when the call came in; not in the future. Without an offset: Europe/Berlin",
        staff_only=True,
    ),
)
# The texts that may span lines (the pages show them as text areas); every other text is one line.
MULTILINE = frozenset({"description", "urgent_reason", "reason", "body"})
TICKET_CHANGE = (
    FieldSpec("status", CHOICE, "reopen: in_progress", choices=(*rules.STATUSES, "reopen")),
    FieldSpec("priority", CHOICE, "A new class needs a reason", choices=PRIORITIES),
    FieldSpec(
        "reason",
        TEXT,
        "Why the class changes (staff only unless reason_public)",
        max_length=rules.REASON_MAX,
    ),
    FieldSpec("reason_public", FLAG, "Tell the customer the reason (default: staff only)"),
    FieldSpec("assignee", TEXT, "A staff member's e-mail address, or null", nullable=True),
    _URGENT,
    _URGENT_REASON,
    _DEADLINE,
    _RELAXED_DAYS,
)
NEW_MESSAGE = (
    FieldSpec("body", TEXT, required=True, not_blank=True, max_length=rules.TEXT_MAX),
    FieldSpec("internal", FLAG, "Staff only (403 for customers)", default=False),
)

_URGENT_SENT = {"properties": {"urgent": {"const": True}}, "required": ["urgent"]}
_NOT_CRITICAL = [p.value for p in PRIORITIES if p != CRITICAL]
# The cross-field rules that hold for the body alone (the rules refuse every body that breaks
# them); those that depend on the ticket as it is are in the operation's description.
_URGENT_ONLY_NORMAL_NOT_RELAXED = {
    "if": _URGENT_SENT,
    "then": {"properties": {"priority": {"const": NORMAL.value}, "relaxed_days": {"type": "null"}}},
}
_RELAXED_NOT_CRITICAL = {
    "if": {"properties": {"relaxed_days": {"type": "integer"}}, "required": ["relaxed_days"]},
    "then": {"properties": {"priority": {"enum": _NOT_CRITICAL}}},
}
NEW_TICKET_RULES = (
    _URGENT_ONLY_NORMAL_NOT_RELAXED,
    _RELAXED_NOT_CRITICAL,
    {  # urgent needs a reason
        "if": _URGENT_SENT,
        "then": {
            "required": ["urgent_reason"],
            "properties": {"urgent_reason": {"pattern": NOT_BLANK}},
        },
    },
    {  # a deadline only with urgent
        "if": {"properties": {"deadline": {"type": "string"}}, "required": ["deadline"]},
        "then": _URGENT_SENT,
    },
)
CHANGE_RULES = (_URGENT_ONLY_NORMAL_NOT_RELAXED, _RELAXED_NOT_CRITICAL)

NEW_TICKET_DESCRIPTION = (
    "Attachments are uploaded with the HTML form only. company, contact and reported_at are "
    "for staff recording a hotline call (403 for customers). urgent (with a non-blank "
    "urgent_reason and an optional deadline that is not in the past) only for priority "
    f"{NORMAL.value}; relaxed_days {MIN_RELAXED_DAYS}..{MAX_RELAXED_DAYS}, not for "
    f"{CRITICAL.value}; urgent and relaxed_days not both. title and description must not be "
    "blank. A refused value answers 422 naming the field."
)
TICKET_CHANGE_DESCRIPTION = (
    "Staff: any key; a new priority needs a non-blank reason and recomputes response_due. The "
    "flags are checked as they are after the change: urgent only for priority "
    f"{NORMAL.value} and with an urgent_reason; a deadline only with urgent and not in the "
    f"past; relaxed_days {MIN_RELAXED_DAYS}..{MAX_RELAXED_DAYS}, not for {CRITICAL.value}, "
    "not with urgent. Customers may only send "
    + " or ".join(f'{{"status": "{action}"}}' for action in rules.CUSTOMER_STATUS_ACTIONS)
    + f" (reopen within {rules.REOPEN_DAYS} days of resolving; later: 422); anything else "
    "answers 403."
)


def body_schema(specs: tuple[FieldSpec, ...], description: str = "", rules_=()) -> dict:
    """The JSON Schema of a request body made of ``specs``."""
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": [spec.name for spec in specs if spec.required],
        "properties": {spec.name: spec.json_schema() for spec in specs},
    }
    if description:
        schema["description"] = description
    if rules_:
        schema["allOf"] = list(rules_)
    return schema


def read_body(specs: tuple[FieldSpec, ...], body: Mapping) -> tuple[dict, dict]:
    """(values of the keys sent, {field: message}) for a JSON object with only known keys."""
    values, errors = {}, {}
    for spec in specs:
        if spec.name not in body:
            continue
        try:
            values[spec.name] = spec.parse(body[spec.name])
        except ValueError as error:
            errors[spec.name] = str(error.args[0])
    return values, errors


def defaults(specs: tuple[FieldSpec, ...]) -> dict:
    """What a missing key means: the spec's default, else an empty text."""
    return {
        spec.name: spec.default
        if spec.default is not None
        else ("" if spec.type in (TEXT, CHOICE) else None)
        for spec in specs
    }


def names(specs: tuple[FieldSpec, ...], staff_only: bool | None = None) -> set[str]:
    return {s.name for s in specs if staff_only is None or s.staff_only == staff_only}


def spec(specs: tuple[FieldSpec, ...], name: str) -> FieldSpec:
    return next(s for s in specs if s.name == name)


# --- the JSON answers ------------------------------------------------------------------------


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


_TIME = {"type": ["string", "null"], "format": "date-time"}
_TEXT_OR_NULL = {"type": ["string", "null"]}

RESPONSE_SCHEMAS = {
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
            "author": _TEXT_OR_NULL,
            "from_staff": {"type": "boolean"},
            "internal": {"type": "boolean", "description": "Always false for customers"},
            "body": {"type": "string"},
            "created_at": _TIME,
            "attachments": {"type": "array", "items": _ref("Attachment")},
        },
    },
    "Event": {
        "type": "object",
        "description": "Audit trail. Customers see kinds created, status, priority, shared "
        "and unshared (new_value / old_value: the colleague's name) only.",
        "properties": {
            "kind": {"enum": list(rules.EVENT_KINDS)},
            "old_value": _TEXT_OR_NULL,
            "new_value": _TEXT_OR_NULL,
            "reason": _TEXT_OR_NULL,
            "actor": _TEXT_OR_NULL,
            "created_at": _TIME,
        },
    },
    "SlaTarget": {
        "type": "object",
        "properties": {
            "due": _TIME,
            "done_at": _TIME,
            "outcome": {"enum": list(OUTCOMES)},
        },
    },
    "Pause": {
        "type": "object",
        "description": "The clock stood still: status waiting_for_customer (ended_at null: still).",
        "properties": {"started_at": _TIME, "ended_at": _TIME},
    },
    "Ticket": {
        "type": "object",
        "properties": {
            "number": {"type": "string", "example": "T-2026-00042"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "priority": {"enum": [p.value for p in PRIORITIES]},
            "status": {"enum": list(rules.STATUSES)},
            "company": {"type": "string"},
            "affected": {"enum": list(rules.AFFECTED)},
            "callback_phone": {"type": "string"},
            "urgent": {"type": "boolean"},
            "urgent_reason": _TEXT_OR_NULL,
            "deadline": {"type": ["string", "null"], "format": "date"},
            "relaxed_days": _RELAXED_DAYS.json_schema(),
            "reported_at": _TIME,
            "response_due": _TIME,
            "first_response_at": _TIME,
            "resolution_due": _TIME,
            "resolved_at": _TIME,
            "sla": {
                "type": "object",
                "description": "Both SLA targets; a pause while waiting for the customer "
                "moves the open due times.",
                "properties": {kind: _ref("SlaTarget") for kind in TARGET_KINDS},
            },
            "last_activity_at": _TIME,
            "assignee": {"type": ["string", "null"], "description": "E-mail; staff only"},
            "source": {
                "enum": list(rules.SOURCES),
                "description": "Where the ticket came from; staff only",
            },
            "url": {"type": "string"},
        },
    },
    "TicketDetail": {
        "allOf": [
            _ref("Ticket"),
            {
                "type": "object",
                "properties": {
                    "attachments": {"type": "array", "items": _ref("Attachment")},
                    "messages": {"type": "array", "items": _ref("Message")},
                    "events": {"type": "array", "items": _ref("Event")},
                    "pauses": {"type": "array", "items": _ref("Pause")},
                    "shared_with": {
                        "type": "array",
                        "items": {"type": "string", "format": "email"},
                        "description": "E-mail addresses of the colleagues it is shared with",
                    },
                },
            },
        ]
    },
}

NEW_SHARE = (
    FieldSpec(
        "email",
        TEXT,
        "An active colleague of the ticket's company",
        required=True,
        not_blank=True,
        single_line=True,
        max_length=254,
    ),
)

REQUEST_SCHEMAS = {
    "NewTicket": body_schema(NEW_TICKET, NEW_TICKET_DESCRIPTION, NEW_TICKET_RULES),
    "TicketChange": body_schema(TICKET_CHANGE, TICKET_CHANGE_DESCRIPTION, CHANGE_RULES),
    "NewMessage": body_schema(NEW_MESSAGE),
    "NewShare": body_schema(NEW_SHARE),
}


def list_parameters(default_status: str, max_per_page: int) -> list[dict]:
    """The query parameters of GET /tickets: the one TicketFilter of every ticket list (the
    pages take the same names), then the page."""

    def query(name: str, schema: dict, description: str) -> dict:
        return {"name": name, "in": "query", "schema": schema, "description": description}

    # "" is what a page's form sends for "Alle" or an unticked box: the default
    flag = {"enum": ["", "0", "1"], "default": "0"}
    return [
        query(
            "status",
            {"enum": ["", *queries.STATUS_FILTERS], "default": default_status},
            "open: new, in progress or waiting for the customer; all: every status",
        ),
        query("q", {"type": "string"}, "A part of title or description, or the number"),
        query(
            "company",
            {"type": "string"},
            "A part of the company's name or customer number (staff; customers see only "
            "their own company's tickets anyway)",
        ),
        query("priority", {"enum": ["", *(p.value for p in PRIORITIES)]}, "One class"),
        query("assignee", {"enum": ["", *queries.ASSIGNEE_FILTERS]}, "Staff: mine or unassigned"),
        query("overdue", flag, "1: the first response is missing and late"),
        query(
            "due_soon",
            flag,
            f"1: the first response is missing, not late, and due within "
            f"{int(queries.DUE_SOON.total_seconds() // 60)} minutes or with less than a "
            f"quarter of its time left",
        ),
        query("page", {"type": "integer", "minimum": 1}, "From 1"),
        query(
            "per_page",
            {"type": "integer", "minimum": 1, "maximum": max_per_page},
            f"At most {max_per_page}",
        ),
    ]
