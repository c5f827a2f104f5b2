"""Migration 4 adds the planned-change tables to a database of an earlier version."""

from portal.changes.models import ChangeMessage, FeedSecret, PlannedChange
from portal.db import database
from portal.migrations import migrate
from tests.test_migrations import _drop_everything


def test_step_4_creates_the_planned_change_tables(db):
    _drop_everything()
    migrate(target=2)
    assert "planned_change" not in database.get_tables()
    assert 4 in migrate()
    for model in (PlannedChange, ChangeMessage, FeedSecret):
        assert model._meta.table_name in database.get_tables()
        assert model.select().count() == 0
    columns = {c.name for c in database.get_columns("planned_change")}
    assert {"company_id", "technician_id", "scheduled_start", "details"} <= columns
