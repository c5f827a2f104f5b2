"""Hand-kept triage vocabulary: components, states, scope and request words (German and English).

Terms are written as people type them; the matcher folds umlauts and case itself. A word of
four or more letters also matches longer words that start with it ("Drucker" -> "Druckers",
"Druckerproblem"), a word of five or more also as the later part of a compound
("Netzwerkausfall", "Stromausfall"). Short or ambiguous words are in EXACT_WORDS.
"""

# fmt: off
# Component kinds. Central ones are company-wide by nature; client ones run at a workstation
# but talk to a central system (so who is affected decides); devices belong to one person.
SERVER = "server"
NETWORK = "network"
INTERNET = "internet"
COMPANY_SYSTEM = "company_system"
PHONE_SYSTEM = "phone_system"
CLIENT_APP = "client_app"
WORKSTATION = "workstation"
PHONE = "phone"
PRINTER = "printer"
EVERYTHING = "everything"

CENTRAL_KINDS = frozenset({SERVER, NETWORK, INTERNET, COMPANY_SYSTEM, PHONE_SYSTEM})
DEVICE_KINDS = frozenset({WORKSTATION, PHONE})

COMPONENT_TERMS = {
    SERVER: (
        "Server", "Servern", "Fileserver", "Dateiserver", "Datenserver", "Druckserver",
        "Netzlaufwerk", "Netzwerklaufwerk", "Laufwerk", "Laufwerke", "Dateiablage",
        "Netzwerkfreigabe", "Domänencontroller", "Domaincontroller", "Domänen-Controller",
        "Active Directory", "Domäne", "Hyper-V", "VMware", "ESX", "VM", "Virtualisierung",
        "Rechenzentrum", "Backupserver", "Storage", "NAS", "Host-Server", "file server",
        "main server", "network drive", "shared drive", "shared folder", "domain controller",
        "servers",
    ),
    NETWORK: (
        "Netzwerk", "Netz", "LAN", "WLAN", "W-LAN", "WiFi", "Wi-Fi", "Switch", "Switche",
        "Router", "Firewall", "Access Point", "Accesspoint", "Gateway", "Verbindung",
        "Verbindungen", "Netzwerkverbindung", "Verkabelung", "network", "wireless", "connection",
        "connectivity",
    ),
    INTERNET: (
        "Internet", "Internetverbindung", "Internetzugang", "Internetleitung", "DSL", "VDSL",
        "Glasfaser", "Webseiten", "Websites", "Online-Zugang", "Telekom", "Vodafone",
        "internet connection",
    ),
    COMPANY_SYSTEM: (
        "Exchange", "Exchange-Server", "Mailserver", "Mail-Server", "E-Mail-Server",
        "Emailserver", "Mailsystem", "SQL", "SQL-Server", "MSSQL", "MS-SQL", "Datenbank",
        "Datenbankserver", "ERP", "ERP-System", "SAP", "DATEV", "Warenwirtschaft", "WaWi",
        "Warenwirtschaftssystem", "Terminalserver", "Terminal-Server", "Terminal Server", "RDS",
        "Remotedesktop", "Citrix", "CRM", "Navision", "Dynamics", "Lexware", "Sage", "DMS",
        "Dokumentenmanagement", "SharePoint", "Intranet", "Buchhaltungssoftware", "Fibu",
        "Finanzbuchhaltung", "Branchensoftware", "Zeiterfassung", "Kassensystem", "Kasse",
        "Kassen", "Warenwirtschaftssystem", "System", "Systeme", "Cloud", "mail server",
        "email server", "e-mail server", "database", "terminal server",
    ),
    PHONE_SYSTEM: (
        "Telefonanlage", "TK-Anlage", "Telefonie", "Telefonsystem", "Telefonserver", "VoIP",
        "Telefonleitung", "Telefonleitungen", "phone system", "phone lines", "PBX",
    ),
    CLIENT_APP: (
        "Outlook", "E-Mail", "E-Mails", "Email", "Emails", "Mail", "Mails", "Mailversand",
        "Mailempfang", "Postfach", "Mailbox", "Kalender", "Teams", "Zoom", "VPN", "Browser",
        "Chrome", "Firefox", "Word", "Excel", "PowerPoint", "Acrobat", "Adobe", "PDF", "Programm",
        "Programme", "Software", "Anwendung", "App", "Apps", "Passwort", "Kennwort", "Login",
        "Anmeldung", "Konto", "Account", "Benutzerkonto", "Zugang", "Zugangsdaten", "OneDrive",
        "password", "calendar", "application", "program",
    ),
    WORKSTATION: (
        "PC", "PCs", "Rechner", "Computer", "Laptop", "Notebook", "Arbeitsplatz", "Arbeitsplätze",
        "Arbeitsplatzrechner", "Client", "Clients", "Desktop", "Bildschirm", "Bildschirme",
        "Monitor", "Monitore", "Display", "Maus", "Mäuse", "Tastatur", "Headset", "Kopfhörer",
        "Webcam", "Kamera", "Dockingstation", "Docking", "Dock", "USB", "Lautsprecher",
        "Mikrofon", "Festplatte", "Windows", "Betriebssystem", "Akku", "Netzteil", "Netzkabel",
        "Netzstecker", "Beamer", "Tablet", "iPad", "Thin Client", "Grafikkarte", "screen",
        "mouse", "keyboard", "machine", "desktop",
    ),
    PHONE: (
        "Telefon", "Telefone", "Telefonat", "Telefonate", "telefonisch", "Handy", "Handys",
        "Smartphone", "Diensthandy", "iPhone", "Mobiltelefon", "Festnetz", "Hörer",
        "Telefonhörer", "Freizeichen", "phone", "phones", "desk phone", "mobile",
    ),
    PRINTER: (
        "Drucker", "Druck", "Drucken", "druckt", "druckte", "gedruckt", "Ausdruck", "Ausdrucke",
        "Printer", "Scanner", "scannt", "scannen", "Scans", "Kopierer", "Multifunktionsgerät",
        "MFP", "Plotter", "Etikettendrucker", "Druckauftrag", "Druckaufträge", "Fax", "Faxgerät",
        "Toner", "print", "prints", "printing", "copier",
    ),
}

