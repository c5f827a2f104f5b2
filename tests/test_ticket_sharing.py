"""Sharing a ticket with a colleague where the company keeps its tickets apart: who sees it
(list, page, API, attachment), who may share and unshare, the history and the mails."""

from __future__ import annotations

import io

import pytest

from portal.models import Company, User
from portal.tickets import service
from portal.tickets.models import Attachment, Ticket, TicketEvent, TicketShare
from tests.accounts_support import outbox_to
from tests.conftest import count_queries, login_client, make_user
from tests.ticket_factory import make_ticket

ROLES = ("reporter", "creator", "shared", "unshared", "contact", "other_company", "staff")
# Who sees the ticket: when the company lets colleagues see all, and when it keeps them apart.
SEES_ALL = dict.fromkeys(ROLES, True) | {"other_company": False}
APART = SEES_ALL | {"unshared": False}


@pytest.fixture
def people(app, company_a, company_b, staff):
    def user(email, name, company=company_a):
        return make_user(app, email, name, "customer", company)

    found = {
        "reporter": user("rita@alpha.example", "Rita Reporter"),
        "creator": user("carl@alpha.example", "Carl Creator"),
        "shared": user("anna@alpha.example", "Anna Beispiel"),
        "unshared": user("uwe@alpha.example", "Uwe Unbeteiligt"),
        "contact": user("clara@alpha.example", "Clara Contact"),
        "other_company": user("bernd@beta.example", "Bernd Beta", company_b),
        "staff": staff,
    }
    User.update(is_contact=True).where(User.id == found["contact"].id).execute()
    found["contact"] = User.get_by_id(found["contact"].id)
    return found


def _keep_apart(company: Company) -> None:
    Company.update(colleagues_see_all=False).where(Company.id == company.id).execute()


def _ticket(app, people, **values) -> Ticket:
    """Created by Carl for Rita (created_by and reporter differ), with an attachment."""
    ticket = make_ticket(app, people["creator"], **values)
    Ticket.update(reporter=people["reporter"]).where(Ticket.id == ticket.id).execute()
    return Ticket.get_by_id(ticket.id)


def _upload(client, number: str):
    data = {"body": "Anbei der Fehler", "attachments": (io.BytesIO(b"log line\n"), "fehler.txt")}
    return client.post(
        f"/tickets/{number}/nachricht", data=data, content_type="multipart/form-data"
    )


def _share(app, ticket, actor, colleague):
    from portal.tickets import sharing

    with app.test_request_context():
        return sharing.share(Ticket.get_by_id(ticket.id), actor, colleague)


@pytest.mark.parametrize("keep_apart", [False, True], ids=["sees_all", "apart"])
def test_who_sees_a_ticket_in_list_page_api_and_attachment(app, people, company_a, keep_apart):
    ticket = _ticket(app, people)
    assert _upload(login_client(app, people["reporter"]), ticket.number).status_code == 302
    attachment = Attachment.get()
    _share(app, ticket, people["reporter"], people["shared"])
    if keep_apart:
        _keep_apart(company_a)
    expected = APART if keep_apart else SEES_ALL

    seen = {}
    for role in ROLES:
        client = login_client(app, people[role])
        listed = ticket.number in client.get("/tickets?status=all").get_data(as_text=True)
        api_list = client.get("/api/v1/tickets?status=all").get_json()["tickets"]
        statuses = (
            client.get(f"/tickets/{ticket.number}").status_code,
            client.get(f"/api/v1/tickets/{ticket.number}").status_code,
            client.get(f"/tickets/{ticket.number}/anhaenge/{attachment.id}").status_code,
        )
        if role != "staff":  # staff's own list is the queue; "/tickets" shows them all too
            assert listed == expected[role], role
        assert (ticket.number in [t["number"] for t in api_list]) == expected[role], role
        assert statuses in ((200, 200, 200), (404, 404, 404)), (role, statuses)
        seen[role] = statuses == (200, 200, 200)
    assert seen == expected


