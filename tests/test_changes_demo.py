"""The demo data includes planned changes: one scheduled, one at short notice, one done."""

from portal.changes.models import PlannedChange
from portal.demo import seed


def test_demo_data_has_a_scheduled_a_short_notice_and_a_done_change(app, db):
    with app.app_context():
        report = seed()
    assert any("geplante Änderungen" in line for line in report)
    changes = list(PlannedChange.select())
    assert sorted(c.state for c in changes) == ["done", "scheduled", "submitted"]
    short = next(c for c in changes if c.state == "submitted")
    assert not short.lead_time_ok
    scheduled = next(c for c in changes if c.state == "scheduled")
    assert scheduled.technician.email == "technik@bluvo.example"
    assert {c.company.name for c in changes} == {
        "Muster Steuerberatung GmbH",
        "Beispiel Logistik KG",
    }
