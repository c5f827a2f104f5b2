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
"""

from __future__ import annotations

from collections.abc import Callable

import peewee

from portal.db import database

Shape = Callable[[peewee.ModelSelect], peewee.ModelSelect]
Reader = Callable[[peewee.ModelSelect, object], list]

MAX_SHAPES = 512
_KEPT: dict = {}
# LIMIT and OFFSET values the kept page SQL is generated with: distinct and non-zero, so that
# peewee renders both as parameters after the base's own.
_SAMPLE_LIMIT, _SAMPLE_OFFSET = 7, 7


def same(query: peewee.ModelSelect) -> peewee.ModelSelect:
    """The shape of a plain read: the base's own columns and row type."""
    return query


def model_rows(query: peewee.ModelSelect, cursor) -> list:
    """The rows of ``query``'s cursor as its own row type (models, joined models, tuples).

    The one use of a private peewee method (``_get_cursor_wrapper``), so that the kept SQL
    gives the same rows as the query; tests/test_reads.py fails if an upgrade breaks it.
    """
    return list(query._get_cursor_wrapper(cursor))


def _kept(key, build: Callable[[], tuple[peewee.ModelSelect, str, list]], values: list):
    entry = _KEPT.get(key)
    if entry is None:
        query, sql, params = build()
        entry = (query, sql) if params == values else False
        if len(_KEPT) < MAX_SHAPES:
            _KEPT[key] = entry
    return entry


def _skeleton(base: peewee.ModelSelect) -> tuple[str, list]:
    return base.select(peewee.SQL("1")).sql()


def rows(
    base: peewee.ModelSelect,
    shape: Shape = same,
    read: Reader = model_rows,
    limit: int | None = None,
    offset: int = 0,
) -> list:
    """The rows of ``shape(base)`` (optionally LIMIT/OFFSET), read by ``read``."""
    skeleton, values = _skeleton(base)
    paged = limit is not None
    extra = [_SAMPLE_LIMIT, _SAMPLE_OFFSET] if paged else []

    def build():
        query = shape(base)
        if paged:
            query = query.limit(_SAMPLE_LIMIT).offset(_SAMPLE_OFFSET)
        return (query, *query.sql())

    key = (type(database.obj), shape, read, paged, skeleton)
    entry = _kept(key, build, [*values, *extra])
    if entry is False:
        query = shape(base)
        if paged:
            query = query.limit(limit).offset(offset)
        return read(query, database.execute(query))
    query, sql = entry
    cursor = database.execute_sql(sql, [*values, limit, offset] if paged else values)
    return read(query, cursor)


def first(base: peewee.ModelSelect, shape: Shape = same, read: Reader = model_rows):
    """The first row of ``shape(base)``, or None."""
    found = rows(base, shape, read, limit=1)
    return found[0] if found else None


def count(base: peewee.ModelSelect) -> int:
    """COUNT(*) over the base's table and filter, without its order.

    Straight over the table where the base has no GROUP BY, DISTINCT or LIMIT: peewee's
    count() wraps the query in a subquery, which keeps SQLite from counting with its fast
    whole-index count.
    """
    skeleton, values = _skeleton(base)
    if any(word in skeleton for word in (" GROUP BY ", " DISTINCT ", " LIMIT ")):
        return base.order_by().count()  # a count of groups or a slice: peewee's subquery

    def counted():
        return base.order_by().select(peewee.fn.COUNT(peewee.SQL("*")))

    def build():
        query = counted()
        return (query, *query.sql())

    entry = _kept((type(database.obj), "count", skeleton), build, values)
    if entry is False:
        return counted().scalar()
    return database.execute_sql(entry[1], values).fetchone()[0]
