"""Ticket rules in plain Python: limits, the "dringend"/"nicht dringend" flags, what staff may
change, the reopen window and the messages that explain a refusal.

No database and no request: values in, messages out. The forms, the API schema
(tickets/schemas.py) and the writes (tickets/service.py) all check input here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flask_babel import gettext as _

from portal.errors import InputError
from portal.sla.targets import CRITICAL, MAX_RELAXED_DAYS, MIN_RELAXED_DAYS, NORMAL, PRIORITIES
from portal.text import is_single_line

STATUSES = ("new", "in_progress", "waiting_for_customer", "resolved", "closed")
OPEN_STATUSES = ("new", "in_progress", "waiting_for_customer")
DONE_STATUSES = ("resolved", "closed")
# While a ticket waits for the customer, the SLA clock stands still (portal.sla.pause).
PAUSED_STATUS = "waiting_for_customer"
AFFECTED = ("one", "several", "company")
# Where a ticket came from: the portal (or API), a call staff recorded, the monitoring, e-mail.
SOURCES = ("portal", "phone", "monitoring", "email")
EVENT_KINDS = (
    "created", "status", "priority", "assignee", "urgent", "deadline", "relaxed",
    # staff-only history of the SLA clock: a warning before a target is missed, and the miss
    "sla_warning", "sla_breach",
    # public: the ticket was shared with a colleague (new_value: the name) or no longer (old_value)
    "shared", "unshared",
)  # fmt: skip

TITLE_MAX = 200
TEXT_MAX = 20_000
REASON_MAX = 2_000
PHONE_MAX = 50
# A solved ticket may be reopened within this many days; after that, a new ticket is better.
REOPEN_DAYS = 14
# What staff may change on a ticket (the change form and PATCH /api/v1/tickets/{number}).
CHANGEABLE = (
    "status",
    "priority",
    "assignee",
    "urgent",
    "urgent_reason",
    "deadline",
    "relaxed_days",
)
# What a customer may do to the status of their own ticket (the API's PATCH).
CUSTOMER_STATUS_ACTIONS = ("resolved", "reopen")


class TicketError(InputError):
    """A ticket rule refused the input; ``fields`` names each field with its message."""


@dataclass
class Report:
    """What a new ticket needs; the form and the API both fill one of these."""

    title: str = ""
    description: str = ""
    priority: str = ""
    affected: str = "one"
    callback_phone: str = ""
    urgent: bool = False
    urgent_reason: str = ""
    deadline: dt.date | None = None
    relaxed_days: int | None = None
    # staff recording a hotline call: the company, its contact and when the call came in
    company: object = None
    reporter: object = None
    reported_at: dt.datetime | None = None
    triage_example: str = ""
    triage_component: str = ""
    triage_state: str = ""
    uploads: Sequence = field(default_factory=tuple)
    # Set by the intakes, never from input: "" means portal (customers) or phone (staff).
    source: str = ""
    # When the e-mail that reports it arrived (the inbound import only): the clock starts then.
    received_at: dt.datetime | None = None


def too_long(max_length: int) -> str:
    return _("Höchstens %(max)d Zeichen.", max=max_length)


def too_many_files(max_files: int) -> str:
    return _("Bitte hängen Sie höchstens %(count)d Dateien an.", count=max_files)


def check_text(errors: dict, name: str, value: str, required_message: str, max_length: int):
    """A required text: not blank, not longer than ``max_length``."""
    if not value.strip():
        errors[name] = required_message
    elif len(value) > max_length:
        errors[name] = too_long(max_length)


def single_line_refused() -> str:
    return _("Bitte in einer Zeile, ohne Zeilenumbrüche und Steuerzeichen.")


def check_single_line(errors: dict, name: str, value: str) -> None:
    """A one-line field: no line break or control character (unless already refused)."""
    if name not in errors and not is_single_line(value):
        errors[name] = single_line_refused()


def title_required() -> str:
    return _("Bitte geben Sie einen kurzen Titel ein.")


def title_from_description(description: str, max_length: int = 80) -> str:
    """A title for a report whose author gave none: the first line of the description,
    cut at a word near ``max_length`` ("Seit heute früh kommen keine E-Mails an …")."""
    first_line = next((line.strip() for line in description.splitlines() if line.strip()), "")
    if len(first_line) <= max_length:
        return first_line
    cut = first_line[:max_length].rsplit(" ", 1)[0].rstrip(" ,.;:-–") or first_line[:max_length]
    return f"{cut} …"


def description_required() -> str:
    return _("Bitte beschreiben Sie, was nicht funktioniert.")


def message_required() -> str:
    return _("Bitte schreiben Sie eine Nachricht.")


def priority_unknown() -> str:
    return _("Bitte wählen Sie eine Klasse: Kritisch, Normal oder Niedrig.")


def validate_flags(
    priority: str,
    urgent: bool,
    urgent_reason: str,
    deadline: dt.date | None,
    relaxed_days: int | None,
    today: dt.date | None,
) -> dict[str, str]:
    """Dringend (normal tickets, with a reason, optional deadline) or nicht dringend, not both.

    ``today`` None skips the "deadline in the past" check (for a deadline that is unchanged).
    """
    errors: dict[str, str] = {}
    if urgent and relaxed_days is not None:
        errors["urgent"] = _(
            "Bitte wählen Sie entweder „dringend“ oder „nicht dringend“, nicht beides."
        )
        return errors
    if urgent:
        if priority != NORMAL:
            errors["urgent"] = _(
                "„Dringend“ gibt es nur für normale Störungen. Kritische Störungen "
                "bearbeiten wir ohnehin sofort."
            )
        if not urgent_reason.strip():
            errors["urgent_reason"] = _(
                "Bitte sagen Sie uns, warum es dringend ist – z. B. welche Frist droht."
            )
        elif len(urgent_reason) > REASON_MAX:
            errors["urgent_reason"] = too_long(REASON_MAX)
        if deadline is not None and today is not None and deadline < today:
            errors["deadline"] = _("Die Frist liegt in der Vergangenheit.")
    elif deadline is not None:
        errors["deadline"] = _("Eine Frist gibt es nur zusammen mit „dringend“.")
    if relaxed_days is not None:
        if not MIN_RELAXED_DAYS <= relaxed_days <= MAX_RELAXED_DAYS:
            errors["relaxed_days"] = _(
                "Bitte geben Sie %(min)d bis %(max)d Tage an.",
                min=MIN_RELAXED_DAYS,
                max=MAX_RELAXED_DAYS,
            )
        elif priority == CRITICAL:
            errors["relaxed_days"] = _(
                "Eine kritische Störung kann nicht „nicht dringend“ sein. "
                "Bitte wählen Sie dann die Klasse Normal oder Niedrig."
            )
    return errors


def validate_report(
    report: Report, staff: bool, now: dt.datetime, today: dt.date, max_files: int
) -> dict[str, str]:
    """Every field of a new ticket; ``staff`` also checks the hotline call's company and time."""
    errors: dict[str, str] = {}
    check_text(errors, "title", report.title, title_required(), TITLE_MAX)
    check_single_line(errors, "title", report.title)
    check_text(errors, "description", report.description, description_required(), TEXT_MAX)
    if report.priority not in PRIORITIES:
        errors["priority"] = priority_unknown()
    if report.affected not in AFFECTED:
        errors["affected"] = _("Bitte sagen Sie uns, wer betroffen ist.")
    if len(report.callback_phone) > PHONE_MAX:
        errors["callback_phone"] = too_long(PHONE_MAX)
    check_single_line(errors, "callback_phone", report.callback_phone)
    errors.update(
        validate_flags(
            report.priority,
            report.urgent,
            report.urgent_reason,
            report.deadline,
            report.relaxed_days,
            today,
        )
    )
    if staff:
        errors.update(_validate_recording(report, now))
    if len(report.uploads) > max_files:
        errors["attachments"] = too_many_files(max_files)
    return errors


