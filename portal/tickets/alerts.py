"""Alarms from the provider's monitoring (Prometheus Alertmanager webhooks) become tickets.

Each alert names the client company with the label `customer` (customer number, e.g.
K-10001) or `company` (name), and its class with `priority` (critical/normal/low) or
Alertmanager's usual `severity`. A repeated alert with the same fingerprint stays on its
open ticket; a resolved alert leaves an internal note, and staff decide when it is solved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

import peewee
from flask_babel import gettext as _

from portal import mail
from portal.db import utcnow
from portal.errors import InputError
from portal.i18n import local_datetime
from portal.models import Company, User
from portal.sla.targets import PRIORITIES
from portal.tickets import rules, service
from portal.tickets.models import Ticket, TicketAlert
from portal.tickets.rules import OPEN_STATUSES

SEVERITY_PRIORITY = {
    "critical": "critical",
    "error": "critical",
    "page": "critical",
    "warning": "normal",
    "major": "normal",
    "minor": "low",
    "info": "low",
    "none": "low",
}
DEFAULT_PRIORITY = "normal"
MAX_ALERTS = 200
INGEST_ATTEMPTS = 3  # a call that lost a race runs again (see ingest)
MAX_FINGERPRINT = 200  # TicketAlert.fingerprint's column
# Alertmanager's "zero" time for alerts that have not ended
ZERO_TIME_PREFIX = "0001-01-01"


@dataclass
class Alert:
    fingerprint: str
    status: str
    name: str
    company: Company
    priority: str
    labels: dict
    annotations: dict
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    generator_url: str = ""


@dataclass
class Outcome:
    fingerprint: str
    action: str  # created | repeated | resolved | ignored
    ticket: str | None = None
    extra: dict = field(default_factory=dict)


class AlertError(InputError):
    """A webhook body the intake refuses as a whole; `fields` names every bad alert field."""


def parse_alertmanager(payload: object, now: dt.datetime) -> list[Alert]:
    """Check a whole webhook body before anything is written; AlertError names every bad field."""
    if not isinstance(payload, dict) or not isinstance(payload.get("alerts"), list):
        raise AlertError({"alerts": _("Erwartet wird ein Alertmanager-Webhook mit „alerts“.")})
    raw_alerts = payload["alerts"]
    if len(raw_alerts) > MAX_ALERTS:
        raise AlertError({"alerts": _("Höchstens %(max)d Alarme je Aufruf.", max=MAX_ALERTS)})
    errors: dict[str, str] = {}
    companies = _companies_named_in(raw_alerts)
    alerts = []
    for index, raw in enumerate(raw_alerts):
        alert = _parse_one(raw, f"alerts[{index}]", companies, now, errors)
        if alert is not None:
            alerts.append(alert)
    if errors:
        raise AlertError(errors)
    return alerts


def _companies_named_in(raw_alerts: list) -> dict[str, Company]:
    """One query for every company the alerts name, by customer number or name."""
    keys = set()
    for raw in raw_alerts:
        labels = raw.get("labels") if isinstance(raw, dict) else None
        if isinstance(labels, dict):
            keys.update(str(labels[k]).strip() for k in ("customer", "company") if k in labels)
    if not keys:
        return {}
    found = Company.select().where(
        Company.customer_number.in_(list(keys)) | Company.name.in_(list(keys))
    )
    by_key = {}
    for company in found:
        by_key[company.customer_number] = company
        by_key[company.name] = company
    return by_key


def _parse_one(raw, where: str, companies: dict, now: dt.datetime, errors: dict) -> Alert | None:
    if not isinstance(raw, dict):
        errors[where] = _("Jeder Alarm muss ein JSON-Objekt sein.")
        return None
    labels, annotations = raw.get("labels"), raw.get("annotations") or {}
    if not isinstance(labels, dict) or not isinstance(annotations, dict):
        errors[f"{where}.labels"] = _("„labels“ und „annotations“ müssen Objekte sein.")
        return None
    labels = {str(k): str(v) for k, v in labels.items()}
    annotations = {str(k): str(v) for k, v in annotations.items()}
    status = raw.get("status")
    if status not in ("firing", "resolved"):
        errors[f"{where}.status"] = _("Der Status muss „firing“ oder „resolved“ sein.")
    company_key = (labels.get("customer") or labels.get("company") or "").strip()
    company = companies.get(company_key)
    if company is None:
        errors[f"{where}.labels.customer"] = (
            _("Unbekannter Kunde „%(key)s“.", key=company_key)
            if company_key
            else _("Das Label „customer“ (Kundennummer) fehlt.")
        )
    starts_at = _time(raw.get("startsAt"), f"{where}.startsAt", errors)
    ends_at = _time(raw.get("endsAt"), f"{where}.endsAt", errors)
    fingerprint = raw.get("fingerprint") or _fingerprint(labels)
    if not isinstance(fingerprint, str) or len(fingerprint) > MAX_FINGERPRINT:
        errors[f"{where}.fingerprint"] = _(
            "Der Fingerprint muss Text mit höchstens %(max)d Zeichen sein.", max=MAX_FINGERPRINT
        )
        return None
    if status not in ("firing", "resolved") or company is None or f"{where}.startsAt" in errors:
        return None
    name = labels.get("alertname", "").strip() or _("Alarm")
    return Alert(
        fingerprint=fingerprint,
        status=status,
        name=name[:200],
        company=company,
        priority=_priority(labels),
        labels=labels,
        annotations=annotations,
        starts_at=min(starts_at, now) if starts_at else None,
        ends_at=ends_at,
        generator_url=str(raw.get("generatorURL") or ""),
    )


def _time(value, name: str, errors: dict) -> dt.datetime | None:
    if value in (None, "") or str(value).startswith(ZERO_TIME_PREFIX):
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        errors[name] = _("Ungültiger Zeitpunkt (erwartet: ISO 8601).")
        return None
    if moment.tzinfo is None:
        errors[name] = _("Der Zeitpunkt braucht eine Zeitzone.")
        return None
    return moment.astimezone(dt.UTC)


def _fingerprint(labels: dict) -> str:
    """Alertmanager sends a fingerprint; older senders do not, so derive one from the labels."""
    return hashlib.sha256(json.dumps(labels, sort_keys=True).encode()).hexdigest()[:16]


def _priority(labels: dict) -> str:
    wanted = labels.get("priority", "").lower()
    if wanted in PRIORITIES:
        return wanted
    return SEVERITY_PRIORITY.get(labels.get("severity", "").lower(), DEFAULT_PRIORITY)


# --- applying them ---------------------------------------------------------------------


def ingest(actor: User, alerts: list[Alert], now: dt.datetime | None = None) -> list[Outcome]:
    """All alerts of one call in one transaction, mails after the commit: Alertmanager
    repeats a failed call whole, so a half-written one would open its tickets twice.

    Two calls may race to open a ticket for the same new fingerprint (several instances on
    PostgreSQL): the unique (fingerprint, occurrence) row lets one win; the other's
    transaction is rolled back and run again, and then finds the winner's open ticket."""
    now = now or utcnow()
    for attempt in range(INGEST_ATTEMPTS):
        try:
            with service.write_transaction():
                return _apply(actor, alerts, now)
        except peewee.IntegrityError:
            if attempt == INGEST_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _apply(actor: User, alerts: list[Alert], now: dt.datetime) -> list[Outcome]:
    open_alerts, occurrences = _alerts_by_fingerprint([a.fingerprint for a in alerts])
    outcomes = []
    for alert in alerts:
        known = open_alerts.get((alert.company.id, alert.fingerprint))
        if alert.status == "firing":
            outcomes.append(_firing(actor, alert, known, now, open_alerts, occurrences))
        else:
            outcomes.append(_resolved(actor, alert, known, now))
    return outcomes


