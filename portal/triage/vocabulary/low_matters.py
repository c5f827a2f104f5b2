"""Positive evidence of a low matter: requests, questions, planned or cosmetic wishes, no hurry."""

# fmt: off
# A question ("Welche Version von Office haben wir?") opens with one of these; with no symptom
# and enough words around it, it is a question about something, which the SLA calls low.
QUESTION_OPENERS = frozenset({
    "welche", "welcher", "welches", "welchen", "wie", "wo", "woher", "wohin", "was", "wann",
    "warum", "wieso", "weshalb", "wer", "woran", "wodurch", "kann", "koennen", "koennt",
    "koennte", "koennten",
    "gibt", "ist", "sind", "habt", "muessen", "must", "haben", "hat", "darf", "duerfen", "muss",
    "soll", "sollen",
    "which", "what", "how", "where", "when", "why", "who", "can", "could", "is", "are", "do",
    "does", "may", "should", "would", "will",
})
QUESTION_MIN_WORDS = 4
# How to do a thing, asked by the one who wants to ("wie mach ich nen screenshot", "how do I
# print in colour"): a question even without its question mark.
HOW_WORDS = frozenset({"wie", "how"})
ASKERS = frozenset({"ich", "man", "wir", "i", "we"})
HOW_REACH = 2
# A text that calls itself a question: "Kurze Frage: …", "Question: …".
QUESTION_WORDS = frozenset({"frage", "fragen", "question"})
# "Was ist los?": a question that reports trouble, not a question about something.
TROUBLE_QUESTIONS = (
    "was ist los", "was ist da los", "was ist denn los", "was ist hier los", "was ist passiert",
    "what happened", "whats going on", "what is going on", "whats wrong", "what is wrong",
    "whats happening",
)

