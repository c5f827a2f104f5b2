"""Who is affected: the scope values and the words for everyone, several people or one person."""

from portal.triage.vocabulary import phrases

# fmt: off
COMPANY = "company"
SEVERAL = "several"
SEVERAL_WEAK = "several_weak"
ONE = "one"
ONE_WEAK = "one_weak"
ONE_POSSESSIVE = "one_possessive"
ONE_PERSON = "one_person"
ONLY_ONE = "only_one"

# "alle" before a group of people, places or devices is everyone ("alle Außendienstler", "all
# branches"), not before anything else ("alle Batterien", "alle 10 Minuten", "all the time").
ALL_WORDS = frozenset({"alle", "allen", "all"})
# "beide Filialen", "both branches": several, not the whole company.
BOTH_WORDS = frozenset({"beide", "beiden", "both"})
ENGLISH_ALL_WORDS = frozenset({"all", "both"})
GROUP_ENDINGS = (
    "er", "ern", "innen", "ler", "leute", "kraefte", "plaetze", "plaetzen", "standorte",
    "standorten", "filialen", "abteilungen", "bueros", "niederlassungen", "geraete", "geraeten",
    "teams", "kollegen", "mitarbeitende", "mitarbeitenden", "kassen", "telefone", "pcs", "clients",
    "arbeitsplaetze", "angestellten", "beschaeftigten", "praxen", "laeden", "maerkte", "etagen",
    "raeume", "raeumen", "sitzungen",
)
ENGLISH_GROUPS = frozenset({
    "users", "staff", "employees", "people", "branches", "stores", "sites", "locations",
    "offices", "departments", "devices", "machines", "workstations", "computers", "pcs",
    "phones", "laptops", "clients", "colleagues", "teams", "lines", "terminals", "registers",
    "tills", "floors", "rooms", "accounts", "mailboxes", "sessions",
})
NOT_EVERYONE_AFTER_ALL = frozenset({
    "minuten", "stunden", "sekunden", "tage", "wochen", "paar", "meine", "meinen", "meiner",
    "anderen", "andere", "other", "others", "the", "time", "day", "morning", "week", "of", "my",
    "mein", "dateien", "files", "mails", "e", "zwei", "drei", "fuenf", "zehn", "moeglichen",
    "moegliche", "symbole", "icons", "einstellungen", "settings", "fenster", "windows",
    "nachrichten", "messages", "kontakte", "contacts", "termine", "ordner", "emails",
})

# "fragt bei jedem nach dem Passwort", "für jeden": "jedem" standing for a person (no noun or
# adjective after it; "bei jedem Neustart" counts restarts) is everyone.
EVERYONE_PRONOUNS = frozenset({"jedem", "jeden", "jeder"})
EVERYONE_PREPOSITIONS = frozenset({"bei", "fuer", "von", "an", "mit"})
ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
# "Wir kommen von zuhause nicht rein": several people working from home, not one.
HOME_WORDS = frozenset({"zuhause", "hause", "homeoffice", "home"})
WE_WORDS = frozenset({"wir", "we"})

# "mehrere Dateien", "manchen Tasten", "several times": a quantifier before a thing counts no
# people (a German noun not ending like a group, or one of these English words).
QUANTIFIERS = frozenset({
    "mehrere", "mehreren", "einige", "einigen", "manche", "manchen", "etliche", "etlichen",
    "several", "multiple",
})
ENGLISH_THINGS = frozenset({
    "times", "files", "keys", "pages", "emails", "mails", "documents", "folders", "days", "hours",
    "minutes", "seconds", "weeks", "messages", "attempts", "tabs", "windows",
})
# "gehen alle nicht", "sind alle tot": "alle" floating after the verb counts the subject.
FLOATING_ALL = frozenset({"alle", "all"})
# "none of the home office colleagues can": a negation this close before "colleagues can".
NEGATED_OTHERS_REACH = 5
# Words that may open a clause before "die anderen"/"Kollegen" as its subject.
SUBJECT_OPENERS = frozenset({
    "die", "the", "alle", "all", "andere", "anderen", "other", "unsere", "our", "meine", "my",
})
HAVE_WORDS = frozenset({"haben", "hat", "habe", "have", "has"})
SPEAKER_WORDS = frozenset({"mir", "me", "mich", "ich", "i", "mein", "meine", "my"})

# The phrases for each scope value (SCOPE_TERMS) and for one person's access rights
# (PERMISSION_TERMS) are in scope.toml.
globals().update(phrases.load("scope"))

# Plural devices: "unsere Telefone gehen nicht" is the company's phones, not one handset.
# "Ein Arbeitsplatz im Lager", "one PC": a device counted as one is one workplace.
ONE_ARTICLES = frozenset({"ein", "eine", "einem", "einer", "one", "single", "einzelner"})
# ... unless a singular genitive article precedes: "meines Notebooks", "des Laptops".
GENITIVE_SINGULAR = frozenset({
    "des", "eines", "meines", "deines", "seines", "ihres", "unseres", "eures", "dieses", "jedes",
})
PLURAL_DEVICE_WORDS = frozenset({
    "telefone", "pcs", "bildschirme", "monitore", "arbeitsplaetze", "clients", "laptops",
    "notebooks", "phones", "computers", "screens", "workstations", "monitors", "rechnern",
    "geraete", "devices", "kassen", "terminals", "thin",
})

# "8 von 11", "sieben von zehn", "5 of 12": a count of the people or places affected; half or
# more is most of the company (the SLA's "Großteil"), fewer are several.
NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einer": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3,
    "vier": 4, "four": 4, "fuenf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7,
    "acht": 8, "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11,
    "zwoelf": 12, "twelve": 12, "zwanzig": 20, "twenty": 20,
}

# A numbered till or desk ("Kasse 3", "desk 14") is one workplace.
NUMBERED_SEATS = frozenset({
    "kasse", "platz", "arbeitsplatz", "desk", "till", "register", "tisch", "schreibtisch",
})
# "everyone in accounting", "alle in der Buchhaltung": everyone of a department only.
IN_WORDS = frozenset({"in", "im", "of", "at", "aus", "from"})

# "im gesamten Gebäude", "the entire site": a whole place or staff is everyone.
WHOLE_WORDS = ("ganz", "gesamt", "komplett", "entire", "whole")
WHOLE_PLACES = (
    "firma", "buero", "unternehmen", "haus", "gebaeude", "standort", "kanzlei", "praxis",
    "belegschaft", "filiale", "niederlassung", "betrieb", "office", "company", "building", "site",
    "staff", "practice", "branch", "mannschaft", "personal", "laden", "geschaeft", "shop",
    "store", "markt", "werk", "halle", "hotel", "restaurant", "schule", "school", "tenant",
    "mandant", "lager", "werkstatt",
)

# After "nur bei mir" these make it everyone's: "wie alle anderen auch", "die Kollegen haben
# das gleiche Problem", "the others have the same issue".
ALSO_TERMS = frozenset(
    {"auch", "too", "also", "ebenfalls", "gleiche", "gleichen", "dasselbe", "selbe", "same"}
)
# ... as does a comparison before it: "genauso wenig wie die anderen", "like the others".
LIKE_TERMS = frozenset({"wie", "like", "as"})
# ... and so does a list: "bei mir und allen anderen".
AND_TERMS = frozenset({"und", "and", "sowie"})
# fmt: on
