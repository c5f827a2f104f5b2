"""portal.reads: kept SQL gives what the plain peewee queries give, for every viewer and value."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from portal import reads
from portal.db import database
from portal.models import User
from portal.paging import paginate
from portal.tickets import queries
from portal.tickets.models import Ticket
from tests.conftest import POSTGRES_URL, count_queries, make_user
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
        found = queries.ticket_for(customer_a, ticket_a.number)
        assert found.title == "Bei Alpha"
        assert found.company.name == customer_a.company.name
        assert found.reporter.email == customer_a.email
        # the same kept SQL for another viewer and number: scoped to that viewer
        assert queries.ticket_for(customer_a, ticket_b.number) is None
        assert queries.ticket_for(customer_b, ticket_b.number).title == "Bei Beta"
        assert queries.ticket_for(staff, ticket_a.number).title == "Bei Alpha"
        assert queries.ticket_for(staff, ticket_b.number).title == "Bei Beta"
        assert queries.ticket_for(staff, "T-1999-00001") is None


def test_ticket_for_reads_each_scope_with_the_rules_own_sql(app, customer_a, customer_b, staff):
    """Staff and a whole company's view read a ticket through bases made of values alone:
    each is exactly scoped_tickets()'s SQL; a customer kept to their own tickets stays on it."""
    from portal.models import Company

    number = "T-2026-00042"
    mine = make_ticket(app, customer_a, title="Meins")
    theirs = make_ticket(app, customer_b, title="Von Beta")
    colleague = make_user(app, "kai@alpha.example", "Kai Kollege", "customer", customer_a.company)
    with app.app_context():
        assert queries.visible_scope(staff) == "all"
        assert queries.visible_scope(customer_a) == "company"
        for user, made in (
            (staff, queries._numbered(number)),
            (customer_a, queries._numbered_in_company(customer_a.company_id, number)),
        ):
            assert made.sql() == queries.scoped_tickets(user).where(Ticket.number == number).sql()
        Company.update(colleagues_see_all=False).where(
            Company.id == customer_a.company_id
        ).execute()
        kept_apart = User.get_by_id(colleague.id)
        assert queries.visible_scope(kept_apart) == "own"
        assert queries.ticket_for(kept_apart, mine.number) is None  # Anna's, not shared
        assert queries.ticket_for(User.get_by_id(customer_a.id), mine.number).title == "Meins"
        assert queries.ticket_for(kept_apart, theirs.number) is None
        assert queries.ticket_for(staff, theirs.number).title == "Von Beta"


def test_kept_sql_reads_the_same_rows_as_peewee_itself(app, customer_a, staff):
    """The canary for reads.model_rows, the one use of peewee's private cursor wrapper: a
    peewee upgrade that changes it fails here, not on a page."""
    ticket = make_ticket(app, customer_a)
    Ticket.update(assignee=staff.id).where(Ticket.id == ticket.id).execute()
    with app.app_context():
        base = queries.scoped_tickets(staff).where(Ticket.id == ticket.id)
        expected = list(queries.with_people(base))
        for _ in range(2):  # generated, then kept
            got = reads.rows(base, queries.with_people)
            assert [type(row) for row in got] == [Ticket]
            assert got[0].__data__ == expected[0].__data__
            assert got[0].company.__data__ == expected[0].company.__data__
            assert got[0].reporter.email == customer_a.email
            assert got[0].assignee.email == staff.email
        # the next run of the kept SQL reuses the first run's column mapping: another row,
        # its outer join empty, comes out as peewee itself gives it
        other = make_ticket(app, customer_a, title="Niemandem zugewiesen")
        base = queries.scoped_tickets(staff).where(Ticket.id == other.id)
        expected = list(queries.with_people(base))
        got = reads.rows(base, queries.with_people)
        assert got[0].__data__ == expected[0].__data__
        assert got[0].title == "Niemandem zugewiesen"
        assert got[0].assignee is None and expected[0].assignee is None
        assert got[0].company.__data__ == expected[0].company.__data__


