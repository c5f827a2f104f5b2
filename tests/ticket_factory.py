"""Creating tickets for tests through the same service the pages and the API use."""

from __future__ import annotations

import datetime as dt

from portal.tickets import service
from portal.tickets.models import Ticket


def make_ticket(app, actor, **values) -> Ticket:
    """A ticket reported by `actor` (a customer, or staff with company=…) with sensible defaults."""
    now = values.pop("now", None)
    report = service.Report(
        title=values.pop("title", "Drucker druckt nicht"),
        description=values.pop("description", "Seit heute früh kommt nichts mehr heraus."),
        priority=values.pop("priority", "normal"),
        affected=values.pop("affected", "one"),
        **values,
    )
    with app.test_request_context():
        return service.create_ticket(actor, report, now=now)


def at(text: str) -> dt.datetime:
    """'2026-11-24 08:30' in Berlin time as an aware UTC datetime."""
    from zoneinfo import ZoneInfo

    local = dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Europe/Berlin"))
    return local.astimezone(dt.UTC)
