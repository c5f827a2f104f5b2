"""Words that steer the matcher, not the decision: whole words only, common words, a letter's
greeting and closing."""

from portal.triage.matcher import fold
from portal.triage.vocabulary import phrases

# fmt: off
# A letter's closings and salutations, the plain words and the spoken spellings (CLOSINGS,
# SALUTATIONS, PLAIN_WORDS, SPOKEN_SPELLINGS), are in matching.toml.
globals().update(phrases.load("matching"))
# A closing counts only after this many words, so "Gruß" alone stays the whole text.
CLOSING_MIN_WORDS = 3

# Four-letter-plus words that must match a whole word only ("alle" is not "allerdings").
EXACT_WORDS = frozenset(
    {
        "alle", "allen", "aller", "alles", "down", "haus", "team", "mein", "kein", "uns", "unser",
        "jeder", "jedem", "jeden", "kollege", "kollegin", "rein", "durch", "mehr", "nicht", "nich",
        "nichts", "netz", "ewig", "gern", "gerne", "dank", "danke", "wann", "frage", "welche",
        "welcher", "order", "what", "when", "drops", "open", "turn", "call", "ring", "sign", "sync",
        "save", "scan", "print", "prints", "anyone", "start", "mobile", "machine", "issue", "dock",
        "schrift", "herr", "herrn", "frau", "kasse", "zeigt", "tipp", "tipps", "verschluesselt",
        "encrypted", "crypt", "locked", "file", "link", "fake", "raus", "sent", "symbol", "icon",
        "ordner", "anlage", "sitzung", "domain", "audio", "sound", "lesen", "liest", "nimmt",
        "kiste", "farbe", "farben", "hacker", "angriff", "typed", "lief",
        # ransomware families: "lucky" is not "Locky", a "Revier" no "REvil"
        "lockbit", "locky", "ryuk", "wannacry", "blackcat", "sodinokibi", "revil",
    }
)

# Frequent words that a one-letter typo away would look like a vocabulary word.
COMMON_WORDS = frozenset(
    {
        "heute", "leute", "seite", "seiten", "diese", "dieser", "dieses", "einen", "einem",
        "einer", "eines", "schon", "immer", "wieder", "unter", "neben", "wegen", "sollte",
        "sollen", "wurde", "wurden", "worden", "werden", "haben", "hatte", "hatten", "konnte",
        "muss", "jetzt", "gestern", "morgen", "morgens", "woche", "wochen", "stunde", "minute",
        "seit", "obwohl", "deshalb", "trotzdem", "bereits", "eigentlich", "leider", "einfach",
        "wirklich", "vielleicht", "nochmal", "faengt", "fangen", "fliegt", "liegt", "steht",
        "stehen", "stellen", "stelle", "hallo", "sehr", "viele", "vielen", "dicht", "licht",
        "leicht", "recht", "rechte", "welt", "there", "their", "these", "those", "where", "while",
        "would", "could", "should", "today", "about", "after", "before", "other", "others",
        "thing", "things", "every", "since", "still", "really", "again", "right", "night",
        "light", "morning", "gleich", "keinen", "nicht", "kann", "koennen", "koennten", "besten",
        "danken", "gruss", "gruessen", "freundlichen", "neuen", "neues", "neuer", "zweite",
        "zweiten", "dritte", "sagen", "macht", "machen", "nacht", "sache", "sachen", "raum",
        "traum", "kunden", "kunde", "klein", "kleine", "kleinen", "kleiner", "kleines",
        "seine", "seinen", "seinem", "seiner", "deine", "meine", "ihre", "ihren", "eine",
    }
)
# fmt: on

# The written word a regional or spoken spelling stands for, folded ("nuescht" -> "nix").
SPOKEN = {
    fold(spelling): fold(word)
    for word, spellings in SPOKEN_SPELLINGS.items()  # noqa: F821 - from matching.toml
    for spelling in spellings
}
