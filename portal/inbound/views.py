"""The staff "Posteingang": incoming mails the import could not place, and what became of the
others. Thin views: parse, call portal.inbound.service, render."""

from __future__ import annotations

from typing import NamedTuple

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.access import staff_required
from portal.inbound import service
from portal.inbound.forms import AssignTicketForm, DiscardForm, NewTicketForm
from portal.inbound.models import InboundMail
from portal.models import Company
from portal.paging import paginate, whole_number
from portal.tickets import filestore
from portal.tickets.rules import TicketError

bp = Blueprint("inbound", __name__, url_prefix="/posteingang")


class View(NamedTuple):
    """A view of the list (?ansicht=…): its label and the states it shows."""

    label: str
    states: tuple[str, ...]


VIEWS = {
    "offen": View(_l("Zu prüfen"), ("pending",)),
    "automatisch": View(_l("Automatische Antworten"), ("automatic",)),
    "erledigt": View(_l("Erledigt"), ("imported", "assigned", "discarded")),
}
REASON_LABELS = {
    "reply": _l("Antwort auf ein Ticket"),
    "reopened": _l("Antwort hat das Ticket wieder geöffnet"),
    "new_ticket": _l("Neues Ticket"),
    "ticket": _l("Einem Ticket zugeordnet"),
    "unknown_sender": _l("Unbekannter Absender"),
    "staff_sender": _l("Absender ist ein Mitarbeiter"),
    "not_visible": _l("Ticketnummer gehört nicht zum Absender"),
    "closed": _l("Ticket ist abgeschlossen"),
    "reply_other": _l("Antwort auf eine andere E-Mail des Portals"),
    "unreadable": _l("E-Mail nicht vollständig lesbar"),
    "rate_limited": _l("Zu viele neue Tickets in einer Stunde"),
    "failed": _l("Import fehlgeschlagen"),
}
PROBLEM_LABELS = {
    "unreadable": _l("nicht lesbar"),
    "mime": _l("fehlerhafter MIME-Aufbau"),
    "charset": _l("unbekannter Zeichensatz"),
    "headers": _l("fehlerhafte Kopfzeilen"),
    "too_large": _l("zu groß"),
}
DEFAULT_PAGE_SIZE = 50


def _mail_or_404(mail_id: int) -> InboundMail:
    return InboundMail.get_or_none(InboundMail.id == mail_id) or abort(404)


@bp.app_context_processor
def _labels():
    return {"INBOUND_REASONS": REASON_LABELS, "INBOUND_PROBLEMS": PROBLEM_LABELS}


@bp.route("")
@staff_required
def index():
    view = request.args.get("ansicht", "offen")
    if view not in VIEWS:
        view = "offen"
    query = (
        InboundMail.select()
        .where(InboundMail.state.in_(VIEWS[view].states))
        .order_by(InboundMail.received_at.desc(), InboundMail.id.desc())
    )
    number = whole_number(request.args.get("seite", "1")) or 1
    page = paginate(query, number, current_app.config.get("INBOUND_PAGE_SIZE", DEFAULT_PAGE_SIZE))
    labels = {key: shown.label for key, shown in VIEWS.items()}
    return render_template("inbound/index.html", page=page, view=view, view_labels=labels)


def _render_mail(row: InboundMail, assign=None, new=None, status=200):
    companies = Company.select().order_by(Company.name)
    new = new or NewTicketForm(formdata=None, company=row.company_id or 0)
    return (
        render_template(
            "inbound/detail.html",
            mail=row,
            assign_form=assign or AssignTicketForm(formdata=None),
            new_form=new.for_companies(companies),
            discard_form=DiscardForm(formdata=None),
            actionable=row.state in service.ACTIONABLE,
        ),
        status,
    )


@bp.route("/<int:mail_id>")
@staff_required
def detail(mail_id: int):
    return _render_mail(_mail_or_404(mail_id))


@bp.route("/<int:mail_id>/original.eml")
@staff_required
def original(mail_id: int):
    row = _mail_or_404(mail_id)
    stored = filestore.find(row.raw_key)
    if stored is None:
        abort(404)
    return filestore.download(stored, "message/rfc822", f"e-mail-{row.id}.eml")


def _done(ticket=None, message=""):
    flash(message, "success")
    if ticket is not None:
        return redirect(url_for("tickets.view", number=ticket.number))
    return redirect(url_for("inbound.index"))


@bp.route("/<int:mail_id>/ticket", methods=["POST"])
@staff_required
def assign(mail_id: int):
    row = _mail_or_404(mail_id)
    form = AssignTicketForm()
    if not form.validate_on_submit():
        return _render_mail(row, assign=form, status=422)
    try:
        ticket = service.assign_to_ticket(row, current_user, form.number.data)
    except service.InboundError as error:
        form.number.errors = [str(error)]
        return _render_mail(row, assign=form, status=422)
    return _done(
        ticket, _("Die E-Mail wurde dem Ticket %(number)s zugeordnet.", number=ticket.number)
    )


@bp.route("/<int:mail_id>/neues-ticket", methods=["POST"])
@staff_required
def new_ticket(mail_id: int):
    row = _mail_or_404(mail_id)
    form = NewTicketForm().for_companies(Company.select().order_by(Company.name))
    if not form.validate_on_submit():
        return _render_mail(row, new=form, status=422)
    company = Company.get_by_id(form.company.data)
    try:
        ticket = service.open_ticket_for(row, current_user, company)
    except (service.InboundError, TicketError) as error:
        form.company.errors = [
            str(error)
            if isinstance(error, service.InboundError)
            else "; ".join(error.fields.values())
        ]
        return _render_mail(row, new=form, status=422)
    return _done(ticket, _("Aus der E-Mail wurde das Ticket %(number)s.", number=ticket.number))


@bp.route("/<int:mail_id>/verwerfen", methods=["POST"])
@staff_required
def discard(mail_id: int):
    row = _mail_or_404(mail_id)
    if not DiscardForm().validate_on_submit():
        abort(400)
    try:
        service.discard(row, current_user)
    except service.InboundError as error:
        flash(str(error), "error")
        return redirect(url_for("inbound.detail", mail_id=row.id))
    return _done(message=_("Die E-Mail wurde verworfen."))