REQUEST_TERMS = (
    "wie kann", "wie können", "kann man", "wie geht", "wie richte", "wie stelle", "wie ändere",
    "wie verbinde", "wie funktioniert", "wie lange", "wie bekomme", "wo finde", "wo kann",
    "gibt es", "ist es möglich", "wäre es möglich", "möglich", "Möglichkeit", "Frage", "Fragen",
    "Anleitung", "erklären", "Tipp", "hätte", "hätten", "möchte", "möchten", "würde", "würden",
    "wünsche", "Wunsch", "bräuchte", "bräuchten", "benötige", "benötigen", "brauche", "brauchen",
    "bestellen", "Bestellung", "beschaffen", "Angebot", "kostet", "Kosten", "Preis", "Lizenz",
    "Lizenzen", "einrichten", "eingerichtet", "einbinden", "eingebunden", "installieren",
    "Installation", "anlegen", "vorbereiten", "neuer Benutzer", "neuen Benutzer",
    "neuer Mitarbeiter", "neuen Mitarbeiter", "neue Mitarbeiterin", "neue Kollegin",
    "neuen Kollegen", "freischalten", "Freigabe", "Berechtigung",
    "Berechtigungen", "Rechte", "deaktivieren", "löschen", "entfernen", "umbenennen", "ändern",
    "anpassen", "aktualisieren", "tauschen", "austauschen", "Umzug", "umziehen", "Termin",
    "Wartungsfenster", "Rückruf", "Vertrag", "Verteiler", "aufnehmen", "hinzufügen", "teilen",
    "exportieren", "importieren", "Schulung", "nicht dringend", "nicht eilig", "keine Eile",
    "kann ich", "können Sie", "könnten Sie", "könnten", "how do i", "how can i", "how to",
    "how do we", "where do i", "where can i", "is there a way", "is it possible", "can i", "can we",
    "could you", "could we", "would like", "wed like", "id like", "question", "request", "order",
    "quote", "licence", "license", "licences", "licenses", "new user", "new account",
    "create an account", "new employee", "new intern", "set up", "setup", "install", "add me",
    "rename", "change", "remove", "delete", "access to", "not urgent", "planen", "geplant",
    "Planung", "Update", "Updates", "Upgrade", "upgraden", "Info", "Information", "informieren",
    "Hinweis", "Urlaub", "Abwesenheit", "Anfrage", "beantragen", "Antrag", "verlängern", "kündigen",
    "Einrichtung", "Onboarding", "Offboarding", "Austritt", "Eintritt", "umstellen", "Umstellung",
    "Beratung", "Empfehlung", "empfehlen", "Idee", "Vorschlag", "Verbesserung", "wäre schön",
    "Rechnung", "Einweisung", "mir zeigen", "korrigieren", "exportiere", "erstelle", "erstellen",
    "can you", "could i", "would it be possible", "we need", "i need", "increase", "renew",
    "invoice", "suggestion", "training", "schedule", "policy", "need a", "new hire", "ändere",
    "änderst", "geändert", "einstellen", "abstellen", "ausschalten", "sortieren", "verschieben",
    "wie besprochen", "nächste Woche", "nächsten Monat", "nächstes Jahr", "next week", "next month",
    "next year", "Spotify", "Mailingliste", "mailing list", "Verteilerliste", "distribution list",
    "Leserechte", "Schreibrechte", "Zugriff auf", "zugriff auf den", "bestellen", "order", "Pivot",
    "zeigen wie", "show me how", "umziehen", "Kratzer", "wie man", "neue", "neuen", "neuer",
    "neues", "new", "bedienen", "bedient", "abbauen", "entsorgen", "abholen", "ausmustern",
    "dispose", "worn out", "abgenutzt", "verschlissen", "faded", "ausgeblichen", "Wartung",
    "maintenance", "Wartungsarbeiten", "Danke für", "vielen Dank für", "thanks for",
    "thank you for", "Dankeschön", "requesting",
    "archivieren", "archive", "aufgelöst werden", "auflösen", "einplanen", "einzuplanen",
    "Wartungsvertrag", "Wartungsverträge", "festlegen", "als Standard", "set as default",
    "make default", "aufräumen", "tidy up", "ordnen", "freigeben", "wondering", "we can get",
    "could we get", "soll werden",
    "sollen werden", "should be shared", "wish", "Ersatz", "replacement", "wäre nett",
    "would be nice", "abgegriffen", "recall", "zurückholen", "richten ein", "richtet ein",
    "richte ein", "Weiterleitung", "forwarding",
    # a move, an end of support, someone leaving: planned matters
    "desk move", "move my", "moving", "läuft aus", "ausläuft", "end of support", "end of life",
    "Supportende", "läuft ab", "expires", "Abo", "subscription", "sperren", "hört auf",
    "scheidet aus", "verlässt uns", "leaves the company",
    "leaving us",
    # consumables running low, a list for an audit, a move to plan, something to add
    "Toner low", "Toner fast leer", "Toner niedrig", "low on toner", "toner is low",
    "Tinte fast leer", "ink low", "low on ink", "Toner wechseln", "replace toner",
    "Liste aller", "Liste der", "Liste mit", "Auflistung", "list of", "overview of", "audit",
    "Audit", "mitplanen", "mit einplanen", "plan for", "please add", "add the", "add a", "add an",
    "add our", "language", "Sprache", "Spracheinstellung", "keyboard layout", "Tastaturlayout",
)

# A disk or store filled to a share below the level monitoring calls critical ("Festplatte C:
# zu 78 % belegt"): capacity to plan, a low matter; at or above it ("93% full") a fault.
FILL_WORDS = frozenset({
    "belegt", "voll", "gefuellt", "ausgelastet", "auslastung", "belegung", "full", "used",
    "usage", "utilization", "utilisation",
})
FILL_ALARM_PERCENT = 90

