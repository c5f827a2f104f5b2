"""Property test: hostile text in every form field and every API field, as each role.

The forms are found on the pages themselves (every <form> with its fields, defaults filled
in), so a new field is covered without touching this test. Each field receives generated
text (lone surrogates, NUL, control and bidi characters, invisible-only and 100 000-character
strings); the portal must never answer 5xx, and a refusal (4xx) must leave the stored data
exactly as it was. Bounded: a few examples per field, the whole test well under a minute.
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from portal.db import database
from portal.text import MULTILINE_CONTROL_CHARACTERS, SURROGATES
from tests.changes_support import NEW_EMPLOYEE, announce, fixed_today  # noqa: F401
from tests.conftest import login_client, make_user
from tests.ticket_factory import make_ticket

HOSTILE_CHARACTERS = st.sampled_from(
    [
        "\ud800",
        "\udfff",
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\x85",
        "\u2028",
        "\u202e",
        "\u2066",
        "\u200b",
        "\ufeff",
        "\u00ad",
        "\n",
        "\r",
        "\t",
        "a",
        "ß",
        "😀",
        " ",
        "<",
        "'",
        "%",
    ]
)
HOSTILE_TEXT = st.one_of(
    st.text(HOSTILE_CHARACTERS, max_size=12),
    st.text(max_size=12),  # anything Unicode has, surrogates included
)
EXAMPLES = ["\ud800", "a\x00b", "\u200b\u202e\ufeff", "x" * 100_000, "Zeile\nZeile"]
# Tables whose writes are bookkeeping, not the user's data: sessions seen, sign-in counters.
BOOKKEEPING = {"user_session", "login_throttle", "login_attempt", "schema_version", "api_token"}
# The outbox's delivery state changes on its own (the worker's attempts): only which mails exist.
COLUMNS = {"outbox_mail": "id, recipient, subject"}
SKIPPED_FIELDS = {"csrf_token"}


def stored_state() -> str:
    """A fingerprint of every table's rows (bookkeeping aside); fails if any stored text has
    a surrogate, NUL or a control character other than a line break or tab."""
    digest = []
    for table in sorted(set(database.get_tables()) - BOOKKEEPING):
        columns = COLUMNS.get(table, "*")
        rows = database.execute_sql(f'SELECT {columns} FROM "{table}"').fetchall()
        rows = sorted(rows, key=repr)
        for row in rows:
            for value in row:
                if isinstance(value, str) and text_problem_kept(value):
                    raise AssertionError(f"stored in {table}: {value[:60]!r}")
        text = repr(rows).encode("utf-8", "surrogatepass")
        digest.append(f"{table}:{hashlib.sha256(text).hexdigest()[:16]}")
    return " ".join(digest)


def text_problem_kept(value: str) -> bool:
    return bool(SURROGATES.search(value) or MULTILINE_CONTROL_CHARACTERS.search(value))


class FormFinder(HTMLParser):
    """The forms of a page: action, method and the default value of each named field."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action", ""),
                    "method": attrs.get("method", "get"),
                    "fields": {},
                }
            )
        elif self.forms and tag in ("input", "textarea", "select") and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("submit", "file") or (
                kind in ("checkbox", "radio") and "checked" not in attrs
            ):
                if kind not in ("checkbox", "radio"):
                    return
                self.forms[-1]["fields"].setdefault(attrs["name"], None)
                return
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")
        elif self.forms and tag == "option" and "selected" in attrs:
            pass


