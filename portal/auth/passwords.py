"""How strong a new password must be: zxcvbn's estimate (a kept port of Dropbox's estimator),
and never the account's own name or address in it."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

MIN_PASSWORD_LENGTH = 10
# zxcvbn's scores: 0-1 guessable in seconds to hours offline, 2 "somewhat guessable",
# 3 "safely unguessable" (about 10^8 guesses and more): the least we accept.
MIN_SCORE = 3
# zxcvbn's time grows with the length; what is beyond this is counted as length only.
ESTIMATED_PREFIX = 100


def personal_words(email: str = "", name: str = "") -> list[str]:
    """The parts of a name and an address someone guessing would try first (3+ letters)."""
    local, _at, domain = (email or "").lower().partition("@")
    words = [local, *re.split(r"[\W_]+", local), *domain.split(".")[:-1]]
    words += re.split(r"[\W_]+", (name or "").lower())
    return sorted({w for w in words if len(w) >= 3})


def password_problem(password: str, email: str = "", name: str = ""):
    """A lazy German message why `password` is refused, or None when it is strong enough."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _l("Das Passwort muss mindestens %(min)d Zeichen haben.", min=MIN_PASSWORD_LENGTH)
    lowered = password.lower()
    if any(word in lowered for word in personal_words(email, name)):
        return _l(
            "Das Passwort enthält Ihren Namen oder Ihre E-Mail-Adresse. Genau das probiert "
            "ein Angreifer zuerst – bitte wählen Sie etwas, das nichts mit Ihnen zu tun hat."
        )
    # zxcvbn's word lists (12 MiB) are loaded by the first password set, not by every worker
    from zxcvbn import zxcvbn

    estimate = zxcvbn(password[:ESTIMATED_PREFIX], user_inputs=personal_words(email, name))
    if estimate["score"] < MIN_SCORE:
        return _l(
            "Dieses Passwort ist zu leicht zu erraten (Wiederholungen, Zahlenfolgen, "
            "Tastaturmuster oder bekannte Wörter). Gut sind mehrere zufällige Wörter, "
            "z. B. „Kaffee-Wolke-Treppe-Nord“."
        )
    return None
