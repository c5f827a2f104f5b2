"""GET /api/v1/sla and POST /api/v1/classify: good and bad input, both languages."""

from datetime import datetime

import pytest

from portal.sla.calendar import BERLIN
from tests.conftest import login_client

ANSWERS = {"affected": "company", "component": "server", "state": "down"}


def at(app, *moment):
    instant = datetime(*moment, tzinfo=BERLIN)
    app.config["CLOCK"] = lambda: instant


def test_sla_for_anonymous_callers_has_hours_status_contact_classes_and_both_tables(
    app, client, db
):
    at(app, 2026, 11, 27, 19, 0)  # Friday, just closed
    body = client.get("/api/v1/sla").get_json()
    assert body["open_now"] is False
    assert body["next_opening"] == "2026-11-28T08:00:00+01:00"
    assert body["status_text"] == "derzeit geschlossen – wieder erreichbar ab Sa., 08:00"
    assert body["hours"]["service"] == [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "07:00", "closes": "19:00"},
        {"days": ["sat"], "opens": "08:00", "closes": "18:00"},
    ]
    assert body["hours"]["extended"][0]["closes"] == "24:00"
    assert body["contact"]["hotline"] == "+49 2102 - 7315-747"
    assert body["contact"]["service_email"] == "service@bluvo.de"
    assert [c["priority"] for c in body["classes"]] == ["critical", "normal", "low"]
    assert {"key": "printer", "text": "Ausfall oder Störung eines einzelnen Druckers"} in body[
        "classes"
    ][1]["examples"]
    targets = body["response_targets"]
    assert set(targets) == {"with_contract", "without_contract"}
    assert targets["with_contract"][0] == {
        "priority": "critical",
        "label": "Kritisch",
        "hours": 1,
        "calendar": "extended",
        "text": "1 Stunde (erweiterte Zeiten)",
    }
    assert [t["hours"] for t in targets["without_contract"]] == [4, 16, 40]


def test_sla_on_a_holiday_names_it(app, client, db):
    at(app, 2026, 6, 4, 10, 0)
    body = client.get("/api/v1/sla").get_json()
    assert body["open_now"] is False and body["holiday"] == "Fronleichnam"
    assert body["next_opening"] == "2026-06-05T07:00:00+02:00"


def test_sla_for_a_customer_has_only_their_contracts_targets(client_a, client_b):
    assert set(client_a.get("/api/v1/sla").get_json()["response_targets"]) == {"with_contract"}
    assert set(client_b.get("/api/v1/sla").get_json()["response_targets"]) == {"without_contract"}


def test_sla_labels_follow_accept_language(client, db):
    body = client.get("/api/v1/sla", headers={"Accept-Language": "en"}).get_json()
    assert [c["label"] for c in body["classes"]] == ["Critical", "Normal", "Low"]
    assert body["classes"][1]["examples"][1]["text"] == "Outage or malfunction of a single printer"
    assert body["response_targets"]["with_contract"][0]["text"] == "1 hour (extended hours)"


def test_sla_labels_follow_the_users_preference(app, db, make_customer_en):
    client = login_client(app, make_customer_en)
    body = client.get("/api/v1/sla", headers={"Accept-Language": "de"}).get_json()
    assert body["classes"][0]["label"] == "Critical"


@pytest.fixture
def make_customer_en(app, company_a):
    from tests.conftest import make_user

    user = make_user(app, "eve@alpha.example", "Eve English", "customer", company_a)
    user.preferred_language = "en"
    user.save()
    return user