# Compound heads that give way to a more specific part: "Exchange-Server" is Exchange.
GENERIC_COMPONENT_WORDS = frozenset({"server", "system", "verbindung", "laufwerk"})

DOWN = "down"
DEGRADED = "degraded"
FAULT = "fault"

STATE_TERMS = {
    DOWN: (
        "ausgefallen", "Ausfall", "Ausfälle", "fällt aus", "fiel aus", "ausfallen",
        "Totalausfall", "Komplettausfall", "down", "offline", "tot", "weg", "kaputt", "defekt",
        "abgestürzt", "stürzt ab", "stürzt", "abstürzen", "Absturz", "streikt", "streiken",
        "gestorben", "verabschiedet", "abgeraucht", "abgeschmiert", "schmiert ab", "hinüber",
        "im Eimer", "futsch", "schwarz", "dunkel", "Bluescreen", "Blue Screen", "unerreichbar",
        "Stillstand", "steht still", "stehen still", "lahmgelegt", "geht aus", "kein Bild",
        "kein Ton", "kein Signal", "kein Empfang", "kein Strom", "lost access", "crashed",
        "crash", "crashes", "crashing", "outage", "dead", "broken", "unreachable", "failed",
        "failure", "died", "gone", "stopped working", "no signal", "out of order", "no dial tone",
        "dial tone", "lost connection", "no connection", "not responding",
        "abgekackt", "keine Rückmeldung", "Virus", "Viren", "Trojaner", "Malware", "gesperrt",
        "locked out", "not loading", "wont load",
    ),
    DEGRADED: (
        "langsam", "langsamer", "verlangsamt", "hängt", "hängen", "hängend", "aufgehängt", "hing",
        "träge", "ruckelt", "ruckeln", "stockt", "stocken", "zäh", "lahm", "schleppend",
        "kriecht", "Schneckentempo", "dauert ewig", "dauert lange", "dauert Minuten",
        "dauert Stunden", "ewig", "Ewigkeiten", "flackert", "flackern", "flimmert", "flimmern",
        "friert ein", "frieren ein", "eingefroren", "einfrieren", "einfriert", "Verzögerung",
        "verzögert", "bricht ab", "brechen ab", "bricht zusammen", "Aussetzer", "setzt aus",
        "rauscht", "Rauschen", "knackt", "instabil", "Wackelkontakt", "streifig", "Streifen",
        "nur noch", "Antwortzeiten", "Ladezeiten", "Performance", "slow", "slower", "sluggish",
        "laggy", "lagging", "freezes", "freezing", "frozen", "hangs", "hanging", "flicker",
        "flickers", "flickering", "unstable", "keeps dropping", "drops", "takes forever",
        "forever", "choppy",
        "geht in die Knie", "Kriechtempo", "disconnecting", "disconnects", "keeps disconnecting",
        "super slow", "very slow",
    ),
    FAULT: (
        "Störung", "Störungen", "gestört", "stört", "Fehler", "Fehlermeldung", "Problem",
        "Probleme", "spinnt", "spinnen", "komisch", "seltsam", "merkwürdig", "piept", "piepst",
        "Papierstau", "falsch", "falsche", "falschen", "blinkt", "verschwunden", "error",
        "errors", "issue", "issues", "problem", "problems", "jammed", "jam", "glitch", "weird",
        "strange", "beeps", "beeping", "wrong",
        "zickt", "Mucken", "startet neu", "bootet neu", "Neustart", "verweigert", "abgelaufen",
        "acting up",
    ),
}

