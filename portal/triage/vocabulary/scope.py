"""Who is affected: the scope values and the words for everyone, several people or one person."""

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

# One person's access rights: with nobody else named, the trouble is that person's.
PERMISSION_TERMS = (
    "Berechtigung", "Berechtigungen", "Rechte", "Zugriffsrechte", "permission", "permissions",
    "access denied", "Zugriff verweigert", "Zugriff abgelehnt",
    # "Benutzer nicht berechtigt", "not authorized": the user's rights, not the system
    "nicht berechtigt", "unberechtigt", "not authorized", "not authorised",
)
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

# After "nur bei mir" these make it everyone's: "wie alle anderen auch".
ALSO_TERMS = frozenset({"auch", "too", "also", "ebenfalls"})
# ... as does a comparison before it: "genauso wenig wie die anderen", "like the others".
LIKE_TERMS = frozenset({"wie", "like", "as"})
# ... and so does a list: "bei mir und allen anderen".
AND_TERMS = frozenset({"und", "and", "sowie"})

SCOPE_TERMS = {
    COMPANY: (
        "none of our", "none of the", "not one of", "keiner von uns", "niemand von uns",
        "alle Kollegen", "allen Kollegen", "allen Mitarbeitern", "allen Usern", "allen Benutzern",
        "allen Nutzern", "allen Rechnern", "allen PCs", "allen Arbeitsplätzen", "allen Standorten",
        "allen Clients", "allen Computern", "allen Geräten", "alle Geräte", "alle Kolleginnen",
        "alle Mitarbeiter", "alle Mitarbeitenden", "alle Benutzer", "alle User", "alle Nutzer",
        "alle Anwender", "alle Arbeitsplätze", "alle Rechner", "alle PCs", "alle Computer",
        "alle Clients", "alle Standorte", "alle Filialen", "alle Telefone", "alle Abteilungen",
        "alle betroffen", "alle sind", "alle haben", "alle können", "alle stehen", "alle nicht",
        "bei allen", "für alle", "in allen", "an allen",
        "wir alle", "uns alle", "niemand", "kein Kunde", "keine Kunden", "no customer",
        "no customers",
        "niemanden", "niemandem", "keiner", "keinem", "kein einziger", "keine einzige",
        "kein einziges", "keinen einzigen", "an keinem Platz", "kein Mitarbeiter", "kein Kollege",
        "alle Leute", "alle Plätze", "kein Rechner", "kein PC", "kein Arbeitsplatz", "no PC",
        "no computer", "no workstation", "no machine", "no device", "not a single",
        "kein Standort", "kein Benutzer", "kein User", "jeder Mitarbeiter", "jeden Mitarbeiter",
        "jedem Mitarbeiter", "jeder Kollege", "jeder hier", "jeder ist", "jeder hat", "jeder kann",
        "für jeden", "jedem Platz", "jeden Platz", "jedem Rechner", "jedem PC", "jeder PC",
        "jeder Rechner", "jeder Arbeitsplatz", "sämtliche", "sämtlichen", "ganze Firma",
        "ganzen Firma", "gesamte Firma", "gesamten Firma", "komplette Firma", "ganze Büro",
        "ganzen Büro", "gesamte Büro", "gesamten Büro", "komplette Büro", "ganze Unternehmen",
        "ganzen Unternehmen", "gesamte Unternehmen", "gesamten Unternehmen", "ganze Haus",
        "ganzen Haus", "ganze Gebäude", "ganzen Gebäude", "ganze Standort", "ganzen Standort",
        "gesamten Standort", "ganze Kanzlei", "ganzen Kanzlei", "ganze Praxis", "ganzen Praxis",
        "ganze Belegschaft", "firmenweit", "unternehmensweit", "standortweit", "flächendeckend",
        "zentral", "zentrale", "zentralen", "everyone", "everybody", "nobody", "no one", "noone",
        "all users", "all staff", "all employees", "all colleagues", "all computers", "all pcs",
        "for all", "whole office", "whole company", "entire office", "entire company",
        "company wide", "companywide", "company-wide", "all of us", "none of us", "anyone",
        "across the company", "every desk", "each desk", "every phone", "every pc",
        "every computer", "every workstation", "every machine", "weder ich noch", "noch irgendein",
        "noch irgendjemand", "noch die Kollegen", "neither me nor", "nor anyone", "Großteil",
        "Hälfte", "halbe Firma", "halbe Büro", "die meisten", "most of", "most users",
        "most people", "most staff", "half of", "half the", "majority", "Mehrheit", "nobdy",
        "noboby", "niemnad", "niemad", "keienr", "kiener", "evryone", "everyon", "überall",
        "everywhere", "auf allen", "betrifft alle", "für keinen", "bei keinen", "für niemanden",
        "whole building", "entire building", "across the office", "whole network", "alle betroffen",
        "all affected", "for everybody", "for everyone", "entire team", "alle Plätze",
        "allen Plätzen", "uns allen", "bei uns allen", "all of them", "all phones", "all our",
        "alle unsere", "alle unserer", "meine Firma", "unsere Firma", "my company", "my companys",
        "our company", "our companys", "our office", "my office", "unser Büro", "unserem Büro",
        "whole practice", "ganze Team", "ganzen Team", "sind alle", "alle tot", "alle weg",
        "alle offline", "alle down", "alle kaputt", "alle ausgefallen", "all down", "all dead",
        "are all", "all offline", "Firma komplett", "komplette Firma", "nirgends", "nirgendwo",
        "nowhere",
        # every user, each one: "bei jedem", "for every user", "no scanner can"
        "für jeden User", "jeder User", "jeder Benutzer", "jedem User",
        "jedem Benutzer", "jeden User", "jeden Benutzer", "every user", "each user",
        "every single user", "for every user", "for each user", "every account",
        "no scanner can", "no scanners", "none of the scanners", "kein Scanner kann",
        "keiner der Scanner", "no device can", "kein Gerät kann", "no user can",
        "kein User kann", "kein Benutzer kann", "im Haus", "im ganzen Haus", "in the building",
    ),
    SEVERAL: (
        # the speaker and another person: "bei mir und Herrn Weber", "me and Anna"
        "mir und Herrn", "mir und Frau", "mir und dem Kollegen", "mir und der Kollegin",
        "mir und meinem Kollegen", "mir und meiner Kollegin", "ich und Herr", "ich und Frau",
        "me and my colleague", "my colleague and me", "my colleague and i",
        "mehrere", "mehreren", "einige", "einigen", "manche", "manchen", "ein paar", "etliche",
        "etlichen", "Kollegen", "Kolleginnen", "Abteilung", "ganze Etage", "ganzen Etage",
        "ganze Abteilung", "ganzen Abteilung", "several", "multiple", "die Mitarbeiter",
        "unsere Mitarbeiter", "Mitarbeitende", "Mitarbeitenden", "die Benutzer", "die User",
        "die Anwender", "staff", "employees", "users", "people", "Leute", "some users", "a few",
        "colleagues", "department", "team", "whole floor", "Buchhaltung", "Vertrieb", "Verwaltung",
        "Personalabteilung", "Einkauf", "Lager", "accounting", "sales team", "warehouse",
        "ganzen Flur", "ganze Flur",
    ),
    SEVERAL_WEAK: ("wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "our", "we"),
    ONE: (
        "bei mir", "one of our", "im Homeoffice", "von zu Hause", "von zuhause", "zu Hause",
        "at home", "from home", "from my hotel", "im Hotel", "one of the", "einer unserer",
        "eines unserer", "einem unserer", "einer der", "eines der", "einzelne", "einzelnen",
        "einzelner", "one user", "a single user", "ein User", "ein Benutzer", "ein Nutzer",
    ),
    # "mein Server", "my company's mail server": a possessive is one person's only for a device
    # or a program; a central system that is down stays the company's.
    ONE_POSSESSIVE: (
        "mein", "meine", "meinem", "meinen", "meiner", "my", "mine", "mir", "mich", "me",
    ),
    ONE_WEAK: ("ich", "i"),
    # A named person ("Herr Meier", "ein Kollege"): one, even for a central system.
    ONE_PERSON: ("Herr", "Herrn", "Frau", "Kollege", "Kollegin", "ein Mitarbeiter",
                 "eine Mitarbeiterin", "Azubi", "Praktikant",
                 # a singular article before "Kollegen": "beim Kollegen Yilmaz"
                 "beim Kollegen", "dem Kollegen", "einem Kollegen", "meinem Kollegen",
                 "unserem Kollegen", "des Kollegen", "eines Kollegen", "unseres Kollegen",
                 "trainee", "apprentice"),
    ONLY_ONE: (
        "außer mir", "except me", "but me", "besides me", "apart from me",
        "nur bei mir", "nur bei ihm", "nur bei ihr", "only him", "only her", "only for him",
        "only for her", "just him", "just her", "nur ich", "nur mein", "nur meine", "nur meinem",
        "nur mir", "nur mich",
        "die anderen", "den anderen", "alle anderen", "Kollegen schon", "Kollegen geht",
        "Kollegen funktioniert", "Kollegen läuft", "other colleagues",
        # the female colleagues fine: "bei den Kolleginnen klappt alles"
        "Kolleginnen geht", "Kolleginnen gehts", "Kolleginnen läuft", "Kolleginnen funktioniert",
        "Kolleginnen klappt", "Kollegen klappt", "Kolleginnen schon", "Kolleginnen können",
        "Kolleginnen haben", "only me", "only mine",
        "only my", "just me", "just my", "others are fine", "everyone else", "betrifft nur mich",
        "betrifft nur meinen", "betrifft nur meine", "nur bei einem", "nur bei einer",
        "nur bei Herrn", "nur bei Frau", "allen anderen", "bei allen anderen",
        "im Büro läuft alles", "im Büro geht alles", "im Büro geht es", "sonst läuft alles",
        "sonst geht alles", "sonst funktioniert alles", "in the office is fine",
        "in the office are fine", "office works", "Kollegen gehts", "Kollegen sehen",
        "Kollegen können", "Kollegen haben", "Kollegin nebenan", "colleagues are fine",
        "colleagues can", "others can", "everyone else can", "only on my", "only for me",
        "bei den anderen", "die anderen können", "all other", "all the other", "every other",
        "others fine", "others ok", "others work", "the rest work", "the rest are fine",
        "rest is fine", "other are fine", "other work", "other are ok", "other can",
        # the audience of my own headset or camera: "people cant hear me"
        "hear me", "see me", "understand me", "hören mich", "hört mich", "verstehen mich",
        "versteht mich", "sehen mich", "sieht mich", "other phones", "andere Telefone",
        "anderen Telefone",
        "anderen Telefonen", "andere gehen", "andere laufen", "der Rest geht", "der Rest läuft",
        # one device singled out: "nur der Rechner am Empfang", "only the laptop in room 3"
        "nur der Rechner", "nur der PC", "nur das Notebook", "nur der Laptop", "nur ein Rechner",
        "nur ein PC", "nur dieser", "nur dieses", "only the laptop", "only the pc",
        "only one pc", "only one laptop", "only that",
    ),
}
# fmt: on
