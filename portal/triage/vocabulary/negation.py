"""The grammar of "geht nicht": verbs of working, negations, figures of speech, and the clauses
that wish or report."""

# fmt: off
# "geht nicht", "druckt nicht", "kommt keiner rein": a negation near one of these means down.
FUNCTION_VERBS = (
    # A modal with a place and no verb: "keiner kann ins Internet", "ich kann nicht ins ERP".
    "kann ins", "kann in", "kann auf", "können ins", "können in", "können auf",
    "geht", "gehen", "ging", "gingen", "gehts", "funktioniert", "funktionieren", "funzt", "läuft",
    "laufen", "lief", "startet", "starten", "start", "bootet", "booten", "fährt", "fahren",
    "hochfahren", "druckt", "drucken", "druckt", "scannt", "scannen", "lädt", "laden", "lade",
    "öffnet", "öffnen", "aufmachen", "reagiert", "reagieren", "antwortet", "antworten", "verbindet",
    "verbinden", "erreichbar", "erreichen", "erreicht", "anmelden", "einloggen", "loggen",
    "einwählen", "senden", "sendet", "verschicken", "versenden", "schicken", "schickt", "empfangen",
    "empfängt", "abrufen", "kommt", "komme", "kommen", "kommst", "rein", "durch", "arbeiten",
    "zugreifen", "zugriff", "erkennt", "erkannt", "erkennen", "klingelt", "klingeln", "akzeptiert",
    "synchronisiert", "speichern", "speichert", "telefonieren", "anrufen", "hören", "verfügbar",
    "tut", "zeigt", "angezeigt", "einschalten", "anschalten", "pingen", "pingt", "surfen", "drauf",
    "öffnen", "syncing", "loading", "opening", "printing", "connecting", "work", "works", "working",
    "worked", "start", "starts", "boot", "boots", "turn", "load", "loads", "open", "opens",
    "respond", "responds", "connect", "connects", "reach", "access", "log", "login", "sign", "send",
    "receive", "print", "scan", "call", "calls", "ring", "sync", "save", "available", "reachable",
    "hat", "haben", "habe", "hab", "has", "have", "klappt", "klappen", "geklappt", "will", "mag",
    "bekomme", "bekommt", "bekommen", "kriege", "krieg", "kriegt", "kriegen", "sehe", "sieht",
    "sehen", "gefunden", "get", "gets", "getting", "see", "found", "angegangen", "angehen", "nimmt",
    "annehmen", "accept", "accepts", "accepting", "wählen", "telefonieren", "einlesen", "tun",
    "machen", "eingelesen", "updating", "aktualisiert", "buchen", "bucht", "abrechnen", "kassieren",
    "verkaufen", "ausliefern", "ship", "bill", "charge", "charges", "charging", "aufladen", "lesen",
    "liest", "reach", "reachable", "through", "recognised", "recognized", "recognise", "recognize",
    "detect", "detects", "detected",
    # "komm nicht mehr in DATEV und ins ERP": where one gets into, colloquially
    "komm", "ins",
)

NEGATIONS = (
    "nicht", "nich", "nciht", "nicth", "nimmer", "ned", "kein", "keine", "keinen", "keinem",
    "keiner",
    "keines", "keins", "nichts", "nix", "niemand", "niemanden", "niemandem", "nie", "garnicht",
    "not", "no", "none", "nothing", "nobody", "noone", "never", "cannot", "cant", "couldnt",
    "dont", "doesnt", "didnt", "isnt", "arent", "wont", "wasnt", "unable", "ohne", "without",
    "weder", "neither", "nor", "nobdy", "noboby", "niemnad", "niemad", "keienr", "kiener",
)

# Negations that open a list: "weder Internet noch Telefon funktionieren".
LIST_NEGATIONS = frozenset({"weder", "neither"})

# Negations that also work as a determiner before a noun: "kein Internet", "no connection".
NEGATING_DETERMINERS = (
    "kein", "keine", "keinen", "keinem", "keiner", "keins", "no", "ohne", "without",
)

# Negations that are only a figure of speech: "keine Ahnung", "kein Problem".
IDIOMS = (
    "keine Ahnung", "keine Eile", "kein Problem", "kein Stress", "keine Frage", "no idea",
    "no problem", "no rush", "no hurry", "keiner weiß", "niemand weiß", "weiß nicht",
    "nobody knows", "no one knows", "niemand hat mir gesagt", "keiner hat mir gesagt",
    "niemand hat uns gesagt", "keiner hat uns gesagt", "nobody told me", "no one told me",
    "nobody told us",
    # "die anderen wissen nicht": people who do not know are not people without a system.
    "wissen nicht", "wissen es nicht", "wissen das nicht", "weiß es nicht", "weiß das nicht",
    "dont know", "do not know", "doesnt know", "dont knwo",
    # "ich komme mit QWERTZ nicht klar": a person who cannot cope, not a device down.
    "komme nicht klar", "kommt nicht klar", "komme nicht zurecht", "kommt nicht zurecht",
    "komme damit nicht klar", "komme damit nicht zurecht", "not used to", "nicht klar",
    "nicht zurecht",
)

# "dass Outlook nicht automatisch startet" describes a wish, not a fault ...
SUBORDINATORS = ("dass", "damit", "sodass", "that", "ob")
# ... unless a report opens it: "Wir haben festgestellt, dass der Server nicht erreichbar ist".
REPORT_TERMS = (
    "mitteilen", "mitteilen", "melden", "Meldung", "Bescheid", "festgestellt", "bemerkt",
    "gemerkt", "gesehen", "sagt", "sagen", "meint", "meinte", "scheint", "sieht so aus",
    "Problem", "leider", "informieren", "noticed", "notice", "seems", "looks like", "report",
    "reporting", "let you know", "inform", "realized", "says", "said", "appears", "aufgefallen",
    # The one who noticed is no one affected: "mir ist aufgefallen, dass der Server aus ist".
    "mir aufgefallen", "mir ist aufgefallen", "ich habe gemerkt", "ich habe bemerkt",
    "ich habe festgestellt", "I noticed", "I have noticed", "I realized", "gemeldet",
    "reported", "mir wurde gemeldet", "mir wurde gesagt", "I was told",
)

# "aus" that closes its clause after one of these: "der Server ist aus".
OFF_VERBS = frozenset({"ist", "is", "sind", "bleibt", "bleiben", "ging", "war", "waren"})
OFF_REACH = 6  # "der ist seit ca. einer Stunde aus"
# "aus" before one of these still closes what it says: "ist aus und alle warten".
CLAUSE_JOINERS = frozenset({"und", "oder", "aber", "and", "or", "but"})

# "so langsam, dass niemand arbeiten kann", "sodass": a consequence, not a wish.
CONSEQUENCE_WORDS = frozenset({"sodass", "derart", "dermassen"})
# fmt: on
