"""What every list page says around its rows: the admin area's heading is the name of its
entry in the area's navigation, and an empty list says so in a sentence, not with an empty
table."""

import re

import pytest
from flask import url_for

# (endpoint of the admin section, its name in the navigation and the page's <h1>)
ADMIN_SECTIONS = [
    ("admin.companies", "Firmen"),
    ("admin.users", "Benutzer"),
    ("admin.tokens", "API-Tokens"),
    ("admin.outbox", "Postausgang"),
    ("privacy.audit_log", "Protokoll"),
]


def _heading(page: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()


@pytest.mark.parametrize(("endpoint", "name"), ADMIN_SECTIONS)
def test_an_admin_list_is_headed_by_its_entry_in_the_navigation(app, admin_client, endpoint, name):
    with app.test_request_context():
        path = url_for(endpoint)
    page = admin_client.get(path).get_data(as_text=True)
    assert _heading(page) == name
    assert re.search(rf'<a href="{re.escape(path)}"[^>]*aria-current="page"[^>]*>{name}</a>', page)
    assert f"<title>{name} – Verwaltung" in page


def test_an_admin_list_is_headed_in_english_too(app, admin_client):
    with app.test_request_context():
        path = url_for("admin.outbox")
    page = admin_client.get(path + "?lang=en").get_data(as_text=True)
    assert _heading(page) == "Outbox"


@pytest.mark.parametrize(
    ("who", "path", "sentence"),
    [
        ("staff_client", "/warteschlange", "Keine offenen Tickets – schön!"),
        ("client_a", "/tickets", "Keine Tickets gefunden."),
        ("admin_client", "/verwaltung/postausgang", "Alle E-Mails sind zugestellt."),
    ],
)
def test_an_empty_list_says_so_instead_of_showing_an_empty_table(request, who, path, sentence):
    page = request.getfixturevalue(who).get(path).get_data(as_text=True)
    assert f"<p>{sentence}</p>" in page
    assert "<table" not in page