def _validate_recording(report: Report, now: dt.datetime) -> dict[str, str]:
    errors = {}
    if report.company is None:
        errors["company"] = _("Bitte wählen Sie die Firma, für die Sie das Ticket erfassen.")
    elif report.reporter is not None and report.reporter.company_id != report.company.id:
        errors["contact"] = _("Dieser Ansprechpartner gehört nicht zu der gewählten Firma.")
    if report.reported_at is not None and report.reported_at > now:
        errors["reported_at"] = _("Der Zeitpunkt des Anrufs darf nicht in der Zukunft liegen.")
    return errors


def validate_changes(
    current: Mapping[str, object], changes: Mapping[str, object], reason: str, today: dt.date
) -> dict[str, str]:
    """Staff's changes to a ticket whose flags are ``current`` (priority, urgent, urgent_reason,
    deadline, relaxed_days); ``changes`` holds only what differs. A new class needs a reason.
    ``changes["assignee"]`` is a user (or None) whose ``is_staff`` is checked."""
    errors: dict[str, str] = {}
    if "status" in changes and changes["status"] not in STATUSES:
        errors["status"] = _("Diesen Status gibt es nicht.")
    if "priority" in changes:
        if changes["priority"] not in PRIORITIES:
            errors["priority"] = priority_unknown()
        elif not reason.strip():
            errors["reason"] = _("Bitte begründen Sie, warum sich die Klasse ändert.")
    if len(reason) > REASON_MAX:
        errors["reason"] = too_long(REASON_MAX)
    assignee = changes.get("assignee")
    if assignee is not None and not assignee.is_staff:
        errors["assignee"] = _("Zuständig können nur Mitarbeiter sein.")
    flags = ("priority", "urgent", "urgent_reason", "deadline", "relaxed_days")
    merged = {name: changes.get(name, current[name]) for name in flags}
    if not merged["urgent"]:
        merged["urgent_reason"] = ""
        if "deadline" not in changes:  # a new deadline without "dringend" is an error
            merged["deadline"] = None
    new_deadline = "deadline" in changes
    errors.update(
        validate_flags(
            merged["priority"],
            merged["urgent"],
            merged["urgent_reason"],
            merged["deadline"] if new_deadline else None,
            merged["relaxed_days"],
            today if new_deadline else None,
        )
    )
    return errors


