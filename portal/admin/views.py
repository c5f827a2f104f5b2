"""The admin pages: thin views that parse a form, call a service and render."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.access import admin_required, get_or_404
from portal.admin import bp
from portal.admin.forms import (
    ROLE_LABELS,
    CompanyForm,
    CompanySearchForm,
    MonitoringTokenForm,
    UserCreateForm,
    UserEditForm,
    UserFilterForm,
)
from portal.admin.service import (
    CompanyError,
    all_tokens,
    companies_with_active_users,
    company_choices,
    save_company,
    users_filtered,
)
from portal.auth.service import (
    AccountError,
    create_user,
    generate_password,
    issue_token,
    reset_password,
    revoke_token,
    update_user,
)
from portal.auth.session_views import flash_sessions_ended_by_reset
from portal.models import ApiToken, Company, User
from portal.paging import Page, paginate, whole_number
from portal.sla.targets import PRIORITIES, RESOLUTION, RESPONSE, target_for

DEFAULT_PAGE_SIZE = 25


def list_page(query) -> Page:
    """``?seite=`` of an admin list; a page beyond the last shows the last."""
    number = whole_number(request.args.get("seite", "1")) or 1
    size = current_app.config.get("ADMIN_PAGE_SIZE", DEFAULT_PAGE_SIZE)
    return paginate(query, number, size, clamp=True)


def _attach_error(form, error) -> None:
    """Show a service error at its field, or above the form when it has none."""
    field = getattr(form, error.field, None) if error.field else None
    if field is None:
        form.form_errors.append(error.message)
    else:
        field.errors = [*field.errors, error.message]


# --- companies -----------------------------------------------------------------------


@bp.route("/")
@admin_required
def companies():
    form = CompanySearchForm(request.args)
    if not form.validate():
        return render_template("admin/companies.html", form=form, page=None), 400
    page = list_page(companies_with_active_users(form.q.data or ""))
    return render_template("admin/companies.html", form=form, page=page)


def _sla_defaults(kind: str = RESPONSE, suffix: str = "_hours") -> list[dict]:
    """For each class: the override field's name and the SLA's default with/without contract."""
    return [
        {
            "field": f"{priority.value}{suffix}",
            "with_contract": target_for(priority, True, kind=kind).hours,
            "without_contract": target_for(priority, False, kind=kind).hours,
        }
        for priority in PRIORITIES
    ]


def _sla_resolution_defaults() -> list[dict]:
    return _sla_defaults(RESOLUTION, "_resolution_hours")


def _render_company_form(form, company=None, status=200):
    return (
        render_template(
            "admin/company_form.html",
            form=form,
            company=company,
            sla_defaults=_sla_defaults(),
            sla_resolution_defaults=_sla_resolution_defaults(),
        ),
        status,
    )


def _save_company_from(form, company):
    """The saved company, or None after attaching the reason to the form."""
    try:
        return save_company(
            company,
            name=form.name.data,
            customer_number=form.customer_number.data,
            has_contract=form.has_contract.data,
            overrides=form.overrides(),
            resolution_overrides=form.resolution_overrides(),
            acting_user=current_user._get_current_object(),
            ticket_retention_months=form.ticket_retention_months.data,
        )
    except CompanyError as error:
        _attach_error(form, error)
        return None


@bp.route("/firmen/neu", methods=["GET", "POST"])
@admin_required
def company_new():
    form = CompanyForm()
    if request.method == "GET":
        form.customer_number.data = Company.next_customer_number()
        return _render_company_form(form)
    if not form.validate_on_submit():
        return _render_company_form(form, status=400)
    company = _save_company_from(form, None)
    if company is None:
        return _render_company_form(form, status=400)
    flash(_("Die Firma %(name)s wurde angelegt.", name=company.name), "success")
    return redirect(url_for("admin.company_edit", company_id=company.id))


@bp.route("/firmen/<int:company_id>", methods=["GET", "POST"])
@admin_required
def company_edit(company_id: int):
    company = get_or_404(Company.select().where(Company.id == company_id))
    form = CompanyForm(obj=company)
    if request.method == "GET":
        return _render_company_form(form, company)
    if not form.validate_on_submit() or _save_company_from(form, company) is None:
        return _render_company_form(form, company, status=400)
    flash(_("Die Änderungen an %(name)s wurden gespeichert.", name=company.name), "success")
    return redirect(url_for("admin.company_edit", company_id=company.id))


# --- users ---------------------------------------------------------------------------


def _fill_company_choices(field, empty_label) -> dict[str, int]:
    """Options for a company select box; returns the valid ids by their string."""
    choices = company_choices()
    field.choices = [("", empty_label), *((str(cid), label) for cid, label in choices)]
    return {str(cid): cid for cid, _label in choices}


def _company_from(field, known: dict[str, int]) -> Company | None | bool:
    """The chosen Company, None for no choice, or False (with an error) for an unknown id."""
    if not field.data:
        return None
    if field.data not in known:
        field.errors = [*field.errors, _("Bitte wählen Sie eine Firma aus der Liste.")]
        return False
    return Company.get_by_id(known[field.data])


@bp.route("/benutzer")
@admin_required
def users():
    form = UserFilterForm(request.args)
    known = _fill_company_choices(form.company, _("Alle Firmen"))
    valid = form.validate()
    company = _company_from(form.company, known)
    if not valid or company is False:
        return render_template("admin/users.html", form=form, page=None), 400
    active = {"1": True, "0": False}.get(form.active.data or "")
    query = users_filtered(
        company_id=company.id if company else None,
        role=form.role.data or None,
        active=active,
        search=form.q.data or "",
    )
    page = list_page(query)
    return render_template("admin/users.html", form=form, page=page, role_labels=ROLE_LABELS)


def _render_user_form(form, user=None, status=200, new_password=None):
    return (
        render_template("admin/user_form.html", form=form, user=user, new_password=new_password),
        status,
    )


@bp.route("/benutzer/neu", methods=["GET", "POST"])
@admin_required
def user_new():
    form = UserCreateForm()
    known = _fill_company_choices(form.company, _("– keine (Mitarbeiter oder Admin) –"))
    if request.method == "GET":
        form.company.data = request.args.get("firma", "")
        return _render_user_form(form)
    valid = form.validate_on_submit()
    company = _company_from(form.company, known)
    if not valid or company is False:
        return _render_user_form(form, status=400)
    password = form.password.data or generate_password()
    try:
        user = create_user(
            form.email.data,
            form.name.data,
            password,
            role=form.role.data,
            company=company,
            phone=form.phone.data or "",
            preferred_language=form.language.data or None,
            created_by=current_user._get_current_object(),
        )
    except AccountError as error:
        _attach_error(form, error)
        return _render_user_form(form, status=400)
    if form.password.data:
        flash(_("Das Konto für %(email)s wurde angelegt.", email=user.email), "success")
        return redirect(url_for("admin.user_edit", user_id=user.id))
    # A generated password is shown exactly once, on this response; only its hash is stored.
    return _render_user_form(_edit_form_for(user), user, status=201, new_password=password)


def _edit_form_for(user: User, formdata=None) -> UserEditForm:
    form = UserEditForm(
        formdata=formdata,
        obj=user,
        company=str(user.company_id or ""),
        language=user.preferred_language or "",
    )
    _fill_company_choices(form.company, _("– keine (Mitarbeiter oder Admin) –"))
    return form


@bp.route("/benutzer/<int:user_id>", methods=["GET", "POST"])
@admin_required
def user_edit(user_id: int):
    user = get_or_404(User.select().where(User.id == user_id))
    if request.method == "GET":
        return _render_user_form(_edit_form_for(user), user)
    form = UserEditForm()
    known = _fill_company_choices(form.company, _("– keine (Mitarbeiter oder Admin) –"))
    valid = form.validate_on_submit()
    company = _company_from(form.company, known)
    if not valid or company is False:
        return _render_user_form(form, user, status=400)
    try:
        update_user(
            user,
            acting_user=current_user,
            name=form.name.data,
            phone=form.phone.data or "",
            role=form.role.data,
            company=company,
            preferred_language=form.language.data or None,
            active=form.active.data,
        )
    except AccountError as error:
        _attach_error(form, error)
        return _render_user_form(form, user, status=400)
    flash(_("Die Änderungen an %(name)s wurden gespeichert.", name=user.name), "success")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.route("/benutzer/<int:user_id>/passwort", methods=["POST"])
@admin_required
def user_reset_password(user_id: int):
    user = get_or_404(User.select().where(User.id == user_id))
    # CSRFProtect has checked the token of this POST like every other.
    password = reset_password(user, acting_user=current_user._get_current_object())
    flash_sessions_ended_by_reset(user)
    # Shown exactly once, on this response; only its hash is stored.
    return _render_user_form(_edit_form_for(user), user, new_password=password)


# --- API tokens ----------------------------------------------------------------------


def _fill_staff_choices(form: MonitoringTokenForm) -> dict[str, User]:
    staff = {str(user.id): user for user in User.active_staff()}
    form.user.choices = [(key, f"{u.name} ({u.email})") for key, u in staff.items()]
    return staff


def _render_tokens(form, status=200, new_token=None, new_token_user=None):
    page = list_page(all_tokens())
    return (
        render_template(
            "admin/tokens.html",
            form=form,
            page=page,
            new_token=new_token,
            new_token_user=new_token_user,
        ),
        status,
    )


@bp.route("/tokens")
@admin_required
def tokens():
    form = MonitoringTokenForm()
    _fill_staff_choices(form)
    return _render_tokens(form)


@bp.route("/tokens", methods=["POST"])
@admin_required
def token_create():
    form = MonitoringTokenForm()
    staff = _fill_staff_choices(form)
    if not form.validate_on_submit():
        return _render_tokens(form, status=400)
    user = staff.get(form.user.data or "")
    if user is None:
        form.user.errors = [_("Bitte wählen Sie einen aktiven Mitarbeiter aus der Liste.")]
        return _render_tokens(form, status=400)
    try:
        _token, plain = issue_token(
            User.get_by_id(user.id),
            "monitoring",
            form.name.data.strip(),
            acting_user=current_user._get_current_object(),
        )
    except AccountError as error:
        _attach_error(form, error)
        return _render_tokens(form, status=400)
    # Shown exactly once, on this response; only its hash is stored.
    fresh = MonitoringTokenForm(formdata=None)
    _fill_staff_choices(fresh)
    return _render_tokens(fresh, 201, plain, user)


@bp.route("/tokens/<int:token_id>/widerrufen", methods=["POST"])
@admin_required
def token_revoke(token_id: int):
    token = get_or_404(ApiToken.select().where(ApiToken.id == token_id))
    revoke_token(token, acting_user=current_user._get_current_object())
    flash(_("Das Token %(prefix)s… wurde widerrufen.", prefix=token.prefix), "success")
    return redirect(url_for("admin.tokens"))
