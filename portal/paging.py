"""Pages of a list, for every list of the portal: the page number from the query string, the
page size, and one page of rows with the total (two queries, both through portal.reads)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import peewee
from flask_babel import gettext as _

from portal import reads

# Pages beyond this are empty anyway; the cap keeps OFFSET inside the database's integers.
MAX_PAGE = 1_000_000
# What whole_number() answers for a longer number (int() refuses more than 4300 digits).
LARGE_NUMBER = 10**9
# The API's largest page.
MAX_PER_PAGE = 100
# Ticket lists count up to this many rows and then say "more than …": an exact count of a
# long list reads every row of its index on every page view.
COUNT_CAP = 1000


def whole_number(text: str) -> int | None:
    """ASCII digits from a query string as an int (LARGE_NUMBER at most), else None.

    str.isdigit alone also accepts "²", which int() refuses.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    return LARGE_NUMBER if len(digits) > len(str(LARGE_NUMBER)) - 1 else int(digits)


def page_number(args: Mapping[str, str]) -> int:
    """``?page=`` of an HTML list: a whole number from 1; anything else is the first page."""
    return whole_number(args.get("page", "1")) or 1


def positive_int(args: Mapping[str, str], name: str, default: int, errors: dict) -> int:
    """``?name=`` as a whole number from 1 (else ``default``); bad values noted in ``errors``."""
    raw = args.get(name)
    if raw is None:
        return default
    value = whole_number(raw)
    if not value:
        errors[name] = _("Erwartet wird eine ganze Zahl ab 1.")
        return default
    return value


def api_paging(args: Mapping[str, str], default_per_page: int, errors: dict) -> tuple[int, int]:
    """``page`` and ``per_page`` (at most MAX_PER_PAGE) of an API list; bad values in ``errors``."""
    page = positive_int(args, "page", 1, errors)
    per_page = positive_int(args, "per_page", default_per_page, errors)
    if per_page > MAX_PER_PAGE:
        errors["per_page"] = _("Höchstens %(max)d pro Seite.", max=MAX_PER_PAGE)
    return page, per_page


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows and what the pagination links need."""

    rows: list
    number: int
    size: int
    total: int
    # the list has more rows than ``total`` (counted up to a cap)
    more: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages or (self.more and len(self.rows) == self.size)


def paginate(
    query: peewee.ModelSelect,
    number: int,
    size: int,
    shape: reads.Shape = reads.same,
    read: reads.Reader = reads.model_rows,
    clamp: bool = False,
    cap: int | None = None,
) -> Page:
    """Page ``number`` of ``query`` (``shape`` adds what the rows show) and the total,
    counted up to ``cap`` rows when one is given.

    ``clamp`` turns a page beyond the last into the last page (the admin lists); otherwise it
    is empty, as a bookmarked page of a shrinking list should be.
    """
    shape_key = reads.skeleton(query)  # rendered once for the count and the rows
    counted = reads.count(query, cap, rendered=shape_key)
    more = cap is not None and counted > cap
    total = min(counted, cap) if more else counted
    number = min(max(1, number), MAX_PAGE)
    if clamp:
        number = min(number, max(1, math.ceil(total / size)))
    found = reads.rows(
        query, shape, read, limit=size, offset=(number - 1) * size, rendered=shape_key
    )
    return Page(rows=found, number=number, size=size, total=total, more=more)
