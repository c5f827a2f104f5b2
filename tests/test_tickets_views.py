"""Ticket pages: reporting with each flag, lists, the ticket view for customer and staff, queue."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from portal import clock
from portal.db import utcnow
from portal.models import User
from portal.tickets import service
from portal.tickets.models import Ticket, TicketEvent, TicketMessage
from tests.conftest import count_queries
from tests.ticket_factory import force_status, make_ticket


def form(**values):
    data = {
        "title": "Drucker druckt nicht",
        "description": "Kein Ausdruck seit heute früh.",
        "priority": "normal",
        "affected": "one",
        "callback_phone": "0211 123",
        "urgency": "plain",
    }
    data.update(values)
    return data


def page(response) -> str:
    return response.get_data(as_text=True)


# --- reporting ------------------------------------------------------------------------------


def test_customer_reports_a_ticket_and_sees_what_happens_next(client_a, customer_a):
    response = client_a.post("/tickets/neu", data=form())
    assert response.status_code == 302
    ticket = Ticket.get()
    assert response.headers["Location"].endswith(f"/tickets/{ticket.number}/gemeldet")
    assert ticket.company_id == customer_a.company_id and ticket.reporter_id == customer_a.id
    confirmation = page(client_a.get(response.headers["Location"]))
    assert ticket.number in confirmation
    assert "Wir melden uns spätestens bis" in confirmation
    assert "Hotline" not in confirmation.split("<main")[1].split("</main>")[0]


def test_confirmation_of_a_critical_ticket_names_the_hotline(client_a):
    response = client_a.post("/tickets/neu", data=form(priority="critical"), follow_redirects=True)
    main = page(response).split("<main")[1].split("</main>")[0]
    assert "Service-Hotline" in main and "+49 2102 - 7315-747" in main


def test_urgent_ticket_with_reason_and_deadline(client_a):
    deadline = (clock.local_today(utcnow()) + dt.timedelta(days=3)).isoformat()
    response = client_a.post(
        "/tickets/neu",
        data=form(urgency="urgent", urgent_reason="Frist beim Finanzamt", deadline=deadline),
    )
    assert response.status_code == 302
    ticket = Ticket.get()
    assert ticket.urgent and ticket.urgent_reason == "Frist beim Finanzamt"
    assert ticket.deadline.isoformat() == deadline and ticket.relaxed_days is None


def test_relaxed_ticket_within_days(client_a):
    response = client_a.post("/tickets/neu", data=form(urgency="relaxed", relaxed_days="7"))
    assert response.status_code == 302
    ticket = Ticket.get()
    assert ticket.relaxed_days == 7 and not ticket.urgent


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"urgency": "urgent", "urgent_reason": ""}, "warum es dringend ist"),
        ({"urgency": "urgent", "urgent_reason": "x", "priority": "low"}, "nur für normale"),
        ({"urgency": "urgent", "urgent_reason": "x", "deadline": "2020-01-01"}, "Vergangenheit"),
        ({"urgency": "relaxed", "relaxed_days": "31"}, "1 bis 30 Tage"),
        ({"urgency": "relaxed", "relaxed_days": ""}, "1 bis 30 Tage"),
        ({"urgency": "relaxed", "relaxed_days": "3", "priority": "critical"}, "kritische"),
        ({"title": "", "description": ""}, "beschreiben Sie"),
        ({"affected": ""}, "wer betroffen ist"),
        ({"priority": ""}, "Klasse"),
    ],
)
def test_invalid_report_gets_a_clear_message_and_stores_nothing(client_a, values, message):
    response = client_a.post("/tickets/neu", data=form(**values))
    assert response.status_code == 422
    assert message in page(response)
    assert Ticket.select().count() == 0


def test_a_report_without_title_takes_the_start_of_its_description(client_a):
    description = (
        "Seit heute früh kommen bei uns allen keine E-Mails mehr an, weder intern noch von außen."
    )
    response = client_a.post("/tickets/neu", data=form(title="", description=description))
    assert response.status_code == 302
    assert (
        Ticket.get().title
        == "Seit heute früh kommen bei uns allen keine E-Mails mehr an, weder intern noch …"
    )


def test_affected_has_no_answer_chosen_in_advance(client_a):
    html = page(client_a.get("/tickets/neu"))
    assert "Wer ist betroffen?" in html
    assert not re.search(r'<input[^>]*checked[^>]*name="affected"', html)
    assert not re.search(r'<input[^>]*name="affected"[^>]*checked', html)


def test_an_error_keeps_the_wizards_suggestion(client_a):
    data = form(description="", priority="critical", affected="company", example="server_down")
    html = page(client_a.post("/tickets/neu", data=data))
    assert "Ihre Einordnung:" in html and "Ausfall min. eines zentral genutzten Servers" in html
    assert re.search(r'<input[^>]*checked[^>]*value="critical"', html)
    assert re.search(r'<input[^>]*checked[^>]*value="company"', html)


def test_form_is_prefilled_from_the_wizard(client_a, customer_a):
    User.update(phone="0211 4711").where(User.id == customer_a.id).execute()
    response = client_a.get(
        "/tickets/neu?priority=critical&description=Server+aus&example=server_down"
        "&affected=company&component=server&state=down"
    )
    html = page(response)
    assert response.status_code == 200
    assert re.search(r'<input[^>]*checked[^>]*value="critical"', html)
    assert re.search(r'<input[^>]*checked[^>]*value="company"', html)
    assert "Server aus</textarea>" in html
    assert 'value="server_down"' in html and 'value="0211 4711"' in html


def test_wizard_details_are_kept_for_staff(client_a, staff_client):
    client_a.post(
        "/tickets/neu", data=form(example="printer_down", component="printer", state="down")
    )
    ticket = Ticket.get()
    assert (ticket.triage_example, ticket.triage_component, ticket.triage_state) == (
        "printer_down",
        "printer",
        "down",
    )
    assert "printer_down" in page(staff_client.get(f"/tickets/{ticket.number}"))


def test_class_choices_show_the_sla_explanation_and_the_customers_target(client_a):
    html = page(client_a.get("/tickets/neu"))
    assert "zentral genutzten Servers" in html
    assert "innerhalb von 1 Stunde, rund um die Uhr" in html  # contract customer, critical


def test_staff_records_a_hotline_call(staff_client, company_a, customer_a):
    response = staff_client.post(
        "/tickets/neu",
        data=form(
            company=str(company_a.id), contact=str(customer_a.id), reported_at="2026-01-05T08:15"
        ),
    )
    assert response.status_code == 302, page(response)
    ticket = Ticket.get()
    assert ticket.company_id == company_a.id and ticket.reporter_id == customer_a.id
    assert ticket.reported_at == dt.datetime(2026, 1, 5, 7, 15, tzinfo=dt.UTC)


def test_staff_cannot_record_a_call_in_the_future(staff_client, company_a):
    future = (dt.datetime.now() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = staff_client.post(
        "/tickets/neu", data=form(company=str(company_a.id), contact="0", reported_at=future)
    )
    assert response.status_code == 422
    assert "nicht in der Zukunft" in page(response)
    assert Ticket.select().count() == 0


def test_staff_call_in_year_one_is_refused_not_a_500(staff_client, company_a):
    response = staff_client.post(
        "/tickets/neu",
        data=form(company=str(company_a.id), contact="0", reported_at="0001-01-01T00:30"),
    )
    assert response.status_code == 422
    assert "zu weit in der Vergangenheit" in page(response)
    assert Ticket.select().count() == 0


def test_customer_cannot_report_for_another_company(client_a, company_b, customer_a):
    client_a.post("/tickets/neu", data=form(company=str(company_b.id)))
    assert Ticket.get().company_id == customer_a.company_id


# --- isolation ------------------------------------------------------------------------------


def test_customer_cannot_open_other_companys_ticket(app, client_a, customer_b):
    foreign = make_ticket(app, customer_b, title="Geheimes Problem")
    for path in ("", "/gemeldet"):
        response = client_a.get(f"/tickets/{foreign.number}{path}")
        assert response.status_code == 404
        assert "Geheimes Problem" not in page(response)
    assert (
        client_a.post(f"/tickets/{foreign.number}/nachricht", data={"body": "x"}).status_code == 404
    )
    assert client_a.post(f"/tickets/{foreign.number}/geloest").status_code == 404
    assert TicketMessage.select().count() == 0


def test_customer_list_shows_only_own_company(app, client_a, customer_a, customer_b):
    make_ticket(app, customer_a, title="Unser Drucker")
    make_ticket(app, customer_b, title="Fremder Server")
    html = page(client_a.get("/tickets"))
    assert "Unser Drucker" in html and "Fremder Server" not in html


def test_customer_cannot_change_a_ticket_as_staff(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    response = client_a.post(f"/tickets/{ticket.number}/aendern", data={"status": "closed"})
    assert response.status_code == 403
    assert Ticket.get_by_id(ticket.id).status == "new"
    assert client_a.get("/warteschlange").status_code == 403


# --- the conversation -----------------------------------------------------------------------


def test_staff_answer_is_visible_to_the_customer(app, client_a, staff_client, customer_a):
    ticket = make_ticket(app, customer_a)
    response = staff_client.post(
        f"/tickets/{ticket.number}/nachricht", data={"body": "Wir kommen um 14 Uhr vorbei."}
    )
    assert response.status_code == 302
    html = page(client_a.get(f"/tickets/{ticket.number}"))
    assert "Wir kommen um 14 Uhr vorbei." in html
    assert "innerhalb der Zusage" in html


def test_internal_note_is_never_shown_to_the_customer(app, client_a, staff_client, customer_a):
    ticket = make_ticket(app, customer_a)
    staff_client.post(
        f"/tickets/{ticket.number}/nachricht",
        data={"body": "GEHEIM: Kunde zahlt schlecht", "internal": "y"},
    )
    assert TicketMessage.get().internal
    assert "GEHEIM" in page(staff_client.get(f"/tickets/{ticket.number}"))
    assert "GEHEIM" not in page(client_a.get(f"/tickets/{ticket.number}"))
    assert "0 Tickets" in page(client_a.get("/tickets?status=all&q=zahlt"))


def test_customer_cannot_write_internal_notes(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    client_a.post(f"/tickets/{ticket.number}/nachricht", data={"body": "Hallo", "internal": "y"})
    assert not TicketMessage.get().internal


def test_empty_message_is_refused(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    response = client_a.post(f"/tickets/{ticket.number}/nachricht", data={"body": "  "})
    assert response.status_code == 422
    assert "Bitte schreiben Sie eine Nachricht" in page(response)


def test_customer_marks_solved_and_reopens(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    client_a.post(f"/tickets/{ticket.number}/geloest")
    assert Ticket.get_by_id(ticket.id).status == "resolved"
    html = page(client_a.get(f"/tickets/{ticket.number}"))
    assert "Wieder öffnen" in html
    client_a.post(f"/tickets/{ticket.number}/wieder-oeffnen")
    assert Ticket.get_by_id(ticket.id).status == "new"


def test_reopen_after_14_days_shows_a_clear_message(app, client_a, customer_a):
    ticket = make_ticket(app, customer_a)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)
    force_status(ticket, "resolved", resolved_at=old)
    response = client_a.post(f"/tickets/{ticket.number}/wieder-oeffnen", follow_redirects=True)
    assert "melden Sie eine neue Störung" in page(response)
    assert Ticket.get_by_id(ticket.id).status == "resolved"


def test_staff_changes_class_with_reason_and_customer_sees_it(
    app, client_a, staff_client, customer_a, staff
):
    ticket = make_ticket(app, customer_a, priority="low")
    data = {
        "status": "in_progress",
        "priority": "normal",
        "assignee": str(staff.id),
        "reason": "Mehrere Plätze betroffen",
        "reason_public": "y",  # staff chose to tell the customer (tests/test_input_hygiene.py)
    }
    assert staff_client.post(f"/tickets/{ticket.number}/aendern", data=data).status_code == 302
    stored = Ticket.get_by_id(ticket.id)
    assert (stored.status, stored.priority, stored.assignee_id) == (
        "in_progress",
        "normal",
        staff.id,
    )
    customer_page = page(client_a.get(f"/tickets/{ticket.number}"))
    assert "Mehrere Plätze betroffen" in customer_page  # class changes are public
    assert "Zuständig:" not in customer_page  # assignee changes are for staff only
    assert "Zuständig:" in page(staff_client.get(f"/tickets/{ticket.number}"))


def test_class_change_without_reason_is_refused(app, staff_client, customer_a):
    ticket = make_ticket(app, customer_a, priority="low")
    response = staff_client.post(
        f"/tickets/{ticket.number}/aendern",
        data={"status": "new", "priority": "critical", "assignee": "0"},
    )
    assert response.status_code == 422
    assert "begründen" in page(response)
    assert Ticket.get_by_id(ticket.id).priority == "low"
    assert TicketEvent.select().count() == 1


def test_ticket_view_says_how_many_are_ahead(app, client_a, customer_a, customer_b):
    make_ticket(app, customer_b, priority="critical")
    mine = make_ticket(app, customer_a, priority="normal")
    assert "In der Warteschlange ist 1 Ticket vor diesem." in page(
        client_a.get(f"/tickets/{mine.number}")
    )


def test_ticket_view_counts_those_ahead_only_up_to_the_cap(
    app, client_a, customer_a, customer_b, monkeypatch
):
    # the count stops after the cap (AHEAD_CAP, 100; here 2): a ticket far back in a long
    # queue reads a short index range instead of every open ticket before it
    from portal.tickets import queries

    assert queries.AHEAD_CAP == 100
    monkeypatch.setattr(queries, "AHEAD_CAP", 2)
    for _ in range(3):
        make_ticket(app, customer_b, priority="critical")
    mine = make_ticket(app, customer_a, priority="normal")
    shown = page(client_a.get(f"/tickets/{mine.number}"))
    assert "In der Warteschlange sind mehr als 2 Tickets vor diesem." in shown
    assert queries.tickets_ahead(mine) == 3  # cap + 1: "more than the cap"


# --- lists ----------------------------------------------------------------------------------


def test_list_filters_by_status_and_searches_title_and_text(app, client_a, customer_a):
    make_ticket(app, customer_a, title="Drucker streikt", description="Papierstau")
    solved = make_ticket(app, customer_a, title="Outlook hängt", description="Kalender")
    force_status(solved, "resolved")
    open_page = page(client_a.get("/tickets"))
    assert "Drucker streikt" in open_page and "Outlook hängt" not in open_page
    assert "Outlook hängt" in page(client_a.get("/tickets?status=resolved"))
    assert "Outlook hängt" in page(client_a.get("/tickets?status=all&q=kalender"))
    assert "Drucker streikt" not in page(client_a.get("/tickets?status=all&q=kalender"))


def test_list_pages_by_25(app, client_a, customer_a):
    for index in range(27):
        make_ticket(app, customer_a, title=f"Ticket Nummer {index:02d}")
    first, second = page(client_a.get("/tickets")), page(client_a.get("/tickets?page=2"))
    assert first.count("Ticket Nummer") == 25 and second.count("Ticket Nummer") == 2
    assert "Seite 1 von 2" in first


def test_queue_shows_open_tickets_in_order_with_time_left(
    app, staff_client, customer_a, customer_b
):
    make_ticket(app, customer_b, title="Ohne Vertrag normal")
    make_ticket(app, customer_a, title="Vertrag niedrig", priority="low")
    make_ticket(app, customer_a, title="Vertrag kritisch", priority="critical")
    done = make_ticket(app, customer_a, title="Schon gelöst")
    force_status(done, "resolved")
    html = page(staff_client.get("/warteschlange"))
    positions = [
        html.index(t) for t in ("Vertrag kritisch", "Ohne Vertrag normal", "Vertrag niedrig")
    ]
    assert positions == sorted(positions)
    assert "Schon gelöst" not in html
    assert "noch " in html


def test_queue_marks_and_filters_overdue(app, staff_client, customer_a):
    late = make_ticket(app, customer_a, title="Lange her")
    make_ticket(app, customer_a, title="Gerade eben")
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    Ticket.update(response_due=past, queue_due=past).where(Ticket.id == late.id).execute()
    html = page(staff_client.get("/warteschlange?overdue=1"))
    assert "Lange her" in html and "Gerade eben" not in html
    assert "überfällig seit" in html and "is-overdue" in html


def test_queue_filters_mine_unassigned_company_class(
    app, staff_client, staff, customer_a, customer_b, company_b
):
    mine = make_ticket(app, customer_a, title="Meins")
    make_ticket(app, customer_b, title="Niemandes", priority="low")
    Ticket.update(assignee=staff.id).where(Ticket.id == mine.id).execute()
    assert "Niemandes" not in page(staff_client.get("/warteschlange?assignee=mine"))
    assert "Meins" in page(staff_client.get("/warteschlange?assignee=mine"))
    assert "Meins" not in page(staff_client.get("/warteschlange?assignee=unassigned"))
    assert "Meins" not in page(staff_client.get("/warteschlange?company=Beta"))
    assert "Meins" not in page(staff_client.get("/warteschlange?priority=low"))


def test_queue_finds_a_company_by_part_of_its_name_or_customer_number(
    app, staff_client, customer_a, customer_b
):
    make_ticket(app, customer_a, title="Bei Alpha")
    make_ticket(app, customer_b, title="Bei Beta")
    for search in ("alpha", "Steuer", "K-00001", "00001"):
        html = page(staff_client.get("/warteschlange", query_string={"company": search}))
        assert "Bei Alpha" in html and "Bei Beta" not in html, search
        assert f'value="{search}"' in html  # the field keeps what was typed
    both = page(staff_client.get("/warteschlange?company=K-0000"))
    assert "Bei Alpha" in both and "Bei Beta" in both


def test_queue_says_when_no_company_matches_the_search(app, staff_client, customer_a):
    make_ticket(app, customer_a, title="Bei Alpha")
    html = page(staff_client.get("/warteschlange?company=Gamma%25"))
    assert "Bei Alpha" not in html
    assert "Keine Firma passt zu „Gamma%“" in html
    # a company without open tickets is no typo: no such message
    assert "Keine Firma passt" not in page(
        staff_client.get("/warteschlange?company=Alpha&priority=low")
    )


# --- query budget ---------------------------------------------------------------------------


def _queries(client, path) -> int:
    with count_queries() as counter:
        response = client.get(path)
    assert response.status_code == 200
    return counter.count


@pytest.mark.parametrize("path_kind", ["queue", "list", "view", "api"])
def test_pages_use_few_queries_whatever_the_number_of_tickets(
    app, client_a, staff_client, customer_a, staff, path_kind
):
    first = make_ticket(app, customer_a)

    def measure():
        path = {
            "queue": (staff_client, "/warteschlange"),
            "list": (client_a, "/tickets?status=all"),
            "view": (staff_client, f"/tickets/{first.number}"),
            "api": (staff_client, "/api/v1/tickets"),
        }[path_kind]
        return _queries(*path)

    few = measure()
    ticket = Ticket.get_by_id(first.id)
    with app.test_request_context():
        for index in range(12):
            other = make_ticket(app, customer_a, title=f"Noch eins {index}")
            service.change_ticket(Ticket.get_by_id(other.id), staff, {"assignee": staff}, "")
            service.add_message(ticket, staff, f"Antwort {index}")
            service.add_message(ticket, customer_a, f"Frage {index}")
        service.change_ticket(ticket, staff, {"assignee": staff, "status": "in_progress"}, "")
    many = measure()
    assert many == few
    assert many <= 8


@pytest.mark.parametrize(
    "url",
    [
        "/tickets?page=" + "9" * 25,
        "/tickets?page=" + "9" * 5000,
        "/tickets?page=%C2%B2",  # "²" counts as a digit for str.isdigit, not for int()
        "/warteschlange?page=" + "9" * 25,
        "/warteschlange?company=" + "9" * 25,
        "/warteschlange?company=%C2%B2",
    ],
)
def test_absurd_page_and_company_numbers_show_a_page_not_an_error(
    app, client_a, staff_client, customer_a, url
):
    make_ticket(app, customer_a)
    client = staff_client if url.startswith("/warteschlange") else client_a
    assert client.get(url).status_code == 200


def test_reopen_button_only_within_14_days(app, client_a, customer_a):

    from portal.db import utcnow

    ticket = make_ticket(app, customer_a)
    reopen_url = f"/tickets/{ticket.number}/wieder-oeffnen"
    force_status(ticket, "resolved", resolved_at=utcnow() - dt.timedelta(days=13))
    assert reopen_url in client_a.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    force_status(ticket, "resolved", resolved_at=utcnow() - dt.timedelta(days=15))
    page = client_a.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert reopen_url not in page
    assert "melden Sie eine neue Störung" in page


def test_long_lists_say_more_than_the_cap_and_still_page_on(
    app, staff_client, client_a, customer_a, monkeypatch
):
    from portal.tickets import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    for index in range(30):
        make_ticket(app, customer_a, title=f"Nummer {index:02d}")
    queue = staff_client.get("/warteschlange").get_data(as_text=True)
    assert "Mehr als 3 Tickets" in queue and 'rel="next"' in queue and "Seite 1<" in queue
    second = staff_client.get("/warteschlange?page=2").get_data(as_text=True)
    assert "Seite 2<" in second and 'rel="next"' not in second and 'rel="prev"' in second
    listing = client_a.get("/tickets").get_data(as_text=True)
    assert "Mehr als 3 Tickets" in listing


def test_api_list_says_when_its_total_is_capped(app, staff_client, customer_a, monkeypatch):
    from portal.api import tickets as api_tickets

    for index in range(5):
        make_ticket(app, customer_a, title=f"Nummer {index}")
    body = staff_client.get("/api/v1/tickets").get_json()
    assert (body["total"], body["total_exact"]) == (5, True)
    monkeypatch.setattr(api_tickets, "COUNT_CAP", 3)
    body = staff_client.get("/api/v1/tickets?per_page=2").get_json()
    assert (body["total"], body["total_exact"], len(body["tickets"])) == (3, False, 2)


def test_badges_are_in_the_visitors_language(app, staff_client, customer_a):
    ticket = make_ticket(app, customer_a, priority="normal", urgent=True, urgent_reason="Frist")
    german = staff_client.get("/warteschlange").get_data(as_text=True)
    assert '<span class="badge badge-normal">Normal</span>' in german
    assert '<span class="badge badge-critical">dringend</span>' in german
    assert '<span class="badge badge-status">Neu</span>' in german
    english = staff_client.get(f"/tickets/{ticket.number}?lang=en").get_data(as_text=True)
    assert '<span class="badge badge-critical">urgent</span>' in english
    assert '<span class="badge badge-status">New</span>' in english
