"""/healthz, /readyz and /metrics: what a load balancer and Prometheus read, who may read the
metrics, and the figures parsed back with Prometheus' own parser and checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from prometheus_client.parser import text_string_to_metric_families

from portal import create_app
from portal.cockpit.figures import open_counts
from portal.db import database
from portal.inbound.models import InboundMail
from portal.migrations import SchemaVersion, latest_version
from portal.outbox.models import OutboxMail
from portal.tickets import queries, service
from portal.tickets.models import SlaNotice, Ticket
from tests.conftest import free_port
from tests.test_outbox_worker import redis_url  # noqa: F401  (the Redis server fixture)
from tests.ticket_factory import at, make_ticket

NOW = at("2026-11-24 10:00")  # a Tuesday
WEEKS_AGO = at("2026-11-02 09:00")  # every target of a ticket reported then has passed
OUTSIDE = {"REMOTE_ADDR": "203.0.113.9"}  # TEST-NET-3: not in the allowed networks


def scrape(client, **kwargs) -> dict:
    """The /metrics samples as {(name, ((label, value), …)): value}."""
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.status_code
    assert response.content_type.startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict, name: str, **labels) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


def per_label(samples: dict, name: str, label: str) -> dict:
    return {dict(key)[label]: found for (sample, key), found in samples.items() if sample == name}


# --- the probes ----------------------------------------------------------------------


def test_healthz_answers_without_sign_in_session_or_database(app, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_readyz_reports_every_check_ok(app, client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "jobs": "ok"},
        "failed": [],
    }
    assert "Set-Cookie" not in response.headers


def test_probes_set_no_cookie_for_a_signed_in_browser(app, client_a):
    for path in ("/healthz", "/readyz", "/metrics"):
        response = client_a.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path


def test_readyz_names_a_missing_migration_step(app, client, db):
    newest = latest_version()
    SchemaVersion.delete().where(SchemaVersion.version == newest).execute()
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["migrations"]
    assert body["checks"]["migrations"] == f"missing steps: {newest}"
    assert body["checks"]["database"] == "ok"


def test_readyz_stays_ready_when_the_database_is_newer_than_the_code(app, client, db):
    """Upgrades migrate first: the old instances keep serving until they are replaced."""
    SchemaVersion.create(version=latest_version() + 1, applied_at=dt.datetime.now(dt.UTC))
    assert client.get("/readyz").status_code == 200


@pytest.fixture(params=["sqlite", "postgresql"])
def unreachable_database_app(tmp_path, request):
    """An app whose database cannot be opened: a SQLite file in a folder that does not exist,
    a PostgreSQL server where nobody listens."""
    urls = {
        "sqlite": f"sqlite:///{tmp_path / 'missing-folder' / 'portal.sqlite3'}",
        "postgresql": f"postgresql://portal:portal@127.0.0.1:{free_port()}/portal",
    }
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": urls[request.param],
            "JOBS_SQLITE_PATH": str(tmp_path / "jobs.sqlite3"),
        }
    )
    yield app
    if not database.is_closed():
        database.close()


def test_database_unreachable_healthz_lives_readyz_503(unreachable_database_app):
    client = unreachable_database_app.test_client()
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["failed"] == ["database", "migrations"]
    assert body["checks"]["database"] == "unreachable (OperationalError)"
    assert body["checks"]["jobs"] == "ok"


def test_database_unreachable_metrics_say_so_and_still_count_requests(unreachable_database_app):
    client = unreachable_database_app.test_client()
    assert client.get("/service-vereinbarung").status_code == 500  # every page needs it
    samples = scrape(client)
    assert value(samples, "portal_database_up") == 0
    assert value(samples, "portal_job_store_up") == 1
    assert ("portal_tickets_open", (("priority", "critical"),)) not in samples
    errors = value(
        samples, "portal_http_requests_total", endpoint="sla.page", method="GET", status="500"
    )
    assert errors == 1


@pytest.fixture
def app_config(tmp_path, request):
    return getattr(request, "param", {})


@pytest.mark.parametrize(
    "app_config",
    [{"JOBS_URL": f"redis://127.0.0.1:{free_port()}/0", "JOBS_IMMEDIATE": False}],
    indirect=True,
)
def test_job_store_unreachable_readyz_503(app, client):
    """Redis is configured but nobody listens on its port."""
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["failed"] == ["jobs"]
    assert body["checks"]["jobs"] == "unreachable (ConnectionError)"
    assert value(scrape(client), "portal_job_store_up") == 0


# --- who may read /metrics ------------------------------------------------------------


def test_metrics_from_outside_the_allowed_networks_is_the_404_of_any_unknown_address(app, client):
    refused = client.get("/metrics", environ_base=OUTSIDE)
    unknown = client.get("/gibt-es-nicht", environ_base=OUTSIDE)
    assert refused.status_code == 404
    assert refused.get_data() == unknown.get_data()
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200


@pytest.mark.parametrize("app_config", [{"METRICS_TOKEN": "kp-metrics-s3cret"}], indirect=True)
def test_metrics_token_opens_them_from_anywhere(app, client):
    assert client.get("/metrics", environ_base=OUTSIDE).status_code == 404
    wrong = {"Authorization": "Bearer kp-metrics-falsch"}
    assert client.get("/metrics", environ_base=OUTSIDE, headers=wrong).status_code == 404
    right = {"Authorization": "Bearer kp-metrics-s3cret"}
    assert client.get("/metrics", environ_base=OUTSIDE, headers=right).status_code == 200


@pytest.mark.parametrize(
    "app_config", [{"METRICS_NETWORKS": "10.20.0.0/16, 203.0.113.0/24"}], indirect=True
)
def test_metrics_networks_are_configurable(app, client):
    assert client.get("/metrics", environ_base=OUTSIDE).status_code == 200
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "10.20.3.4"}).status_code == 200
    # the default (this machine) no longer applies
    assert client.get("/metrics").status_code == 404


def test_a_wrong_metrics_network_stops_the_start(tmp_path):
    config = {"SECRET_KEY": "test-secret", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"}
    with pytest.raises(ValueError, match="10.0.0.0/33"):
        create_app({**config, "METRICS_NETWORKS": ["10.0.0.0/33"]})


def test_metrics_through_a_proxy_the_portal_was_not_told_of_need_the_token(app, client):
    """PROXY_COUNT 0: the address seen is the proxy's (here: this machine), not the client's."""
    forwarded = {"X-Forwarded-For": "198.51.100.7"}
    assert client.get("/metrics", headers=forwarded).status_code == 404


@pytest.mark.parametrize("app_config", [{"PROXY_COUNT": 1}], indirect=True)
def test_metrics_behind_a_configured_proxy_judge_the_clients_address(app, client):
    assert client.get("/metrics", headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 404
    assert client.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 200


# --- request counts ----------------------------------------------------------------------


def test_requests_are_counted_per_endpoint_not_per_path(app, client, customer_a, db):
    for _ in range(3):
        assert client.get("/service-vereinbarung").status_code == 200
    for path in ("/tickets/T-2026-00001", "/tickets/T-2026-99999"):
        client.get(path)  # signed out: both go to the login page
    client.get("/gibt-es-nicht")
    client.get("/healthz")
    client.get("/readyz")
    client.get("/metrics")
    samples = scrape(client)
    requests = {
        dict(labels)["endpoint"]: (dict(labels)["status"], found)
        for (name, labels), found in samples.items()
        if name == "portal_http_requests_total"
    }
    assert requests == {"sla.page": ("200", 3), "tickets.view": ("302", 2), "none": ("404", 1)}
    count = "portal_http_request_duration_seconds_count"
    assert value(samples, count, endpoint="sla.page", method="GET") == 3
    bucket = "portal_http_request_duration_seconds_bucket"
    assert value(samples, bucket, endpoint="sla.page", method="GET", le="+Inf") == 3


# --- the figures from the database -------------------------------------------------------


@pytest.mark.parametrize(
    "app_config", [{"CLOCK": lambda: NOW, "JOBS_IMMEDIATE": False}], indirect=True
)
def test_metrics_match_the_tickets_mails_and_jobs_in_the_database(
    app, client, customer_a, staff, db
):
    t1 = make_ticket(app, customer_a, priority="critical", now=WEEKS_AGO)
    t2 = make_ticket(app, customer_a, priority="critical", now=NOW)
    t3 = make_ticket(app, customer_a, priority="normal", now=WEEKS_AGO)
    t4 = make_ticket(app, customer_a, priority="normal", now=WEEKS_AGO)
    t5 = make_ticket(app, customer_a, priority="low", now=WEEKS_AGO)
    make_ticket(app, customer_a, priority="low", now=NOW)  # t6
    Ticket.update(assignee=staff.id).where(Ticket.id.in_([t2.id, t3.id])).execute()
    half_an_hour_later = WEEKS_AGO + dt.timedelta(minutes=30)
    with app.test_request_context():
        # paused in time: waits for the customer (its clock stands still)
        service.change_ticket(
            queries.ticket_for(staff, t4.number),
            staff,
            {"status": "waiting_for_customer"},
            now=half_an_hour_later,
        )
        service.resolve(queries.ticket_for(customer_a, t5.number), customer_a, half_an_hour_later)
    # open: t1 t2 (critical), t3 t4 (normal), t6 (low); unassigned: t1, t4, t6;
    # overdue: t1 and t3 (t4 is paused, t2 and t6 were reported just now)
    samples = scrape(client)
    assert per_label(samples, "portal_tickets_open", "priority") == {
        "critical": 2,
        "normal": 2,
        "low": 1,
    }
    assert value(samples, "portal_tickets_unassigned") == 3
    assert per_label(samples, "portal_tickets_overdue", "priority") == {
        "critical": 1,
        "normal": 1,
        "low": 0,
    }
    # the staff's start page counts the same
    with app.test_request_context():
        cockpit = open_counts(staff, NOW)
    assert cockpit.by_priority == per_label(samples, "portal_tickets_open", "priority")
    assert cockpit.overdue == 2 and cockpit.unassigned == 3

    # t5 was solved in time: its outcomes are met, not counted
    assert per_label(samples, "portal_sla_breaches_total", "target") == {
        "response": 0,
        "resolution": 0,
    }
    notices = [
        (t1, "response", "breach"),  # noticed by the SLA clock
        (t3, "response", "breach"),
        (t3, "response", "missed"),  # the same target, answered late: still one
        (t3, "resolution", "warning"),  # a warning is no breach
        (t2, "resolution", "missed"),
    ]
    for ticket, target, level in notices:
        SlaNotice.create(ticket=ticket.id, target=target, level=level, due_at=NOW, created_at=NOW)

    OutboxMail.delete().execute()  # the tickets' own mails: replaced by a hand-made set
    states = ["pending"] * 3 + ["sending"] + ["failed"] * 2 + ["sent"] * 4
    for number, state in enumerate(states):
        OutboxMail.create(
            message_id=f"<kp.{number}@provider.example>",
            recipient="anna@alpha.example",
            subject="Test",
            raw=b"Subject: Test\r\n\r\nTest\r\n",
            state=state,
        )
    for number, state in enumerate(["imported", "imported", "pending", "automatic"]):
        InboundMail.create(message_key=f"<in.{number}@alpha.example>", received_at=NOW, state=state)

    huey = app.extensions["huey"]
    huey.storage.flush_queue()  # the tickets' delivery jobs
    deliver = app.extensions["jobs"]["outbox.deliver"]
    ten_minutes_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    deliver.schedule(eta=ten_minutes_ago)  # due ten minutes ago, no worker took it
    deliver()  # enqueued just now

    samples = scrape(client)
    assert per_label(samples, "portal_sla_breaches_total", "target") == {
        "response": 2,
        "resolution": 1,
    }
    assert per_label(samples, "portal_outbox_mails", "state") == {
        "pending": 3,
        "sending": 1,
        "failed": 2,
    }
    assert per_label(samples, "portal_inbound_mails", "state") == {
        "imported": 2,
        "pending": 1,
        "assigned": 0,
        "discarded": 0,
        "automatic": 1,
        "own": 0,
    }
    assert value(samples, "portal_jobs_queued") == 2
    assert 600 <= value(samples, "portal_jobs_oldest_age_seconds") < 660
    assert value(samples, "portal_jobs_scheduled") == 0
    assert value(samples, "portal_database_up") == 1


@pytest.mark.parametrize("app_config", [{"JOBS_IMMEDIATE": False}], indirect=True)
def test_job_queue_age_on_redis_is_that_of_the_job_taken_next(app, client, redis_url):  # noqa: F811
    from portal import jobs, tasks

    app.config["JOBS_URL"] = redis_url
    app.extensions["huey"] = None
    # the app's queue is now Redis, as with PORTAL_JOBS_URL
    jobs.init_app(app, tasks.register_all)
    deliver = app.extensions["jobs"]["outbox.deliver"]
    deliver.schedule(eta=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10))
    deliver()
    deliver()
    samples = scrape(client)
    assert value(samples, "portal_job_store_up") == 1
    assert value(samples, "portal_jobs_queued") == 3
    assert 600 <= value(samples, "portal_jobs_oldest_age_seconds") < 660
    jobs.huey_of(app).dequeue()  # a worker takes the oldest: the next waited only seconds
    assert value(scrape(client), "portal_jobs_oldest_age_seconds") < 60
