"""Step 17: tickets shared with a colleague (where the company keeps its tickets apart)."""

import peewee

from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(17)
def create_ticket_shares(db):
    """One row per ticket and colleague it is shared with; who shared it, when."""
    user = _frozen(db, "user_account", {})
    ticket = _frozen(db, "ticket", {})
    share = _frozen(
        db,
        "ticket_share",
        {
            "ticket": peewee.ForeignKeyField(ticket, on_delete="CASCADE"),
            "user": peewee.ForeignKeyField(user, on_delete="CASCADE"),
            "shared_by": peewee.ForeignKeyField(user, null=True, on_delete="SET NULL"),
            "created_at": peewee.DateTimeField(),
        },
        indexes=((("ticket", "user"), True), (("user", "ticket"), False)),
    )
    db.create_tables([share])
