"""Alarms of the provider's monitoring (Alertmanager webhook) land in the ticket queue."""

import datetime as dt

import peewee
import pytest

from portal.db import database, is_postgres
from portal.migrations import migrate
from portal.models import ApiToken
from portal.tickets import alerts
from portal.tickets.models import Ticket, TicketAlert, TicketMessage
from tests.conftest import login_client
from tests.ticket_factory import force_status

URL = "/api/v1/alerts/alertmanager"


def alert(status="firing", customer="K-00001", fingerprint="fp-1", **labels):
    return {
        "status": status,
        "labels": {"alertname": "HostDown", "customer": customer, **labels},
        "annotations": {"summary": "Server DC01 antwortet nicht", "description": "Ping fehlt."},
        "startsAt": "2026-11-24T07:58:00Z",
        "endsAt": "2026-11-24T09:00:00Z" if status == "resolved" else "0001-01-01T00:00:00Z",
        "generatorURL": "http://prometheus.local/graph",
        "fingerprint": fingerprint,
    }


def webhook(*alerts_):
    return {"version": "4", "status": "firing", "receiver": "portal", "alerts": list(alerts_)}


@pytest.fixture
def monitoring(client, staff):
    _token, plain = ApiToken.issue(staff, scope="monitoring", name="Alertmanager")

    def post(body):
        return client.post(URL, json=body, headers={"Authorization": f"Bearer {plain}"})

    return post


def test_firing_alert_opens_a_ticket_for_the_named_customer(monitoring, company_a):
    response = monitoring(webhook(alert(severity="critical")))
    assert response.status_code == 200, response.json
    [result] = response.json["results"]
    assert result["action"] == "created"
    ticket = Ticket.get(Ticket.number == result["ticket"])
    assert ticket.company_id == company_a.id
    assert ticket.priority == "critical" and ticket.status == "new"
    assert ticket.title == "Monitoring: Server DC01 antwortet nicht"
    assert "alertname: HostDown" in ticket.description
    # the clock starts when the alarm started, not when the webhook arrived
    assert ticket.reported_at == dt.datetime(2026, 11, 24, 7, 58, tzinfo=dt.UTC)
    # a contract customer's critical incident: 1 h in the extended calendar
    assert ticket.response_due == dt.datetime(2026, 11, 24, 8, 58, tzinfo=dt.UTC)


def test_repeated_alert_stays_on_its_ticket(monitoring, company_a):
    first = monitoring(webhook(alert())).json["results"][0]
    again = monitoring(webhook(alert())).json["results"][0]
    assert again == {**first, "action": "repeated"}
    assert Ticket.select().count() == 1


def test_resolved_alert_leaves_an_internal_note_the_customer_never_sees(
    monitoring, company_a, customer_a, app
):
    number = monitoring(webhook(alert())).json["results"][0]["ticket"]
    result = monitoring(webhook(alert(status="resolved"))).json["results"][0]
    assert result == {"fingerprint": "fp-1", "action": "resolved", "ticket": number}
    note = TicketMessage.get(TicketMessage.ticket == Ticket.get(Ticket.number == number).id)
    assert note.internal and "nicht mehr aktiv" in note.body
    customer_view = login_client(app, customer_a).get(f"/api/v1/tickets/{number}").json
    assert all("nicht mehr aktiv" not in m["body"] for m in customer_view["messages"])
    # staff decide when it is solved
    assert Ticket.get(Ticket.number == number).status == "new"


def test_resolved_alert_without_open_ticket_is_ignored(monitoring, company_a):
    result = monitoring(webhook(alert(status="resolved"))).json["results"][0]
    assert result["action"] == "ignored" and result["ticket"] is None
    assert Ticket.select().count() == 0


def test_alert_firing_again_after_the_ticket_was_solved_opens_a_new_one(monitoring, company_a):
    first = monitoring(webhook(alert())).json["results"][0]["ticket"]
    force_status(Ticket.get(Ticket.number == first), "resolved")
    second = monitoring(webhook(alert())).json["results"][0]
    assert second["action"] == "created" and second["ticket"] != first


