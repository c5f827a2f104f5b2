"""Pages: announce a change, the company's list and detail, staff planning, calendar feeds."""

from __future__ import annotations

import datetime as dt

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from portal import clock
from portal.access import companies_visible_to, get_or_404, staff_required
from portal.changes import bp, ical, rules, schemas, service, settings
from portal.changes.forms import (
    ActionForm,
    DeclineForm,
    MessageForm,
    ScheduleForm,
    announcement_form,
)
from portal.changes.models import PlannedChange
from portal.db import MAX_ID
from portal.models import Company, User
from portal.sla.calendar import BERLIN

PLANNING_LIMIT = 300


def customer_required():
    if current_user.is_staff or not current_user.company_id:
        abort(403)


def _change_or_404(change_id: int) -> PlannedChange:
    return get_or_404(service.changes_visible_to(current_user).where(PlannedChange.id == change_id))


@bp.route("/aenderungen")
@login_required
def index():
    if current_user.is_staff:
        return redirect(url_for("changes.planning"))
    customer_required()
    changes = list(
        service.changes_visible_to(current_user).order_by(
            PlannedChange.wished_date.desc(), PlannedChange.id.desc()
        )
    )
    secret = service.feed_secret_for(company_id=current_user.company_id)
    return render_template("changes/index.html", changes=changes, feed_secret=secret)


@bp.route("/aenderungen/neu", methods=["GET"])
@bp.route("/aenderungen/neu/<kind>", methods=["GET", "POST"])
@login_required
def new(kind: str | None = None):
    customer_required()
    if kind is None:
        kinds = [(k, settings.lead_time_days(k)) for k in rules.KINDS]
        return render_template("changes/choose.html", kinds=kinds)
    if kind not in rules.KINDS:
        abort(404)
    form = announcement_form(kind)()
    status = 200
    if form.validate_on_submit():
        try:
            change = service.create_change(
                current_user,
                kind,
                form.detail_values(),
                form.wished_date.data,
                form.alternative_date.data or None,
            )
        except service.ChangeInputError as error:
            form.show_errors(error.fields)
            status = 422
        else:
            flash(
                _("Vielen Dank! Wir haben Ihre Ankündigung erhalten und planen sie ein."), "success"
            )
            return redirect(url_for("changes.detail", change_id=change.id))
    elif form.is_submitted():
        status = 400
    return (
        render_template(
            "changes/new.html",
            form=form,
            kind=kind,
            lead_days=settings.lead_time_days(kind),
        ),
        status,
    )


def _schedule_form(change: PlannedChange | None = None) -> ScheduleForm:
    form = ScheduleForm(prefix="schedule")
    form.staff_by_id = {str(u.id): u for u in User.active_staff()}
    form.technician.choices = [("", _("Bitte wählen"))] + [
        (key, u.name) for key, u in form.staff_by_id.items()
    ]
    if change is not None and not form.is_submitted():
        if change.scheduled_start:
            form.day.data = change.scheduled_start.astimezone(BERLIN).date().isoformat()
            form.start.data = change.scheduled_start.astimezone(BERLIN).strftime("%H:%M")
            form.end.data = change.scheduled_end.astimezone(BERLIN).strftime("%H:%M")
            form.technician.data = str(change.technician_id or "")
        else:
            form.day.data = change.wished_date.isoformat()
            form.technician.data = str(current_user.id)
    return form


def _render_detail(
    change, status=200, schedule_form=None, decline_form=None, message_form=None, **extra
):
    context = {
        **extra,
        "change": change,
        "messages": service.messages_of(change),
        "details": schemas.display_details(change.kind, change.details),
        "warning": service.lead_time_warning(change),
        "message_form": message_form or MessageForm(prefix="message"),
    }
    if current_user.is_staff:
        context["schedule_form"] = schedule_form or _schedule_form(change)
        context["decline_form"] = decline_form or DeclineForm(prefix="decline")
    return render_template("changes/detail.html", **context), status


@bp.route("/aenderungen/<int:change_id>")
@login_required
def detail(change_id: int):
    return _render_detail(_change_or_404(change_id))


