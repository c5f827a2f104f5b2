"""Step 13: the admin audit log, when an account was deactivated or erased (the retention job
erases accounts deactivated longer than the configured period), and a company's retention
period for finished tickets."""

import datetime as dt

import peewee
from playhouse import migrate as schema_change

from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(13)
def create_audit_log_and_erasure_columns(db):
    """The audit log; `deactivated_at` and `erased_at` on accounts. Accounts deactivated
    before this step count as deactivated now, so the retention period starts at the upgrade."""
    user = _frozen(db, "user_account", {})
    company = _frozen(db, "company", {})
    entry = _frozen(
        db,
        "audit_entry",
        {
            "created_at": peewee.DateTimeField(index=True),
            "actor": peewee.ForeignKeyField(user, null=True, on_delete="SET NULL"),
            "action": peewee.CharField(max_length=30),
            "subject": peewee.ForeignKeyField(user, null=True, on_delete="SET NULL"),
            "company": peewee.ForeignKeyField(company, null=True, on_delete="SET NULL"),
            "detail": peewee.TextField(default=""),
        },
        indexes=((("subject", "created_at"), False),),
    )
    db.create_tables([entry])
    migrator = schema_change.SchemaMigrator.from_database(db)
    schema_change.migrate(
        migrator.add_column("user_account", "deactivated_at", peewee.DateTimeField(null=True)),
        migrator.add_column("user_account", "erased_at", peewee.DateTimeField(null=True)),
        migrator.add_column("company", "ticket_retention_months", peewee.IntegerField(null=True)),
    )
    accounts = _frozen(
        db,
        "user_account",
        {"active": peewee.BooleanField(), "deactivated_at": peewee.DateTimeField(null=True)},
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    accounts.update(deactivated_at=now).where(accounts.active == False).execute()  # noqa: E712
