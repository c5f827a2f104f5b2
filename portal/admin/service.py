"""Companies, user lists and token lists of the admin area; account rules live in auth.service."""

from __future__ import annotations

from collections.abc import Mapping

import peewee
from flask_babel import lazy_gettext as _l

from portal import audit
from portal.admin.rules import (
    MAX_CUSTOMER_NUMBER_LENGTH,
    MAX_OVERRIDE_HOURS,
    MIN_OVERRIDE_HOURS,
    hours_in_range,
    is_valid_customer_number,
    normalise_customer_number,
)
from portal.auth.service import AccountError
from portal.db import database
from portal.models import TARGET_HOUR_COLUMNS, ApiToken, Company, User
from portal.sla.targets import RESOLUTION, RESPONSE
from portal.tickets.models import Ticket

MAX_COMPANY_NAME_LENGTH = 200


class CompanyError(AccountError):
    """A user-facing reason why a company could not be saved, with the field it concerns."""


# --- companies -----------------------------------------------------------------------


def companies_with_active_users(search: str = "") -> peewee.ModelSelect:
    """Companies by name, each with `active_users`, in one query (no query per row)."""
    active_users = (User.company == Company.id) & (User.active == True)  # noqa: E712
    query = (
        Company.select(Company, peewee.fn.COUNT(User.id).alias("active_users"))
        .join(User, peewee.JOIN.LEFT_OUTER, on=active_users)
        .group_by(Company.id)
        .order_by(peewee.fn.LOWER(Company.name), Company.id)
    )
    search = search.strip()
    if search:
        query = query.where(
            Company.name.contains(search) | Company.customer_number.contains(search)
        )
    return query


def _check_company(company: Company | None, name: str, customer_number: str) -> tuple[str, str]:
    name = name.strip()
    number = normalise_customer_number(customer_number)
    if not name:
        raise CompanyError(_l("Bitte geben Sie den Namen der Firma ein."), "name")
    if len(name) > MAX_COMPANY_NAME_LENGTH:
        raise CompanyError(
            _l("Der Name darf höchstens %(max)d Zeichen haben.", max=MAX_COMPANY_NAME_LENGTH),
            "name",
        )
    if len(number) > MAX_CUSTOMER_NUMBER_LENGTH or not is_valid_customer_number(number):
        raise CompanyError(
            _l(
                "Die Kundennummer beginnt mit „K-“, danach folgen bis zu 12 Ziffern, z. B. K-10042."
            ),
            "customer_number",
        )
    others = Company.select()
    if company is not None:
        others = others.where(Company.id != company.id)
    if others.where(peewee.fn.LOWER(Company.name) == name.lower()).exists():
        raise CompanyError(_l("Eine Firma mit diesem Namen gibt es bereits."), "name")
    if others.where(peewee.fn.UPPER(Company.customer_number) == number).exists():
        raise CompanyError(
            _l("Die Kundennummer %(number)s ist bereits vergeben.", number=number),
            "customer_number",
        )
    return name, number


def _check_overrides(
    overrides: Mapping[str, float | None], columns: Mapping[str, str]
) -> dict[str, float | None]:
    checked = {}
    for priority, column in columns.items():
        hours = overrides.get(priority)
        if hours is not None and not hours_in_range(hours):
            raise CompanyError(
                _l(
                    "Bitte geben Sie zwischen %(min)s und %(max)s Stunden an "
                    "– oder lassen Sie das Feld leer für den SLA-Standard.",
                    min=f"{MIN_OVERRIDE_HOURS:g}",
                    max=f"{MAX_OVERRIDE_HOURS:g}",
                ),
                column,
            )
        checked[column] = hours
    return checked


def save_company(
    company: Company | None,
    *,
    name: str,
    customer_number: str,
    has_contract: bool,
    overrides: Mapping[str, float | None],
    resolution_overrides: Mapping[str, float | None] | None = None,
    acting_user: User | None = None,
    ticket_retention_months: int | None = None,
) -> Company:
    """Create (company=None) or change a company; nothing is written if a rule is broken.

    `overrides` maps a class (critical/normal/low) to first-response hours, None for the SLA
    default; `resolution_overrides` the same for the resolution target (None: leave as is).
    """
    name, number = _check_company(company, name, customer_number)
    columns = _check_overrides(overrides, TARGET_HOUR_COLUMNS[RESPONSE])
    if resolution_overrides is not None:
        columns |= _check_overrides(resolution_overrides, TARGET_HOUR_COLUMNS[RESOLUTION])
    contract_changed = company is not None and company.has_contract != has_contract
    company = company or Company()
    company.name = name
    company.customer_number = number
    company.has_contract = has_contract
    company.ticket_retention_months = ticket_retention_months
    for column, hours in columns.items():
        setattr(company, column, hours)
    try:
        with database.atomic():
            company.save()
            if contract_changed:
                Ticket.requeue_company(company)
                audit.record(
                    "contract_changed",
                    actor=acting_user,
                    company=company,
                    contract=has_contract,
                )
    except peewee.IntegrityError:
        # Someone else took the name or number between our check and the write.
        raise CompanyError(
            _l("Name oder Kundennummer wurde gerade anderweitig vergeben."), "name"
        ) from None
    return company


# --- users and tokens ------------------------------------------------------------------


def users_filtered(
    company_id: int | None = None,
    role: str | None = None,
    active: bool | None = None,
    search: str = "",
) -> peewee.ModelSelect:
    """Users with their company joined in (one query), by name."""
    query = (
        User.select(User, Company)
        .join(Company, peewee.JOIN.LEFT_OUTER)
        .order_by(peewee.fn.LOWER(User.name), User.id)
    )
    if company_id is not None:
        query = query.where(User.company == company_id)
    if role:
        query = query.where(User.role == role)
    if active is not None:
        query = query.where(User.active == active)
    search = search.strip()
    if search:
        query = query.where(User.name.contains(search) | User.email.contains(search))
    return query


def all_tokens() -> peewee.ModelSelect:
    """Every API token with its owner (one query), newest first."""
    return (
        ApiToken.select(ApiToken, User)
        .join(User)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )


def company_choices() -> list[tuple[int, str]]:
    """(id, "name (number)") of every company, for select boxes: one query."""
    rows = (
        Company.select(Company.id, Company.name, Company.customer_number)
        .order_by(peewee.fn.LOWER(Company.name))
        .tuples()
    )
    return [(company_id, f"{name} ({number})") for company_id, name, number in rows]
