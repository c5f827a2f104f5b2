"""Operations: the load balancer's probes (/healthz, /readyz) and Prometheus' /metrics, with
the request counters it reports. No sign-in, no session, no CSRF, not counted themselves."""

from flask import Blueprint

bp = Blueprint("ops", __name__)

from portal.ops import views  # noqa: E402, F401
from portal.ops.metrics import init_app  # noqa: E402, F401
