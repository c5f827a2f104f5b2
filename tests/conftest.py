"""Fixtures: a fresh app and database per test, customers of two companies, staff, admin.

The suite runs on a temporary SQLite file; PORTAL_TEST_DATABASE_URL=postgresql://… runs the
same tests against a real PostgreSQL server (the schema is dropped and migrated per test).
"""

from __future__ import annotations

import email
import os
import re
import socket
import threading
from email import policy

import peewee
import pytest
from aiosmtpd.controller import Controller

from portal import create_app, holiday_days
from portal.auth.service import create_user
from portal.db import database
from portal.migrations import migrate
from portal.models import Company
from tests.live_apps import LIVE_APPS

POSTGRES_URL = os.environ.get("PORTAL_TEST_DATABASE_URL")
TEST_PASSWORD = "richtig-geheim"


def _reset_postgres(url: str) -> None:
    from portal.db import open_database

    db = open_database(url)
    with db.connection_context():
        db.execute_sql("DROP SCHEMA public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
    db.close()


@pytest.fixture(autouse=True)
def _push_request_context():
    """Replaces pytest-flask's fixture of this name, which keeps one request context (and so
    one `g`) open for the whole test: requests would share flask-login's cached user and the
    connection bookkeeping, which never happens in production."""
    yield


@pytest.fixture
def app_config(tmp_path) -> dict:
    """Override in a test module to change configuration."""
    return {}


@pytest.fixture
def app(tmp_path, app_config):
    url = POSTGRES_URL or f"sqlite:///{tmp_path / 'test.sqlite3'}"
    if POSTGRES_URL:
        _reset_postgres(POSTGRES_URL)
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": url,
        "WTF_CSRF_ENABLED": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "SERVER_NAME": None,
        # jobs run inline when enqueued; the end-to-end tests start a real consumer instead
        "JOBS_IMMEDIATE": True,
        **app_config,
    }
    app = create_app(config)
    app.instance_path = str(tmp_path / "instance")
    os.makedirs(app.instance_path, exist_ok=True)
    with app.app_context(), database.connection_context():
        migrate()
        holiday_days.read_at_start()  # as wsgi.py does: no request of a test pays the query
    yield app
    if not database.is_closed():
        database.close()


@pytest.fixture
def db(app):
    """An open connection for tests that work with models directly."""
    database.connect(reuse_if_open=True)
    yield database
    if not database.is_closed():
        database.close()


@pytest.fixture
def company_a(db) -> Company:
    return Company.create(
        name="Alpha Steuerberatung GmbH", customer_number="K-00001", has_contract=True
    )


@pytest.fixture
def company_b(db) -> Company:
    return Company.create(name="Beta Logistik KG", customer_number="K-00002", has_contract=False)


def make_user(app, email, name, role="customer", company=None, password=TEST_PASSWORD):
    # An app context only around the call: a context held open for the whole test would
    # make every request of the test share one `g`.
    with app.app_context():
        return create_user(email, name, password, role, company)


@pytest.fixture
def customer_a(app, company_a):
    return make_user(app, "anna@alpha.example", "Anna Alpha", "customer", company_a)


@pytest.fixture
def customer_b(app, company_b):
    return make_user(app, "bernd@beta.example", "Bernd Beta", "customer", company_b)


@pytest.fixture
def staff(app, db):
    return make_user(app, "paula@provider.example", "Paula Technik", "staff")


@pytest.fixture
def admin(app, db):
    return make_user(app, "adam@provider.example", "Adam Admin", "admin")


@pytest.fixture
def client(app):
    """Replaces pytest-flask's `client`, which is used as a context manager and so keeps its
    last request's context (and signed-in user) open for the rest of the test."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Flask's CLI runner, for the `flask --app portal …` commands."""
    return app.test_cli_runner()


def login_client(app, user):
    """A client signed in as `user` through a server-side session, as after the login form."""
    from portal.auth.sessions import start_session

    with app.app_context():
        session_id = start_session(user, user_agent="pytest")
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = session_id
        session["_fresh"] = True
    return client