def _alerts_by_fingerprint(fingerprints: list[str]) -> tuple[dict, dict[str, int]]:
    """The open alarms by (company, fingerprint), and each fingerprint's latest occurrence.

    One statement, so one snapshot even under READ COMMITTED: a ticket that another call
    opens after it is either seen open here, or takes the occurrence this call would take
    next, and this call's insert then fails (two reads could see it in the second only)."""
    rows = (
        TicketAlert.select(TicketAlert, Ticket)
        .join(Ticket)
        .where(TicketAlert.fingerprint.in_(fingerprints))
        .order_by(TicketAlert.occurrence)
    )
    open_alerts, occurrences = {}, {}
    for row in rows:
        occurrences[row.fingerprint] = row.occurrence
        if row.ticket.status in OPEN_STATUSES:
            open_alerts[(row.ticket.company_id, row.fingerprint)] = row
    return open_alerts, occurrences


def _firing(actor, alert: Alert, known, now, open_alerts, occurrences) -> Outcome:
    if known is not None:
        if known.status == "resolved" and _started_before_it_ended(alert, known):
            # a late (retried) send of the firing that was since resolved: nothing new
            return Outcome(alert.fingerprint, "ignored", known.ticket.number)
        # Alertmanager repeats a firing alert every repeat_interval: one ticket is enough.
        TicketAlert.update(last_seen_at=now, status="firing").where(
            TicketAlert.id == known.id
        ).execute()
        return Outcome(alert.fingerprint, "repeated", known.ticket.number)
    report = rules.Report(
        title=_title(alert),
        description=_description(alert),
        priority=alert.priority,
        affected="company" if alert.priority == "critical" else "one",
        company=alert.company,
        reported_at=alert.starts_at,
        source="monitoring",
    )
    ticket = service.create_ticket(actor, report, now=now)
    occurrence = occurrences.get(alert.fingerprint, 0) + 1
    row = TicketAlert.create(
        ticket=ticket,
        fingerprint=alert.fingerprint,
        name=alert.name,
        status="firing",
        labels=json.dumps(alert.labels, sort_keys=True),
        first_seen_at=now,
        last_seen_at=now,
        occurrence=occurrence,
    )
    open_alerts[(alert.company.id, alert.fingerprint)] = row
    occurrences[alert.fingerprint] = occurrence
    return Outcome(alert.fingerprint, "created", ticket.number)


