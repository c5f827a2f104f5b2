"""Step 14: the stored figures of closed months (portal.sla_months), so a report or the
provider-wide overview counts only the current month afresh."""

import peewee

from portal.migrations.registry import frozen as _frozen
from portal.migrations.registry import migration


@migration(14)
def create_sla_month(db):
    """One row per closed month and scope (a company's id, 0 for every company): the trend's
    three figures as columns, the whole MonthReport as JSON (NULL: to be computed again)."""
    month = _frozen(
        db,
        "sla_month",
        {
            "scope": peewee.IntegerField(),
            "month": peewee.DateField(),
            "generation": peewee.IntegerField(default=0),
            "basis": peewee.CharField(max_length=40, default=""),
            "tickets": peewee.IntegerField(default=0),
            "response_percent": peewee.DoubleField(null=True),
            "resolution_percent": peewee.DoubleField(null=True),
            "figures": peewee.TextField(null=True),
            "computed_at": peewee.DateTimeField(null=True),
        },
        indexes=((("scope", "month"), True),),
    )
    db.create_tables([month])
