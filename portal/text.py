"""What text the portal accepts, and folding text into one header-safe line.

One rule for every text a person or a program sends (forms, query strings, the JSON API):
no lone UTF-16 surrogates (a 500 on both databases), no NUL or other control characters
(line breaks and tabs only where the field is multi-line), and not only invisible characters.
Plain Python: the form base class (portal/forms.py) and the API's body reader
(portal/api/errors.py) apply it, each in its own front door.
"""

import re

from flask_babel import lazy_gettext as _l

# Line breaks, tabs and every other control character (C0, DEL, C1), and Unicode's line and
# paragraph separators: a one-line field refuses them, a mail header must never contain them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# What a multi-line text refuses: the same less tab, line feed and carriage return.
MULTILINE_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SURROGATES = re.compile(r"[\ud800-\udfff]")
# Characters that show nothing: white space, zero-width and joiner characters, bidi marks
# and overrides, the byte order mark, the soft hyphen, Hangul fillers.
INVISIBLE = re.compile(
    r"[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def is_single_line(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is None


def one_line(text: str) -> str:
    """Any text folded into one header-safe line: control characters become one space."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text or "").split())


def is_blank(text: str) -> bool:
    """Nothing visible left once the invisible characters are removed."""
    return not INVISIBLE.sub("", text)


def text_problem(text: str, multiline: bool = False):
    """Why `text` is refused (a lazy message in the reader's language), or None.

    Empty or white space only is no problem here: whether a field is required is its own rule.
    """
    problem = character_problem(text, multiline)
    if problem is None and text.strip() and is_blank(text):
        return _l("Enthält nur unsichtbare Zeichen.")
    return problem


def character_problem(text: str, multiline: bool = False):
    """Why `text` cannot be stored or shown safely, or None (the rule without blankness)."""
    if SURROGATES.search(text):
        return _l("Enthält ungültige Zeichen (kein gültiges Unicode).")
    if MULTILINE_CONTROL_CHARACTERS.search(text):
        return _l("Enthält unzulässige Steuerzeichen.")
    if not multiline and CONTROL_CHARACTERS.search(text):
        return _l("Bitte in einer Zeile, ohne Zeilenumbrüche und Steuerzeichen.")
    return None
