"""Security incidents (always Kritisch), the halves that tell of one together, and their denials."""

from portal.triage.vocabulary import phrases

# The lists of security words, each telling of an incident, of one half of it or of its
# denial (SECURITY_TERMS, PHISHING_CLICKED, NOT_CLICKED_TERMS, ...), are in security.toml.
globals().update(phrases.load("security"))
