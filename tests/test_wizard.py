"""The wizard "Störung einordnen" without JavaScript: plain GETs, state in the query string."""

import re
from datetime import datetime
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from portal.sla.calendar import BERLIN

SERVER_DOWN = "Unser Server ist ausgefallen, niemand im Büro kann arbeiten."


def at(app, *moment):
    instant = datetime(*moment, tzinfo=BERLIN)
    app.config["CLOCK"] = lambda: instant


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def checked(page: str, name: str) -> list[str]:
    return re.findall(rf'<input checked id="{name}-\d" name="{name}"[^>]* value="(\w+)"', page)


def test_step_one_asks_what_happened(client, db):
    page = page_text(client.get("/stoerung-einordnen/"))
    assert '<form method="get" action="/stoerung-einordnen/fragen"' in page
    assert '<label for="text">Was ist passiert?</label>' in page
    assert 'maxlength="9999"' in page


def test_text_suggests_class_example_and_why(client, db):
    response = client.get("/stoerung-einordnen/fragen", query_string={"text": SERVER_DOWN})
    assert response.status_code == 200
    page = page_text(response)
    assert 'Unser Vorschlag: <span class="badge badge-critical">Kritisch</span>' in page
    assert "„Ausfall min. eines zentral genutzten Servers“" in page
    assert "<mark>Server</mark>" in page  # the words it matched


def test_security_incident_is_critical_and_names_the_words_that_told_of_it(client, db):
    text = "Auf dem Server sind alle Dateien verschlüsselt, was sollen wir tun?"
    page = page_text(client.get("/stoerung-einordnen/fragen", query_string={"text": text}))
    assert 'Unser Vorschlag: <span class="badge badge-critical">Kritisch</span>' in page
    assert "„Sicherheitsvorfall (z. B. verschlüsselte Dateien" in page
    assert "<mark>verschlüsselt</mark>" in page


def test_a_greeting_alone_is_no_evidence_and_asks_the_questions(client, db):
    page = page_text(client.get("/stoerung-einordnen/fragen", query_string={"text": "Hallo"}))
    assert 'Unser Vorschlag: <span class="badge badge-normal">Normal</span>' in page
    assert "Bitte beantworten Sie die folgenden Fragen" in page


def test_questions_are_prefilled_from_the_text(client, db):
    page = page_text(client.get("/stoerung-einordnen/fragen", query_string={"text": SERVER_DOWN}))
    assert checked(page, "component") == ["server"]
    assert checked(page, "state") == ["down"]
    assert checked(page, "affected") == ["company"]
    # the text travels on in a hidden field, not in the session
    assert f'<input type="hidden" name="text" value="{SERVER_DOWN}">' in page


def test_answers_in_the_url_beat_the_text(client, db):
    query = {"text": SERVER_DOWN, "component": "printer", "affected": "one"}
    page = page_text(client.get("/stoerung-einordnen/fragen", query_string=query))
    assert checked(page, "component") == ["printer"]
    assert checked(page, "affected") == ["one"]


def test_questions_without_a_description(client, db):
    page = page_text(client.get("/stoerung-einordnen/fragen"))
    assert "Unser Vorschlag" not in page
    assert checked(page, "component") == []
    assert "Wer ist betroffen?" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Bitte beschreiben Sie kurz, was passiert ist."),
        ("x" * 10_000, "Bitte fassen Sie sich kürzer (höchstens 9999 Zeichen)."),
    ],
)
def test_bad_description_is_shown_again_with_the_reason(client, db, text, message):
    response = client.get("/stoerung-einordnen/fragen", query_string={"text": text})
    assert response.status_code == 400
    page = page_text(response)
    assert message in page
    assert 'aria-invalid="true"' in page


def test_result_shows_class_example_and_both_targets_for_anonymous_users(app, client, db):
    at(app, 2026, 11, 24, 16, 30)  # Tuesday afternoon
    query = {"affected": "one", "component": "printer", "state": "down"}
    response = client.get("/stoerung-einordnen/ergebnis", query_string=query)
    assert response.status_code == 200
    page = page_text(response)
    assert 'Ihre Einordnung: <span class="badge badge-normal">Normal</span>' in page
    assert "„Ausfall oder Störung eines einzelnen Druckers“" in page
    assert (
        "<strong>Vertragskunden:</strong> Wir melden uns innerhalb von 4 Stunden (Servicezeiten),"
        ' <span class="wizard-due">also spätestens bis Mi., 25.11., 08:30 Uhr</span>'
    ) in page
    assert "<strong>Kunden ohne Vertrag:</strong> Wir melden uns innerhalb von 16 Stunden" in page


def test_signed_in_customer_sees_only_own_target_with_deadline(app, client_a, db):
    at(app, 2026, 11, 24, 16, 30)
    query = {"affected": "one", "component": "printer", "state": "down"}
    page = page_text(client_a.get("/stoerung-einordnen/ergebnis", query_string=query))
    assert (
        "Wir melden uns innerhalb von 4 Stunden (Servicezeiten),"
        ' <span class="wizard-due">also spätestens bis Mi., 25.11., 08:30 Uhr</span>'
    ) in page
    assert "16 Stunden" not in page


