"""Ticket pages: report, the customer's list, one ticket view for customer and staff, the queue."""

from __future__ import annotations

from dataclasses import replace

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from portal.access import staff_required
from portal.db import utcnow
from portal.i18n import translated
from portal.live import fragment_response, poll_seconds
from portal.models import Company, User
from portal.paging import Page, page_number
from portal.sla.calendar import BERLIN, EXTENDED
from portal.sla.targets import PRIORITIES, target_for
from portal.sla_page.service import duration_text
from portal.tickets import attachments, bp, filestore, pauses, queries, rules, service, sharing
from portal.tickets.display import badges, due_phrase, queue_lines, time_left
from portal.tickets.forms import (
    ChangeForm,
    MessageForm,
    NewTicketForm,
    ShareForm,
    UnshareForm,
    apply_errors,
    triage_key,
)
from portal.tickets.labels import (
    AFFECTED_LABELS,
    EVENT_LABELS,
    PRIORITY_EXPLANATIONS,
    PRIORITY_LABELS,
    SOURCE_LABELS,
    status_labels,
)
from portal.tickets.models import Ticket
from portal.tickets.queries import TicketFilter
from portal.tickets.rules import AFFECTED, TicketError
from portal.triage.examples import EXAMPLES_BY_KEY

DESCRIPTION_PREFILL_MAX = 5000
COMPANY_SEARCH_MAX = 200


LABELS_KEY = "portal.tickets.template_labels"


@bp.app_context_processor
def _ticket_labels():
    """The labels templates show, translated once per language and audience (not once per
    row, not once per page); statuses in the viewer's words."""
    staff = bool(getattr(current_user, "is_staff", False))
    key = (get_locale(), staff)
    cache = current_app.extensions.setdefault(LABELS_KEY, {})
    found = cache.get(key)
    if found is None:
        found = cache[key] = {
            "PRIORITY_LABELS": translated(PRIORITY_LABELS),
            "STATUS_LABELS": translated(status_labels(staff)),
            "AFFECTED_LABELS": translated(AFFECTED_LABELS),
            "EVENT_LABELS": translated(EVENT_LABELS),
            "SOURCE_LABELS": translated(SOURCE_LABELS),
            "due_phrase": due_phrase,
            "BADGES": badges(staff),
        }
    return found


def _list_page(query) -> Page:
    """One page of a ticket list (list rows), counted up to COUNT_CAP."""
    return queries.list_page(
        query, page_number(request.args), current_app.config["TICKETS_PER_PAGE"]
    )


# --- reporting ------------------------------------------------------------------------------


def _staff_choices():
    companies = list(Company.select().order_by(Company.name))
    contacts = list(
        User.select(User, Company)
        .join(Company)
        .where(User.role == "customer", User.active == True)  # noqa: E712
        .order_by(Company.name, User.name)
    )
    return companies, contacts


def _wizard_prefill() -> dict:
    """The triage wizard links here with what it learned; unknown values are ignored."""
    args = request.args
    prefill = {
        "example": triage_key(args.get("example")),
        "component": triage_key(args.get("component")),
        "state": triage_key(args.get("state")),
        "description": (args.get("description") or "")[:DESCRIPTION_PREFILL_MAX],
        "title": (args.get("title") or "")[: rules.TITLE_MAX],
    }
    if args.get("priority") in PRIORITIES:
        prefill["priority"] = args["priority"]
    if args.get("affected") in AFFECTED:
        prefill["affected"] = args["affected"]
    return prefill


def priority_hints(company: Company | None) -> dict[str, str]:
    """Beside each class: the SLA page's explanation and, for customers, their response target."""
    hints = {}
    for priority in PRIORITIES:
        text = str(PRIORITY_EXPLANATIONS[priority])
        if company is not None:
            target = target_for(priority, company.has_contract, company.target_overrides())
            # duration_text says "1 Stunde" / "1 hour", not "1 Stunden"
            if target.calendar_name == EXTENDED:
                promise = _(
                    "Erste Rückmeldung innerhalb von %(duration)s, rund um die Uhr.",
                    duration=duration_text(target.hours),
                )
            else:
                promise = _(
                    "Erste Rückmeldung innerhalb von %(duration)s in den Servicezeiten.",
                    duration=duration_text(target.hours),
                )
            text = f"{text} {promise}"
        hints[priority.value] = text
    return hints


