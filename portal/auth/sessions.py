"""Server-side sessions: start one at sign-in, load it with its user on every request, end one,
the others, or all of a user's.

flask-login keeps `User.get_id()` in the session cookie and in the "remember me" cookie; here
that is the session's random id, not the user's. A cookie therefore works exactly as long as
its row is live: sign-out, a password change, an admin's reset or a deactivation end rows, and
nothing brings an ended row back (reactivating an account leaves its old sessions ended).
"""

from __future__ import annotations

import datetime as dt
import secrets

from flask import current_app, request
from flask_login import current_user

from portal.auth.models import UserSession, hash_session_id
from portal.db import utcnow
from portal.models import ApiToken, User
from portal.text import one_line

# last_seen_at is written at most once a minute per session: a page view costs no write.
TOUCH_INTERVAL = dt.timedelta(minutes=1)


def _idle() -> dt.timedelta:
    return dt.timedelta(hours=current_app.config["SESSION_IDLE_HOURS"])


def _remembered() -> dt.timedelta:
    return dt.timedelta(days=current_app.config["REMEMBER_DAYS"])


def start_session(user: User, remember: bool = False, user_agent: str = "") -> str:
    """A new session for `user`; returns its id (set on `user` for flask-login's cookie)."""
    session_id = secrets.token_urlsafe(32)
    now = utcnow()
    UserSession.create(
        user=user,
        token_hash=hash_session_id(session_id),
        user_agent=one_line(user_agent)[:255],
        remember=remember,
        created_at=now,
        last_seen_at=now,
        expires_at=now + (_remembered() if remember else _idle()),
    )
    user.session_id = session_id
    user.session_row = None
    return session_id


def request_user_agent() -> str:
    return request.headers.get("User-Agent", "")


def load_signed_in_user(session_id: str) -> User | None:
    """flask-login's user_loader: the user of a live session, or None (the login page)."""
    now = utcnow()
    row = UserSession.signed_in(session_id, now)
    if row is None:
        return None
    if now - row.last_seen_at >= TOUCH_INTERVAL:
        _touch(row, now)
    user = row.user
    user.session_id = session_id
    user.session_row = row
    return user


def _touch(row: UserSession, now: dt.datetime) -> None:
    values = {UserSession.last_seen_at: now}
    if not row.remember:  # an idle session ends SESSION_IDLE_HOURS after its last request
        values[UserSession.expires_at] = now + _idle()
    UserSession.update(values).where(UserSession.id == row.id).execute()
    row.last_seen_at = now


def end_current_session() -> None:
    session_id = getattr(current_user, "session_id", None)
    if session_id:
        _end(UserSession.token_hash == hash_session_id(session_id))


def end_session(user: User, session_row_id: int) -> bool:
    """End one of `user`'s sessions (by row id); False if there is no such live session."""
    return _end((UserSession.id == session_row_id) & (UserSession.user == user.id)) > 0


def end_other_sessions(user: User) -> int:
    """End every session of `user` but the one of this request; returns how many ended."""
    condition = UserSession.user == user.id
    session_id = getattr(user, "session_id", None)
    if session_id:
        condition &= UserSession.token_hash != hash_session_id(session_id)
    return _end(condition)


def end_all_sessions(user: User) -> int:
    return _end(UserSession.user == user.id)


def _end(condition) -> int:
    return (
        UserSession.update(ended_at=utcnow())
        .where(condition, UserSession.ended_at.is_null())
        .execute()
    )


def live_sessions(user: User) -> list[UserSession]:
    """The user's live sessions, the most recently used first (the account page)."""
    return list(
        UserSession.select()
        .where(UserSession.user == user.id, UserSession.live(utcnow()))
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )


def tokens_still_valid(user: User) -> list[ApiToken]:
    """API tokens outlive sessions on purpose (machines use them); the pages that end sessions
    name them, so that nothing stays valid unsaid."""
    return list(
        ApiToken.select()
        .where(ApiToken.user == user.id, ApiToken.revoked_at.is_null())
        .order_by(ApiToken.created_at)
    )
