"""Cheaper reads: prepared selects and HTML list rows give what the plain peewee queries give."""

from __future__ import annotations

import datetime as dt

from portal.db import PreparedSelect, param
from portal.models import User
from portal.tickets import service
from portal.tickets.models import Ticket
from tests.ticket_factory import make_ticket


def test_signed_in_user_is_loaded_by_id(app, customer_a, staff):
    with app.app_context():
        assert User.by_id(customer_a.id).email == customer_a.email
        assert User.by_id(staff.id).email == staff.email
        assert User.by_id(999_999) is None


def test_ticket_for_binds_number_and_viewer_company_on_every_call(
    app, customer_a, customer_b, staff
):
    ticket_a = make_ticket(app, customer_a, title="Bei Alpha")
    ticket_b = make_ticket(app, customer_b, title="Bei Beta")
    with app.app_context():
        found = service.ticket_for(customer_a, ticket_a.number)
        assert found.title == "Bei Alpha"
        assert found.company.name == customer_a.company.name
        assert found.reporter.email == customer_a.email
        # the same prepared query for another viewer and number: scoped to that viewer
        assert service.ticket_for(customer_a, ticket_b.number) is None
        assert service.ticket_for(customer_b, ticket_b.number).title == "Bei Beta"
        assert service.ticket_for(staff, ticket_a.number).title == "Bei Alpha"
        assert service.ticket_for(staff, ticket_b.number).title == "Bei Beta"
        assert service.ticket_for(staff, "T-1999-00001") is None


def test_placeholders_are_converted_like_the_compared_field(app, customer_a):
    ticket = make_ticket(app, customer_a)
    due = Ticket.get_by_id(ticket.id).response_due
    due_before = PreparedSelect(
        lambda _shape: Ticket.select(Ticket.id).where(
            Ticket.response_due < param("moment", Ticket.response_due)
        )
    )
    with app.app_context():
        later = due + dt.timedelta(minutes=1)
        assert [t.id for t in due_before.rows(moment=later)] == [ticket.id]
        assert due_before.rows(moment=due) == []


def test_list_rows_carry_what_the_lists_show(app, customer_a, customer_b, staff):
    assigned = make_ticket(app, customer_a, title="Zugewiesen", priority="normal")
    make_ticket(app, customer_b, title="Ohne Vertrag", priority="low")
    Ticket.update(assignee=staff.id, urgent=True, urgent_reason="Frist").where(
        Ticket.id == assigned.id
    ).execute()
    with app.app_context():
        query = service.scoped_tickets(staff).order_by(Ticket.id)
        rows, total = service.list_page(query, 1, 25)
        assert total == 2
        first, second = rows
        model = Ticket.get_by_id(assigned.id)
        for column in service.list_columns():
            name = column.name + ("_id" if column.name in ("company", "assignee") else "")
            assert getattr(first, name) == getattr(model, name), name
        assert first.urgent is True and first.reported_at.tzinfo is not None
        assert (first.company.name, first.company.has_contract) == (model.company.name, True)
        assert (first.assignee.id, first.assignee.name) == (staff.id, staff.name)
        assert second.assignee is None and second.company.has_contract is False


def test_pages_of_the_same_shape_bind_their_own_filter_values(
    app, client_a, client_b, customer_a, customer_b
):
    for index in range(27):
        make_ticket(app, customer_a, title=f"Alpha {index:02d}")
    make_ticket(app, customer_b, title="Beta 00")
    first = client_a.get("/tickets").get_data(as_text=True)
    second = client_a.get("/tickets?page=2").get_data(as_text=True)
    other = client_b.get("/tickets").get_data(as_text=True)
    assert first.count("Alpha ") == 25 and "Alpha 26" in first and "Alpha 00" not in first
    assert second.count("Alpha ") == 2 and "Alpha 00" in second
    assert "Alpha" not in other and "Beta 00" in other
    assert "28 Tickets" not in other and "1 Ticket" in other


def test_a_page_with_values_outside_where_is_still_right(app, customer_a, staff):
    """Parameters in the select list (here a constant) cannot be cached: generated anew."""
    import peewee

    make_ticket(app, customer_a, title="Eins")
    make_ticket(app, customer_a, title="Zwei")

    def with_label(query):
        return query.select(Ticket.title, peewee.Value("x").alias("label"))

    with app.app_context():
        query = service.scoped_tickets(staff).order_by(Ticket.id)
        for page, title in ((1, "Eins"), (2, "Zwei")):
            rows, total = service.paginate(query, page, 1, rows=with_label)
            assert total == 2 and [(r.title, r.label) for r in rows] == [(title, "x")]
