"""The SLA page: hotline, classes with the SLA page's examples, queue, targets, urgency."""

from flask import render_template

from portal.sla.calendar import EXTENDED, SERVICE
from portal.sla_page import bp, service


@bp.route("/service-vereinbarung")
def page():
    contract = service.current_contract()
    return render_template(
        "sla/page.html",
        classes=service.sla_classes(),
        target_rows=service.target_table(contract),
        contract=contract,
        service_hours=service.hours_lines(SERVICE),
        extended_hours=service.hours_lines(EXTENDED),
        service_closed_on_holidays=service.holidays_close(SERVICE),
        extended_closed_on_holidays=service.holidays_close(EXTENDED),
        contract_labels=service.CONTRACT_LABELS,
        priority_labels=service.PRIORITY_LABELS,
    )
