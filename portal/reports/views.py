"""The monthly SLA report pages: staff see any company's and the provider-wide overview,
customers of a contract company and a company's contacts their own (portal.access,
may_read_sla_report); any other company's report is 404."""

from __future__ import annotations

import csv
import datetime as dt
import io

from flask import Response, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from portal import clock
from portal.access import companies_visible_to, get_or_404, may_read_sla_report, staff_required
from portal.models import Company
from portal.reports import bp, service
from portal.sla.report import MonthReport, previous_months
from portal.sla.targets import RESOLUTION, RESPONSE
from portal.tickets.labels import PRIORITY_LABELS, SOURCE_LABELS

FIRST_MONTH = dt.date(2000, 1, 1)


def _last_month() -> dt.date:
    today = clock.local_today()
    return previous_months(dt.date(today.year, today.month, 1), 2)[0]


def _month_or_404(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12 or not FIRST_MONTH.year <= year <= 9999:
        abort(404)
    chosen = dt.date(year, month, 1)
    today = clock.local_today()
    if chosen > dt.date(today.year, today.month, 1):
        abort(404)  # a month that has not begun has no report
    return chosen


def _company_or_404(company_id: int) -> Company:
    company = get_or_404(companies_visible_to(current_user).where(Company.id == company_id))
    if not may_read_sla_report(current_user, company):
        abort(404)
    return company


@bp.route("/")
@login_required
def index():
    last = _last_month()
    if not current_user.is_staff:
        company = _company_or_404(current_user.company_id or 0)
        return redirect(url_for(".month", company_id=company.id, year=last.year, month=last.month))
    companies = Company.select().order_by(Company.name)
    return render_template("reports/index.html", companies=companies, last=last)


def _render(company: Company | None, report: MonthReport, pdf: bool = False) -> str:
    months = previous_months(report.month, 13)
    return render_template(
        "reports/sla_month.html",
        company=company,
        report=report,
        pdf=pdf,
        months=months[:-1][::-1],
        RESPONSE=RESPONSE,
        RESOLUTION=RESOLUTION,
        class_labels=PRIORITY_LABELS,
        source_labels=SOURCE_LABELS,
    )


@bp.route("/<int:company_id>/<int:year>/<int:month>")
@login_required
def month(company_id: int, year: int, month: int):
    company = _company_or_404(company_id)
    chosen = _month_or_404(year, month)
    return _render(company, service.build_report(company.id, chosen))


@bp.route("/<int:company_id>/<int:year>/<int:month>.pdf")
@login_required
def month_pdf(company_id: int, year: int, month: int):
    company = _company_or_404(company_id)
    chosen = _month_or_404(year, month)
    # WeasyPrint (27 MiB once imported) is loaded by the first PDF, not by every worker
    from portal.reports.pdf import html_to_pdf

    pdf = html_to_pdf(_render(company, service.build_report(company.id, chosen), pdf=True))
    return _download(pdf, "application/pdf", _filename(company, chosen, "pdf"))


@bp.route("/<int:company_id>/<int:year>/<int:month>.csv")
@login_required
def month_csv(company_id: int, year: int, month: int):
    company = _company_or_404(company_id)
    chosen = _month_or_404(year, month)
    text = report_csv(service.build_report(company.id, chosen))
    return _download(
        text.encode("utf-8-sig"), "text/csv; charset=utf-8", _filename(company, chosen, "csv")
    )


@bp.route("/alle/<int:year>/<int:month>")
@staff_required
def overview(year: int, month: int):
    chosen = _month_or_404(year, month)
    return _render(None, service.build_report(None, chosen))


def _filename(company: Company, month: dt.date, extension: str) -> str:
    return f"sla-bericht-{company.customer_number}-{month:%Y-%m}.{extension}"


def _download(body: bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_csv(report: MonthReport) -> str:
    """One figure a line: section;figure;value;tickets (numbers separated by spaces)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow([_("Bereich"), _("Kennzahl"), _("Wert"), _("Tickets")])
    writer.writerow(["tickets", "total", report.tickets, ""])
    for priority, count in report.by_class.items():
        writer.writerow(["class", priority, count, ""])
    for source, count in report.by_source.items():
        writer.writerow(["source", source, count, ""])
    for kind, figures in report.targets.items():
        percent = figures.met_percent
        writer.writerow([kind, "met_percent", "" if percent is None else f"{percent:.1f}", ""])
        for name in ("met", "missed", "open"):
            numbers = getattr(figures, name)
            writer.writerow([kind, name, len(numbers), " ".join(numbers)])
        for name in ("median_hours", "p90_hours"):
            value = getattr(figures, name)
            writer.writerow([kind, name, "" if value is None else f"{value:.2f}", ""])
    writer.writerow(["paused", "service_hours", f"{report.paused_hours:.2f}", ""])
    for breach in report.breaches:
        writer.writerow(["breach", breach.target, breach.due_at.isoformat(), breach.number])
    writer.writerow(["changes", "done", report.changes_done, ""])
    for point in report.trend:
        for name in ("tickets", "response_percent", "resolution_percent"):
            value = getattr(point, name)
            shown = "" if value is None else (value if name == "tickets" else f"{value:.1f}")
            writer.writerow(["trend", f"{point.month:%Y-%m} {name}", shown, ""])
    return out.getvalue()