# The customer says it can wait: with nothing worse than a vague fault ("falsch") that is low.
RELAXED_TERMS = (
    "eilt nicht", "eilt nich", "eilt nix", "hat Zeit", "hat aber Zeit", "wenn ihr Zeit habt",
    "wenn Sie Zeit haben", "wenn ihr mal da seid", "whenever you have time", "when you have time",
    "no rush", "no hurry", "not urgent", "nicht dringend", "nicht eilig", "keine Eile",
    "kein Eilauftrag", "kein Notfall", "nur zur Info", "zur Info", "heads-up", "heads up", "FYI",
    "just to let you know", "nur Bescheid", "no need", "kein Bedarf", "nur zur Information",
    "nur so ne Frage", "nur eine Frage", "nur ne Frage", "kein Drama", "nicht schlimm", "sometime",
    "geht aber alles", "funktioniert aber alles", "nur Optik", "still works", "nur optisch",
    "bei Gelegenheit", "when convenient", "when you get a chance", "whenever convenient",
    "nicht so wichtig", "nicht wichtig", "unwichtig", "not important", "not that important",
    "nix eilig", "nichts Eiliges", "nix Eiliges", "nichts Dringendes", "nix Dringendes",
    "nothing urgent",
)

# Positive evidence of a low matter that names a thing: planned or cosmetic wishes. They act as
# a component of their own, decided low, so a symptom next to them ("bin ab Freitag weg" beside
# "Abwesenheitsnotiz") is theirs, while a symptom of a device elsewhere in the text still wins.
LOW_TOPIC_TERMS = (
    "Abwesenheitsnotiz", "Abwesenheitsassistent", "Abwesenheitsmeldung", "Abwesenheit", "Autoreply",
    "Autoantwort", "automatische Antwort", "out of office", "out-of-office", "OOO", "auto reply",
    "autoreply", "Signatur", "Mailsignatur", "E-Mail-Signatur", "signature", "Gäste-WLAN",
    "Gäste-WiFi", "Gast-WLAN", "Gästenetz", "Gastnetz", "Gastzugang", "Gäste-Netz", "guest wifi",
    "guest wi-fi", "guest wlan", "guest network", "guest access", "Desktopsymbol", "Desktopsymbole",
    "Desktop-Symbol", "Desktop-Symbole", "Desktopicons", "Desktop-Icons", "desktop icon",
    "desktop icons", "Symbol", "Symbole", "Icon", "Icons", "Verknüpfung", "Verknüpfungen",
    "shortcut", "shortcuts", "Taskleiste", "taskbar", "Startmenü", "start menu", "Hintergrundbild",
    "wallpaper", "background", "Bildschirmschoner", "screensaver", "Startgeräusch",
    "Schriftgröße", "Schriftart", "Schrift", "font", "Logo", "Firmenlogo", "Mauspad", "mouse pad",
    "Datumsanzeige", "die Uhr", "Uhr am PC", "clock", "Datum", "date display", "Ansage",
    "Bandansage",
    "Klingelton", "ringtone", "Nachname", "Anzeigename", "display name", "Mailadresse umbenennen",
    "Rechnung", "invoice", "Angebot", "quote", "Uhrzeit", "Zeitumstellung", "Wartungsvertrag",
    "Wartungsverträge",
    # One's name or title as shown, and how a list is sorted or viewed.
    "mein Name", "meinen Namen", "sein Name", "seinen Namen", "ihr Name", "ihren Namen",
    "my name", "his name", "her name", "Titel", "Doktortitel", "Schreibweise",
    "falsch geschrieben", "misspelled", "spelled wrong", "Reihenfolge", "Ansicht", "Sortierung",
    "sortiert", "alphabetisch", "sort order", "sorted", "Vorschau", "preview", "Kopfzeile",
    "Fußzeile", "page header",
    # how the screen or a program looks or where a bar sits: "Outlook switched to dark mode"
    "Dunkelmodus", "dunkler Modus", "dunkles Design", "Dark Mode", "dark theme", "light mode",
    "heller Modus", "Startseite", "start page", "Suchmaschine", "search engine",
    # one's presence shown to others: "Teams zeigt mich als abwesend"
    "Anwesenheitsstatus", "Onlinestatus", "Teams-Status", "mein Status", "meinen Status",
    "my status", "als abwesend", "as away", "shows me as",
    # the date or time a display shows
    "wrong date", "wrong time", "falsches Datum", "falsche Uhrzeit", "Datum falsch",
    "Uhrzeit falsch",
    # a calendar of public holidays to show, a presence shown wrongly
    "Feiertage", "Feiertagskalender", "public holidays", "holiday calendar", "holidays calendar",
    "status shows", "status always shows", "Status zeigt", "Status steht", "shows away",
    "presence status", "Präsenzstatus", "zeigt abwesend",
    # a clock an hour off after the change of time
    "Stunde falsch", "hour off", "hour behind", "hour ahead", "Stunde vor", "Stunde nach",
)

