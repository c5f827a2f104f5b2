"""Words that steer the matcher, not the decision: whole words only, common words, a letter's
greeting and closing."""

# fmt: off
# The closing formula of a letter: what follows is a signature ("Tel.", "Fax", "Mobil"), no
# description. Only after the first few words, so "Gruß" alone stays the whole text.
CLOSINGS = (
    "mit freundlichen Grüßen", "freundliche Grüße", "freundlichen Grüßen", "viele Grüße",
    "beste Grüße", "liebe Grüße", "schöne Grüße", "herzliche Grüße", "Gruß", "Grüße", "MfG",
    "best regards", "kind regards", "regards", "many thanks in advance", "best wishes",
)
CLOSING_MIN_WORDS = 3
# "Sehr geehrte Damen und Herren" greets; it names nobody affected.
SALUTATIONS = ("Damen und Herren", "geehrte Damen", "ladies and gentlemen")

# Words that are no evidence of anything, listed so that they are read as themselves and not as
# a typo or a compound part of a vocabulary word ("Gutscheine" is not "futsch", the "-einträge"
# of "Kalendereinträge" are not "träge", a "Taste" is not "toast").
PLAIN_WORDS = (
    "Gutschein", "Gutscheine", "Gutscheinen", "Eintrag", "Einträge", "Einträgen", "Eintragung",
    "Taste", "Tasten", "schiebt", "schieben", "verschiebt", "schwarzweiß", "schwarz-weiß",
    "Schwarzweißdruck",
    # "Anlage" is no "Ansage", "wants" no "warns"
    "Anlage", "wants", "want", "wanted",
)

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