@bp.route("/tickets/neu", methods=["GET", "POST"])
@login_required
def new():
    staff = current_user.is_staff
    companies, contacts = _staff_choices() if staff else ((), ())
    if request.method == "GET":
        prefill = _wizard_prefill()
        if not staff:
            prefill["callback_phone"] = current_user.phone
        else:
            prefill["reported_at"] = (
                utcnow().astimezone(BERLIN).replace(second=0, microsecond=0, tzinfo=None)
            )
        form = NewTicketForm(**prefill).for_user(current_user, companies, contacts)
    else:
        form = NewTicketForm().for_user(current_user, companies, contacts)
    if form.validate_on_submit():
        try:
            report = form.report(
                {c.id: c for c in companies} if staff else None, {u.id: u for u in contacts}
            )
            report.uploads = attachments.read_uploads(form.attachments.data or [])
            ticket = service.create_ticket(current_user, report)
        except attachments.AttachmentError as error:
            apply_errors(form, {"attachments": str(error)})
        except TicketError as error:
            apply_errors(form, error.fields)
        else:
            return redirect(url_for("tickets.confirmation", number=ticket.number))
    status = 422 if form.errors else 200
    company = None if staff else current_user.company
    return (
        render_template(
            "tickets/new.html",
            form=form,
            priority_hints=priority_hints(company),
            suggestion=_wizard_suggestion(form),
        ),
        status,
    )


def _wizard_suggestion(form) -> dict | None:
    """What the wizard suggested, from the form's hidden fields, so an error keeps it."""
    example = EXAMPLES_BY_KEY.get(form.example.data or "")
    if example is None:
        return None
    return {"priority": example.priority, "example": _(example.text)}


@bp.route("/tickets/<number>/gemeldet")
@login_required
def confirmation(number: str):
    ticket = queries.ticket_for(current_user, number) or abort(404)
    return render_template("tickets/confirmation.html", ticket=ticket)


# --- lists ----------------------------------------------------------------------------------


def _ticket_filter() -> TicketFilter:
    """The list's filter from the query string; a bad value falls back to its default."""
    ticket_filter, errors = TicketFilter.parse(request.args)
    defaults = TicketFilter()
    return replace(ticket_filter, **{name: getattr(defaults, name) for name in errors})


@bp.route("/tickets")
@login_required
def index():
    ticket_filter = _ticket_filter()
    query = queries.filtered(current_user, ticket_filter, utcnow())
    return render_template(
        "tickets/index.html",
        page=_list_page(query),
        filters=ticket_filter,
        status_filters=queries.STATUS_FILTERS,
    )


def _queue_results(now) -> dict:
    """What the queue's live part (tickets/_queue_results.html: count, rows) shows; the page
    includes it, its live URL renders it alone."""
    ticket_filter = _ticket_filter()
    page = _list_page(queries.filtered(current_user, ticket_filter, now))
    return dict(
        page=page,
        filters=ticket_filter,
        # a search that names no company says so, instead of only "0 offene Tickets"
        unknown_company=not page.total and ticket_filter.names_no_company(),
        lines=queue_lines(page.rows, now, badges(staff=True)),
        # the notification's "new critical ticket": critical rows sort first in the queue
        newest_critical=max((row.id for row in page.rows if row.priority == "critical"), default=0),
    )


@bp.route("/warteschlange")
@staff_required
def queue():
    return render_template(
        "tickets/queue.html",
        status_filters=queries.STATUS_FILTERS,
        interval=poll_seconds(),
        **_queue_results(utcnow()),
    )


@bp.route("/warteschlange/liste")
@staff_required
def queue_results():
    """The queue's live part for static/js/live.js: 304 while it is unchanged."""
    return fragment_response(
        render_template("tickets/_queue_results.html", **_queue_results(utcnow()))
    )


# --- one ticket -----------------------------------------------------------------------------


def _ticket_or_404(number: str) -> Ticket:
    ticket = queries.ticket_for(current_user, number)
    if ticket is None:
        abort(404)
    return ticket


