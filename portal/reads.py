"""Fast reads: the SQL of a select is generated once per shape and reused with new values.

peewee renders a query's SQL anew on every execution, 4-5 µs per selected column: 0.1 ms for
the signed-in user that every request loads, 0.4 ms for a ticket with its company and people,
more for a list page. This module is the portal's one speed-up for reads, in one idiom:

A read is a *base* and a *shape*. The base is the scoped, filtered query (FROM, WHERE,
ORDER BY and their values), built by the caller as usual; the shape is a named function that
adds what the page shows (columns, joins, row type). On each call only the base is rendered,
as ``SELECT 1 FROM … WHERE …`` (cheap: no column list); that text, the shape and the
database class are the key under which the whole select's SQL is kept. The kept SQL runs with
the base's values (then LIMIT and OFFSET). A shape whose parameters do not line up like that
(a join with a value of its own) is never kept, just generated each time.

The kept shapes are few (one per combination of filters; values are always parameters) and
bounded by MAX_SHAPES. Scoping is untouched: the base is whatever the caller scoped.

A base made by one function from its values alone, the same clauses whatever the values
(the session that every request loads, a ticket's messages), need not even be rendered:
``made`` keys its SQL by that function and checks, when it keeps it, that the values are
the SQL's parameters as given (no conversion); if not, it renders each time like any read.

On PostgreSQL a kept SQL is also planned once per connection (PREPARE, then EXECUTE with the
values): planning a join costs the server more than running it (0.27 against 0.21 ms for a
ticket with its company and people, measured with EXPLAIN ANALYZE at a million tickets). A
statement is prepared only outside a transaction (a refused PREPARE must not abort one); one
the server cannot prepare (a parameter whose type it cannot infer) runs unprepared from then
on, as does a read with an integer beyond the 32-bit range (the prepared parameter is an
INTEGER: the plain query finds nothing, EXECUTE would fail). A statement whose plan the
server dropped (a column's type changed by a migration of another instance) is forgotten
and the read runs unprepared. Only with the connection pool (a connection per request would
plan every read twice) and DATABASE_PREPARE (off behind PgBouncer's transaction mode, which
shares server sessions between clients).

A kept SQL's LIMIT is written into it as a number (a first page, a capped count, a single
row), not passed as a value: the server plans a prepared statement anew on each EXECUTE
(a "custom plan") until a plan made once for any values (the "generic plan") is estimated no
dearer, and with LIMIT $n it estimates the generic plan as fetching a tenth of the table, so
a list of 25 of a million tickets was planned on every request (0.2-0.25 ms of the server's
time for the queue, the customer's list and the API list, more than running it). With the
number written in, the generic plan is estimated like the custom one and the server keeps
it after its fifth run; the filter's values stay values (a plan for a company with most of
the tickets is still the server's choice). Pages after the first keep LIMIT and OFFSET as
values (their offsets vary), planned on each run as before. A LIMIT written in is part of
the kept SQL's key: a page size is one more shape (the API's per_page takes at most 100).
"""

from __future__ import annotations

import collections
import re
import weakref
from collections.abc import Callable

import peewee

from portal.db import database, is_postgres

Shape = Callable[[peewee.ModelSelect], peewee.ModelSelect]
# A reader is prepared once per kept query: reader(query) gives the function that turns that
# query's cursor into rows.
Reader = Callable[[peewee.ModelSelect], Callable[[object], list]]

MAX_SHAPES = 512
_KEPT: dict = {}
# LIMIT and OFFSET values the kept SQL of a later page is generated with: distinct and
# non-zero, so that peewee renders both as parameters after the base's own.
_SAMPLE_LIMIT, _SAMPLE_OFFSET = 7, 7