def test_values_are_converted_like_the_compared_field(app, customer_a):
    ticket = make_ticket(app, customer_a)
    due = Ticket.get_by_id(ticket.id).response_due
    with app.app_context():
        for moment, expected in ((due + dt.timedelta(minutes=1), [ticket.id]), (due, [])):
            base = Ticket.select(Ticket.id).where(Ticket.response_due < moment)
            assert [t.id for t in reads.rows(base)] == expected


def test_kept_shapes_are_bounded(app, customer_a, monkeypatch):
    make_ticket(app, customer_a)
    monkeypatch.setattr(reads, "_KEPT", {})
    monkeypatch.setattr(reads, "MAX_SHAPES", 3)
    with app.app_context():
        for length in range(1, 8):  # IN lists of another length: another shape each
            ids = list(range(length))
            assert reads.count(Ticket.select().where(Ticket.id.in_(ids))) in (0, 1)
    assert len(reads._KEPT) == 3


def test_list_rows_carry_what_the_lists_show(app, customer_a, customer_b, staff):
    assigned = make_ticket(app, customer_a, title="Zugewiesen", priority="normal")
    make_ticket(app, customer_b, title="Ohne Vertrag", priority="low")
    Ticket.update(assignee=staff.id, urgent=True, urgent_reason="Frist").where(
        Ticket.id == assigned.id
    ).execute()
    with app.app_context():
        query = queries.scoped_tickets(staff).order_by(Ticket.id)
        page = queries.list_page(query, 1, 25)
        assert page.total == 2
        first, second = page.rows
        model = Ticket.get_by_id(assigned.id)
        for name in first._fields:
            if hasattr(model, name):
                assert getattr(first, name) == getattr(model, name), name
        assert first.urgent is True and first.reported_at.tzinfo is not None
        assert (first.company_name, first.has_contract) == (model.company.name, True)
        assert (first.assignee_id, first.assignee_name) == (staff.id, staff.name)
        assert second.assignee_id is None and second.has_contract is False


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
    make_ticket(app, customer_a, title="Eins")
    make_ticket(app, customer_a, title="Zwei")

    def with_label(query):
        return query.select(Ticket.title, peewee.Value("x").alias("label"))

    with app.app_context():
        query = queries.scoped_tickets(staff).order_by(Ticket.id)
        for number, title in ((1, "Eins"), (2, "Zwei")):
            page = paginate(query, number, 1, shape=with_label)
            assert page.total == 2 and [(r.title, r.label) for r in page.rows] == [(title, "x")]


def test_capped_count_stops_after_the_cap(app, customer_a):
    for index in range(5):
        make_ticket(app, customer_a, title=f"T{index}")
    with app.app_context():
        base = Ticket.select()
        assert reads.count(base) == 5
        assert [reads.count(base, cap) for cap in (2, 4, 5, 10)] == [3, 5, 5, 5]
        filtered = Ticket.select().where(Ticket.title.in_(["T1", "T2", "T3"]))
        assert reads.count(filtered, 2) == 3 and reads.count(filtered, 3) == 3


def test_first_pages_of_each_size_and_the_pages_after_them_read_their_own_rows(app, customer_a):
    """A first page's LIMIT is written into its kept SQL: each page size is its own SQL."""
    for index in range(5):
        make_ticket(app, customer_a, title=f"T{index}")
    with app.app_context():
        base = Ticket.select(Ticket.title).order_by(Ticket.id)

        def titles(limit, offset=0):
            return [row.title for row in reads.rows(base, limit=limit, offset=offset)]

        for _ in range(2):  # kept on the first round, read from what was kept on the second
            assert titles(2) == ["T0", "T1"]
            assert titles(3) == ["T0", "T1", "T2"]
            assert titles(2, offset=2) == ["T2", "T3"]
            assert titles(3, offset=3) == ["T3", "T4"]
            assert reads.first(base).title == "T0"


def test_named_rows_convert_like_peewee(app, customer_a, staff):
    ticket = make_ticket(app, customer_a, title="Umlaute äöü")
    Ticket.update(urgent=True, urgent_reason="Frist").where(Ticket.id == ticket.id).execute()
    with app.app_context():
        base = Ticket.select().where(Ticket.id == ticket.id)

        def shape(query):
            return query.select(
                Ticket.title, Ticket.urgent, Ticket.deadline, Ticket.reported_at.alias("when")
            )

        model = Ticket.get_by_id(ticket.id)
        for _ in range(2):  # generated, then kept
            (row,) = reads.rows(base, shape, reads.named_rows)
            assert row == ("Umlaute äöü", True, None, model.reported_at)
            assert row.when.tzinfo is not None and row.urgent is True


