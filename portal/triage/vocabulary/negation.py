"""The grammar of "geht nicht": verbs of working, negations, figures of speech, and the clauses
that wish or report."""

from portal.triage.vocabulary import phrases

# fmt: off
# The function verbs, negations, idioms and report words (FUNCTION_VERBS, NEGATIONS,
# NEGATING_DETERMINERS, IDIOMS, SUBORDINATORS, REPORT_TERMS) are in negation.toml.
globals().update(phrases.load("negation"))

# Negations that open a list: "weder Internet noch Telefon funktionieren".
LIST_NEGATIONS = frozenset({"weder", "neither"})

# "aus" that closes its clause after one of these: "der Server ist aus".
OFF_VERBS = frozenset({"ist", "is", "sind", "bleibt", "bleiben", "ging", "war", "waren"})
OFF_REACH = 6  # "der ist seit ca. einer Stunde aus"
# "aus" before one of these still closes what it says: "ist aus und alle warten".
CLAUSE_JOINERS = frozenset({"und", "oder", "aber", "and", "or", "but"})

# "Teams soll nicht mehr automatisch starten": a negation this close after "soll" is a wish.
WISH_MODALS = frozenset({"soll", "sollen", "sollte", "sollten", "should"})
WISH_REACH = 2
# "Wie schalte ich die Autokorrektur aus", "wann läuft die Lizenz aus": "aus" as the particle
# of a verb of switching or of expiring, not "is off".
SWITCH_VERBS = frozenset({
    "schalte", "schalten", "schaltet", "schalt", "mach", "mache", "machen", "macht", "stell",
    "stelle", "stellen", "stellt", "laeuft", "laufen",
})
# "… nicht mehr": words that may follow a negation that closes its clause.
CLOSING_AFTER_NEGATION = frozenset({"mehr", "more", "anymore", "again"})

# "so langsam, dass niemand arbeiten kann", "sodass": a consequence, not a wish.
CONSEQUENCE_WORDS = frozenset({"sodass", "derart", "dermassen"})
# fmt: on
