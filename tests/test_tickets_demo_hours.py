"""Bulk demo tickets get their due times in the configured service hours, as real ones do."""

from datetime import time

import pytest

from portal import clock
from portal.models import Company
from portal.sla.calendar import BERLIN
from portal.sla.targets import RESOLUTION, RESPONSE, due_time
from portal.tickets.models import Ticket


@pytest.fixture
def app_config():
    # a provider open 08:00-17:00 on weekdays only, and its critical line too
    weekdays = {day: "08:00-17:00" for day in ("mon", "tue", "wed", "thu", "fri")}
    return {"SERVICE_HOURS": weekdays, "EXTENDED_HOURS": weekdays}


def test_bulk_tickets_are_due_in_the_configured_hours(app, runner, db):
    result = runner.invoke(args=["demo-data", "--companies", "3", "--tickets", "60"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        calendars = clock.calendars()
    bulk = list(Ticket.select().order_by(Ticket.id))[6:]  # after the six hand-made ones
    assert len(bulk) == 60
    for ticket in bulk:
        company = Company.get_by_id(ticket.company_id)
        for kind, due in ((RESPONSE, ticket.response_due), (RESOLUTION, ticket.resolution_due)):
            assert due == due_time(
                kind,
                ticket.reported_at,
                ticket.priority,
                company.has_contract,
                overrides=company.target_overrides(kind),
                relaxed_days=ticket.relaxed_days,
                calendars=calendars,
            )
            # whatever the defaults would say: nothing falls due on a weekend or after 17:00
            local = due.astimezone(BERLIN)
            assert local.weekday() < 5 and time(8) < local.time() <= time(17)