def noting_values(make_base):
    """``make_base`` for reads.first_made/count_made that notes in ``.made`` each value it is
    called with: how often reads really built the base."""

    def noted(value):
        noted.made.append(value)
        return make_base(value)

    noted.made = []
    return noted


def test_a_made_base_is_kept_and_runs_with_new_values(app, customer_a, customer_b):
    """reads.first_made: the base's function is called once (its SQL kept), later calls only
    bind their values, and the rows are the ones peewee's own query gives."""

    @noting_values
    def by_email(email: str) -> peewee.ModelSelect:
        return User.select().where(User.email == email)

    with app.app_context():
        for user in (customer_a, customer_b, customer_a):
            found = reads.first_made(by_email, user.email)
            assert found.__data__ == User.get(User.email == user.email).__data__
        assert reads.first_made(by_email, "niemand@example.org") is None
        assert by_email.made == [customer_a.email]


def test_a_made_base_whose_values_are_converted_is_rendered_each_time(app, customer_a):
    """A datetime becomes another parameter in the SQL: such a base is never kept (kept SQL
    would bind the unconverted value), so every call builds and renders it, and finds right."""
    ticket = make_ticket(app, customer_a)

    @noting_values
    def reported_since(moment: dt.datetime) -> peewee.ModelSelect:
        return Ticket.select().where(Ticket.reported_at >= moment)

    with app.app_context():
        before = ticket.reported_at - dt.timedelta(minutes=1)
        after = ticket.reported_at + dt.timedelta(minutes=1)
        assert reads.first_made(reported_since, before).id == ticket.id
        assert reads.first_made(reported_since, after) is None
        # built for the check, then once per call that rendered it
        assert len(reported_since.made) == 3


def test_a_made_count_is_kept_and_counts_like_peewee(app, customer_a, customer_b):
    """reads.count_made: the base's function is called once (its SQL kept); capped and not,
    the counts are peewee's own for every value."""
    for _ in range(3):
        make_ticket(app, customer_a)
    make_ticket(app, customer_b)

    @noting_values
    def of_company(company_id: int) -> peewee.ModelSelect:
        return Ticket.select().where(Ticket.company == company_id)

    with app.app_context():
        for user in (customer_a, customer_b, customer_a):
            expected = Ticket.select().where(Ticket.company == user.company_id).count()
            assert reads.count_made(of_company, user.company_id) == expected
            assert reads.count_made(of_company, user.company_id, cap=1) == min(expected, 2)
        assert of_company.made == [customer_a.company_id, customer_a.company_id]  # once per cap


# --- prepared statements on PostgreSQL ------------------------------------------------------

PLACEHOLDERS = [
    ("SELECT 1", "SELECT 1"),
    ('SELECT "a" FROM "t" WHERE ("b" = %s)', 'SELECT "a" FROM "t" WHERE ("b" = $1)'),
    ("WHERE a = %s AND b LIKE '%%x' AND c = %s", "WHERE a = $1 AND b LIKE '%%x' AND c = $2"),
    ("LIMIT %s OFFSET %s", "LIMIT $1 OFFSET $2"),
]


@pytest.mark.parametrize(("psycopg2_sql", "prepared_sql"), PLACEHOLDERS)
def test_placeholders_are_numbered_for_prepare_and_a_percent_sign_stays_escaped(
    psycopg2_sql, prepared_sql
):
    assert reads._numbered(psycopg2_sql) == prepared_sql


def _prepared_statements() -> set[str]:
    cursor = database.execute_sql("SELECT statement FROM pg_prepared_statements")
    return {row[0] for row in cursor.fetchall()}


needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL")