def test_one_unknown_customer_rejects_the_whole_call(monitoring, company_a):
    body = webhook(alert(fingerprint="ok"), alert(customer="K-99999", fingerprint="bad"))
    response = monitoring(body)
    assert response.status_code == 422
    assert "K-99999" in response.json["error"]["fields"]["alerts[1].labels.customer"]
    assert Ticket.select().count() == 0


def test_company_by_name_and_missing_customer_label(monitoring, company_a):
    by_name = alert(customer="")
    by_name["labels"] = {"alertname": "Disk", "company": company_a.name}
    assert monitoring(webhook(by_name)).json["results"][0]["action"] == "created"
    unnamed = alert()
    del unnamed["labels"]["customer"]
    response = monitoring(webhook(unnamed))
    assert response.status_code == 422
    assert "customer" in response.json["error"]["fields"]["alerts[0].labels.customer"]


@pytest.mark.parametrize(
    "body",
    [None, [], {"alerts": "x"}, {"alerts": [1]}, {"alerts": [{"status": "firing", "labels": []}]}],
)
def test_malformed_bodies_get_422_and_write_nothing(monitoring, company_a, body):
    response = monitoring(body)
    assert response.status_code == 422
    assert response.json["error"]["fields"]
    assert Ticket.select().count() == 0


def test_bad_times_are_named(monitoring, company_a):
    broken = alert()
    broken["startsAt"] = "gestern"
    response = monitoring(webhook(broken))
    assert response.status_code == 422
    assert "alerts[0].startsAt" in response.json["error"]["fields"]


def test_alert_from_the_future_starts_now(monitoring, company_a):
    future = alert()
    future["startsAt"] = "2999-01-01T00:00:00Z"
    number = monitoring(webhook(future)).json["results"][0]["ticket"]
    ticket = Ticket.get(Ticket.number == number)
    assert ticket.reported_at <= dt.datetime.now(dt.UTC)


def test_only_a_monitoring_token_may_post(client, app, staff, company_a):
    session = login_client(app, staff).post(URL, json=webhook(alert()))
    assert session.status_code == 401
    _token, api_plain = ApiToken.issue(staff, scope="api")
    wrong_scope = client.post(
        URL, json=webhook(alert()), headers={"Authorization": f"Bearer {api_plain}"}
    )
    assert wrong_scope.status_code == 403
    assert client.post(URL, json=webhook(alert())).status_code == 401
    assert Ticket.select().count() == 0


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ({"severity": "critical"}, "critical"),
        ({"severity": "page"}, "critical"),
        ({"severity": "warning"}, "normal"),
        ({"severity": "info"}, "low"),
        ({"severity": "WARNING"}, "normal"),
        ({}, "normal"),
        ({"severity": "banana"}, "normal"),
        ({"severity": "critical", "priority": "low"}, "low"),  # an explicit class wins
        ({"priority": "nonsense", "severity": "info"}, "low"),
    ],
)
def test_class_from_priority_or_severity(labels, expected):
    assert alerts._priority(labels) == expected


def test_alertmanager_envelope_and_number_labels_are_accepted(monitoring, company_a):
    body = webhook(alert(port=8080, severity="warning"))
    body.update(groupKey='{}:{alertname="HostDown"}', truncatedAlerts=0, externalURL="http://am")
    response = monitoring(body)
    assert response.status_code == 200 and response.json["results"][0]["action"] == "created"
    assert "port: 8080" in Ticket.get().description


@pytest.mark.parametrize("fingerprint", ["x" * 201, {"a": 1}, ["fp"], 12.5])
def test_a_fingerprint_that_is_no_short_text_is_named(monitoring, company_a, fingerprint):
    response = monitoring(webhook(alert(fingerprint=fingerprint)))
    assert response.status_code == 422
    assert "alerts[0].fingerprint" in response.json["error"]["fields"]
    assert Ticket.select().count() == 0


