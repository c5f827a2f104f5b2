"""Blueprint `sla`: the SLA page and the hotline box shown on every page."""

from flask import Blueprint

from portal.sla_page import service

bp = Blueprint("sla", __name__)


@bp.app_context_processor
def _hotline():
    return service.hotline_box()


@bp.app_template_filter("response_target")
def _response_target(target) -> str:
    return service.target_text(target)


from portal.sla_page import views  # noqa: E402, F401
