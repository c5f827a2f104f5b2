"""Schema pieces that several steps share: a column added to a table that already has rows.

Frozen like the steps that call it: a shipped step must keep producing the same schema, so
what a function here writes never changes. A later step that needs something else gets a new
function (or module)."""

import peewee
from playhouse import migrate as schema_change


def add_filled_column(
    migrator: schema_change.SchemaMigrator,
    table: str,
    name: str,
    field_class: type[peewee.Field],
    default: str,
    **field_options,
) -> schema_change.Operation:
    """The operation adding a NOT NULL column whose SQL ``default`` fills the rows already
    there: one cheap ALTER TABLE, no table rebuild on SQLite."""
    field = field_class(constraints=[peewee.SQL(f"DEFAULT {default}")], **field_options)
    return migrator.add_column(table, name, field, allow_not_null=True)


def add_filled_column_now(
    db: peewee.Database,
    table: str,
    name: str,
    field_class: type[peewee.Field],
    default: str,
    **field_options,
) -> None:
    """Add such a column at once: for a step that changes nothing else in the same ALTER."""
    migrator = schema_change.SchemaMigrator.from_database(db)
    schema_change.migrate(
        add_filled_column(migrator, table, name, field_class, default, **field_options)
    )