@bp.route("/aenderungen/<int:change_id>/nachricht", methods=["POST"])
@login_required
def message(change_id: int):
    change = _change_or_404(change_id)
    form = MessageForm(prefix="message")
    if not form.validate_on_submit():
        return _render_detail(change, 400, message_form=form)
    try:
        service.add_message(change, current_user, form.body.data)
    except service.ChangeInputError as error:
        form.body.errors = [error.fields["body"]]
        return _render_detail(change, 422, message_form=form)
    flash(_("Ihre Nachricht wurde gesendet."), "success")
    return redirect(url_for("changes.detail", change_id=change.id) + "#nachrichten")


def _state_refused(change, error: service.ChangeStateError):
    """The change is no longer in a state that allows this (e.g. withdrawn meanwhile)."""
    flash(str(error), "error")
    return redirect(url_for("changes.detail", change_id=change.id)), 303


def _state_action(change_id: int, action, success: str):
    """A button that posts only the CSRF token and moves the change to another state."""
    if not _csrf_ok():
        abort(400)
    change = _change_or_404(change_id)
    try:
        action(change)
    except service.ChangeStateError as error:
        return _state_refused(change, error)
    flash(success, "success")
    return redirect(url_for("changes.detail", change_id=change.id))


@bp.route("/aenderungen/<int:change_id>/zurueckziehen", methods=["POST"])
@login_required
def withdraw(change_id: int):
    customer_required()
    return _state_action(change_id, service.withdraw, _("Sie haben die Ankündigung zurückgezogen."))


@bp.route("/aenderungen/<int:change_id>/erledigt", methods=["POST"])
@staff_required
def done(change_id: int):
    return _state_action(change_id, service.mark_done, _("Die Änderung ist als erledigt markiert."))


def _csrf_ok() -> bool:
    """Buttons that post only the CSRF token (withdraw, done, renew a feed link)."""
    return ActionForm().validate_on_submit()


@bp.route("/aenderungen/<int:change_id>/ablehnen", methods=["POST"])
@staff_required
def decline(change_id: int):
    change = _change_or_404(change_id)
    form = DeclineForm(prefix="decline")
    if not form.validate_on_submit():
        return _render_detail(change, 400, decline_form=form)
    try:
        service.decline(change, form.reason.data)
    except service.ChangeInputError as error:
        form.reason.errors = [error.fields["decline_reason"]]
        return _render_detail(change, 422, decline_form=form)
    except service.ChangeStateError as error:
        return _state_refused(change, error)
    flash(_("Die Ankündigung ist abgelehnt; der Kunde sieht Ihren Grund."), "success")
    return redirect(url_for("changes.detail", change_id=change.id))


def _parse_slot(form: ScheduleForm):
    """(start, end) in UTC or None with the errors put on the form."""
    try:
        day = rules.parse_day(form.day.data or "")
    except ValueError:
        form.day.errors = [_("Bitte geben Sie ein Datum an (TT.MM.JJJJ).")]
        day = None
    times = {}
    for field in (form.start, form.end):
        try:
            times[field.name] = dt.time.fromisoformat((field.data or "").strip())
        except ValueError:
            field.errors = [_("Bitte geben Sie eine Uhrzeit an (HH:MM).")]
    if day is None or len(times) < 2:
        return None
    return rules.local_slot(day, times[form.start.name], times[form.end.name], BERLIN)


