"""Step 8: an existing database with tickets gets the inbound table and each ticket's source."""

from __future__ import annotations

from portal.db import database, is_postgres
from portal.inbound.models import InboundMail
from portal.migrations import migrate
from portal.tickets.models import Ticket, TicketAlert
from tests.ticket_factory import make_ticket


def _before_step_8():
    """The schema without step 8 (the other steps stay applied)."""
    cascade = " CASCADE" if is_postgres() else ""
    database.execute_sql(f"DROP TABLE inbound_mail{cascade}")
    database.execute_sql("ALTER TABLE ticket DROP COLUMN source")
    database.execute_sql("DELETE FROM schema_version WHERE version = 8")  # later steps stay


def test_upgrade_sets_source_of_existing_tickets(app, db, customer_a, staff, company_a):
    by_portal = make_ticket(app, customer_a)
    by_phone = make_ticket(app, staff, company=company_a)
    by_alarm = make_ticket(app, staff, company=company_a)
    TicketAlert.create(
        ticket=by_alarm,
        fingerprint="f",
        name="Down",
        status="firing",
        labels="{}",
        first_seen_at=by_alarm.created_at,
        last_seen_at=by_alarm.created_at,
    )
    _before_step_8()

    assert migrate() == [8]

    sources = {t.id: t.source for t in Ticket.select()}
    assert sources == {by_portal.id: "portal", by_phone.id: "phone", by_alarm.id: "monitoring"}
    assert InboundMail.select().count() == 0
    assert migrate() == []


def test_a_step_merged_later_is_still_applied(db, monkeypatch):
    """Step 7 (the outbox branch) may reach a database after step 8: it is applied then."""
    from portal.migrations import MIGRATIONS, SchemaVersion

    ran = []
    monkeypatch.setitem(MIGRATIONS, 7, lambda database: ran.append(7))
    SchemaVersion.delete().where(SchemaVersion.version == 7).execute()

    assert migrate() == [7] and ran == [7]
    assert migrate() == []