def same(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """The shape of a plain read: the base's own columns and row type."""
    return query


def model_rows(query: peewee.ModelSelect) -> Callable[[object], list]:
    """Rows as the query's own row type (models with their joined models, tuples, dicts).

    The one use of a private peewee method (``_get_cursor_wrapper``), so that the kept SQL
    gives the same rows as the query; tests/test_reads.py fails if an upgrade breaks it.

    A model wrapper works out on its first row which column goes to which model, field and
    converter (0.1 ms for a ticket with its company and people): a kept SQL always gives the
    same columns, so that is done on its first run and handed to the wrappers of the next.
    """
    resolved: dict = {}  # the first wrapper's column mapping, without its cursor and rows

    def read(cursor) -> list:
        wrapper = query._get_cursor_wrapper(cursor)
        if resolved:
            vars(wrapper).update(resolved)
            wrapper.initialized = True
        found = list(wrapper)
        if not resolved and wrapper.initialized and type(wrapper) in _RESOLVED_ONCE:
            resolved.update(
                (name, value) for name, value in vars(wrapper).items() if name not in _PER_CURSOR
            )
        return found

    return read


# Wrappers whose initialize() only derives attributes from the query and the column names
# (others, such as peewee's named tuples, keep a closure over the wrapper itself).
_RESOLVED_ONCE = (peewee.ModelObjectCursorWrapper, peewee.ModelCursorWrapper)
# what a wrapper holds of the one cursor it reads (see peewee.CursorWrapper.__init__)
_PER_CURSOR = frozenset(("cursor", "count", "index", "initialized", "populated", "row_cache"))


_PLAIN = (peewee.CharField, peewee.TextField, peewee.IntegerField, peewee.AutoField)


def named_rows(query: peewee.ModelSelect) -> Callable[[object], list]:
    """Rows as named tuples, one attribute per selected column (its alias or name), each
    value converted like peewee converts it (aware datetimes, booleans, dates).

    For lists that read a dozen values a row: peewee's own named tuples cost ~20 µs a row,
    these ~3 µs.
    """
    converted = []  # (position, converter) of the columns whose driver value needs one
    for index, column in enumerate(query.selected_columns):
        field = column.unwrap()
        if isinstance(field, peewee.ForeignKeyField):
            field = field.rel_field  # a plain id, not a model
        if isinstance(field, peewee.Field) and not isinstance(field, _PLAIN):
            converted.append((index, field.python_value))
    made: list = []  # the tuple class, from the first cursor's column names

    def read(cursor) -> list:
        if not made:
            names = [description[0] for description in cursor.description]
            made.append(collections.namedtuple("Row", names))
        make = made[0]._make
        found = []
        for values in cursor.fetchall():
            values = list(values)
            for index, convert in converted:
                if values[index] is not None:
                    values[index] = convert(values[index])
            found.append(make(values))
        return found

    return read


# Per PostgreSQL connection: kept SQL -> the name it is prepared under.
_PREPARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_UNPREPARABLE: set[str] = set()
_PLACEHOLDER = re.compile(r"%%|%s")
_PREPARING = {"on": True}
_INT4 = range(-(2**31), 2**31)
# SQLSTATEs of a prepared statement gone: its plan's result changed, or it does not exist
_PLAN_GONE = ("0A000", "26000")


def prepare_statements(on: bool) -> None:
    """Whether kept reads are prepared on PostgreSQL (the app factory decides, see above)."""
    _PREPARING["on"] = on


def _execute_kept(sql: str, params: list):
    """Run a kept SQL: on PostgreSQL as a prepared statement of the connection (see above)."""
    if not (_PREPARING["on"] and is_postgres()) or sql in _UNPREPARABLE or _beyond_int4(params):
        return database.execute_sql(sql, params)
    connection = database.connection()
    idle = connection.get_transaction_status() == _IDLE
    names = _PREPARED.setdefault(connection, {})
    name = names.get(sql)
    if name is None:
        if not idle:
            return database.execute_sql(sql, params)
        name = f"portal_read_{len(names) + 1}"
        try:
            database.execute_sql(f"PREPARE {name} AS {_numbered(sql)}")
        except peewee.DatabaseError:
            _UNPREPARABLE.add(sql)
            return database.execute_sql(sql, params)
        names[sql] = name
    try:
        if not params:
            return database.execute_sql(f"EXECUTE {name}")
        return database.execute_sql(f"EXECUTE {name} ({', '.join(['%s'] * len(params))})", params)
    except peewee.DatabaseError as error:
        if not (idle and _pgcode(error) in _PLAN_GONE):
            raise
        # every plan of the connection may be stale: all are made again by the next reads
        database.execute_sql("DEALLOCATE ALL")
        names.clear()
        return database.execute_sql(sql, params)


def _pgcode(error: peewee.DatabaseError) -> str | None:
    """The SQLSTATE of the driver's error, which peewee raised its own while handling."""
    return getattr(error.__context__, "pgcode", None)


def _beyond_int4(params: list) -> bool:
    return any(type(value) is int and value not in _INT4 for value in params)


def _numbered(sql: str) -> str:
    """psycopg2's placeholders %s as PREPARE's $1, $2, …; a percent sign stays %% (psycopg2
    still formats the PREPARE statement, which has no values)."""
    numbers = iter(range(1, sql.count("%s") + 1))
    return _PLACEHOLDER.sub(lambda m: m.group() if m.group() == "%%" else f"${next(numbers)}", sql)


_IDLE = 0  # psycopg2.extensions.TRANSACTION_STATUS_IDLE: no transaction open


def _kept(key, build: Callable[[], tuple], values: list):
    entry = _KEPT.get(key)
    if entry is None:
        entry = build()
        entry = entry[:-1] if entry[-1] == values else False
        if len(_KEPT) < MAX_SHAPES:
            _KEPT[key] = entry
    return entry


def _literal(number: int) -> peewee.SQL:
    """A LIMIT's number written into the SQL (see above); int() admits nothing else."""
    return peewee.SQL(str(int(number)))


def skeleton(base: peewee.ModelSelect) -> tuple[str, list]:
    """The base as ``SELECT 1 FROM … WHERE … ORDER BY …`` and its values: its kept SQL's key."""
    return base.select(peewee.SQL("1")).sql()


def rows(
    base: peewee.ModelSelect,
    shape: Shape = same,
    read: Reader = model_rows,
    limit: int | None = None,
    offset: int = 0,
    rendered: tuple[str, list] | None = None,
) -> list:
    """The rows of ``shape(base)`` (optionally LIMIT/OFFSET), read by ``read``. ``rendered``:
    the base's skeleton(), when the caller has it already (a page and its count)."""
    key_sql, values = rendered or skeleton(base)
    paged = limit is not None
    first_page = paged and not offset  # its LIMIT is written in (see above)
    extra = [_SAMPLE_LIMIT, _SAMPLE_OFFSET] if paged and not first_page else []

    def build():
        query = shape(base)
        if first_page:
            query = query.limit(_literal(limit))
        elif paged:
            query = query.limit(_SAMPLE_LIMIT).offset(_SAMPLE_OFFSET)
        sql, params = query.sql()
        return (sql, read(query), params)

    paging = ("first", limit) if first_page else paged
    key = (type(database.obj), shape, read, paging, key_sql)
    entry = _kept(key, build, [*values, *extra])
    if entry is False:
        query = shape(base)
        if paged:
            query = query.limit(limit).offset(offset)
        return read(query)(database.execute(query))
    sql, read_cursor = entry
    paged_values = [*values, limit, offset] if paged and not first_page else values
    return read_cursor(_execute_kept(sql, paged_values))


def first(base: peewee.ModelSelect, shape: Shape = same, read: Reader = model_rows):
    """The first row of ``shape(base)``, or None."""
    found = rows(base, shape, read, limit=1)
    return found[0] if found else None


def made(
    make_base: Callable[..., peewee.ModelSelect],
    *values,
    shape: Shape = same,
    read: Reader = model_rows,
    limit: int | None = None,
) -> list:
    """The rows of ``shape(make_base(*values))``; ``make_base`` must build the same clauses
    for any values (no branches on them): its kept SQL runs with new values."""
    key = (type(database.obj), shape, read, limit, "made", make_base)
    params = [*values]

    def build():
        query = shape(make_base(*values))
        if limit is not None:
            query = query.limit(_literal(limit))
        sql, built = query.sql()
        return (sql, read(query), built)

    entry = _kept(key, build, params)
    if entry is False:
        return rows(make_base(*values), shape, read, limit=limit)
    sql, read_cursor = entry
    return read_cursor(_execute_kept(sql, params))


def first_made(
    make_base: Callable[..., peewee.ModelSelect],
    *values,
    shape: Shape = same,
    read: Reader = model_rows,
):
    """The first row of ``made(make_base, *values)``, or None."""
    found = made(make_base, *values, shape=shape, read=read, limit=1)
    return found[0] if found else None


def count(
    base: peewee.ModelSelect, cap: int | None = None, rendered: tuple[str, list] | None = None
) -> int:
    """COUNT(*) over the base's table and filter, without its order; with ``cap`` it stops
    after ``cap + 1`` rows (a long list says "more than cap" instead of counting them all).

    Straight over the table where the base has no GROUP BY, DISTINCT or LIMIT: peewee's
    count() wraps the query in a subquery, which keeps SQLite from counting with its fast
    whole-index count.
    """
    key_sql, values = rendered or skeleton(base)
    if any(word in key_sql for word in (" GROUP BY ", " DISTINCT ", " LIMIT ")):
        counted = base.order_by().limit(cap + 1) if cap is not None else base.order_by()
        return counted.count()  # a count of groups or a slice: peewee's subquery

    def counted(limit: int):
        return _counting(base, cap, limit)

    def build():
        return counted(0 if cap is None else _literal(cap + 1)).sql()

    entry = _kept((type(database.obj), "count", cap, key_sql), build, values)
    if entry is False:
        return counted(cap + 1 if cap is not None else 0).scalar()
    return _execute_kept(entry[0], values).fetchone()[0]


def _counting(
    base: peewee.ModelSelect, cap: int | None, limit: int | peewee.SQL
) -> peewee.ModelSelect:
    """COUNT(*) of the base without its order; with ``cap``, of its first ``limit`` rows."""
    if cap is None:
        return base.order_by().select(peewee.fn.COUNT(peewee.SQL("*")))
    first_rows = base.order_by().select(peewee.SQL("1")).limit(limit)
    count_all = peewee.fn.COUNT(peewee.SQL("*"))
    return base.model.select(count_all).from_(first_rows.alias("counted"))


def count_made(make_base: Callable[..., peewee.ModelSelect], *values, cap: int | None = None):
    """count() of ``make_base(*values)``, its SQL kept by the function like ``made``'s (the
    base must be a plain filter: no GROUP BY, DISTINCT or LIMIT)."""
    key = (type(database.obj), "count", cap, "made", make_base)

    def build():
        return _counting(make_base(*values), cap, 0 if cap is None else _literal(cap + 1)).sql()

    entry = _kept(key, build, [*values])
    if entry is False:
        return count(make_base(*values), cap=cap)
    return _execute_kept(entry[0], [*values]).fetchone()[0]