@bp.route("/aenderungen/<int:change_id>/einplanen", methods=["POST"])
@staff_required
def schedule(change_id: int):
    change = _change_or_404(change_id)
    form = _schedule_form()
    if not form.validate_on_submit():
        return _render_detail(change, 400, schedule_form=form)
    slot = _parse_slot(form)
    technician = form.staff_by_id.get(form.technician.data or "")
    if slot is None:
        return _render_detail(change, 422, schedule_form=form)
    # A double booking is warned about before anything is saved; staff confirm it once.
    if technician is not None and request.form.get("confirm_clash") != "1":
        clashes = service.clash_warnings(change.id, technician, *slot)
        if clashes:
            return _render_detail(change, 409, schedule_form=form, clash_warnings=clashes)
    try:
        warnings = service.schedule(change, slot[0], slot[1], technician)
    except service.ChangeInputError as error:
        form.technician.errors = (
            [error.fields["technician"]] if "technician" in error.fields else []
        )
        if "scheduled_end" in error.fields:
            form.end.errors = [error.fields["scheduled_end"]]
        return _render_detail(change, 422, schedule_form=form)
    except service.ChangeStateError as error:
        return _state_refused(change, error)
    flash(_("Die Änderung ist eingeplant. Der Kunde sieht den Termin."), "success")
    for warning in warnings:
        flash(warning, "warning")
    return redirect(url_for("changes.detail", change_id=change.id))


# --- staff planning --------------------------------------------------------------


def _filter_value(name: str, allowed) -> str:
    value = request.args.get(name, "")
    if value and value not in allowed:
        abort(400, description=_("Unbekannter Filterwert für „%(name)s“.", name=name))
    return value


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 10 and int(text) <= MAX_ID


@bp.route("/einsatzplanung")
@staff_required
def planning():
    state = _filter_value("state", ("open", "all", *rules.STATES)) or "open"
    kind = _filter_value("kind", rules.KINDS)
    company_text = request.args.get("company", "")
    if company_text and not _is_id(company_text):
        abort(400, description=_("Unbekannter Filterwert für „%(name)s“.", name="company"))
    week_text = request.args.get("week", "")
    try:
        monday = rules.parse_iso_week(week_text) if week_text else None
    except ValueError:
        abort(400, description=_("Bitte geben Sie die Woche wie 2026-W49 an."))
    if monday is None:
        monday = rules.planning_monday(clock.local_today())

    query = service.changes_visible_to(current_user)
    if state == "open":
        query = query.where(PlannedChange.state.in_(rules.OPEN_STATES))
    elif state != "all":
        query = query.where(PlannedChange.state == state)
    if kind:
        query = query.where(PlannedChange.kind == kind)
    if company_text:
        query = query.where(PlannedChange.company == int(company_text))
    changes = list(
        query.order_by(PlannedChange.wished_date, PlannedChange.id).limit(PLANNING_LIMIT + 1)
    )
    companies = list(
        companies_visible_to(current_user).select(Company.id, Company.name).order_by(Company.name)
    )
    return render_template(
        "changes/planning.html",
        changes=changes[:PLANNING_LIMIT],
        truncated=len(changes) > PLANNING_LIMIT,
        filters={"state": state, "kind": kind, "company": company_text},
        companies=companies,
        plan=service.week_plan(monday),
        feed_secret=service.feed_secret_for(user=current_user),
    )


# --- calendar feeds ----------------------------------------------------------------


@bp.route("/aenderungen/kalender/<secret>.ics")
def feed(secret: str):
    owner = service.feed_owner(secret)
    if owner is None:
        abort(404)
    response = make_response(ical.build_feed(owner, service.feed_changes(owner)))
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = 'inline; filename="geplante-aenderungen.ics"'
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.route("/aenderungen/kalender/erneuern", methods=["POST"])
@login_required
def renew_feed():
    if not _csrf_ok():
        abort(400)
    if current_user.is_staff:
        service.renew_feed_secret(user=current_user)
        target = url_for("changes.planning") + "#kalender"
    else:
        customer_required()
        service.renew_feed_secret(company_id=current_user.company_id)
        target = url_for("changes.index") + "#kalender"
    flash(_("Der Kalender-Link ist erneuert. Der alte Link funktioniert nicht mehr."), "success")
    return redirect(target)


@bp.context_processor
def _labels():
    return {
        "kind_labels": schemas.KIND_LABELS,
        "kind_descriptions": schemas.KIND_DESCRIPTIONS,
        "state_labels": schemas.STATE_LABELS,
        "change_title": schemas.change_title,
        "holiday_name": settings.holiday_name,
    }
