"""The schema's history, one step per version. Never edit a step that has shipped: add one."""

import peewee
from playhouse.migrate import SchemaMigrator, migrate

from portal.db import migration


def _frozen(db: peewee.Database, name: str, fields: dict, indexes=()) -> type[peewee.Model]:
    """A model class describing a table as it was at one version (not the current model)."""
    meta = type("Meta", (), {"database": db, "table_name": name, "indexes": indexes})
    return type(f"Frozen_{name}", (peewee.Model,), {**fields, "Meta": meta})


@migration(1)
def create_accounts(db):
    company = _frozen(
        db,
        "company",
        {
            "name": peewee.CharField(max_length=200, unique=True),
            "customer_number": peewee.CharField(max_length=40, unique=True),
            "has_contract": peewee.BooleanField(default=False),
            "critical_hours": peewee.FloatField(null=True),
            "normal_hours": peewee.FloatField(null=True),
            "low_hours": peewee.FloatField(null=True),
            "created_at": peewee.DateTimeField(),
        },
    )
    user = _frozen(
        db,
        "user_account",
        {
            "email": peewee.CharField(max_length=254, unique=True),
            "name": peewee.CharField(max_length=200),
            "password_hash": peewee.CharField(max_length=255),
            "role": peewee.CharField(max_length=20),
            "company": peewee.ForeignKeyField(company, null=True, on_delete="RESTRICT"),
            "preferred_language": peewee.CharField(max_length=5, null=True),
            "active": peewee.BooleanField(default=True),
            "created_at": peewee.DateTimeField(),
        },
    )
    token = _frozen(
        db,
        "api_token",
        {
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "name": peewee.CharField(max_length=100),
            "token_hash": peewee.CharField(max_length=64, unique=True),
            "prefix": peewee.CharField(max_length=12),
            "scope": peewee.CharField(max_length=20),
            "created_at": peewee.DateTimeField(),
            "last_used_at": peewee.DateTimeField(null=True),
            "revoked_at": peewee.DateTimeField(null=True),
        },
    )
    db.create_tables([company, user, token])


@migration(2)
def add_login_attempts_and_phone(db):
    """Rate limiting keeps its counts in the database (shared by all workers); users get a phone."""
    attempt = _frozen(
        db,
        "login_attempt",
        {
            "email": peewee.CharField(max_length=254, index=True),
            "address": peewee.CharField(max_length=64),
            "succeeded": peewee.BooleanField(default=False),
            "attempted_at": peewee.DateTimeField(index=True),
        },
    )
    db.create_tables([attempt])
    migrator = SchemaMigrator.from_database(db)
    migrate(
        migrator.add_column("user_account", "phone", peewee.CharField(max_length=50, default=""))
    )