def validate_message(body: str, files: int, max_files: int, staff: bool, status: str):
    """A message on a ticket: not blank, not too long; customers cannot write on a closed one."""
    errors: dict[str, str] = {}
    check_text(errors, "body", body, message_required(), TEXT_MAX)
    if files > max_files:
        errors["attachments"] = too_many_files(max_files)
    if not staff and status in DONE_STATUSES:
        errors["body"] = _(
            "Dieses Ticket ist abgeschlossen. Bitte öffnen Sie es wieder oder melden Sie "
            "eine neue Störung."
        )
    return errors


def can_reopen(status: str, resolved_at: dt.datetime | None, now: dt.datetime) -> bool:
    """A solved ticket may be reopened within REOPEN_DAYS; after that, a new ticket is better."""
    if status != "resolved":
        return False
    return not (resolved_at and now - resolved_at > dt.timedelta(days=REOPEN_DAYS))


def reopen_refusal(status: str, number: str) -> str:
    """Why a ticket that cannot be reopened stays closed."""
    if status in OPEN_STATUSES:
        return _("Dieses Ticket ist noch offen.")
    return _(
        "Dieses Ticket ist seit mehr als %(days)d Tagen abgeschlossen und kann nicht "
        "mehr geöffnet werden. Bitte melden Sie eine neue Störung und nennen Sie "
        "darin die Nummer %(number)s.",
        days=REOPEN_DAYS,
        number=number,
    )


def status_after_reopen(first_response_at: dt.datetime | None) -> str:
    return "in_progress" if first_response_at else "new"


def is_overdue(
    first_response_at: dt.datetime | None, response_due: dt.datetime, now: dt.datetime
) -> bool:
    """The first response is missing and its time has passed."""
    return first_response_at is None and response_due < now


# "bald fällig": less than this share of the first response's time left, or less than
# DUE_SOON_AT_LEAST: a critical ticket with 59 of 60 minutes gone is due soon, and so is a
# low one with 3 of 16 hours left. The queue's marking and the due_soon filter both use it.
DUE_SOON_SHARE = 4  # a quarter
DUE_SOON_AT_LEAST = dt.timedelta(hours=1)


def is_due_soon(
    first_response_at: dt.datetime | None,
    reported_at: dt.datetime,
    response_due: dt.datetime,
    now: dt.datetime,
) -> bool:
    """The first response is missing, not yet late, and little of its time is left."""
    if first_response_at is not None or response_due < now:
        return False
    left = response_due - now
    return left < DUE_SOON_AT_LEAST or left * DUE_SOON_SHARE < response_due - reported_at
