"""portal.application: URLs kept by the Portal app are the URLs Flask builds."""

from __future__ import annotations

import pytest
from flask import Flask, url_for
from werkzeug.routing import BuildError

from portal import application
from portal.navigation import NAVIGATION


def _flask_url(app, endpoint, **values):
    return Flask.url_for(app, endpoint, **values)


def test_kept_urls_are_flasks_own(app):
    calls = [
        *((endpoint, {}) for endpoint, _, _ in NAVIGATION),
        ("static", {"filename": "css/portal.css"}),
        ("tickets.view", {"number": "T-2026-00042"}),
        ("tickets.view", {"number": ""}),
        ("tickets.queue", {"company": "Müller & Söhne", "page": 2}),
        ("tickets.queue", {"page": 3}),
    ]
    with app.test_request_context():
        for endpoint, values in calls:
            for _ in range(2):  # built, then kept
                assert url_for(endpoint, **values) == _flask_url(app, endpoint, **values)
        assert ("static", "/", "", ("filename", "css/portal.css")) in app.kept_urls


def test_a_script_root_is_part_of_the_key(app):
    with app.test_request_context():
        assert url_for("tickets.queue") == "/warteschlange"
    with app.test_request_context(base_url="http://localhost/portal"):
        assert url_for("tickets.queue") == "/portal/warteschlange"
    with app.test_request_context():
        assert url_for("tickets.queue") == "/warteschlange"


def test_options_and_other_values_are_flasks_alone(app):
    with app.test_request_context(base_url="https://portal.example"):
        assert url_for("tickets.queue", _external=True) == "https://portal.example/warteschlange"
        assert url_for("tickets.queue", _anchor="liste") == "/warteschlange#liste"
        # True and 1 are equal keys in a dict, but not the same URL
        assert url_for("tickets.queue", overdue=True) == "/warteschlange?overdue=True"
        assert url_for("tickets.queue", overdue=1) == "/warteschlange?overdue=1"
        assert url_for("tickets.queue", overdue=True) == "/warteschlange?overdue=True"
        with pytest.raises(BuildError):
            url_for("tickets.nowhere")
    assert all(not url.startswith("http") for url in app.kept_urls.values())


def test_outside_a_request_the_url_is_external_as_in_flask(app):
    app.config["SERVER_NAME"] = "portal.example"
    with app.app_context():
        assert url_for("tickets.queue") == "http://portal.example/warteschlange"
    assert app.kept_urls == {}


def test_url_defaults_are_applied(app):
    with app.test_request_context():
        assert url_for("tickets.queue") == "/warteschlange"
    app.url_default_functions.setdefault(None, []).append(
        lambda endpoint, values: values.setdefault("lang", "en")
    )
    with app.test_request_context():
        assert url_for("tickets.queue") == "/warteschlange?lang=en"


def test_the_kept_urls_are_bounded(app, monkeypatch):
    monkeypatch.setattr(application, "MAX_KEPT_URLS", 5)
    with app.test_request_context():
        for number in range(12):
            assert url_for("tickets.view", number=f"T-2026-{number:05d}") == (
                f"/tickets/T-2026-{number:05d}"
            )
    assert 1 <= len(app.kept_urls) <= 5


def test_functions_run_as_flask_runs_them_and_are_asked_once(app):
    def hook():
        return "sync"

    async def coroutine():
        return "async"

    assert app.ensure_sync(hook) is hook is Flask.ensure_sync(app, hook)
    assert app.ensure_sync(hook) is hook and hook in app.kept_sync
    # an async function gets Flask's own answer: without asgiref (flask[async]) its error
    with pytest.raises(RuntimeError) as ours:
        app.ensure_sync(coroutine)
    with pytest.raises(RuntimeError) as flasks:
        Flask.ensure_sync(app, coroutine)
    assert str(ours.value) == str(flasks.value)


def test_an_after_this_request_function_runs_and_the_kept_functions_are_bounded(app, monkeypatch):
    monkeypatch.setattr(application, "MAX_KEPT_FUNCTIONS", 5)
    ran = []

    @app.route("/_probe")
    def probe():
        from flask import after_this_request

        @after_this_request
        def mark(response):
            ran.append(response.status_code)
            response.headers["X-Probe"] = "1"
            return response

        return "ok"

    client = app.test_client()
    for _ in range(12):
        assert client.get("/_probe").headers["X-Probe"] == "1"
    assert ran == [200] * 12
    assert 1 <= len(app.kept_sync) <= 5
