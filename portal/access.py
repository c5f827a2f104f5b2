"""Who may see what: the one place where queries are scoped to the signed-in user's company."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import peewee
from flask import abort
from flask_login import current_user, login_required

from portal.models import Company, User


def companies_visible_to(user: User) -> peewee.ModelSelect:
    if user.is_staff:
        return Company.select()
    return Company.select().where(Company.id == user.company_id)


def scope_to_company(query: peewee.ModelSelect, company_field: peewee.Field, user: User):
    """Restrict a query over company-owned rows to what `user` may see (staff: everything)."""
    if user.is_staff:
        return query
    return of_company(query, company_field, user.company_id)


def of_company(query: peewee.ModelSelect, company_field: peewee.Field, company_id: int):
    """The rows of one company: how scope_to_company restricts a customer's reads, for a read
    made from values alone (portal/reads.py) rather than from the user."""
    return query.where(company_field == company_id)


def may_read_sla_report(user: User, company: Company) -> bool:
    """The monthly SLA report: staff read any company's; the company's contacts
    ("Ansprechpartner") theirs in any case; other customers their own company's when it has a
    service contract (the report belongs to the contract) and lets colleagues see each other's
    tickets: the report lists every ticket of the month. Anything else is answered with 404."""
    if user.is_staff:
        return True
    if user.company_id != company.id:
        return False
    return bool(user.is_contact or (company.has_contract and company.colleagues_see_all))


def get_or_404(query: peewee.ModelSelect):
    """The first row of an already scoped query, or 404: another company's data does not exist."""
    row = query.first()
    if row is None:
        abort(404)
    return row


def requires(allowed: Callable[[User], bool], status: int = 403):
    """A view decorator: the user is signed in and ``allowed(current_user)``, else ``status``."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not allowed(current_user):
                abort(status)
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_required = requires(lambda user: user.is_staff)
admin_required = requires(lambda user: user.is_admin)
# Another person's data exists for admins only: everyone else gets 404, not 403.
admin_or_404 = requires(lambda user: user.is_admin, 404)