def test_a_failure_halfway_through_a_call_writes_nothing(monitoring, company_a, monkeypatch):
    real_create = alerts.TicketAlert.create
    calls = []

    def fail_second(**values):
        calls.append(values)
        if len(calls) == 2:
            raise RuntimeError("database gone")
        return real_create(**values)

    monkeypatch.setattr(alerts.TicketAlert, "create", fail_second)
    response = monitoring(webhook(alert(fingerprint="a"), alert(fingerprint="b")))
    assert response.status_code == 500
    # Alertmanager retries the whole call: a ticket without its alert row would be doubled
    assert Ticket.select().count() == 0


def test_a_repeated_resolved_notification_leaves_one_note(monitoring, company_a):
    monitoring(webhook(alert()))
    monitoring(webhook(alert(status="resolved")))
    again = monitoring(webhook(alert(status="resolved"))).json["results"][0]
    assert again["action"] == "resolved"
    assert TicketMessage.select().count() == 1


def test_a_late_firing_of_an_alert_already_resolved_does_not_revive_it(monitoring, company_a):
    number = monitoring(webhook(alert())).json["results"][0]["ticket"]
    monitoring(webhook(alert(status="resolved")))
    late = monitoring(webhook(alert())).json["results"][0]  # same startsAt: a retried old send
    assert late == {"fingerprint": "fp-1", "action": "ignored", "ticket": number}
    assert TicketAlert.get().status == "resolved"
    # firing anew (a later startsAt) counts again
    fresh = alert()
    fresh["startsAt"] = "2026-11-24T10:00:00Z"
    assert monitoring(webhook(fresh)).json["results"][0]["action"] == "repeated"
    assert TicketAlert.get().status == "firing"


# --- one ticket per alarm, by a constraint of the database (migration 15) -----------------


def test_an_alarm_firing_after_its_ticket_was_solved_is_its_second_occurrence(
    monitoring, company_a
):
    first = monitoring(webhook(alert())).json["results"][0]["ticket"]
    force_status(Ticket.get(Ticket.number == first), "resolved")
    second = monitoring(webhook(alert())).json["results"][0]["ticket"]
    rows = TicketAlert.select().order_by(TicketAlert.id)
    assert [(r.ticket.number, r.occurrence) for r in rows] == [(first, 1), (second, 2)]


def test_two_alerts_of_one_call_with_one_fingerprint_open_one_ticket(monitoring, company_a):
    results = monitoring(webhook(alert(), alert())).json["results"]
    assert [r["action"] for r in results] == ["created", "repeated"]
    assert Ticket.select().count() == 1


def test_the_database_refuses_a_second_row_for_the_same_occurrence(monitoring, company_a, db):
    number = monitoring(webhook(alert())).json["results"][0]["ticket"]
    row = TicketAlert.get()
    with pytest.raises(peewee.IntegrityError), db.atomic():
        TicketAlert.create(
            ticket=Ticket.get(Ticket.number == number),
            fingerprint=row.fingerprint,
            name=row.name,
            status="firing",
            labels="{}",
            first_seen_at=row.first_seen_at,
            last_seen_at=row.last_seen_at,
            occurrence=1,
        )


def test_upgrading_numbers_the_alarms_of_each_fingerprint_in_order(monitoring, company_a, db):
    for fingerprint in ("a", "b", "a"):
        monitoring(webhook(alert(fingerprint=fingerprint)))
        force_status(Ticket.select().order_by(Ticket.id.desc()).get(), "resolved")
    # the schema before step 15 (the later steps stay applied)
    cascade = " CASCADE" if is_postgres() else ""
    database.execute_sql("DROP INDEX ticket_alert_fingerprint_occurrence")
    database.execute_sql("ALTER TABLE ticket_alert DROP COLUMN occurrence")
    database.execute_sql(f"DROP TABLE idempotency_key{cascade}")
    database.execute_sql("DELETE FROM schema_version WHERE version = 15")

    assert migrate() == [15]

    rows = TicketAlert.select().order_by(TicketAlert.id)
    assert [(r.fingerprint, r.occurrence) for r in rows] == [("a", 1), ("b", 1), ("a", 2)]
    assert monitoring(webhook(alert(fingerprint="a"))).json["results"][0]["action"] == "created"
    assert TicketAlert.select().order_by(TicketAlert.id.desc()).get().occurrence == 3