# "geht nicht", "druckt nicht", "kommt keiner rein": a negation near one of these means down.
FUNCTION_VERBS = (
    "geht", "gehen", "ging", "gingen", "gehts", "funktioniert", "funktionieren", "funzt", "läuft",
    "laufen", "lief", "startet", "starten", "start", "bootet", "booten", "fährt", "fahren",
    "hochfahren", "druckt", "drucken", "druckt", "scannt", "scannen", "lädt", "laden", "lade",
    "öffnet", "öffnen", "aufmachen", "reagiert", "reagieren", "antwortet", "antworten",
    "verbindet", "verbinden", "erreichbar", "erreichen", "erreicht", "anmelden", "einloggen",
    "loggen", "einwählen", "senden", "sendet", "verschicken", "versenden", "schicken", "schickt",
    "empfangen", "empfängt", "abrufen", "kommt", "komme", "kommen", "kommst", "rein", "durch",
    "arbeiten", "zugreifen", "zugriff", "erkennt", "erkannt", "erkennen", "klingelt", "klingeln",
    "akzeptiert", "synchronisiert", "speichern", "speichert", "telefonieren", "anrufen", "hören",
    "verfügbar", "tut", "zeigt", "angezeigt", "einschalten", "anschalten", "pingen", "pingt",
    "surfen", "drauf", "öffnen", "syncing", "loading", "opening", "printing", "connecting",
    "work", "works", "working", "worked", "start",
    "starts", "boot", "boots", "turn", "load", "loads", "open", "opens", "respond", "responds",
    "connect", "connects", "reach", "access", "log", "login", "sign", "send", "receive", "print",
    "scan", "call", "calls", "ring", "sync", "save", "available", "reachable",
)

NEGATIONS = (
    "nicht", "nich", "nciht", "nicth", "nimmer", "kein", "keine", "keinen", "keinem", "keiner",
    "keines", "keins", "nichts", "nix", "niemand", "niemanden", "niemandem", "nie", "garnicht",
    "not", "no", "none", "nothing", "nobody", "noone", "never", "cannot", "cant", "couldnt",
    "dont", "doesnt", "didnt", "isnt", "arent", "wont", "wasnt", "unable", "ohne", "without",
)

# Negations that also work as a determiner before a noun: "kein Internet", "no connection".
NEGATING_DETERMINERS = (
    "kein", "keine", "keinen", "keinem", "keiner", "keins", "no", "ohne", "without",
)

# "dass Outlook nicht automatisch startet" describes a wish, not a fault.
SUBORDINATORS = ("dass", "damit", "sodass", "that", "ob")

# Everything stopped, whatever else is named: "nichts geht", "Produktion steht", ransomware.
NOTHING_WORKS = (
    "nichts geht", "geht nichts", "nichts funktioniert", "funktioniert nichts", "nix geht",
    "geht nix", "nichts läuft", "läuft nichts", "alles down", "alles aus", "alles tot",
    "alles weg", "alles ausgefallen", "alles steht", "Stillstand", "niemand kann arbeiten",
    "keiner kann arbeiten", "Produktion steht", "Betrieb steht", "Fertigung steht",
    "Ransomware", "Verschlüsselungstrojaner", "Hackerangriff", "Cyberangriff", "gehackt",
    "Dateien verschlüsselt", "alles verschlüsselt", "nothing works", "nothing is working",
    "nothing working", "everything is down", "everything down", "hacked", "encrypted",
)