@pytest.fixture
def client_a(app, customer_a):
    return login_client(app, customer_a)


@pytest.fixture
def client_b(app, customer_b):
    return login_client(app, customer_b)


@pytest.fixture
def staff_client(app, staff):
    return login_client(app, staff)


@pytest.fixture
def admin_client(app, admin):
    return login_client(app, admin)


CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token_from(response) -> str:
    match = CSRF_INPUT.search(response.get_data(as_text=True))
    assert match, "page has no CSRF field"
    return match.group(1)


def count_queries():
    """Context manager counting the SQL statements peewee executes."""
    return QueryCounter()


class QueryCounter:
    """``count``: the statements a page runs each time; ``prepared``: the PREPAREs that plan a
    kept read once per PostgreSQL connection (portal/reads.py), apart so that a page's first
    request counts what its others do."""

    def __enter__(self):
        self.count = 0
        self.prepared = 0
        self._original = peewee.Database.execute_sql
        counter = self

        def counting(db, sql, params=None, *args, **kwargs):
            if sql.startswith("PREPARE "):
                counter.prepared += 1
            else:
                counter.count += 1
            return counter._original(db, sql, params, *args, **kwargs)

        peewee.Database.execute_sql = counting
        return self

    def __exit__(self, *exc):
        peewee.Database.execute_sql = self._original
        return False


# --- a real SMTP server -------------------------------------------------------------


class Mailbox:
    """What the SMTP server received, parsed; `refuse = True` makes it answer 554."""

    def __init__(self):
        self.messages = []
        self.refuse = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "554 Transaction failed"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def run_at_once(target, count: int) -> None:
    """Run target in count threads at the same time and wait (a minute at most) for them."""
    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)


def free_port() -> int:
    """A port nobody listens on (aiosmtpd's Controller needs a concrete one; 0 fails)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    """(mailbox, port) of an aiosmtpd server on 127.0.0.1; point MAIL_SERVER/MAIL_PORT at it
    in the module's `app_config`."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield mailbox, controller.port
    controller.stop()


@pytest.fixture
def mailbox(smtp):
    return smtp[0]


def mail_text(message) -> str:
    """The plain-text body of a received mail."""
    return message.get_body(preferencelist=("plain",)).get_content()


# --- browser tests -----------------------------------------------------------------
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium; CI installs it and must not skip them. Tests of
    races that only a server with concurrent writers shows (postgres_only) run when
    PORTAL_TEST_DATABASE_URL names one (scripts/with-postgres: CI's second suite run)."""
    if not POSTGRES_URL:
        skip_sqlite = pytest.mark.skip(reason="needs PostgreSQL (scripts/with-postgres)")
        for item in items:
            if "postgres_only" in item.keywords:
                item.add_marker(skip_sqlite)
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI=true but no Chromium at {CHROMIUM}: .ci/run must install it")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright cannot download its own browser here; Debian's build works through this path.
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE", "timezone_id": "Europe/Berlin"}


@pytest.fixture
def live_server(app):
    """The app served by a real HTTP server in a thread, for the browser."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    LIVE_APPS[f"http://127.0.0.1:{server.server_port}"] = app  # browser_login reads its clock
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def browser_login(page, live_server, email, password=TEST_PASSWORD):
    page.goto(f"{live_server}/anmelden")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    if page.url.endswith("/anmelden/zwei-faktor-einrichten"):  # staff and admins enrol first
        import pyotp

        from portal import clock

        secret = page.locator("#totp-secret").inner_text()
        with LIVE_APPS[live_server].app_context():
            code = pyotp.TOTP(secret).at(clock.now())  # the app's clock: a test may freeze it
        page.get_by_label("Sechsstelliger Code aus der App").fill(code)
        page.get_by_role("button", name="Einrichten").click()
        page.get_by_role("link", name="Weiter").click()
    page.wait_for_url(f"{live_server}/")


def assert_accessible(page):
    """axe-core (bundled with axe-playwright-python) finds no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, results.generate_report()
