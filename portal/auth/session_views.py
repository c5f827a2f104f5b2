"""Ending sessions by hand: one's own (one, or all others) on /konto; all of a user's (admins)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from portal import audit
from portal.access import admin_required, get_or_404
from portal.auth import bp, sessions
from portal.db import database
from portal.models import ApiToken, User


def flash_sessions_ended(ended: int, tokens: list[ApiToken], whose: str | None = None) -> None:
    """Say how many sessions ended and which API tokens stay valid (nothing revoked silently)."""
    if whose is None:
        text = ngettext(
            "%(num)d andere Sitzung wurde beendet.",
            "%(num)d andere Sitzungen wurden beendet.",
            ended,
        )
    else:
        text = ngettext(
            "%(num)d Sitzung von %(name)s wurde beendet.",
            "%(num)d Sitzungen von %(name)s wurden beendet.",
            ended,
            name=whose,
        )
    flash(text, "info")
    flash_tokens_still_valid(tokens)


def flash_tokens_still_valid(tokens: list[ApiToken]) -> None:
    if tokens:
        names = ", ".join(f"{t.name or t.prefix} ({t.prefix}…)" for t in tokens)
        flash(
            _(
                "Diese API-Tokens bleiben gültig: %(tokens)s. Widerrufen Sie sie, "
                "wenn sie nicht mehr gebraucht werden.",
                tokens=names,
            ),
            "info",
        )
    else:
        flash(_("Es gibt keine gültigen API-Tokens für dieses Konto."), "info")


def flash_sessions_ended_by_reset(user: User) -> None:
    flash(_("Alle Sitzungen von %(name)s wurden beendet.", name=user.name), "info")
    flash_tokens_still_valid(sessions.tokens_still_valid(user))


@bp.route("/konto/sitzungen/<int:session_row_id>/beenden", methods=["POST"])
@login_required
def end_session(session_row_id: int):
    if not sessions.end_session(current_user, session_row_id):
        abort(404)
    flash(_("Die Sitzung wurde beendet."), "success")
    return redirect(url_for("auth.account"))


@bp.route("/konto/sitzungen/andere-beenden", methods=["POST"])
@login_required
def end_other_sessions():
    ended = sessions.end_other_sessions(current_user)
    flash_sessions_ended(ended, sessions.tokens_still_valid(current_user))
    return redirect(url_for("auth.account"))


@bp.route("/verwaltung/benutzer/<int:user_id>/sitzungen-beenden", methods=["POST"])
@admin_required
def end_user_sessions(user_id: int):
    user = get_or_404(User.select().where(User.id == user_id))
    with database.atomic():
        ended = sessions.end_all_sessions(user)
        audit.record("sessions_ended", actor=current_user._get_current_object(), subject=user)
    flash_sessions_ended(ended, sessions.tokens_still_valid(user), whose=user.name)
    return redirect(url_for("admin.user_edit", user_id=user.id))
