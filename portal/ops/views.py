"""/healthz (the process answers), /readyz (it can serve: database, schema, job store) and
/metrics (Prometheus' text format, for the token or the allowed networks; 404 otherwise)."""

from __future__ import annotations

from flask import Response, abort, current_app, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from portal.db import connect_for_request, takes_own_connection
from portal.jobs import huey_of
from portal.ops import bp
from portal.ops.checks import readiness
from portal.ops.metrics import may_scrape, metrics_of


def _not_cached(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _answer_as_unknown_address():
    """404 exactly as for an address no route matches: the error page links its language
    switch to the current endpoint, and the request count files it under no endpoint."""
    request.url_rule = None
    request.view_args = None
    connect_for_request()  # the 404 page shows the signed-in header as any other
    abort(404)


@bp.get("/healthz")
@takes_own_connection
def healthz():
    """The process lives and answers; touches neither the database nor the job store (a load
    balancer would otherwise restart every instance when the database is away)."""
    return _not_cached(jsonify(status="ok"))


@bp.get("/readyz")
@takes_own_connection
def readyz():
    checks = readiness(huey_of())
    ready = all(check.ok for check in checks)
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {check.name: check.detail for check in checks},
        "failed": [check.name for check in checks if not check.ok],
    }
    response = jsonify(body)
    response.status_code = 200 if ready else 503
    return _not_cached(response)


@bp.get("/metrics")
@takes_own_connection
def metrics():
    app = current_app._get_current_object()
    if not may_scrape(app):
        _answer_as_unknown_address()
    body = generate_latest(metrics_of(app).registry)
    return _not_cached(Response(body, content_type=CONTENT_TYPE_LATEST))
