"""The text rule (portal/text.py) at each front door, and the class change's reason that stays
with staff unless they tell the customer."""

from __future__ import annotations

import pytest
from wtforms import DateField

from portal.forms import PortalForm, wtforms_messages
from portal.text import text_problem
from portal.tickets.models import Ticket, TicketEvent, TicketMessage
from tests.ticket_factory import make_ticket


@pytest.mark.parametrize(
    ("text", "multiline", "refused"),
    [
        ("Drucker", False, False),
        ("", False, False),
        ("   ", False, False),  # blank: the field's own "required" rule decides
        ("Zeile 1\nZeile 2\r\n\tEingerückt", True, False),
        ("Zeile 1\nZeile 2", False, True),
        ("Tab\there", False, True),
        ("NUL\x00", True, True),
        ("Glocke\x07", True, True),
        ("C1\x85", True, True),
        ("DEL\x7f", True, True),
        ("\ud800", True, True),
        ("a\udfffb", False, True),
        ("\u200b", False, True),
        ("\u202e\ufeff \u200b\u2060", True, True),
        ("\u202eabc", False, False),  # bidi marks with visible text: Arabic and Hebrew need them
        ("Grüße 😀 עברית", False, False),
        ("x" * 100_000, True, False),  # length is each field's own rule
    ],
)
def test_the_text_rule(app, text, multiline, refused):
    with app.test_request_context():
        assert (text_problem(text, multiline) is not None) is refused


def report(client, door: str, title: str):
    """A ticket with `title` reported through the page's form or the API (`door`)."""
    fields = {"title": title, "description": "x", "priority": "normal", "affected": "one"}
    if door == "api":
        return client.post("/api/v1/tickets", json=fields)
    return client.post("/tickets/neu", data=fields)


def test_a_form_refuses_a_nul_with_422_naming_the_field_and_stores_nothing(app, client_a):
    before = Ticket.select().count()
    response = report(client_a, "form", "Drucker\x00")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Enthält unzulässige Steuerzeichen." in page
    assert Ticket.select().count() == before


def test_a_title_of_only_invisible_characters_is_refused_in_english_too(app, client_a):
    client_a.post("/konto/sprache", data={"language": "en"})
    response = report(client_a, "form", "\u200b\u202e\ufeff")
    assert response.status_code == 422
    assert "only invisible characters" in response.get_data(as_text=True)


def test_the_api_refuses_a_lone_surrogate_naming_the_field(app, client_a):
    before = Ticket.select().count()
    response = report(client_a, "api", "\ud800")
    assert response.status_code == 422
    assert set(response.get_json()["error"]["fields"]) == {"title"}
    assert Ticket.select().count() == before


def test_the_api_keeps_line_breaks_in_a_message_but_not_in_a_title(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    ok = client_a.post(f"/api/v1/tickets/{ticket.number}/messages", json={"body": "a\nb"})
    assert ok.status_code == 201
    bad = report(client_a, "api", "a\nb")
    assert bad.status_code == 422 and "title" in bad.get_json()["error"]["fields"]


def test_a_nul_in_a_query_string_is_a_422_not_a_database_error(client_a, staff_client):
    assert client_a.get("/tickets?q=a%00b").status_code == 422
    response = staff_client.get("/api/v1/tickets?q=%00")
    assert response.status_code == 422 and "q" in response.get_json()["error"]["fields"]


def test_nested_change_details_are_checked_per_field(app, client_a):
    response = client_a.post(
        "/api/v1/changes",
        json={"kind": "new_user", "details": {"first_name": "A\nB"}, "wished_date": "2030-01-07"},
    )
    assert response.status_code in (400, 422)
    assert TicketMessage.select().count() == 0


def _change_class(staff_client, ticket, staff, **extra):
    data = {
        "status": "in_progress",
        "priority": "normal",
        "assignee": str(staff.id),
        "reason": "Kunde übertreibt, intern geprüft",
        **extra,
    }
    return staff_client.post(f"/tickets/{ticket.number}/aendern", data=data)


def test_a_class_change_reason_is_staff_only_by_default(
    app, client_a, staff_client, customer_a, staff
):
    ticket = make_ticket(app, customer_a, priority="low")
    assert _change_class(staff_client, ticket, staff).status_code == 302
    assert Ticket.get_by_id(ticket.id).priority == "normal"
    assert "Kunde übertreibt" not in client_a.get(f"/tickets/{ticket.number}").get_data(True)
    api = client_a.get(f"/api/v1/tickets/{ticket.number}").get_json()
    assert "Kunde übertreibt" not in str(api)
    staff_page = staff_client.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Kunde übertreibt" in staff_page and "nur intern" in staff_page


def test_staff_can_choose_to_tell_the_customer_the_reason(
    app, client_a, staff_client, customer_a, staff
):
    ticket = make_ticket(app, customer_a, priority="low")
    _change_class(staff_client, ticket, staff, reason_public="y")
    assert "Kunde übertreibt" in client_a.get(f"/tickets/{ticket.number}").get_data(True)


def test_the_api_tells_the_customer_only_with_reason_public(
    app, client_a, staff_client, customer_a
):
    hidden, told = make_ticket(app, customer_a), make_ticket(app, customer_a)
    for ticket, public in ((hidden, False), (told, True)):
        body = {"priority": "low", "reason": f"Grund {ticket.number}", "reason_public": public}
        assert staff_client.patch(f"/api/v1/tickets/{ticket.number}", json=body).status_code == 200
    assert f"Grund {hidden.number}" not in str(
        client_a.get(f"/api/v1/tickets/{hidden.number}").json
    )
    assert f"Grund {told.number}" in str(client_a.get(f"/api/v1/tickets/{told.number}").json)
    assert TicketEvent.select().where(TicketEvent.reason_public).count() == 1


def test_every_form_of_the_portal_applies_the_text_rule():
    """A form that skips portal/forms.PortalForm would skip the text rule."""
    import importlib
    import pkgutil

    from flask_wtf import FlaskForm

    import portal
    from portal.forms import PortalForm

    for module in pkgutil.walk_packages(portal.__path__, "portal."):
        importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [c for c in subclasses(FlaskForm) if c.__module__.startswith("portal.")]
    assert ours and all(issubclass(c, PortalForm) for c in ours), ours


class _DeadlineForm(PortalForm):
    deadline = DateField("Frist")


@pytest.mark.parametrize(
    ("language", "message"), [("de", "Kein gültiges Datum."), ("en", "Not a valid date value.")]
)
def test_wtforms_own_messages_speak_the_requests_language(app, language, message):
    for _ in range(2):  # read from the file, then kept
        with app.test_request_context(
            "/", method="POST", data={"deadline": "morgen"}, headers={"Accept-Language": language}
        ):
            form = _DeadlineForm()
            assert not form.validate()
            assert form.deadline.errors == [message]


def test_wtforms_catalogue_is_read_once_per_language(app):
    wtforms_messages.cache_clear()
    for language in ("de", "en", "de", "en", "de"):
        with app.test_request_context(
            "/", method="POST", data={"deadline": "morgen"}, headers={"Accept-Language": language}
        ):
            assert not _DeadlineForm().validate()
    assert wtforms_messages.cache_info().misses == 2
