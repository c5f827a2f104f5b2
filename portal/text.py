"""One-line text: what a title, a name or a mail header may contain, and folding into one line."""

import re

# Line breaks, tabs and every other control character (C0, DEL, C1), and Unicode's line and
# paragraph separators: a one-line field refuses them, a mail header must never contain them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def is_single_line(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is None


def one_line(text: str) -> str:
    """Any text folded into one header-safe line: control characters become one space."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text or "").split())
