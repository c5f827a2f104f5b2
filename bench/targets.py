"""The pages the benchmark measures, resolved from the app's URL map and the seeded data."""

from flask import url_for

from portal.db import database
from portal.demo import DEMO_USERS
from portal.models import User
from portal.tickets.models import Ticket


def targets(app) -> list[tuple[str, str, str]]:
    """(label, path, who) — who is "staff" or "customer" (the first demo customer)."""
    customer_email = DEMO_USERS[0][0]
    with app.test_request_context(), database.connection_context():
        customer = User.by_email(customer_email)
        ticket = (
            Ticket.select(Ticket.number)
            # in progress: open (its page counts the tickets ahead of it), never paused (no
            # pause query), so that every database is measured with the same queries
            .where(Ticket.company == customer.company_id, Ticket.status == "in_progress")
            .order_by(Ticket.id.desc())
            .first()
        )
        return [
            ("staff queue (Warteschlange)", url_for("tickets.queue"), "staff"),
            ("customer's ticket list (Meine Tickets)", url_for("tickets.index"), "customer"),
            (
                "ticket view (customer, open)",
                url_for("tickets.view", number=ticket.number),
                "customer",
            ),
            ("API ticket list (staff)", url_for("api.list_tickets"), "staff"),
        ]
