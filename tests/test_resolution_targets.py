"""Resolution targets (time to "Gelöst"): the table of PRODUCT.md hand-checked, the "nicht
dringend" rule, the per-company override in /verwaltung, and the upgrade to version 10."""

import datetime as dt
from datetime import datetime

import pytest
from peewee import Table

from portal.db import database, is_postgres
from portal.migrations import migrate
from portal.models import Company
from portal.sla.calendar import BERLIN, EXTENDED, SERVICE
from portal.sla.targets import RESOLUTION, resolution_due, target_for
from portal.tickets.models import Ticket
from tests.ticket_factory import make_ticket


def berlin(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


FRIDAY_1500 = berlin(2026, 1, 9, 15)

RESOLUTION_CASES = [
    # Reported Fri 9.1.2026 15:00. Service hours: Mon-Fri 07-19 (12 h), Sat 08-18 (10 h).
    ("critical", True, berlin(2026, 1, 9, 23)),  # 8 h extended: the same evening
    # 24 h: Fri 4 (20 left), Sat 10 (10 left), Mon 07:00 + 10 h
    ("critical", False, berlin(2026, 1, 12, 17)),
    ("normal", True, berlin(2026, 1, 12, 17)),
    # 48 h: Fri 4, Sat 10, Mon 12, Tue 12 (10 left), Wed 07:00 + 10 h
    ("normal", False, berlin(2026, 1, 14, 17)),
    # 60 h: ... Wed 12 (10 left), Thu 07:00 + 10 h
    ("low", True, berlin(2026, 1, 15, 17)),
    # 120 h: Fri 4, Sat 10, Mon-Fri 60, Sat 10, Mon 12, Tue 12 = 108, Wed 12 -> Wed 19:00
    ("low", False, berlin(2026, 1, 21, 19)),
]


@pytest.mark.parametrize(("priority", "has_contract", "expected"), RESOLUTION_CASES)
def test_resolution_due_follows_the_table_of_the_sla(priority, has_contract, expected):
    assert resolution_due(FRIDAY_1500, priority, has_contract) == expected


def test_resolution_targets_count_in_the_calendar_of_the_first_response():
    assert target_for("critical", True, kind=RESOLUTION).calendar_name == EXTENDED
    assert target_for("critical", False, kind=RESOLUTION).calendar_name == SERVICE
    assert target_for("low", True, {"low": 30}, kind=RESOLUTION).hours == 30


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, berlin(2026, 1, 12, 17)),  # Sat 18:00 is earlier than the 24 h target: the target
        (5, berlin(2026, 1, 15, 19)),  # Sat, Mon, Tue, Wed, Thu: Thursday's closing time
    ],
)
def test_not_urgent_resolution_is_at_least_the_end_of_the_xth_service_day(days, expected):
    assert resolution_due(FRIDAY_1500, "normal", True, relaxed_days=days) == expected


def test_a_new_ticket_stores_its_resolution_due(app, customer_a, company_a):
    company_a.has_contract = True
    company_a.save()
    ticket = make_ticket(app, customer_a, priority="normal", now=FRIDAY_1500.astimezone(dt.UTC))
    assert Ticket.get_by_id(ticket.id).resolution_due == berlin(2026, 1, 12, 17)


def test_resolution_overrides_are_saved_in_verwaltung_and_used(admin_client, company_a):
    from tests.test_admin import company_form

    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data=company_form(
            name=company_a.name, customer_number="K-00001", normal_resolution_hours="12"
        ),
    )
    assert response.status_code == 302
    company = Company.get_by_id(company_a.id)
    assert company.target_overrides(RESOLUTION) == {"normal": 12.0}
    assert company.target_overrides() == {}
    page = admin_client.get(response.location).get_data(as_text=True)
    assert "Lösungszeit" in page and 'value="12"' in page


def test_a_resolution_override_out_of_range_is_refused(admin_client, company_a):
    from tests.test_admin import company_form

    response = admin_client.post(
        f"/verwaltung/firmen/{company_a.id}",
        data=company_form(name=company_a.name, customer_number="K-00001", low_resolution_hours="0"),
    )
    assert response.status_code == 400
    assert Company.get_by_id(company_a.id).low_resolution_hours is None


TICKET_V7 = (
    "id", "number", "company_id", "title", "description", "priority", "affected",
    "callback_phone", "status", "urgent", "urgent_reason", "relaxed_days", "triage_example",
    "triage_component", "triage_state", "reported_at", "response_due", "last_activity_at",
    "created_at", "in_queue", "priority_rank", "contract_rank", "urgency_rank",
)  # fmt: skip


def test_upgrade_to_version_10_fills_resolution_due_of_existing_tickets(db):
    cascade = " CASCADE" if is_postgres() else ""
    for table in database.get_tables():
        database.execute_sql(f'DROP TABLE IF EXISTS "{table}"{cascade}')
    migrate(target=7)
    moment = FRIDAY_1500.astimezone(dt.UTC).replace(tzinfo=None)
    company = Table("company", ("id", "name", "customer_number", "has_contract", "created_at"))
    company.bind(database).insert(
        id=1, name="Mit Vertrag", customer_number="K-1", has_contract=True, created_at=moment
    ).execute()
    ticket = Table("ticket", TICKET_V7).bind(database)
    for index, (priority, relaxed) in enumerate([("critical", None), ("normal", 5)], start=1):
        ticket.insert(
            id=index, number=f"T-2026-{index:05d}", company_id=1, title="Alt", description="…",
            priority=priority, affected="one", callback_phone="", status="new", urgent=False,
            urgent_reason="", relaxed_days=relaxed, triage_example="", triage_component="",
            triage_state="", reported_at=moment, response_due=moment, last_activity_at=moment,
            created_at=moment, in_queue=True, priority_rank=0, contract_rank=0, urgency_rank=1,
        ).execute()  # fmt: skip

    assert 10 in migrate()

    dues = [t.resolution_due for t in Ticket.select().order_by(Ticket.id)]
    assert dues == [berlin(2026, 1, 9, 23), berlin(2026, 1, 15, 19)]
