"""No-op marker `N_` so Babel extracts the triage texts; views translate them with gettext."""


def N_(message: str) -> str:  # noqa: N802 - the name is the Babel extraction keyword
    """Mark a German message for extraction and return it unchanged."""
    return message
