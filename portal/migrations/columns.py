"""Schema pieces that several steps share: a column added to a table that already has rows.

Frozen like the steps that call it: a shipped step must keep producing the same schema, so
this module is never edited. A later step that needs something else gets a new module."""

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
