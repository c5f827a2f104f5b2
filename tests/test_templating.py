"""portal.templating: what a template writes is escaped exactly as markupsafe escapes it."""

from __future__ import annotations

import jinja2
import pytest
from flask_babel import lazy_gettext
from markupsafe import Markup, escape

from portal import templating
from portal.templating import PortalContext, escape_output
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


# --- calls from a template: PortalContext against Jinja's own Context ------------------------


def _plain(value="-"):
    return f"plain:{value}"


@jinja2.pass_context
def _with_context(context, name):
    return f"context:{context.get(name)}"


@jinja2.pass_eval_context
def _with_eval_context(eval_context):
    return f"eval:{eval_context.autoescape}"


@jinja2.pass_environment
def _with_environment(environment):
    return f"environment:{type(environment).__name__ == 'PortalEnvironment' or 'jinja'}"


def _stops():
    raise StopIteration


class _Holder:
    @jinja2.pass_context
    def method(self, context, name):
        return f"method:{context.get(name)}"

    def plain(self, value):
        return f"bound:{value}"


class _CallableWithContext:
    @jinja2.pass_context
    def __call__(self, context, name):
        return f"callable:{context.get(name)}"


CALLS = """
{{- plain() }} {{ plain("a") }} {{ plain(value="b") }}
{{ with_context("x") }} {{ with_eval_context() }} {{ with_environment() }}
[{{ stops() }}] {{ holder.method("x") }} {{ holder.plain(1) }} {{ callable("x") }}
{{ lookup.get("k") }} {% set x = "set" %}{{ with_context("x") }}
{% for y in ["loop1", "loop2"] %}{% set s = y %}
{{- with_context("s") }} {{ holder.method("s") }} {{ plain(y) }} {% endfor %}
{% macro show(v) %}<{{ plain(v) }}{{ caller() if caller }}>{% endmacro %}
{{ show("m") }} {% call show("c") %}{{ with_context("x") }}{% endcall %}
{% block inner %}{% set z = "block" %}{{ with_context("z") }}{% endblock %}
{% with w = "with" %}{{ with_context("w") }}{% endwith %}
"""


@pytest.mark.parametrize("autoescape", [True, False])
def test_template_calls_give_what_jinjas_own_context_gives(app, autoescape):
    """Every kind of callable, in loops, blocks, macros and with caller: the same page."""
    names = dict(
        plain=_plain,
        with_context=_with_context,
        with_eval_context=_with_eval_context,
        with_environment=_with_environment,
        stops=_stops,
        holder=_Holder(),
        callable=_CallableWithContext(),
        lookup={"k": "<v>"},
        x="outer",
    )
    portal_env = app.jinja_env.overlay(autoescape=autoescape)
    assert portal_env.context_class is PortalContext
    jinja_env = jinja2.Environment(autoescape=autoescape)
    assert jinja_env.context_class is jinja2.runtime.Context
    ours = portal_env.from_string(CALLS).render(names)
    theirs = jinja_env.from_string(CALLS).render(names)
    assert ours.replace("environment:True", "environment:jinja") == theirs
    # what a loop or a block sets reaches the functions that want the context
    assert "context:loop2 method:loop2 plain:loop2" in ours
    assert "context:block" in ours and "<plain:ccontext:set>" in ours


def test_the_pass_context_mark_is_what_jinja_reads(app):
    """The fast path knows a function wants the context by the attribute Jinja's own call
    reads: an upgrade that renames it fails here (and in the comparison above)."""
    from jinja2.utils import _PassArg  # Jinja's private enum, read only by this test

    marked = jinja2.pass_context(lambda context: None)
    assert _PassArg.from_obj(marked) is _PassArg.context
    assert getattr(marked, templating._PASS_ARG) is templating._WANTS_CONTEXT
    assert _PassArg.from_obj(_plain) is None and not hasattr(_plain, templating._PASS_ARG)
