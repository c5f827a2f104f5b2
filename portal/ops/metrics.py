"""Prometheus metrics: the requests each process counts (per Flask endpoint, so that the
number of series stays bounded whatever paths clients try), the figures read from the
database and the job store at scrape time (collector.py), and who may scrape them.

Under gunicorn with several workers set PROMETHEUS_MULTIPROC_DIR (before the workers start,
emptied at each start: deploy/gunicorn.conf.py does it): every worker then writes its counts
to files there and a scrape of any worker sums them all (prometheus_client's multi-process
mode). Without it the counts live in the process.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time

from flask import Flask, g, request
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    multiprocess,
)

from portal.ops.collector import PortalCollector

EXTENSION_KEY = "portal.ops"
# Seconds: a page takes milliseconds; the upper buckets catch the slow ones.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "none"  # the endpoint of a request no route matched (a 404)
NOT_COUNTED = frozenset({"ops.healthz", "ops.readyz", "ops.metrics"})


class Metrics:
    """One app's registry: its request counters and the scrape-time collector."""

    def __init__(self, app: Flask):
        # The *_created series (when a series began) double the output; nothing reads them.
        disable_created_metrics()
        self.registry = CollectorRegistry()
        multi = multiprocess_mode()
        if multi:  # the counts are in the workers' files, which this collector reads
            multiprocess.MultiProcessCollector(self.registry)
        own = None if multi else self.registry
        self.requests = Counter(
            "portal_http_requests",
            "HTTP requests answered, by Flask endpoint, method and status code",
            ["endpoint", "method", "status"],
            registry=own,
        )
        self.duration = Histogram(
            "portal_http_request_duration_seconds",
            "Time from the request's start to its response, by Flask endpoint and method",
            ["endpoint", "method"],
            buckets=LATENCY_BUCKETS,
            registry=own,
        )
        self.registry.register(PortalCollector(app))
        self.networks = parse_networks(app.config.get("METRICS_NETWORKS") or ())

    def observe(self, endpoint: str, method: str, status: int, seconds: float) -> None:
        method = method if method in METHODS else "other"
        self.requests.labels(endpoint, method, str(status)).inc()
        self.duration.labels(endpoint, method).observe(seconds)


def multiprocess_mode() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


def parse_networks(value) -> tuple:
    """METRICS_NETWORKS as networks: a list, or one string of comma-separated networks (a bad
    entry stops the start, as any wrong setting should)."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    return tuple(ipaddress.ip_network(str(part).strip(), strict=False) for part in value)


def metrics_of(app: Flask) -> Metrics:
    return app.extensions[EXTENSION_KEY]


def init_app(app: Flask) -> None:
    """Call before the other extensions: the clock starts before their hooks run."""
    metrics = app.extensions[EXTENSION_KEY] = Metrics(app)

    @app.before_request
    def _start_clock():
        g.request_started = time.perf_counter()

    @app.after_request
    def _count(response):
        started = g.pop("request_started", None)
        endpoint = request.endpoint or UNMATCHED
        if started is not None and endpoint not in NOT_COUNTED:
            seconds = time.perf_counter() - started
            metrics.observe(endpoint, request.method, response.status_code, seconds)
        return response


def may_scrape(app: Flask) -> bool:
    """The configured bearer token, or an address in METRICS_NETWORKS."""
    if _bearer_token_matches(app.config.get("METRICS_TOKEN")):
        return True
    if request.headers.get("X-Forwarded-For") and not app.config.get("PROXY_COUNT"):
        # A proxy we were not told of: the address we see is the proxy's, not the client's.
        return False
    address = _address(request.remote_addr)
    return address is not None and any(address in net for net in metrics_of(app).networks)


def _bearer_token_matches(token) -> bool:
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme.lower() != "bearer" or not given.strip():
        return False
    return hmac.compare_digest(given.strip().encode(), str(token).encode())


def _address(text: str | None):
    try:
        address = ipaddress.ip_address(text or "")
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1 from a dual-stack socket
    return mapped or address