def test_classify_text(app, client, db):
    at(app, 2026, 11, 24, 16, 30)
    response = client.post("/api/v1/classify", json={"text": "Der Drucker im 2. OG druckt nicht"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["priority"] == "normal" and body["label"] == "Normal"
    assert body["example_key"] == "printer"
    assert body["example"] == "Ausfall oder Störung eines einzelnen Druckers"
    assert "Drucker" in body["matched_terms"] and body["confident"] is True
    assert "Drucker" in body["explanation"]
    assert body["response_target"]["with_contract"]["due"] == "2026-11-25T08:30:00+01:00"


def test_classify_answers(client, db):
    body = client.post("/api/v1/classify", json={"answers": ANSWERS}).get_json()
    assert (body["priority"], body["example_key"]) == ("critical", "server_down")
    assert body["matched_terms"] == [] and body["confident"] is True


def test_classify_for_a_signed_in_customer_gives_their_own_target(app, client_a):
    at(app, 2026, 11, 28, 20, 0)
    body = client_a.post("/api/v1/classify", json={"answers": ANSWERS}).get_json()
    assert body["response_target"] == {
        "with_contract": {
            "text": "Wir melden uns innerhalb von 1 Stunde (erweiterte Zeiten)",
            "due": "2026-11-28T21:00:00+01:00",
            "due_text": "also spätestens bis Sa., 28.11., 21:00 Uhr",
        }
    }


def test_classify_in_english(client, db):
    response = client.post(
        "/api/v1/classify", json={"answers": ANSWERS}, headers={"Accept-Language": "en"}
    )
    body = response.get_json()
    assert body["label"] == "Critical"
    assert body["example"] == "Outage of at least one centrally used server"
    assert "Critical" in body["explanation"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"text": 42}, "text", "Bitte senden Sie den Text als Zeichenkette."),
        ({"text": ""}, "text", "Bitte beschreiben Sie kurz, was passiert ist."),
        ({"text": " \n\t "}, "text", "Bitte beschreiben Sie kurz, was passiert ist."),
        ({"text": "x" * 10_000}, "text", "Bitte fassen Sie sich kürzer (höchstens 9999 Zeichen)."),
        ({}, "text", "Bitte senden Sie entweder „text“ oder „answers“."),
        ({"text": "Server", "answers": ANSWERS}, "answers", "entweder „text“ oder „answers“"),
        ({"answers": "server"}, "answers", "Erwartet wird ein Objekt"),
        ({"answers": {**ANSWERS, "urgent": "yes"}}, "answers.urgent", "Unbekanntes Feld."),
        ({"answers": {**ANSWERS, "state": 1}}, "answers.state", "Zeichenkette"),
        (
            {"answers": {"affected": "company", "component": "server"}},
            "answers.state",
            "ob es ausgefallen oder nur beeinträchtigt ist",
        ),
        (
            {"answers": {**ANSWERS, "component": "toaster"}},
            "answers.component",
            "Bitte wählen Sie eine der angebotenen Antworten.",
        ),
    ],
)
def test_bad_classify_input_gets_422_naming_the_field(client, db, body, field, message):
    response = client.post("/api/v1/classify", json=body)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert message in error["fields"][field]


def test_unknown_top_level_field_and_non_object_bodies_get_400(client, db):
    response = client.post("/api/v1/classify", json={"text": "x", "lang": "de"})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "unknown_field"
    response = client.post("/api/v1/classify", json=["Server"])
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_json"


def test_bad_input_messages_in_english(client, db):
    response = client.post(
        "/api/v1/classify",
        json={"answers": {"affected": "company", "component": "server"}},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"]["answers.state"] == (
        "Please tell us whether it is down or only impaired."
    )
    response = client.post(
        "/api/v1/classify", json={"text": "   "}, headers={"Accept-Language": "en"}
    )
    assert (
        response.get_json()["error"]["fields"]["text"] == "Please describe briefly what happened."
    )


def test_signed_in_session_post_needs_the_csrf_header(app, client_a):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client_a.post("/api/v1/classify", json={"answers": ANSWERS})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "csrf_failed"


def test_openapi_documents_sla_and_classify(client, db):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "get" in paths["/sla"] and "post" in paths["/classify"]
    schema = paths["/classify"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema["properties"]["answers"]["properties"]["component"]["enum"][-1] == "other"
