"""The SLA page and the hotline box: content, targets from configuration, status at set times."""

import re
from datetime import datetime

import pytest

from portal.models import Company
from portal.sla import targets
from portal.sla.calendar import BERLIN, EXTENDED, SERVICE
from portal.sla.targets import ResponseTarget


def at(app, *moment):
    """Stop the app's clock at a Europe/Berlin wall-clock time."""
    instant = datetime(*moment, tzinfo=BERLIN)
    app.config["CLOCK"] = lambda: instant


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def target_cells(page: str) -> list[str]:
    return re.findall(r"<td[^>]*>([^<]+)</td>", page)


def test_sla_page_is_public_and_lists_classes_with_the_sla_pages_examples(client, db):
    response = client.get("/service-vereinbarung")
    assert response.status_code == 200
    page = text_of(response)
    for wording in (
        "Ausfall min. eines zentral genutzten Servers",
        "Ausfall eines unternehmensweit genutzten Systems, z.B. MS-Exchange, MS-SQL-Server",
        "u.U. Ausfall der Internet-Verbindung",
        "Ausfall oder Störung eines einzelnen Druckers",
        "Alle Mängel, die nicht unter die beiden erstgenannten Kategorien fallen",
        "Kritische Störungen unterbrechen alles.",
        "Vertragskunden zuerst.",
        "nicht dringend – es reicht innerhalb von X Tagen",
        "möglichst frühzeitig mitteilen",
    ):
        assert wording in page


def test_the_target_table_is_the_sla_default(client, db):
    page = text_of(client.get("/service-vereinbarung"))
    assert target_cells(page) == [
        "1 Stunde (erweiterte Zeiten)",
        "4 Stunden (Servicezeiten)",
        "4 Stunden (Servicezeiten)",
        "16 Stunden (Servicezeiten)",
        "16 Stunden (Servicezeiten)",
        "40 Stunden (Servicezeiten)",
    ]


def test_the_target_table_follows_the_configured_targets(client, db, monkeypatch):
    changed = dict(targets.DEFAULT_RESPONSE_TARGETS)
    changed[targets.CRITICAL, True] = ResponseTarget(2, EXTENDED)
    changed[targets.LOW, False] = ResponseTarget(24.5, SERVICE)
    monkeypatch.setattr(targets, "DEFAULT_RESPONSE_TARGETS", changed)
    cells = target_cells(text_of(client.get("/service-vereinbarung")))
    assert cells[0] == "2 Stunden (erweiterte Zeiten)"
    assert cells[-1] == "24,5 Stunden (Servicezeiten)"


def test_contract_customer_sees_own_column_highlighted_with_contract_targets(client_a, company_a):
    Company.update(normal_hours=2).where(Company.id == company_a.id).execute()
    page = text_of(client_a.get("/service-vereinbarung"))
    assert re.search(
        r'<th scope="col" class="is-yours"> Vertragskunden <span[^>]*>Ihr Vertrag', page
    )
    assert '<td class="is-yours">2 Stunden (Servicezeiten)</td>' in page
    assert "<td>16 Stunden (Servicezeiten)</td>" in page  # the other column stays the default


def test_customer_without_contract_sees_the_other_column_highlighted(client_b):
    page = text_of(client_b.get("/service-vereinbarung"))
    assert re.search(r'class="is-yours"> Kunden ohne Vertrag', page)
    assert '<td class="is-yours">40 Stunden (Servicezeiten)</td>' in page


def test_anonymous_visitors_and_staff_see_no_highlight(client, staff_client):
    assert "is-yours" not in client.get("/service-vereinbarung").get_data(as_text=True)
    assert "is-yours" not in staff_client.get("/service-vereinbarung").get_data(as_text=True)


def test_sla_page_in_english(client, db):
    page = text_of(client.get("/service-vereinbarung", headers={"Accept-Language": "en"}))
    assert "Service level agreement (SLA)" in page
    assert "1 hour (extended hours)" in page
    assert "Mon – Fri 7:00 – 19:00 (Sat 8:00 – 18:00)" in page


HOTLINE = re.compile(
    r'<p class="hotline-status (is-open|is-closed)">'
    r'(?:<span class="hotline-audience">[^<]*</span> )?([^<]+)</p>'
)


def hotline(client, path="/", language="de"):
    """The service hours' line of the header box (the last one; a visitor also reads the
    extended hours for contract customers' critical problems above it)."""
    page = client.get(path, headers={"Accept-Language": language}).get_data(as_text=True)
    return HOTLINE.findall(page)[-1]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ((2026, 11, 27, 18, 59), ("is-open", "jetzt erreichbar")),
        (
            (2026, 11, 27, 19, 0),
            ("is-closed", "derzeit geschlossen – wieder erreichbar ab Sa., 08:00"),
        ),
        (
            (2026, 11, 29, 12, 0),
            ("is-closed", "derzeit geschlossen – wieder erreichbar ab Mo., 07:00"),
        ),
        (
            (2026, 11, 30, 6, 59),
            ("is-closed", "derzeit geschlossen – wieder erreichbar ab Mo., 07:00"),
        ),
        ((2026, 11, 28, 8, 0), ("is-open", "jetzt erreichbar")),
        (
            (2026, 6, 4, 10, 0),
            ("is-closed", "heute geschlossen (Fronleichnam) – wieder erreichbar ab Fr., 07:00"),
        ),
        (  # Good Friday, then Saturday opens as usual
            (2026, 4, 3, 9, 0),
            ("is-closed", "heute geschlossen (Karfreitag) – wieder erreichbar ab Sa., 08:00"),
        ),
    ],
)
def test_hotline_status_at_chosen_times(app, client, db, moment, expected):
    at(app, *moment)
    assert hotline(client) == expected


def test_hotline_status_in_english(app, client, db):
    at(app, 2026, 6, 4, 10, 0)
    assert hotline(client, language="en") == (
        "is-closed",
        "closed today (Corpus Christi) – open again from Fri, 07:00",
    )
    at(app, 2026, 11, 27, 19, 0)
    assert hotline(client, language="en")[1] == "closed at the moment – open again from Sat, 08:00"


def test_hotline_box_is_on_every_page(app, client, db):
    at(app, 2026, 11, 27, 12, 0)
    for path in ("/", "/anmelden", "/service-vereinbarung", "/stoerung-einordnen/"):
        assert hotline(client, path) == ("is-open", "jetzt erreichbar")


def test_hotline_hours_text_comes_from_the_configuration(app, client, db):
    page = client.get("/").get_data(as_text=True)
    assert '<p class="hotline-hours">Mo. – Fr. 7:00 – 19:00 Uhr (Sa. 8:00 – 18:00 Uhr)</p>' in page


class TestOtherOpeningHours:
    @pytest.fixture
    def app_config(self):
        return {
            "SERVICE_HOURS": {day: "08:00-17:00" for day in ("mon", "tue", "wed", "thu")}
            | {"fri": "08:00-14:30"},
        }

    def test_hours_text_status_and_page_follow_the_configured_hours(self, app, client, db):
        at(app, 2026, 11, 27, 14, 30)  # Friday
        page = text_of(client.get("/service-vereinbarung"))
        assert "Mo. – Do. 8:00 – 17:00 Uhr (Fr. 8:00 – 14:30 Uhr)" in page
        assert hotline(client) == (
            "is-closed",
            "derzeit geschlossen – wieder erreichbar ab Mo., 08:00",
        )