def _render_ticket(
    ticket: Ticket, message_form=None, change_form=None, status=200, share_form=None
):
    staff = current_user.is_staff
    shares = sharing.page_view(ticket, current_user)
    if shares["offered"]:
        share_form = (share_form or ShareForm(formdata=None)).for_colleagues(shares["offered"])
    messages, events = queries.conversation(ticket, current_user)
    staff_members = User.active_staff() if staff else []
    if change_form is None and staff:
        change_form = ChangeForm(
            formdata=None,
            status=ticket.status,
            priority=ticket.priority,
            assignee=ticket.assignee_id or 0,
            urgent=ticket.urgent,
            urgent_reason=ticket.urgent_reason,
            deadline=ticket.deadline,
            relaxed_days=ticket.relaxed_days,
        )
    if change_form is not None:
        change_form.for_staff(staff_members)
    now = utcnow()
    ticket_pauses = pauses.ticket_pauses(ticket, events)
    return (
        render_template(
            "tickets/view.html",
            sla_states=pauses.clock_states(ticket, now),
            ticket_pauses=ticket_pauses,
            pause_now=pauses.running_pause(ticket_pauses),
            ticket=ticket,
            messages=messages,
            events=events,
            attachments_by_message=queries.attachments_by_message(ticket, current_user),
            ahead=queries.tickets_ahead(ticket) if ticket.is_open else None,
            ahead_cap=queries.AHEAD_CAP,
            overdue=rules.is_overdue(ticket.first_response_at, ticket.response_due, now),
            now=now,
            time_left=time_left,
            message_form=(message_form or MessageForm(formdata=None)).for_user(current_user),
            change_form=change_form,
            can_reopen=rules.can_reopen(ticket.status, ticket.resolved_at, now),
            company_open=ticket.company_open if staff else None,
            explanations=PRIORITY_EXPLANATIONS,
            shares=shares,
            share_form=share_form,
            unshare_form=UnshareForm(formdata=None) if shares["may_share"] else None,
        ),
        status,
    )


@bp.route("/tickets/<number>")
@login_required
def view(number: str):
    return _render_ticket(_ticket_or_404(number))


@bp.route("/tickets/<number>/nachricht", methods=["POST"])
@login_required
def reply(number: str):
    ticket = _ticket_or_404(number)
    form = MessageForm().for_user(current_user)
    if not form.validate_on_submit():
        return _render_ticket(ticket, message_form=form, status=422)
    internal = bool(current_user.is_staff and form.internal.data)
    try:
        uploads = attachments.read_uploads(form.attachments.data or [])
        service.add_message(
            ticket, current_user, form.body.data or "", internal=internal, uploads=uploads
        )
    except attachments.AttachmentError as error:
        apply_errors(form, {"attachments": str(error)})
        return _render_ticket(ticket, message_form=form, status=422)
    except TicketError as error:
        apply_errors(form, error.fields)
        return _render_ticket(ticket, message_form=form, status=422)
    if internal:
        flash(_("Die interne Notiz wurde gespeichert."), "success")
    else:
        flash(_("Ihre Nachricht wurde gesendet."), "success")
    return redirect(url_for("tickets.view", number=number, _anchor="verlauf"))


@bp.route("/tickets/<number>/aendern", methods=["POST"])
@staff_required
def update(number: str):
    ticket = _ticket_or_404(number)
    staff_members = User.active_staff()
    form = ChangeForm().for_staff(staff_members)
    if not form.validate_on_submit():
        return _render_ticket(ticket, change_form=form, status=422)
    try:
        events = service.change_ticket(
            ticket,
            current_user,
            form.changes({u.id: u for u in staff_members}),
            form.reason.data or "",
            reason_public=bool(form.reason_public.data),
        )
    except TicketError as error:
        apply_errors(form, error.fields)
        return _render_ticket(ticket, change_form=form, status=422)
    if events:
        flash(_("Die Änderungen wurden gespeichert."), "success")
    else:
        flash(_("Es gab nichts zu ändern."), "info")
    return redirect(url_for("tickets.view", number=number))


def _status_action(number: str, action, done_message: str):
    """Resolve or reopen from the ticket page; a refusal is flashed, not an error page."""
    ticket = _ticket_or_404(number)
    try:
        action(ticket, current_user)
    except TicketError as error:
        flash(error.fields["status"], "error")
    else:
        flash(done_message, "success")
    return redirect(url_for("tickets.view", number=number))


@bp.route("/tickets/<number>/geloest", methods=["POST"])
@login_required
def resolve(number: str):
    return _status_action(
        number,
        service.resolve,
        _("Schön, dass es wieder funktioniert! Das Ticket ist als gelöst markiert."),
    )


@bp.route("/tickets/<number>/wieder-oeffnen", methods=["POST"])
@login_required
def reopen(number: str):
    return _status_action(
        number,
        service.reopen,
        _("Das Ticket ist wieder geöffnet. Bitte schreiben Sie uns, was noch fehlt."),
    )


@bp.route("/tickets/<number>/anhaenge/<int:attachment_id>")
@login_required
def attachment(number: str, attachment_id: int):
    """Only people who may see the ticket; always a download, never shown inline."""
    found = queries.attachment_for(current_user, number, attachment_id)
    if found is None:
        abort(404)
    stored = filestore.find(found.storage_key)
    if stored is None:  # a file the move into the database did not find (README)
        abort(404)
    return filestore.download(stored, found.content_type, found.filename)
