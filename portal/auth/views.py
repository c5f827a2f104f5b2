"""Sign-in and the account page (password, language, API tokens)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user
from werkzeug.exceptions import TooManyRequests
from werkzeug.security import check_password_hash

from portal.auth import bp, known_browser, sessions
from portal.auth.forms import (
    LanguageForm,
    LoginForm,
    NotificationForm,
    PasswordForm,
    TokenForm,
)
from portal.auth.limit import client_address
from portal.auth.service import (
    AccountError,
    SignInLimited,
    authenticate,
    change_password,
    issue_token,
)
from portal.auth.service import revoke_token as revoke_api_token
from portal.auth.session_views import flash_sessions_ended
from portal.auth.two_factor import continue_sign_in
from portal.models import ApiToken, User


def safe_next(target: str | None) -> str | None:
    """Only paths on this site: no scheme, no host, no protocol-relative '//' or '\\'."""
    if not target:
        return None
    target = target.strip()
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith(("//", "/\\"))
    ):
        return None
    if "\\" in target or any(ord(c) < 32 for c in target):
        return None
    return target


def too_many_attempts() -> TooManyRequests:
    minutes = current_app.config["LOGIN_WINDOW_MINUTES"]
    error = TooManyRequests(
        description=_(
            "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie %(minutes)d Minuten "
            "und versuchen Sie es dann erneut – oder rufen Sie unsere Hotline an.",
            minutes=minutes,
        ),
        retry_after=minutes * 60,
    )
    return error


@bp.route("/anmelden", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")) or url_for("main.index"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        email = form.email.data
        known = known_browser.recognises(email)
        try:
            user = authenticate(email, form.password.data, client_address(), known)
        except SignInLimited:
            raise too_many_attempts() from None
        if user is not None:
            # the second factor, when the user has or needs one (portal/auth/two_factor.py);
            # then the server-side session (two_factor.sign_in)
            return continue_sign_in(user, form.remember.data, safe_next(form.next.data))
        form.password.errors.append(_("E-Mail-Adresse oder Passwort ist falsch."))
        return render_template("auth/login.html", form=form), 401
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.route("/abmelden", methods=["POST"])
def logout():
    sessions.end_current_session()
    logout_user()
    flash(_("Sie sind abgemeldet."), "info")
    return redirect(url_for("main.index"))


@bp.route("/konto", methods=["GET"])
@login_required
def account():
    return render_account()


def render_account(status: int = 200, **forms):
    token_form = forms.get("token_form") or TokenForm()
    token_form.limit_scopes(current_user)
    language_form = forms.get("language_form") or LanguageForm(
        language=current_user.preferred_language or "de"
    )
    notification_form = forms.get("notification_form") or NotificationForm(
        mail_noncritical=current_user.mail_noncritical
    )
    tokens = (
        ApiToken.select()
        .where(ApiToken.user == current_user.id)
        .order_by(ApiToken.created_at.desc())
    )
    return (
        render_template(
            "auth/account.html",
            password_form=forms.get("password_form") or PasswordForm(),
            language_form=language_form,
            notification_form=notification_form,
            token_form=token_form,
            tokens=tokens,
            new_token=forms.get("new_token"),
            sessions=sessions.live_sessions(current_user),
        ),
        status,
    )


@bp.route("/konto/passwort", methods=["POST"])
@login_required
def password():
    form = PasswordForm()
    if not form.validate_on_submit():
        return render_account(400, password_form=form)
    if not check_password_hash(current_user.password_hash, form.current.data):
        form.current.errors.append(_("Das aktuelle Passwort ist falsch."))
        return render_account(400, password_form=form)
    try:
        ended = change_password(current_user, form.new.data)
    except AccountError as error:
        form.new.errors.append(str(error))
        return render_account(400, password_form=form)
    flash(_("Ihr Passwort wurde geändert."), "success")
    flash_sessions_ended(ended, sessions.tokens_still_valid(current_user))
    return redirect(url_for("auth.account"))


@bp.route("/konto/sprache", methods=["POST"])
@login_required
def language():
    form = LanguageForm()
    saved = _("Die Sprache wurde gespeichert.")
    return _save_setting("language_form", form, User.preferred_language, form.language, saved)


@bp.route("/konto/benachrichtigungen", methods=["POST"])
@login_required
def notifications():
    form = NotificationForm()
    saved = _("Ihre Einstellung für E-Mails wurde gespeichert.")
    return _save_setting(
        "notification_form", form, User.mail_noncritical, form.mail_noncritical, saved
    )


def _save_setting(form_name: str, form, column, form_field, saved: str):
    """One setting of the own account from its form of one field: stored in its column, or the
    account page again with the form's errors."""
    if not form.validate_on_submit():
        return render_account(400, **{form_name: form})
    setattr(current_user, column.name, form_field.data)
    current_user.save(only=[column])
    flash(saved, "success")
    return redirect(url_for("auth.account"))


@bp.route("/konto/tokens", methods=["POST"])
@login_required
def create_token():
    form = TokenForm()
    form.limit_scopes(current_user)
    if not form.validate_on_submit():
        return render_account(400, token_form=form)
    user = current_user._get_current_object()
    _token, plain = issue_token(user, scope=form.scope.data, name=form.name.data, acting_user=user)
    # Shown exactly once, on this response; only its hash is stored.
    return render_account(201, new_token=plain)


@bp.route("/konto/tokens/<int:token_id>/widerrufen", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    token = ApiToken.get_or_none(ApiToken.id == token_id, ApiToken.user == current_user.id)
    if token is None:
        abort(404)
    revoke_api_token(token, acting_user=current_user._get_current_object())
    flash(_("Das Token wurde widerrufen."), "success")
    return redirect(url_for("auth.account"))
