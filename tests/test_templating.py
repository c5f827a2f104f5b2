"""portal.templating: what a template writes is escaped exactly as markupsafe escapes it."""

from __future__ import annotations

import pytest
from flask_babel import lazy_gettext
from markupsafe import Markup, escape

from portal.templating import escape_output
from tests.ticket_factory import make_ticket


class Html:
    def __html__(self):
        return "<b>fett</b>"


class Text(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert('x')</script> & \"Co\"",
        "",
        "Störung – Drucker",
        Markup("<em>schon sicher</em> &amp;"),
        Text("<i>Unterklasse</i>"),
        Html(),
        42,
        1.5,
        None,
        False,
        ["<a>"],
    ],
)
def test_output_escape_gives_markupsafes_text(value):
    assert escape_output(value) == str(escape(value))


def test_lazy_strings_are_escaped_like_markupsafe(app):
    with app.test_request_context():
        label = lazy_gettext("Meine Tickets")
        assert escape_output(label) == str(escape(label)) == "Meine Tickets"


def test_templates_compile_to_the_output_escape(app):
    """The canary for the code generator: a Jinja upgrade that renames the hook it overrides
    fails here (the pages would still be right, only slower)."""
    env = app.jinja_env
    source = env.compile("{{ value }}", name="probe.html", raw=True)
    assert "environment.escape_output(" in source
    assert "escape(" not in source.replace("escape_output(", "")


def test_rendered_values_are_escaped_and_markup_is_kept(app):
    env = app.jinja_env
    template = env.from_string(
        "{{ text }}|{{ safe }}|{{ number }}|{{ text|safe }}|{{ none }}"
        "|{% autoescape false %}{{ text }}{% endautoescape %}"
    )
    with app.test_request_context():
        assert template.render(text="<b>&", safe=Markup("<i>"), number=7, none=None) == (
            "&lt;b&gt;&amp;|<i>|7|<b>&|None|<b>&"
        )


def test_a_ticket_title_with_markup_is_shown_as_text(app, customer_a, client_a, staff_client):
    title = "<script>alert('x')</script> & \"Co\""
    ticket = make_ticket(app, customer_a, title=title)
    shown = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;Co&#34;"
    for client, path in (
        (staff_client, "/warteschlange"),
        (client_a, "/tickets"),
        (client_a, f"/tickets/{ticket.number}"),
    ):
        page = client.get(path).get_data(as_text=True)
        assert shown in page, path
        assert "<script>alert" not in page, path


def test_a_templates_globals_are_the_environments_and_its_own(app):
    env = app.jinja_env
    with app.test_request_context():
        page = env.get_template("base.html")
        assert type(page.globals) is dict
        assert page.globals == dict(env.globals)
        assert page.globals["url_for"] == app.url_for
        own = env.from_string("{{ greeting }}, {{ csrf_token is defined }}", {"greeting": "Hallo"})
        assert own.render() == "Hallo, True"
        assert "greeting" not in env.globals  # a template's own globals stay its own
        # an imported macro sees the globals too (Jinja compares their keys on import)
        importing = env.from_string(
            '{% from "macros.html" import submit_or_cancel %}{{ submit_or_cancel("Los", "/x") }}'
        )
        assert 'href="/x"' in importing.render()
