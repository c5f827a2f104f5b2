"""Parts of a page that update themselves (the staff's start page, the queue): the part as an
HTML fragment with an ETag of its content, 304 while the poll already has it. Plain requests,
so gunicorn's sync workers serve them like any page; static/js/live.js polls."""

from __future__ import annotations

import hashlib

from flask import current_app, make_response, request


def etag_of(html: str) -> str:
    return hashlib.sha1(html.encode(), usedforsecurity=False).hexdigest()


def init_app(app) -> None:
    """``part|etag`` in templates (cockpit/live.html's live_region)."""
    app.add_template_filter(etag_of, "etag")


def fragment_response(html: str):
    """``html`` with an ETag of its content; 304 when the poll already has it."""
    response = make_response(html)
    response.set_etag(etag_of(html))
    response.headers["Cache-Control"] = "no-cache, private"
    return response.make_conditional(request)


def poll_seconds() -> int:
    """Seconds between two polls (LIVE_POLL_SECONDS; the browser tests poll every second)."""
    return int(current_app.config["LIVE_POLL_SECONDS"])