def _started_before_it_ended(alert: Alert, known: TicketAlert) -> bool:
    return alert.starts_at is not None and alert.starts_at <= known.resolved_at


def _resolved(actor, alert: Alert, known: TicketAlert | None, now) -> Outcome:
    if known is None:
        return Outcome(alert.fingerprint, "ignored")
    if known.status == "resolved":
        # Alertmanager may send a resolved alert again: the note is already there
        return Outcome(alert.fingerprint, "resolved", known.ticket.number)
    ended = alert.ends_at or now
    TicketAlert.update(status="resolved", resolved_at=ended, last_seen_at=now).where(
        TicketAlert.id == known.id
    ).execute()
    service.add_message(
        known.ticket,
        actor,
        _(
            "Monitoring: Der Alarm „%(name)s“ ist seit %(time)s nicht mehr aktiv. "
            "Bitte prüfen und das Ticket dann lösen.",
            name=alert.name,
            time=local_datetime(ended),
        ),
        internal=True,
        now=now,
    )
    return Outcome(alert.fingerprint, "resolved", known.ticket.number)


def _title(alert: Alert) -> str:
    # A summary is free text from the monitoring: a title is one line (it becomes a subject).
    summary = mail.one_line(alert.annotations.get("summary", ""))
    return (_("Monitoring: %(text)s", text=summary or mail.one_line(alert.name)))[:200]


def _description(alert: Alert) -> str:
    lines = []
    for key in ("description", "summary"):
        if alert.annotations.get(key, "").strip():
            lines.append(alert.annotations[key].strip())
            break
    lines.append("")
    lines.append(_("Alarm der Überwachung: %(name)s", name=alert.name))
    lines.extend(f"{key}: {value}" for key, value in sorted(alert.labels.items()))
    if alert.generator_url:
        lines.append(alert.generator_url)
    return "\n".join(lines)[: rules.TEXT_MAX]
