"""Sharing a ticket with a colleague from its page (the rules are in tickets/sharing.py)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from portal.models import User
from portal.tickets import bp, sharing
from portal.tickets.forms import ShareForm, UnshareForm
from portal.tickets.views import _render_ticket, _ticket_or_404


def _sharable(number: str):
    """The ticket if the user may see it (else 404) and share it (else 403)."""
    ticket = _ticket_or_404(number)
    if not sharing.may_share(current_user, ticket):
        abort(403)
    return ticket


@bp.route("/tickets/<number>/teilen", methods=["POST"])
@login_required
def share(number: str):
    ticket = _sharable(number)
    offered = sharing.candidates(ticket)
    form = ShareForm().for_colleagues(offered)
    if not form.validate_on_submit():
        return _render_ticket(ticket, share_form=form, status=422)
    colleague = next(u for u in offered if str(u.id) == form.colleague.data)
    try:
        sharing.share(ticket, current_user, colleague)
    except sharing.ShareError as error:
        form.colleague.errors = [error.message]
        return _render_ticket(ticket, share_form=form, status=error.status)
    flash(_("Das Ticket ist jetzt mit %(name)s geteilt.", name=colleague.name), "success")
    return redirect(url_for("tickets.view", number=number, _anchor="h-shares"))


@bp.route("/tickets/<number>/teilen/<int:user_id>/entfernen", methods=["POST"])
@login_required
def unshare(number: str, user_id: int):
    ticket = _sharable(number)
    if not UnshareForm().validate_on_submit():
        abort(400)
    colleague = User.get_or_none(User.id == user_id, User.company == ticket.company_id)
    if colleague is None or not sharing.unshare(ticket, current_user, colleague):
        abort(404)
    flash(_("Das Ticket ist nicht mehr mit %(name)s geteilt.", name=colleague.name), "success")
    return redirect(url_for("tickets.view", number=number, _anchor="h-shares"))