# "Nothing" that may be one device's ("druckt gar nichts mehr"): counts only alone.
NOTHING_MORE = (
    "gar nichts", "überhaupt nichts", "nichts mehr", "nix mehr", "Totalausfall",
    "Komplettausfall", "stehen still", "nicht arbeiten", "kann nicht arbeiten", "cant work",
    "cannot work",
)

# Words that name everything at once; only used when no component is named.
EVERYTHING_TERMS = (
    "alles", "everything", "all systems", "alle Systeme", "Produktion", "Betrieb", "Fertigung",
)

COMPANY = "company"
SEVERAL = "several"
SEVERAL_WEAK = "several_weak"
ONE = "one"
ONE_WEAK = "one_weak"
ONLY_ONE = "only_one"

SCOPE_TERMS = {
    COMPANY: (
        "alle Kollegen", "alle Kolleginnen", "alle Mitarbeiter", "alle Mitarbeitenden",
        "alle Benutzer", "alle User", "alle Nutzer", "alle Anwender", "alle Arbeitsplätze",
        "alle Rechner", "alle PCs", "alle Computer", "alle Clients", "alle Standorte",
        "alle Filialen", "alle Telefone", "alle Abteilungen", "alle betroffen", "alle sind",
        "alle haben", "alle können", "alle stehen", "alle nicht", "bei allen", "für alle",
        "in allen", "an allen", "wir alle", "uns alle", "niemand", "niemanden", "niemandem",
        "keiner", "keinem", "kein einziger", "keine einzige", "kein Mitarbeiter", "kein Kollege",
        "kein Rechner", "kein PC", "kein Arbeitsplatz", "kein Standort", "kein Benutzer",
        "kein User", "jeder", "jedem", "jeden", "sämtliche", "sämtlichen", "ganze Firma",
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
        "across the company",
        "überall", "everywhere", "auf allen", "betrifft alle",
    ),
    SEVERAL: (
        "mehrere", "mehreren", "einige", "einigen", "manche", "manchen", "ein paar", "etliche",
        "etlichen", "Kollegen", "Kolleginnen", "Abteilung", "ganze Etage", "ganzen Etage",
        "ganze Abteilung", "ganzen Abteilung", "Großteil", "Hälfte", "several", "multiple",
        "some users", "a few", "colleagues", "department", "team",
    ),
    SEVERAL_WEAK: ("wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "our", "we"),
    ONE: (
        "mein", "meine", "meinem", "meinen", "meiner", "bei mir", "mir", "mich", "my", "me",
        "mine", "Herr", "Herrn", "Frau", "Kollege", "Kollegin", "ein Mitarbeiter",
        "eine Mitarbeiterin", "einzelne", "einzelnen", "einzelner", "Azubi", "Praktikant",
    ),
    ONE_WEAK: ("ich", "i"),
    ONLY_ONE: (
        "nur bei mir", "nur ich", "nur mein", "nur meine", "nur meinem", "nur mir", "nur mich",
        "die anderen", "den anderen", "alle anderen", "Kollegen schon", "Kollegen geht",
        "Kollegen funktioniert", "Kollegen läuft", "other colleagues", "only me", "only mine",
        "only my", "just me", "just my", "others are fine", "everyone else",
        "betrifft nur", "nur bei",
    ),
}

# "manchmal nicht erreichbar" is a degradation, not an outage.
INTERMITTENT = (
    "manchmal", "ab und zu", "zeitweise", "zeitweilig", "sporadisch", "gelegentlich",
    "hin und wieder", "teilweise", "immer wieder", "sometimes", "occasionally", "intermittent",
    "intermittently", "now and then", "from time to time",
)

REQUEST_TERMS = (
    "wie kann", "wie können", "kann man", "wie geht", "wie richte", "wie stelle", "wie ändere",
    "wie verbinde", "wie funktioniert", "wie lange", "wie bekomme", "wo finde", "wo kann",
    "gibt es", "ist es möglich", "wäre es möglich", "möglich", "Möglichkeit", "Frage", "Fragen",
    "Anleitung", "erklären", "Tipp", "bitte", "gerne", "gern", "hätte", "hätten", "möchte",
    "möchten", "würde", "würden", "wünsche", "Wunsch", "bräuchte", "bräuchten", "benötige",
    "benötigen", "brauche", "brauchen", "bestellen", "Bestellung", "beschaffen", "Angebot",
    "kostet", "Kosten", "Preis", "Lizenz", "Lizenzen", "einrichten", "eingerichtet", "einbinden",
    "eingebunden", "installieren", "Installation", "anlegen", "vorbereiten", "neuer Benutzer",
    "neuen Benutzer", "neuer Mitarbeiter", "neuen Mitarbeiter", "neue Mitarbeiterin",
    "neue Kollegin", "neuen Kollegen", "Azubi", "Praktikant", "freischalten", "Freigabe",
    "Berechtigung", "Berechtigungen", "Rechte", "deaktivieren", "löschen", "entfernen",
    "umbenennen", "ändern", "anpassen", "aktualisieren", "tauschen", "austauschen", "Umzug",
    "umziehen", "Termin", "Wartungsfenster", "Rückruf", "Vertrag", "Verteiler", "aufnehmen",
    "hinzufügen", "teilen", "exportieren", "importieren", "Schulung", "Danke", "Dank",
    "nicht dringend", "nicht eilig", "keine Eile", "wann", "welche", "welcher", "was", "kann ich",
    "können Sie", "könnten Sie", "könnten", "how do i", "how can i", "how to", "how do we",
    "where do i", "where can i", "is there a way", "is it possible", "can i", "can we",
    "could you", "could we", "would like", "wed like", "id like", "please", "question", "request",
    "order", "quote", "licence", "license", "licences", "licenses", "new user", "new account",
    "create an account", "new employee", "new intern", "set up", "setup", "install", "add me",
    "rename", "change", "remove", "delete", "access to", "thanks", "thank you", "not urgent",
    "when", "which", "what",
    "whats", "wie", "wo", "warum", "planen", "geplant", "Planung", "Update", "Updates", "Upgrade",
    "upgraden", "Info", "Information", "informieren", "Hinweis", "Urlaub", "Abwesenheit",
    "Anfrage", "beantragen", "Antrag", "verlängern", "kündigen", "Einrichtung", "Onboarding",
    "Offboarding", "Austritt", "Eintritt", "umstellen", "Umstellung", "Beratung", "Empfehlung",
    "empfehlen", "Idee", "Vorschlag", "Verbesserung", "wäre schön", "Rechnung", "Einweisung",
    "zeigen", "korrigieren", "exportiere", "erstelle", "erstellen", "can you", "could i",
    "would it be possible", "we need", "i need", "increase", "renew", "invoice", "suggestion",
    "training", "schedule", "policy", "need a", "new hire",
)

COSMETIC_TERMS = (
    "kosmetisch", "Schönheitsfehler", "Kleinigkeit", "Tippfehler", "Schrift", "Schriftart",
    "Schriftgröße", "Farbe", "Farben", "farbig", "Logo", "Signatur", "Hintergrund",
    "Hintergrundbild", "Layout", "Design", "Symbol", "Icon", "Verknüpfung", "verschoben",
    "verschwommen", "optisch", "cosmetic", "minor thing", "font", "colour", "color", "logo",
    "signature", "wallpaper", "typo", "slightly off", "footer", "veraltet", "outdated",
)

# Statements that the matter is cosmetic: low, whatever else the text says about a client.
EXPLICIT_LOW_TERMS = (
    "kosmetisch", "nur optisch", "rein optisch", "Schönheitsfehler", "stört nicht",
    "stört aber nicht", "nur kosmetisch", "cosmetic", "purely visual",
)

# Four-letter-plus words that must match a whole word only ("alle" is not "allerdings").
EXACT_WORDS = frozenset(
    {
        "alle", "allen", "aller", "alles", "down", "haus", "team", "mein", "kein", "uns", "unser",
        "jeder", "jedem", "jeden", "kollege", "kollegin", "rein", "durch", "mehr", "nicht",
        "nich", "nichts", "netz", "ewig", "gern", "gerne", "dank", "danke", "wann", "frage",
        "welche", "welcher", "order", "what", "when", "drops", "open", "turn", "call",
        "ring", "sign", "sync", "save", "scan", "print", "prints", "anyone", "start", "mobile",
        "machine", "issue", "dock", "kasse", "zeigt", "tipp", "tipps",
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
        "traum", "kunden", "kunde",
    }
)
# fmt: on
