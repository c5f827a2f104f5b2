"""Monthly SLA reports: HTML for staff (any company) and for customers of a contract company
(their own), the same template as PDF (WeasyPrint, local files only) and as CSV."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/sla-bericht")

from portal.reports import views  # noqa: E402, F401
