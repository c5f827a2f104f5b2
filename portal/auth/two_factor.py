"""The second step of signing in, setting up the authenticator app, and switching it off.

After the right password the user is not signed in yet: the session remembers for a few
minutes who is half-way ("pending"). Enrolled users type a code; staff and admins without
an authenticator are led to set one up first. Everybody else is signed in at once.
"""

from __future__ import annotations

import time

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from portal import audit
from portal.auth import bp, known_browser, sessions, totp
from portal.auth.limit import client_address
from portal.auth.link_forms import CodeForm, EnrolForm
from portal.db import database
from portal.models import User

PENDING_KEY = "pending_sign_in"
PENDING_SECONDS = 10 * 60


def continue_sign_in(user: User, remember: bool, next_url: str | None):
    """Called by the login view once the password was right: the second step, or done."""
    enrolled = totp.is_enrolled(user)
    if not enrolled and not totp.is_required_for(user):
        return finish_sign_in(user, remember, next_url)
    session[PENDING_KEY] = {
        "user": user.id,
        "remember": bool(remember),
        "next": next_url,
        "since": int(time.time()),
    }
    if enrolled:
        return redirect(url_for("auth.second_factor"))
    return redirect(url_for("auth.enrol_at_sign_in"))


def sign_in(user: User, remember: bool, response):
    """Sign the user in: a server-side session (portal/auth/sessions.py), flask-login's cookie,
    and the signed "known browser" mark that lets the owner past a throttled account."""
    session.pop(PENDING_KEY, None)
    with database.atomic():
        sessions.start_session(user, remember, sessions.request_user_agent())
        audit.record("sign_in", actor=user, subject=user, address=client_address())
    login_user(user, remember=remember)
    return known_browser.remember(response, user.email)


def finish_sign_in(user: User, remember: bool, next_url: str | None):
    flash(_("Willkommen, %(name)s!", name=user.name), "success")
    return sign_in(user, remember, redirect(next_url or url_for("main.index")))


def _pending() -> tuple[User, dict]:
    """The half-signed-in user, or back to the login page."""
    state = session.get(PENDING_KEY)
    if not isinstance(state, dict) or time.time() - state.get("since", 0) > PENDING_SECONDS:
        session.pop(PENDING_KEY, None)
        abort(redirect(url_for("auth.login")))
    user = User.get_or_none(User.id == state["user"])
    if user is None or not user.active:
        session.pop(PENDING_KEY, None)
        abort(redirect(url_for("auth.login")))
    return user, state


@bp.route("/anmelden/code", methods=["GET", "POST"])
def second_factor():
    user, state = _pending()
    form = CodeForm()
    if not form.validate_on_submit():
        return render_template("auth/second_factor.html", form=form), 400 if form.errors else 200
    if totp.verify(user, form.code.data):
        return finish_sign_in(user, state["remember"], state["next"])
    credential = totp.credential_of(user)
    if credential is not None and totp.is_paused(credential):
        form.code.errors.append(
            _(
                "Zu viele falsche Codes. Bitte warten Sie %(minutes)d Minuten.",
                minutes=current_app.config["LOGIN_WINDOW_MINUTES"],
            )
        )
        return render_template("auth/second_factor.html", form=form), 429
    form.code.errors.append(_("Der Code ist falsch, abgelaufen oder wurde schon benutzt."))
    return render_template("auth/second_factor.html", form=form), 401


def _render_setup(user: User, form, action: str, status: int = 200):
    secret = totp.pending_secret(user)
    uri = totp.provisioning_uri(user, secret)
    return (
        render_template(
            "auth/two_factor_setup.html",
            form=form,
            action=action,
            qr=totp.qr_svg(uri),
            secret=secret,
            required=totp.is_required_for(user),
        ),
        status,
    )


def _confirm(user: User, action: str):
    """Shared by setup during sign-in and on /konto: the recovery codes, or the form again."""
    form = EnrolForm()
    if not form.validate_on_submit():
        return None, _render_setup(user, form, action, 400 if form.errors else 200)
    codes = totp.confirm_enrolment(user, form.code.data)
    if codes is None:
        form.code.errors.append(
            _("Der Code stimmt nicht. Bitte prüfen Sie die Uhrzeit Ihres Geräts.")
        )
        return None, _render_setup(user, form, action, 400)
    return codes, None


@bp.route("/anmelden/zwei-faktor-einrichten", methods=["GET", "POST"])
def enrol_at_sign_in():
    user, state = _pending()
    if totp.is_enrolled(user):
        return redirect(url_for("auth.second_factor"))
    action = url_for("auth.enrol_at_sign_in")
    codes, page = _confirm(user, action)
    if codes is None:
        return page
    page = make_response(
        render_template("auth/recovery_codes.html", codes=codes, next=state["next"]), 201
    )
    return sign_in(user, state["remember"], page)


@bp.route("/konto/zwei-faktor", methods=["GET", "POST"])
@login_required
def two_factor():
    user = current_user._get_current_object()
    if totp.is_enrolled(user):
        return render_template(
            "auth/two_factor_status.html",
            remaining=totp.remaining_recovery_codes(user),
            form=CodeForm(),
        )
    codes, page = _confirm(user, url_for("auth.two_factor"))
    if codes is None:
        return page
    return render_template("auth/recovery_codes.html", codes=codes, next=None), 201


@bp.route("/konto/zwei-faktor/abschalten", methods=["POST"])
@login_required
def two_factor_off():
    """Customers may switch it off again with a current code; staff and admins may not."""
    user = current_user._get_current_object()
    if totp.is_required_for(user):
        abort(403)
    form = CodeForm()
    if not form.validate_on_submit() or not totp.verify(user, form.code.data):
        form.code.errors.append(_("Der Code ist falsch, abgelaufen oder wurde schon benutzt."))
        return (
            render_template(
                "auth/two_factor_status.html",
                remaining=totp.remaining_recovery_codes(user),
                form=form,
            ),
            400,
        )
    totp.remove(user)
    flash(_("Die Anmeldung in zwei Schritten ist abgeschaltet."), "success")
    return redirect(url_for("auth.account"))
