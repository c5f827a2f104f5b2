"""The admin's account tools beside the user form: invitations by link, the reset of a user's
second factor, and making a customer their company's contact ("Ansprechpartner")."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import admin_required, get_or_404
from portal.admin import actions, bp
from portal.admin.forms import ROLE_LABELS
from portal.admin.views import _company_from, _fill_company_choices
from portal.auth.link_forms import InviteUserForm
from portal.auth.reset import invite_from, link_template
from portal.auth.service import AccountError
from portal.models import User


def _invite_form() -> tuple[InviteUserForm, dict]:
    form = InviteUserForm()
    form.role.choices = list(ROLE_LABELS.items())
    known = _fill_company_choices(form.company, _("– keine (Mitarbeiter oder Admin) –"))
    return form, known


@bp.route("/benutzer/einladen", methods=["GET", "POST"])
@admin_required
def user_invite():
    form, known = _invite_form()
    if not form.validate_on_submit():
        status = 400 if form.errors else 200
        return render_template("admin/user_invite.html", form=form), status
    company = _company_from(form.company, known)
    if company is False:
        return render_template("admin/user_invite.html", form=form), 400
    user = invite_from(form, role=form.role.data, company=company, is_contact=form.is_contact.data)
    if user is None:
        return render_template("admin/user_invite.html", form=form), 400
    flash(_("%(email)s ist eingeladen.", email=user.email), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/benutzer/<int:user_id>/zwei-faktor", methods=["POST"])
@admin_required
def user_reset_two_factor(user_id: int):
    """For a lost phone: the authenticator and the recovery codes go; staff and admins set up
    a new one at their next sign-in, customers may."""
    user = get_or_404(User.select().where(User.id == user_id))
    actions.reset_second_factor(user, current_user._get_current_object())
    flash(
        _("Die Anmeldung in zwei Schritten von %(name)s wurde zurückgesetzt.", name=user.name),
        "success",
    )
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/benutzer/<int:user_id>/ansprechpartner", methods=["POST"])
@admin_required
def user_toggle_contact(user_id: int):
    user = get_or_404(User.select().where(User.id == user_id, User.role == "customer"))
    actions.set_contact(user, not user.is_contact, current_user._get_current_object())
    if user.is_contact:
        flash(_("%(name)s ist jetzt Ansprechpartner der Firma.", name=user.name), "success")
    else:
        flash(_("%(name)s ist kein Ansprechpartner mehr.", name=user.name), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/benutzer/<int:user_id>/link-senden", methods=["POST"])
@admin_required
def user_send_reset_link(user_id: int):
    """Instead of a generated password: a "Passwort vergessen?" link to the person's address."""
    user = get_or_404(User.select().where(User.id == user_id, User.erased_at.is_null()))
    try:
        actions.send_reset_link(user, current_user._get_current_object(), link_template())
    except AccountError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.user_edit", user_id=user.id))
    flash(_("Ein Link zum Festlegen des Passworts ging an %(email)s.", email=user.email), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))
