"""Planned changes follow the configured service hours, not the SLA page's defaults."""

import pytest

from portal.changes.models import PlannedChange
from tests.changes_support import fixed_today  # noqa: F401

pytestmark = pytest.mark.usefixtures("fixed_today")


@pytest.fixture
def app_config():
    # A provider that does not work on Saturdays.
    return {"SERVICE_HOURS": {day: "08:00-17:00" for day in ("mon", "tue", "wed", "thu", "fri")}}


def test_a_configured_closed_saturday_cannot_be_wished(client_a):
    response = client_a.post(
        "/aenderungen/neu/other", data={"description": "Umzug", "wished_date": "2026-12-05"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Am 05.12.2026 (Samstag) arbeiten wir nicht." in page
    assert "Mo. – Fr. 8:00 – 17:00 Uhr" in page
    assert PlannedChange.select().count() == 0


def test_lead_time_counts_only_configured_service_days(app, client_a):
    # Fri 27.11. + 3 service days Mon-Fri = Wed 02.12. (Mon-Sat would give Tue 01.12.)
    client_a.post(
        "/aenderungen/neu/other", data={"description": "Umzug", "wished_date": "2026-12-01"}
    )
    change = PlannedChange.get()
    assert change.recommended_earliest.isoformat() == "2026-12-02"
    assert not change.lead_time_ok
