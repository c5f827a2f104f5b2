"""The pages of data protection: "Meine Daten herunterladen" on /konto, and for admins a
person's export, the erasure and the audit log ("Protokoll"). Anyone but an admin finds no
other person here (404)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, ValidationError

from portal import audit
from portal.access import admin_or_404, admin_required, get_or_404
from portal.admin.forms import ROLE_LABELS
from portal.admin.views import list_page
from portal.auth.service import AccountError
from portal.db import database
from portal.forms import PortalForm, at_most
from portal.models import User
from portal.privacy import bp, erasure, export


class ErasureForm(PortalForm):
    confirm_email = StringField(
        _l("Zur Bestätigung die E-Mail-Adresse der Person"),
        validators=[
            DataRequired(_l("Bitte geben Sie die E-Mail-Adresse der Person ein.")),
            at_most(254),
        ],
    )


def _download(person: User) -> Response:
    with database.atomic():
        archive = export.build_zip(person)
        audit.record("export", actor=current_user._get_current_object(), subject=person)
    return Response(
        archive,
        mimetype="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="meine-daten-{person.id}.zip"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/konto/meine-daten")
@login_required
def my_data():
    return _download(current_user._get_current_object())


@bp.route("/verwaltung/benutzer/<int:user_id>/daten")
@admin_or_404
def person_data(user_id: int):
    return _download(get_or_404(User.select().where(User.id == user_id)))


def _render_erasure(person: User, form: ErasureForm, status: int = 200):
    return render_template("privacy/erase.html", person=person, form=form), status


@bp.route("/verwaltung/benutzer/<int:user_id>/loeschen", methods=["GET", "POST"])
@admin_or_404
def erase_person(user_id: int):
    person = get_or_404(User.select().where(User.id == user_id, User.erased_at.is_null()))
    form = ErasureForm()
    if not form.validate_on_submit():
        return _render_erasure(person, form, 400 if form.errors else 200)
    if User.normalise_email(form.confirm_email.data) != person.email:
        form.confirm_email.errors.append(
            _("Die E-Mail-Adresse stimmt nicht mit der des Kontos überein.")
        )
        return _render_erasure(person, form, 400)
    try:
        erasure.erase(person, actor=current_user._get_current_object())
    except AccountError as error:
        form.confirm_email.errors.append(str(error))
        return _render_erasure(person, form, 400)
    flash(_("Die Person wurde gelöscht; ihre Tickets bleiben anonymisiert erhalten."), "success")
    return redirect(url_for("admin.user_edit", user_id=person.id))


class AuditFilterForm(PortalForm):
    class Meta:
        csrf = False

    aktion = SelectField(
        _l("Aktion"),
        choices=[("", _l("Alle Aktionen")), *audit.ACTIONS.items()],
        validate_choice=False,
    )

    def validate_aktion(self, field):
        if field.data and field.data not in audit.ACTIONS:
            raise ValidationError(_l("Bitte wählen Sie eine Aktion aus der Liste."))


@bp.route("/verwaltung/protokoll")
@admin_required
def audit_log():
    form = AuditFilterForm(request.args)
    valid = form.validate()
    page = list_page(audit.newest_first(form.aktion.data or None)) if valid else None
    html = render_template(
        "privacy/audit_log.html",
        form=form,
        page=page,
        detail_labels=audit.DETAILS,
        role_labels=ROLE_LABELS,
    )
    return html, 200 if valid else 400
