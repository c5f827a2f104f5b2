"""Query-string parameters shared by the API's list endpoints."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from portal.tickets.service import whole_number

MAX_PER_PAGE = 100


def positive_int(name: str, default: int, errors: dict) -> int:
    """`?name=` as a whole number from 1 (else `default`); a bad value is noted in `errors`."""
    raw = request.args.get(name)
    if raw is None:
        return default
    value = whole_number(raw)
    if not value:
        errors[name] = _("Erwartet wird eine ganze Zahl ab 1.")
        return default
    return value


def paging(default_per_page: int, errors: dict) -> tuple[int, int]:
    """`page` and `per_page` (at most MAX_PER_PAGE), bad values noted in `errors`."""
    page = positive_int("page", 1, errors)
    per_page = positive_int("per_page", default_per_page, errors)
    if per_page > MAX_PER_PAGE:
        errors["per_page"] = _("Höchstens %(max)d pro Seite.", max=MAX_PER_PAGE)
    return page, per_page