def test_contract_customers_critical_incident_counts_extended_hours(app, client_a, db):
    at(app, 2026, 11, 28, 20, 0)  # Saturday evening, service hours are over
    query = {"affected": "company", "component": "server", "state": "down"}
    page = page_text(client_a.get("/stoerung-einordnen/ergebnis", query_string=query))
    assert "Wir melden uns innerhalb von 1 Stunde (erweiterte Zeiten)" in page
    assert "also spätestens bis Sa., 28.11., 21:00 Uhr" in page
    assert "Rufen Sie bitte zusätzlich sofort unsere Service-Hotline an" in page
    assert "Für Sie als Vertragskunde ist sie bei kritischen Störungen" in page


def test_customer_without_contract_is_not_told_to_call_while_the_line_is_closed(app, client_b, db):
    at(app, 2026, 11, 28, 20, 0)  # Saturday evening, service hours are over
    query = {"affected": "company", "component": "server", "state": "down"}
    page = page_text(client_b.get("/stoerung-einordnen/ergebnis", query_string=query))
    assert "sofort unsere Service-Hotline an" not in page
    assert "Unsere Service-Hotline ist wieder ab Mo., 07:00 erreichbar" in page
    assert "steht dann sofort in unserer Warteschlange" in page
    assert "Für Sie als Vertragskunde" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"affected": "one", "component": "printer"}, "ob es ausgefallen oder nur beeinträchtigt"),
        (
            {"affected": "everyone", "component": "printer", "state": "down"},
            "Bitte wählen Sie eine der angebotenen Antworten.",
        ),
    ],
)
def test_missing_or_unknown_answers_return_to_the_questions(client, db, query, message):
    response = client.get("/stoerung-einordnen/ergebnis", query_string=query)
    assert response.status_code == 400
    page = page_text(response)
    assert message in page
    assert "Wer ist betroffen?" in page


def test_customer_may_choose_another_class(client, db):
    query = {"affected": "one", "component": "printer", "state": "down", "priority": "low"}
    page = page_text(client.get("/stoerung-einordnen/ergebnis", query_string=query))
    assert 'Ihre Einordnung: <span class="badge badge-low">Niedrig</span>' in page
    assert "Sie haben die Klasse „Niedrig“ gewählt." in page
    assert "Wir melden uns innerhalb von 40 Stunden" in page  # without contract, low
    assert '<input type="radio" id="priority-low" name="priority" value="low" checked>' in page


def without_csrf(response) -> str:
    """The page without its CSRF token, which carries the second it was signed in."""
    return re.sub(
        r'(name="csrf-token" content=|name="csrf_token" type="hidden" value=)"[^"]*"',
        r'\1""',
        page_text(response),
    )


def test_every_step_is_a_bookmarkable_get_and_reloads_identically(app, client, db):
    at(app, 2026, 11, 24, 10, 0)
    first = client.get("/stoerung-einordnen/fragen", query_string={"text": SERVER_DOWN})
    result_url = "/stoerung-einordnen/ergebnis?" + urlencode(
        {"text": SERVER_DOWN, "affected": "company", "component": "server", "state": "down"}
    )
    result = client.get(result_url)
    # reload and back: the same URL gives the same page, nothing lives in the session
    assert without_csrf(client.get(result_url)) == without_csrf(result)
    back = client.get("/stoerung-einordnen/fragen", query_string={"text": SERVER_DOWN})
    assert without_csrf(back) == without_csrf(first)
    with client.session_transaction() as session:
        assert not any(key.startswith(("text", "triage", "wizard")) for key in session)
    # "Antworten ändern" leads back to the questions with everything kept
    link = re.search(
        r'href="(/stoerung-einordnen/fragen\?[^"]+)">Antworten ändern', page_text(result)
    )
    params = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)
    assert params == {
        "text": [SERVER_DOWN],
        "affected": ["company"],
        "component": ["server"],
        "state": ["down"],
    }


class TestWithTicketForm:
    def test_result_links_to_the_prefilled_ticket_form(self, client, db):
        query = {"text": SERVER_DOWN, "affected": "company", "component": "server", "state": "down"}
        page = client.get("/stoerung-einordnen/ergebnis", query_string=query).get_data(as_text=True)
        link = re.search(r'href="(/tickets/neu\?[^"]+)">Einordnung übernehmen', page).group(1)
        assert parse_qs(urlparse(link.replace("&amp;", "&")).query) == {
            "priority": ["critical"],
            "description": [SERVER_DOWN],
            "title": [SERVER_DOWN],
            "example": ["server_down"],
            "affected": ["company"],
            "component": ["server"],
            "state": ["down"],
        }

    def test_another_class_drops_the_example_of_the_suggested_one(self, client, db):
        query = {
            "affected": "company",
            "component": "server",
            "state": "down",
            "priority": "normal",
        }
        page = client.get("/stoerung-einordnen/ergebnis", query_string=query).get_data(as_text=True)
        link = re.search(r'href="(/tickets/neu\?[^"]+)">Einordnung übernehmen', page).group(1)
        params = parse_qs(urlparse(link.replace("&amp;", "&")).query)
        assert params["priority"] == ["normal"] and "example" not in params
