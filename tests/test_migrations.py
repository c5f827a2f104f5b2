"""Upgrading a database created by an earlier schema version keeps its data."""

import datetime as dt

from peewee import Table

from portal.db import database, is_postgres
from portal.migrations import MIGRATIONS, current_version, latest_version, migrate
from portal.models import Company, LoginAttempt, User


def _drop_everything():
    cascade = " CASCADE" if is_postgres() else ""
    for table in database.get_tables():
        database.execute_sql(f'DROP TABLE IF EXISTS "{table}"{cascade}')


def test_upgrade_from_version_1_keeps_companies_users_and_tokens(db):
    _drop_everything()
    assert migrate(target=1) == [1]
    assert "login_attempt" not in database.get_tables()
    created = dt.datetime(2025, 1, 1, 10, 0)
    # rows written the way version 1 wrote them, through the tables of that version
    Table("company", ("id", "name", "customer_number", "has_contract", "created_at")).bind(
        database
    ).insert(
        name="Alt GmbH", customer_number="K-1", has_contract=True, created_at=created
    ).execute()
    company_id = database.execute_sql("SELECT id FROM company").fetchone()[0]
    Table(
        "user_account",
        ("id", "email", "name", "password_hash", "role", "company_id", "active", "created_at"),
    ).bind(database).insert(
        email="alt@alt.example",
        name="Alt",
        password_hash="hash",
        role="customer",
        company_id=company_id,
        active=True,
        created_at=created,
    ).execute()

    applied = migrate()

    assert applied == sorted(v for v in MIGRATIONS if v >= 2)  # steps may merge out of order
    assert current_version() == latest_version()
    user = User.get(User.email == "alt@alt.example")
    assert user.company.name == "Alt GmbH" and user.company.has_contract
    assert user.created_at == created.replace(tzinfo=dt.UTC)
    assert user.phone == ""  # the column added by step 2 has its default
    assert LoginAttempt.select().count() == 0  # the table of step 2 exists
    assert Company.select().count() == 1


def test_migrate_twice_applies_nothing(db):
    assert migrate() == []