@needs_postgres
def test_a_kept_read_is_planned_once_per_connection_and_gives_the_same_rows(
    app, db, customer_a, customer_b
):
    mine = make_ticket(app, customer_a, title="Bei Alpha")
    theirs = make_ticket(app, customer_b, title="Bei Beta")
    with app.app_context():
        assert queries.ticket_for(customer_a, mine.number).title == "Bei Alpha"
        prepared = _prepared_statements()
        assert any('FROM "ticket"' in sql and "$1" in sql for sql in prepared)
        # the same shape for another viewer and number: no new plan, the same scoping
        assert queries.ticket_for(customer_a, theirs.number) is None
        assert queries.ticket_for(customer_b, theirs.number).title == "Bei Beta"
        assert _prepared_statements() == prepared


@needs_postgres
def test_inside_a_transaction_a_new_read_runs_unprepared(app, db, customer_a):
    ticket = make_ticket(app, customer_a, title="Im Vorgang")
    with app.app_context(), database.atomic():
        before = _prepared_statements()
        assert queries.ticket_for(customer_a, ticket.number).title == "Im Vorgang"
        assert _prepared_statements() == before
    with app.app_context():
        assert queries.ticket_for(customer_a, ticket.number).title == "Im Vorgang"
        assert len(_prepared_statements()) == len(before) + 1


@needs_postgres
def test_sql_the_server_cannot_prepare_runs_unprepared(app, db):
    sql = "SELECT %s IS NULL"  # the server cannot tell the parameter's type
    assert reads._execute_kept(sql, ["frei"]).fetchone() == (False,)
    assert sql in reads._UNPREPARABLE
    assert reads._execute_kept(sql, [None]).fetchone() == (True,)


@needs_postgres
def test_a_first_page_and_its_capped_count_are_planned_once_not_on_every_request(
    app, staff_client, customer_a
):
    """Their LIMIT is part of the SQL: the server keeps one plan for the prepared statement
    after five runs (with LIMIT $n it estimated that plan as reading a tenth of the table and
    planned every run anew)."""
    make_ticket(app, customer_a, title="In der Warteschlange")
    for _ in range(8):
        assert staff_client.get("/warteschlange").status_code == 200
    with app.app_context():
        cursor = database.execute_sql(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE '%%FROM \"ticket\"%%'"
        )
        plans = {statement: (generic, custom) for statement, generic, custom in cursor}
    queue_reads = [sql for sql in plans if "in_queue" in sql]
    assert len(queue_reads) == 2  # the rows of the first page and their capped count
    for sql in queue_reads:
        assert "LIMIT 25" in sql or "LIMIT 1001" in sql
        generic, custom = plans[sql]
        assert generic >= 3 and custom == 5, sql


@needs_postgres
def test_a_page_prepares_its_reads_on_its_first_request_only(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    with count_queries() as first:
        assert client_a.get(f"/tickets/{ticket.number}").status_code == 200
    with count_queries() as second:
        assert client_a.get(f"/tickets/{ticket.number}").status_code == 200
    assert first.prepared >= 1
    assert second.prepared == 0 and second.count == first.count


@needs_postgres
def test_a_plan_made_stale_by_a_migration_is_planned_again(app, db, customer_a):
    ticket = make_ticket(app, customer_a, title="Vor der Migration")
    with app.app_context():
        assert queries.ticket_for(customer_a, ticket.number).title == "Vor der Migration"
        # another instance's migration widens a selected column: the kept plan's result changes
        database.execute_sql("ALTER TABLE ticket ALTER COLUMN title TYPE varchar(400)")
        assert queries.ticket_for(customer_a, ticket.number).title == "Vor der Migration"
        assert queries.ticket_for(customer_a, ticket.number).title == "Vor der Migration"


@needs_postgres
def test_an_integer_beyond_the_column_range_finds_nothing_as_the_plain_query_does(app, db):
    with app.app_context():
        assert reads.first(Ticket.select().where(Ticket.id == 1)) is None  # prepared
        assert reads.first(Ticket.select().where(Ticket.id == 2**40)) is None


@pytest.mark.parametrize("app_config", [{"DATABASE_POOL": False}])
@needs_postgres
def test_without_the_pool_nothing_is_prepared(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    with count_queries() as counted:
        assert client_a.get(f"/tickets/{ticket.number}").status_code == 200
    assert counted.prepared == 0