COSMETIC_TERMS = (
    "kosmetisch", "Schönheitsfehler", "Kleinigkeit", "Tippfehler", "Schrift", "Schriftart",
    "Schriftgröße", "Farbe", "Farben", "farbig", "Logo", "Signatur", "Hintergrund",
    "Hintergrundbild", "Layout", "Design", "Symbol", "Icon", "Verknüpfung", "verschoben",
    "verschwommen", "optisch", "cosmetic", "minor thing", "font", "colour", "color", "logo",
    "signature", "wallpaper", "typo", "slightly off", "footer", "veraltet", "outdated",
    # a sticker come off, a key that squeaks: nothing stops working
    "Aufkleber", "Sticker", "Inventaraufkleber", "Inventarnummer", "asset tag", "asset sticker",
    "quietscht", "quietschen", "knarzt", "squeaks", "squeaky", "creaks", "creaky",
)

# Statements that the matter is cosmetic: low, whatever else the text says about a client.
EXPLICIT_LOW_TERMS = (
    "kosmetisch", "nur optisch", "rein optisch", "Schönheitsfehler", "stört nicht",
    "stört aber nicht", "nur kosmetisch", "cosmetic", "purely visual",
)
# A state word that tells of no fault: "wie krieg ich das weg", "to the wrong colleague".
NO_FAULT_TERMS = (
    "krieg ich das weg", "kriege ich das weg", "bekomme ich das weg", "bekommt man das weg",
    "kriegt man das weg", "get rid of", "wrong colleague", "wrong person", "wrong recipient",
    "falschen Empfänger", "falsche Empfänger", "falschen Kollegen", "falsche Person",
    "falschen Person",
    # The user's eyesight, a reason for a wish: "ich sehe nicht mehr so gut".
    "sehe nicht so gut", "sehe nicht mehr so gut", "sehe schlecht", "schlecht sehen",
    "cant see well", "eyesight",
    # A setting asked to change: "kann man die Maus langsamer stellen?", "wie stell ich den leiser".
    "langsamer stellen", "langsamer einstellen", "langsamer machen", "schneller stellen",
    "schneller einstellen", "leiser stellen", "leiser machen", "lauter stellen", "heller stellen",
    "dunkler stellen", "make it slower", "slow it down", "turn it down",
    # "steht nur noch rum": an old device standing idle, no trouble.
    "nur noch rum", "steht nur rum", "steht rum", "stehen rum",
    # "vor lauter Symbolen findet man nix mehr": clutter, not a search that fails.
    "findet man nichts", "findet man nix", "findet man nichts mehr", "findet man nix mehr",
    "man findet nichts", "man findet nix", "vor lauter",
    # a suspicious mail described, no fault of the mail system: "a weird email from our bank"
    "weird email", "weird mail", "strange email", "strange mail", "odd email", "suspicious email",
    "komische Mail", "komische E-Mail", "seltsame Mail", "seltsame E-Mail", "merkwürdige Mail",
    "merkwürdige E-Mail", "verdächtige Mail", "verdächtige E-Mail", "komische Mails",
    "komische E-Mails", "seltsame Mails", "seltsame E-Mails", "merkwürdige Mails",
    "verdächtige Mails", "verdächtige E-Mails", "weird emails", "strange emails", "odd emails",
    "suspicious emails",
    # not knowing how is a question, not a fault: "I can't find how to turn it off"
    "cant find how", "cannot find how", "cant figure out how", "dont know how",
    "do not know how", "finde nicht wie", "weiß nicht wie", "weiss nicht wie", "keine Ahnung wie",
    # printing in black and white is a setting, not a black screen
    "schwarz-weiß", "schwarzweiß", "schwarz weiß", "Schwarzweißdruck", "black and white",
    "black-and-white",
)
# The same settings asked for, as a wish.
SETTING_WISHES = (
    "langsamer stellen", "langsamer einstellen", "langsamer machen", "schneller stellen",
    "schneller einstellen", "leiser stellen", "leiser machen", "lauter stellen", "heller stellen",
    "dunkler stellen", "leiser", "make it slower", "slow it down", "turn it down",
    "Ordnung reinbringen", "Ordnung schaffen", "Ordnung machen", "clean up", "declutter",
    # a screen turned to portrait or landscape
    "Hochformat", "Querformat", "portrait mode", "landscape mode", "drehen", "rotate",
)
# An outage or an attack named as the subject of a plan, a training or a protection, or as
# what one agrees to: "Sicherheitsschulung zum Thema Ransomware", "ransomware protection", "wie
# verhalten wir uns bei einem Serverausfall", "Ausfall wäre für uns ok". Positive evidence of a
# planned matter; the outage nouns beside it in its clause are told of, not reported.
PLAN_TOPIC_TERMS = (
    "Schulung", "Schulungen", "Sicherheitsschulung", "Awareness", "Awareness-Schulung",
    "Awareness-Training", "security training", "training", "Webinar", "Workshop", "Schutz vor",
    "Schutz gegen", "Absicherung gegen", "protection", "protect against", "protected against",
    "Vorsorge", "vorbeugen", "prevention", "Notfallplan", "Notfall-Checkliste",
    "Notfallcheckliste", "Notfallhandbuch", "Notfallkonzept", "Checkliste", "checklist",
    "emergency plan", "contingency plan", "disaster recovery plan", "verhalten sollen",
    "verhalten soll", "verhalten wir uns", "what to do if", "what to do in case",
    "what should we do if", "what do we do if", "in case of", "in the event of", "im Falle eines",
    "im Falle einer", "im Fall eines", "im Fall einer", "für den Fall", "wäre für uns ok",
    "wäre ok", "wäre in Ordnung", "wäre kein Problem", "wäre für uns in Ordnung",
    "would be ok", "would be fine", "is fine for us", "geplante Downtime", "planned downtime",
    "geplanter Ausfall", "scheduled downtime", "Phishing-Test", "Phishing-Simulation",
    "phishing simulation", "phishing test",
)
# ... and an outage told of as past, with a date: "Internet-Ausfall letzte Woche: Ursache?"
PAST_EVENT_TERMS = (
    "letzte Woche", "vergangene Woche", "vorige Woche", "letzten Monat", "vergangenen Monat",
    "letztes Jahr", "neulich", "last week", "last month", "the other day", "a few weeks ago",
    "vor ein paar Wochen", "vor zwei Wochen", "two weeks ago",
)
# The outage and attack words such a clause names as a topic (German nouns are capitalised).
TOPIC_NOUNS = frozenset({
    "outage", "outages", "downtime", "ransomware", "malware", "phishing", "virus", "viruses",
    "hack", "attack", "attacks", "trojan", "trojans",
})
TOPIC_REACH = 6
# fmt: on
