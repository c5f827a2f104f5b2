"""The admin audit log: who did what to whom and when, for security-relevant actions of admins
and company contacts (accounts, roles, second factor, resets, exports, erasures, retention).

Entries name people by their account (a foreign key), never by a copy of their name or
address, so erasing a person leaves the entries about them pointing at the placeholder.
"""

from __future__ import annotations

import json

import peewee
from flask_babel import lazy_gettext as _l

from portal import clock
from portal.db import UTCDateTimeField
from portal.models import BaseModel, Company, User

# action -> how the log page names it
ACTIONS = {
    "user_created": _l("Konto angelegt"),
    "user_invited": _l("Eingeladen"),
    "deactivated": _l("Deaktiviert"),
    "reactivated": _l("Reaktiviert"),
    "role_changed": _l("Rolle geändert"),
    "contact_granted": _l("Zum Ansprechpartner gemacht"),
    "contact_revoked": _l("Kein Ansprechpartner mehr"),
    "two_factor_reset": _l("Zwei-Faktor-Anmeldung zurückgesetzt"),
    "password_reset": _l("Neues Passwort erzeugt"),
    "reset_link_sent": _l("Link zum Zurücksetzen gesendet"),
    "sessions_ended": _l("Alle Sitzungen beendet"),
    "sign_in": _l("Angemeldet"),
    "sign_in_failed": _l("Anmeldung fehlgeschlagen"),
    "token_created": _l("API-Token erstellt"),
    "token_revoked": _l("API-Token widerrufen"),
    "contract_changed": _l("Servicevertrag geändert"),
    "export": _l("Daten exportiert"),
    "erasure": _l("Person gelöscht"),
    "retention_run": _l("Aufbewahrungsfristen angewendet"),
    "tickets_expired": _l("Erledigte Tickets gelöscht (Aufbewahrungsfrist)"),
}

# detail key -> how the log page names it
DETAILS = {
    "role": _l("Rolle"),
    "old": _l("vorher"),
    "new": _l("nachher"),
    "sessions": _l("Sitzungen"),
    "sign_in_counters": _l("Anmeldezähler"),
    "outbox_mails": _l("gesendete E-Mails"),
    "inbound_mails": _l("eingegangene E-Mails"),
    "links": _l("Passwort-Links"),
    "reset_requests": _l("Anfragen „Passwort vergessen?“"),
    "accounts_erased": _l("gelöschte Konten"),
    "tickets": _l("Tickets"),
    "address": _l("Adresse"),
    "token": _l("Token"),
    "scope": _l("Zweck"),
    "contract": _l("mit Vertrag"),
}


class AuditEntry(BaseModel):
    created_at = UTCDateTimeField(index=True)
    actor = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    action = peewee.CharField(max_length=30)
    subject = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    company = peewee.ForeignKeyField(Company, null=True, on_delete="SET NULL", backref="+")
    # JSON object: what changed (old and new role, the counts of a retention run)
    detail = peewee.TextField(default="")

    class Meta:
        table_name = "audit_entry"
        indexes = ((("subject", "created_at"), False),)

    @property
    def details(self) -> dict:
        return json.loads(self.detail) if self.detail else {}

    @property
    def label(self):
        return ACTIONS.get(self.action, self.action)


def record(
    action: str,
    *,
    actor: User | None,
    subject: User | None = None,
    company: Company | int | None = None,
    **detail,
) -> AuditEntry:
    """Write one entry (inside the caller's transaction, so a rolled-back action leaves none).
    `actor` None: the system (a periodic job)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if company is None and subject is not None:
        company = subject.company_id
    return AuditEntry.create(
        created_at=clock.now(),
        actor=actor.id if actor is not None else None,
        action=action,
        subject=subject.id if subject is not None else None,
        company=company.id if isinstance(company, Company) else company,
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else "",
    )


def newest_first(action: str | None = None) -> peewee.ModelSelect:
    """The entries (of one action, or all) with actor, subject and company (one query),
    newest first."""
    actor = User.alias("actor")
    subject = User.alias("subject")
    query = (
        AuditEntry.select(AuditEntry, actor, subject, Company)
        .join_from(AuditEntry, actor, peewee.JOIN.LEFT_OUTER, on=AuditEntry.actor == actor.id)
        .join_from(AuditEntry, subject, peewee.JOIN.LEFT_OUTER, on=AuditEntry.subject == subject.id)
        .join_from(AuditEntry, Company, peewee.JOIN.LEFT_OUTER)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    if action:
        query = query.where(AuditEntry.action == action)
    return query
