"""Step 15: writes that happen once however often, and however concurrently, they are sent:
the API's Idempotency-Key store, and one ticket per alarm fingerprint at a time."""

import peewee
from playhouse import migrate as schema_change

from portal.migrations.columns import add_filled_column_now
from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(15)
def add_idempotency_keys_and_alert_occurrence(db):
    """The stored answers of API requests sent with an Idempotency-Key (unique per user and
    key), and the n-th ticket an alarm fingerprint opened (unique per fingerprint and n)."""
    user = _frozen(db, "user_account", {})
    keys = _frozen(
        db,
        "idempotency_key",
        {
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "key": peewee.CharField(max_length=255),
            "request_hash": peewee.CharField(max_length=64),
            "response_status": peewee.IntegerField(null=True),
            "response_body": peewee.TextField(default=""),
            "response_location": peewee.TextField(null=True),
            "created_at": peewee.DateTimeField(index=True),
        },
        indexes=((("user", "key"), True),),
    )
    db.create_tables([keys])
    _number_alert_occurrences(db)


def _number_alert_occurrences(db) -> None:
    """ticket_alert.occurrence, unique per fingerprint: an alarm that fires again after its
    ticket was solved opens its next occurrence; two calls that race to open the same one
    collide on the unique index instead of opening two tickets. Existing rows are numbered in
    the order they were written."""
    add_filled_column_now(db, "ticket_alert", "occurrence", peewee.IntegerField, "1")
    db.execute_sql(
        "UPDATE ticket_alert SET occurrence = (SELECT COUNT(*) FROM ticket_alert AS earlier"
        " WHERE earlier.fingerprint = ticket_alert.fingerprint"
        " AND earlier.id <= ticket_alert.id)"
    )
    migrator = schema_change.SchemaMigrator.from_database(db)
    schema_change.migrate(migrator.add_index("ticket_alert", ("fingerprint", "occurrence"), True))
