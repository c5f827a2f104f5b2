"""The pages of "Passwort vergessen?" and of the links that set a password (resets and
invitations alike). The rules are in portal/auth/links.py."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import TooManyRequests

from portal import mail
from portal.auth import bp, links
from portal.auth.link_forms import ForgotForm, InviteColleagueForm, NewPasswordForm
from portal.auth.service import AccountError
from portal.auth.views import client_address
from portal.models import User


def link_template() -> str | None:
    """The absolute link with a placeholder for the token, for the mail job."""
    return mail.external_url("auth.set_password", token=links.LINK_PLACEHOLDER)


def invite_from(form: InviteColleagueForm, **account) -> User | None:
    """Invite the person a colleague or user form names, by the signed-in user; None when
    refused, with the reason on the form's field."""
    try:
        return links.invite(
            form.email.data,
            form.name.data,
            invited_by=current_user._get_current_object(),
            link_template=link_template(),
            preferred_language=form.language.data,
            **account,
        )
    except AccountError as error:
        getattr(form, error.field or "email", form.email).errors.append(str(error))
        return None


@bp.route("/passwort-vergessen", methods=["GET", "POST"])
def forgot_password():
    form = ForgotForm()
    if not form.validate_on_submit():
        return render_template("auth/forgot.html", form=form), 400 if form.errors else 200
    address = client_address()
    if links.too_many_from(address):
        minutes = current_app.config["RESET_WINDOW_MINUTES"]
        raise TooManyRequests(
            description=_(
                "Zu viele Anfragen. Bitte versuchen Sie es in %(minutes)d Minuten erneut.",
                minutes=minutes,
            ),
            retry_after=minutes * 60,
        )
    links.request_reset(form.email.data, address, link_template())
    # The same words whether the address has an account or not.
    flash(
        _(
            "Wenn es zu dieser Adresse ein Konto gibt, haben wir Ihnen einen Link geschickt. "
            "Er gilt %(minutes)d Minuten.",
            minutes=current_app.config["RESET_LINK_MINUTES"],
        ),
        "info",
    )
    return redirect(url_for("auth.login"))


def _invalid_link():
    return render_template("auth/link_invalid.html"), 410


@bp.route("/passwort-festlegen/<token>", methods=["GET", "POST"])
def set_password(token: str):
    link = links.valid_link(token)
    if link is None:
        return _invalid_link()
    form = NewPasswordForm()
    page = "auth/set_password.html"
    if not form.validate_on_submit():
        status = 400 if form.errors else 200
        return render_template(page, form=form, link=link), status
    try:
        user = links.use_link(token, form.new.data)
    except AccountError as error:
        form.new.errors.append(str(error))
        return render_template(page, form=form, link=link), 400
    if user is None:
        return _invalid_link()
    flash(_("Ihr Passwort ist festgelegt. Bitte melden Sie sich an."), "success")
    return redirect(url_for("auth.login"))
