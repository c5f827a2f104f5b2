"""The colleagues page of a company contact ("Ansprechpartner"): invite, deactivate and
reactivate the people of their own company, and choose whether colleagues see all of the
company's tickets. Another company's users do not exist here (404)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import get_or_404, requires
from portal.auth import bp
from portal.auth.link_forms import CompanyVisibilityForm, InviteColleagueForm
from portal.auth.reset import invite_from
from portal.auth.service import set_active
from portal.models import Company, User

# The company's contacts ("Ansprechpartner") manage their colleagues; staff do that elsewhere.
contact_required = requires(lambda user: user.is_contact and not user.is_staff)


def colleagues_of(contact: User):
    """The accounts of the contact's company: the one scoping rule of this page (erased
    people are placeholders, not colleagues)."""
    return User.select().where(
        User.company == contact.company_id, User.role == "customer", User.erased_at.is_null()
    )


def _render(invite_form=None, visibility_form=None, status=200):
    company = Company.get_by_id(current_user.company_id)
    colleagues = colleagues_of(current_user).order_by(User.name, User.id)
    return (
        render_template(
            "auth/colleagues.html",
            company=company,
            colleagues=colleagues,
            invite_form=invite_form or InviteColleagueForm(),
            visibility_form=visibility_form
            or CompanyVisibilityForm(colleagues_see_all=company.colleagues_see_all),
        ),
        status,
    )


@bp.route("/firma/kollegen")
@contact_required
def colleagues():
    return _render()


@bp.route("/firma/kollegen/einladen", methods=["POST"])
@contact_required
def invite_colleague():
    form = InviteColleagueForm()
    if not form.validate_on_submit():
        return _render(invite_form=form, status=400)
    user = invite_from(form, company=Company.get_by_id(current_user.company_id))
    if user is None:
        return _render(invite_form=form, status=400)
    flash(_("%(email)s ist eingeladen.", email=user.email), "success")
    return redirect(url_for("auth.colleagues"))


def _set_active(user_id: int, active: bool):
    colleague = get_or_404(colleagues_of(current_user).where(User.id == user_id))
    if colleague.id == current_user.id:
        abort(403)  # a contact cannot lock themselves out
    set_active(colleague, active, current_user._get_current_object())
    if active:
        flash(_("Das Konto von %(name)s ist wieder aktiv.", name=colleague.name), "success")
    else:
        flash(_("Das Konto von %(name)s ist deaktiviert.", name=colleague.name), "success")
    return redirect(url_for("auth.colleagues"))


@bp.route("/firma/kollegen/<int:user_id>/deaktivieren", methods=["POST"])
@contact_required
def deactivate_colleague(user_id: int):
    return _set_active(user_id, False)


@bp.route("/firma/kollegen/<int:user_id>/aktivieren", methods=["POST"])
@contact_required
def reactivate_colleague(user_id: int):
    return _set_active(user_id, True)


@bp.route("/firma/sichtbarkeit", methods=["POST"])
@contact_required
def company_visibility():
    form = CompanyVisibilityForm()
    if not form.validate_on_submit():
        return _render(visibility_form=form, status=400)
    Company.update(colleagues_see_all=form.colleagues_see_all.data).where(
        Company.id == current_user.company_id
    ).execute()
    flash(_("Die Einstellung wurde gespeichert."), "success")
    return redirect(url_for("auth.colleagues"))