def forms_on(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    finder = FormFinder()
    finder.feed(response.get_data(as_text=True))
    for form in finder.forms:
        form["action"] = form["action"] or url
    return [f for f in finder.forms if f["action"] not in ("/abmelden",)]


def submit_form(client, form: dict, name: str, text: str):
    values = {k: ("" if v is None else v) for k, v in form["fields"].items()}
    values[name] = text
    if form["method"].lower() == "get":
        query = urllib.parse.urlencode(values, encoding="utf-8", errors="surrogatepass")
        return client.get(f"{form['action']}?{query}")
    body = urllib.parse.urlencode(values, encoding="utf-8", errors="surrogatepass")
    return client.post(form["action"], data=body, content_type="application/x-www-form-urlencoded")


def send_json(client, method: str, url: str, body: dict):
    return client.open(url, method=method, data=json.dumps(body), content_type="application/json")


def check_every(targets, send) -> int:
    """Run the property for each target; returns how many requests were made."""
    sent = [0]

    def property_for(target):

        @settings(
            max_examples=3,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(text=HOSTILE_TEXT)
        @example(text=EXAMPLES[0])
        @example(text=EXAMPLES[1])
        @example(text=EXAMPLES[2])
        @example(text=EXAMPLES[3])
        @example(text=EXAMPLES[4])
        def property_holds(text):
            before = stored_state()
            response = send(target, text)
            sent[0] += 1
            after = stored_state()  # also: nothing forbidden was stored
            assert response.status_code < 500, (target, repr(text[:40]), response.status_code)
            if response.status_code >= 400:
                assert after == before, (target, repr(text[:40]), "stored on refusal")

        return property_holds

    for target in targets:
        property_for(target)()
    return sent[0]


@pytest.fixture
def world(app, customer_a, customer_b, company_b, staff, admin, company_a, fixed_today):  # noqa: F811
    ticket = make_ticket(app, customer_a)
    change = announce(app, customer_a)
    # a company that keeps tickets apart: its ticket page offers the share form
    company_b.colleagues_see_all = False
    company_b.save()
    make_user(app, "berta@beta.example", "Berta Beta", "customer", company_b)
    kept_apart = make_ticket(app, customer_b)
    return {"ticket": ticket, "change": change, "kept_apart": kept_apart}


def pages_by_role(world, customer_a, admin, company_a):
    number, change = world["ticket"].number, world["change"].id
    return {
        "anonymous": ["/anmelden"],
        "customer": [
            "/tickets/neu",
            f"/tickets/{number}",
            "/tickets",
            "/konto",
            "/aenderungen/neu/new_employee",
            "/aenderungen/neu/other",
            f"/aenderungen/{change}",
        ],
        "customer_apart": [f"/tickets/{world['kept_apart'].number}"],
        "staff": [f"/tickets/{number}", "/tickets", f"/aenderungen/{change}"],
        "admin": [
            "/verwaltung/benutzer/neu",
            f"/verwaltung/benutzer/{customer_a.id}",
            "/verwaltung/benutzer",
            "/verwaltung/firmen/neu",
            f"/verwaltung/firmen/{company_a.id}",
            "/verwaltung/",
            "/verwaltung/tokens",
            f"/verwaltung/benutzer/{customer_a.id}/loeschen",
            "/verwaltung/protokoll",
        ],
    }


def test_hostile_text_in_every_form_field_never_answers_5xx_or_stores_a_refusal(
    app, world, customer_a, customer_b, staff, admin, company_a
):
    clients = {
        "anonymous": app.test_client(),
        "customer": login_client(app, customer_a),
        "customer_apart": login_client(app, customer_b),
        "staff": login_client(app, staff),
        "admin": login_client(app, admin),
    }
    targets = []
    for role, urls in pages_by_role(world, customer_a, admin, company_a).items():
        for url in urls:
            for form in forms_on(clients[role], url):
                for name in form["fields"]:
                    if name not in SKIPPED_FIELDS:
                        targets.append((role, form, name))
    assert len(targets) >= 60  # every page above has its forms found
    assert any(form["action"].endswith("/teilen") for _role, form, _name in targets)

    def send(target, text):
        role, form, name = target
        return submit_form(clients[role], form, name, text)

    sent = check_every(targets, send)
    print(f"{len(targets)} fields, {sent} requests")
    assert sent >= 8 * len(targets)


def test_hostile_text_in_every_api_field_never_answers_5xx_or_stores_a_refusal(
    app, world, customer_a, staff
):
    number, change = world["ticket"].number, world["change"].id
    customer, staff_client = login_client(app, customer_a), login_client(app, staff)
    new_ticket = {"title": "T", "description": "D", "priority": "normal", "affected": "one"}
    details = dict(NEW_EMPLOYEE)
    new_change = {"kind": "new_employee", "details": details, "wished_date": "2026-12-09"}
    api = [
        (customer, "POST", "/api/v1/tickets", new_ticket, [*new_ticket, "callback_phone"]),
        (customer, "POST", f"/api/v1/tickets/{number}/messages", {"body": "x"}, ["body"]),
        (customer, "PATCH", "/api/v1/me", {"preferred_language": "de"}, ["preferred_language"]),
        (customer, "POST", "/api/v1/classify", {"text": "x"}, ["text"]),
        (customer, "POST", f"/api/v1/tickets/{number}/shares", {"email": "x"}, ["email"]),
        (customer, "POST", "/api/v1/changes", new_change, ["kind", "wished_date"]),
        *[
            (customer, "POST", "/api/v1/changes", new_change, [f"details.{name}"])
            for name in details
        ],
        (
            staff_client,
            "POST",
            "/api/v1/tickets",
            {**new_ticket, "company": "K-00001"},
            ["company", "contact", "reported_at"],
        ),
        (
            staff_client,
            "PATCH",
            f"/api/v1/tickets/{number}",
            {"priority": "low", "reason": "r"},
            ["reason", "assignee", "status", "urgent_reason", "deadline"],
        ),
        (
            staff_client,
            "PATCH",
            f"/api/v1/changes/{change}",
            {"state": "declined"},
            ["state", "decline_reason", "technician", "scheduled_start"],
        ),
        (staff_client, "GET", "/api/v1/tickets", {}, ["q", "status", "assignee"]),
    ]
    targets = [
        (client, method, url, body, field)
        for client, method, url, body, fields in api
        for field in fields
    ]

    def send(target, text):
        client, method, url, body, field = target
        if method == "GET":
            query = urllib.parse.urlencode({field: text}, encoding="utf-8", errors="surrogatepass")
            return client.get(f"{url}?{query}")
        body = json.loads(json.dumps(body))
        if field.startswith("details."):
            body["details"][field.split(".", 1)[1]] = text
        else:
            body[field] = text
        return send_json(client, method, url, body)

    sent = check_every(targets, send)
    print(f"{len(targets)} fields, {sent} requests")
    assert sent >= 8 * len(targets)
