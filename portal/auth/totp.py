"""Two-factor sign-in with time-based one-time passwords (RFC 6238) and recovery codes.

The secret is created unconfirmed and becomes active once the user typed a first valid code.
Each accepted code moves `last_step` forward in one conditional UPDATE, so a code (or a
recovery code) is used at most once even by two requests racing each other. The QR code is
rendered here as inline SVG: the page loads nothing from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

import pyotp
from flask import current_app

from portal import clock
from portal.auth.models import RecoveryCode, TotpCredential
from portal.db import database
from portal.models import User

RECOVERY_CODE_COUNT = 10
# Codes of the step before and after the current one are accepted: clocks drift.
DRIFT_STEPS = 1
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # nothing to confuse: no l/1, o/0


def is_required_for(user: User) -> bool:
    return user.role in current_app.config["TOTP_REQUIRED_ROLES"]


def credential_of(user: User) -> TotpCredential | None:
    return TotpCredential.get_or_none(TotpCredential.user == user.id)


def is_enrolled(user: User) -> bool:
    return (
        TotpCredential.select()
        .where(TotpCredential.user == user.id, TotpCredential.confirmed_at.is_null(False))
        .exists()
    )


def pending_secret(user: User) -> str:
    """The secret being set up: kept while unconfirmed, so reloading shows the same QR code.
    An enrolled user gets none (the admin reset or switching off comes first)."""
    credential = credential_of(user)
    if credential is not None and credential.confirmed_at is None:
        return credential.secret
    if credential is not None:
        raise ValueError("already enrolled")
    secret = pyotp.random_base32()
    TotpCredential.create(user=user, secret=secret)
    return secret


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(
        name=user.email, issuer_name=current_app.config["TOTP_ISSUER"]
    )


def qr_svg(uri: str) -> str:
    """The QR code as an inline <svg> element (no XML declaration, no size in pixels)."""
    import segno  # loaded by the first enrolment, not by every web worker

    qr = segno.make(uri, error="m")
    return qr.svg_inline(scale=4, dark="#000", light="#fff", title="QR")


def _step_codes(secret: str, now: dt.datetime) -> dict[int, str]:
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    return {
        step: totp.generate_otp(step)
        for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1)
    }


def _normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _matching_step(secret: str, code: str) -> int | None:
    code = _normalise(code)
    for step, expected in _step_codes(secret, clock.now()).items():
        if hmac.compare_digest(expected, code):
            return step
    return None


def _claim_step(credential: TotpCredential, step: int) -> bool:
    """Accept `step` only if it is later than the last accepted one (atomically)."""
    claimed = (
        TotpCredential.update(last_step=step, failed_codes=0)
        .where(
            TotpCredential.id == credential.id,
            TotpCredential.last_step.is_null() | (TotpCredential.last_step < step),
        )
        .execute()
    )
    return claimed == 1


def confirm_enrolment(user: User, code: str) -> list[str] | None:
    """Activate the pending secret with a first code; the new recovery codes, or None."""
    credential = credential_of(user)
    if credential is None or credential.confirmed_at is not None:
        return None
    step = _matching_step(credential.secret, code)
    if step is None:
        return None
    with database.atomic():
        if not _claim_step(credential, step):
            return None
        TotpCredential.update(confirmed_at=clock.now()).where(
            TotpCredential.id == credential.id
        ).execute()
        return new_recovery_codes(user)


def is_paused(credential: TotpCredential) -> bool:
    """Too many wrong codes in a row: no code is checked until the window has passed."""
    config = current_app.config
    if credential.failed_codes < config["TOTP_MAX_FAILURES"] or credential.last_failed_at is None:
        return False
    window = dt.timedelta(minutes=config["LOGIN_WINDOW_MINUTES"])
    return clock.now() - credential.last_failed_at < window


def verify(user: User, code: str) -> bool:
    """A current code or an unused recovery code of an enrolled user; each works once."""
    credential = credential_of(user)
    if credential is None or credential.confirmed_at is None or is_paused(credential):
        return False
    step = _matching_step(credential.secret, code)
    if step is not None and _claim_step(credential, step):
        return True
    if step is None and use_recovery_code(user, code):
        TotpCredential.update(failed_codes=0).where(TotpCredential.id == credential.id).execute()
        return True
    TotpCredential.update(
        failed_codes=TotpCredential.failed_codes + 1, last_failed_at=clock.now()
    ).where(TotpCredential.id == credential.id).execute()
    return False


# --- recovery codes ------------------------------------------------------------------


def _recovery_hash(code: str) -> str:
    # Keyed with the app's secret: a copy of the table alone does not allow guessing offline.
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, _normalise(code).encode(), hashlib.sha256).hexdigest()


def _random_recovery_code() -> str:
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(12))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def new_recovery_codes(user: User) -> list[str]:
    """Ten fresh codes replacing the old ones, shown once; only their hashes are stored."""
    codes = [_random_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    with database.atomic():
        RecoveryCode.delete().where(RecoveryCode.user == user.id).execute()
        RecoveryCode.insert_many(
            [{"user": user.id, "code_hash": _recovery_hash(code)} for code in codes]
        ).execute()
    return codes


def remaining_recovery_codes(user: User) -> int:
    return (
        RecoveryCode.select()
        .where(RecoveryCode.user == user.id, RecoveryCode.used_at.is_null())
        .count()
    )


def use_recovery_code(user: User, code: str) -> bool:
    used = (
        RecoveryCode.update(used_at=clock.now())
        .where(
            RecoveryCode.user == user.id,
            RecoveryCode.code_hash == _recovery_hash(code),
            RecoveryCode.used_at.is_null(),
        )
        .execute()
    )
    return used == 1


def remove(user: User) -> None:
    """The admin reset (or a customer switching it off): secret and recovery codes go; staff
    and admins are led to enrol again at their next sign-in."""
    with database.atomic():
        TotpCredential.delete().where(TotpCredential.user == user.id).execute()
        RecoveryCode.delete().where(RecoveryCode.user == user.id).execute()