def test_reporter_shares_with_a_colleague_from_the_page(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    reporter = login_client(app, people["reporter"])
    html = reporter.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Geteilt mit" in html
    assert "Dieses Ticket sehen nur Sie, wer es angelegt hat" in html  # shared with nobody yet
    # offered: active colleagues who do not see it yet (not the creator, not a contact)
    assert "Anna Beispiel (anna@alpha.example)" in html
    assert "Uwe Unbeteiligt" in html
    assert "Carl Creator (" not in html and "Clara Contact (" not in html
    assert "Bernd Beta" not in html

    shared = people["shared"]
    response = reporter.post(f"/tickets/{ticket.number}/teilen", data={"colleague": shared.id})
    assert response.status_code == 302
    assert [s.user_id for s in TicketShare.select()] == [shared.id]
    assert login_client(app, shared).get(f"/tickets/{ticket.number}").status_code == 200
    html = reporter.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Ticket mit Anna Beispiel geteilt" in html  # the history, shown to the customer
    assert "Dieses Ticket sehen nur Sie" not in html
    event = TicketEvent.get(TicketEvent.kind == "shared")
    assert (event.public, event.actor_id, event.new_value) == (
        True,
        people["reporter"].id,
        "Anna Beispiel",
    )

    response = reporter.post(f"/tickets/{ticket.number}/teilen/{shared.id}/entfernen")
    assert response.status_code == 302
    assert TicketShare.select().count() == 0
    assert login_client(app, shared).get(f"/tickets/{ticket.number}").status_code == 404
    html = reporter.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Ticket nicht mehr mit Anna Beispiel geteilt" in html


def test_english_history_of_a_share(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    _share(app, ticket, people["contact"], people["shared"])
    client = login_client(app, people["reporter"])
    html = client.get(f"/tickets/{ticket.number}", headers={"Accept-Language": "en"})
    html = html.get_data(as_text=True)
    assert "Shared with" in html and "Ticket shared with Anna Beispiel" in html


@pytest.mark.parametrize("role", ["reporter", "creator", "contact", "staff"])
def test_who_may_share(app, people, company_a, role):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    client = login_client(app, people[role])
    response = client.post(
        f"/api/v1/tickets/{ticket.number}/shares", json={"email": "anna@alpha.example"}
    )
    assert response.status_code == 201
    assert response.get_json()["shared_with"] == ["anna@alpha.example"]
    assert (
        client.delete(f"/api/v1/tickets/{ticket.number}/shares/anna@alpha.example").status_code
        == 204
    )
    assert TicketShare.select().count() == 0


def test_a_colleague_it_is_shared_with_may_not_share_further(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    _share(app, ticket, people["reporter"], people["shared"])
    client = login_client(app, people["shared"])
    response = client.post(
        f"/api/v1/tickets/{ticket.number}/shares", json={"email": "uwe@alpha.example"}
    )
    assert response.status_code == 403
    assert (
        client.post(
            f"/tickets/{ticket.number}/teilen", data={"colleague": people["unshared"].id}
        ).status_code
        == 403
    )
    assert (
        client.post(f"/tickets/{ticket.number}/teilen/{people['shared'].id}/entfernen").status_code
        == 403
    )
    assert TicketShare.select().count() == 1
    # the page lists the share but offers no form and no remove button
    html = client.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Anna Beispiel" in html and "/teilen" not in html


def test_colleagues_who_cannot_see_it_get_404(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    for role in ("unshared", "other_company"):
        client = login_client(app, people[role])
        body = {"email": "anna@alpha.example"}
        assert client.post(f"/api/v1/tickets/{ticket.number}/shares", json=body).status_code == 404
        assert (
            client.post(
                f"/tickets/{ticket.number}/teilen", data={"colleague": people["shared"].id}
            ).status_code
            == 404
        )
    assert TicketShare.select().count() == 0


@pytest.mark.parametrize(
    "email",
    [
        "nobody@alpha.example",
        "bernd@beta.example",
        "paula@provider.example",
        "uwe@alpha.example",
        "  ",
    ],
)
def test_only_active_colleagues_of_the_company(app, people, company_a, email):
    _keep_apart(company_a)
    User.update(active=False).where(User.id == people["unshared"].id).execute()  # uwe
    ticket = _ticket(app, people)
    response = login_client(app, people["reporter"]).post(
        f"/api/v1/tickets/{ticket.number}/shares", json={"email": email}
    )
    assert response.status_code == 422
    assert "email" in response.get_json()["error"]["fields"]
    assert (
        TicketShare.select().count() == 0
        and TicketEvent.select().where(TicketEvent.kind == "shared").count() == 0
    )


def test_the_form_refuses_another_companys_user_with_422(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    response = login_client(app, people["reporter"]).post(
        f"/tickets/{ticket.number}/teilen", data={"colleague": people["other_company"].id}
    )
    assert response.status_code == 422
    assert "Bitte wählen Sie einen Kollegen aus der Liste." in response.get_data(as_text=True)
    assert TicketShare.select().count() == 0


def test_sharing_twice_keeps_one_share_and_unknown_unshare_is_404(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    client = login_client(app, people["reporter"])
    url = f"/api/v1/tickets/{ticket.number}/shares"
    assert client.post(url, json={"email": "anna@alpha.example"}).status_code == 201
    assert client.post(url, json={"email": "Anna@Alpha.example"}).status_code == 200
    assert TicketShare.select().count() == 1
    assert TicketEvent.select().where(TicketEvent.kind == "shared").count() == 1
    assert client.delete(f"{url}/uwe@alpha.example").status_code == 404
    assert client.delete(f"{url}/bernd@beta.example").status_code == 404
    assert client.delete(f"{url}/anna@alpha.example").status_code == 204
    assert client.delete(f"{url}/anna@alpha.example").status_code == 404


def test_ticket_json_names_the_colleagues_it_is_shared_with(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    _share(app, ticket, people["reporter"], people["shared"])
    for role in ("shared", "reporter", "contact", "staff"):
        data = login_client(app, people[role]).get(f"/api/v1/tickets/{ticket.number}").get_json()
        assert data["shared_with"] == ["anna@alpha.example"], role
        assert any(
            e["kind"] == "shared" and e["new_value"] == "Anna Beispiel" for e in data["events"]
        )


def test_form_is_offered_only_where_the_company_keeps_tickets_apart(app, people):
    ticket = _ticket(app, people)
    html = login_client(app, people["reporter"]).get(f"/tickets/{ticket.number}")
    assert "Geteilt mit" not in html.get_data(as_text=True)


def test_shared_colleague_gets_the_mails_like_the_reporter(app, people, company_a, staff):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    _share(app, ticket, people["reporter"], people["shared"])
    [told] = outbox_to("anna@alpha.example")
    assert "Ein Ticket wurde mit Ihnen geteilt" in told["Subject"]
    assert "Rita Reporter hat das Ticket" in told.get_body(("plain",)).get_content()

    with app.test_request_context():
        current = Ticket.get_by_id(ticket.id)
        service.add_message(current, staff, "Wir haben den Drucker neu gestartet.")
        service.add_message(current, staff, "Nur für uns", internal=True)
    for address in ("anna@alpha.example", "rita@alpha.example"):
        answers = [m for m in outbox_to(address) if "Neue Antwort" in m["Subject"]]
        assert len(answers) == 1, address
        assert "neu gestartet" in answers[0].get_body(("plain",)).get_content()
    assert not [m for m in outbox_to("uwe@alpha.example")]

    # no longer shared: no more mails
    from portal.tickets import sharing

    with app.test_request_context():
        sharing.unshare(Ticket.get_by_id(ticket.id), people["reporter"], people["shared"])
        service.add_message(Ticket.get_by_id(ticket.id), staff, "Noch eine Antwort.")
    assert len([m for m in outbox_to("anna@alpha.example") if "Neue Antwort" in m["Subject"]]) == 1


def test_list_and_page_queries_do_not_grow_with_shares(app, people, company_a):
    _keep_apart(company_a)
    first = _ticket(app, people)
    client = login_client(app, people["shared"])
    _share(app, first, people["reporter"], people["shared"])

    def measure(path):
        with count_queries() as counter:
            assert client.get(path).status_code == 200
        return counter.count

    few = (measure("/tickets?status=all"), measure("/api/v1/tickets"))
    for index in range(6):
        _share(
            app,
            _ticket(app, people, title=f"Noch eins {index}"),
            people["contact"],
            people["shared"],
        )
    many = (measure("/tickets?status=all"), measure("/api/v1/tickets"))
    assert many == few
    assert max(many) <= 8
    assert client.get("/api/v1/tickets").get_json()["total"] == 7


def test_a_mail_reply_counts_only_from_a_colleague_who_sees_the_ticket(app, people, company_a):
    from portal.inbound import service as inbound
    from portal.tickets.models import TicketMessage
    from tests import inbound_mails as m

    _keep_apart(company_a)
    ticket = _ticket(app, people)

    def reply_from(template):  # two mails: the same one would be imported once only
        raw = m.build(
            template, sender="uwe@alpha.example", ticket=ticket.number, other="T-2026-99998"
        )
        with app.test_request_context():
            return inbound.import_raw(raw)

    row = reply_from(m.THUNDERBIRD_DE_REPLY)
    assert (row.state, row.reason, row.ticket_id) == ("pending", "not_visible", None)
    _share(app, ticket, people["reporter"], people["unshared"])
    row = reply_from(m.OUTLOOK_DE_REPLY)
    assert (row.state, row.reason, row.ticket_id) == ("imported", "reply", ticket.id)
    [message] = TicketMessage.select().where(TicketMessage.ticket == ticket.id)
    assert message.author_id == people["unshared"].id


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_share_and_remove_need_the_csrf_token(app, people, company_a):
    from tests.conftest import csrf_token_from

    _keep_apart(company_a)
    ticket = _ticket(app, people)
    client = login_client(app, people["reporter"])
    shared = people["shared"]
    url = f"/tickets/{ticket.number}/teilen"
    assert client.post(url, data={"colleague": shared.id}).status_code == 400
    assert TicketShare.select().count() == 0
    token = csrf_token_from(client.get(f"/tickets/{ticket.number}"))
    assert client.post(url, data={"colleague": shared.id, "csrf_token": token}).status_code == 302
    assert client.post(f"{url}/{shared.id}/entfernen").status_code == 400
    assert TicketShare.select().count() == 1
    response = client.post(f"{url}/{shared.id}/entfernen", data={"csrf_token": token})
    assert response.status_code == 302 and TicketShare.select().count() == 0


def test_erasing_a_person_removes_their_shares_and_their_name(app, people, company_a, admin):
    from tests.privacy_support import database_dump

    _keep_apart(company_a)
    ticket = _ticket(app, people)
    _share(app, ticket, people["reporter"], people["shared"])
    admin_client = login_client(app, admin)
    response = admin_client.post(
        f"/verwaltung/benutzer/{people['shared'].id}/loeschen",
        data={"confirm_email": "anna@alpha.example"},
    )
    assert response.status_code == 302
    assert TicketShare.select().count() == 0
    event = TicketEvent.get(TicketEvent.kind == "shared")  # the history stays, anonymised
    assert event.new_value == "Gelöschte Person"
    dump = database_dump(app).lower()
    assert "anna beispiel" not in dump and "anna@alpha.example" not in dump


def test_a_persons_export_holds_the_tickets_shared_with_them(app, people, company_a):
    from portal.privacy import export

    _keep_apart(company_a)
    ticket = _ticket(app, people)
    _ticket(app, people, title="Nicht geteilt")
    _share(app, ticket, people["reporter"], people["shared"])
    with app.test_request_context():
        document, _files = export.collect(User.get_by_id(people["shared"].id))
    assert [(t["number"], t["shared_with_you"]) for t in document["tickets"]] == [
        (ticket.number, True)
    ]


def test_staff_see_the_shares_and_may_remove_them_on_the_page(app, people, company_a):
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    staff_client = login_client(app, people["staff"])
    html = staff_client.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Geteilt mit" not in html  # nothing shared, no form: the staff page keeps its budget
    _share(app, ticket, people["reporter"], people["shared"])
    html = staff_client.get(f"/tickets/{ticket.number}").get_data(as_text=True)
    assert "Anna Beispiel" in html and f"/teilen/{people['shared'].id}/entfernen" in html
    response = staff_client.post(f"/tickets/{ticket.number}/teilen/{people['shared'].id}/entfernen")
    assert response.status_code == 302 and TicketShare.select().count() == 0


def test_the_staff_page_of_a_shared_ticket_keeps_the_query_budget(app, people, company_a):
    """The company's open tickets come with the ticket's own read, and so does whether it is
    shared at all: the names of the people it is shared with are one query, within budget."""
    _keep_apart(company_a)
    ticket = _ticket(app, people)
    client = login_client(app, people["staff"])

    def measure():
        with count_queries() as counter:
            page = client.get(f"/tickets/{ticket.number}")
        assert page.status_code == 200
        return counter.count, page.get_data(as_text=True)

    alone, _ = measure()
    _share(app, ticket, people["reporter"], people["shared"])
    _share(app, ticket, people["reporter"], people["contact"])
    shared, html = measure()
    assert alone + 1 == shared <= 8
    assert people["shared"].name in html
    assert "1 offenes Ticket dieser Firma" in html
