"""Hand-kept triage vocabulary: components, states, scope and request words (German and English)."""

# Terms are written as people type them; the matcher folds umlauts and case itself. A word of
# four or more letters also matches longer words that start with it ("Drucker" -> "Druckers",
# "Druckerproblem"), a word of five or more also as a later part of a compound
# ("Netzwerkausfall", "Stromausfall"), a word of four at its end ("Firmenlogo"). Short or
# ambiguous words are in EXACT_WORDS. Typos one letter off are matched for words of five or
# more letters, except negations and scope words, and never for the COMMON_WORDS.

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
LOW_TOPIC = "low_topic"  # a planned or cosmetic matter named as a thing (LOW_TOPIC_TERMS)

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
        "servers", "Ordner", "Freigaben", "Serverlaufwerk", "Gruppenlaufwerk", "Projektlaufwerk",
        "file share", "fileshare", "file shares", "shared folders", "shared drives", "Konnektor",
        "Serverraum", "Serverschrank", "server room", "USV", "UPS", "DC", "DCs",
        "Domain-Controller",
    ),
    NETWORK: (
        "Netzwerk", "Netz", "LAN", "WLAN", "W-LAN", "WiFi", "Wi-Fi", "Switch", "Switche", "Router",
        "Firewall", "Access Point", "Accesspoint", "Hauptswitch", "Core-Switch", "Netzwerkschrank",
        "Verteilerschrank", "Netzwerkverteiler", "DNS", "DHCP", "Gateway", "Verbindung",
        "Verbindungen", "Netzwerkverbindung", "Verkabelung", "network", "wireless", "connection",
        "connectivity",
    ),
    INTERNET: (
        "Internet", "Internetverbindung", "Internetzugang", "Internetleitung", "DSL", "VDSL",
        "Glasfaser", "Fritzbox", "FRITZ!Box", "Speedport", "Modem", "Standleitung", "Leitung",
        "Provider", "Webseiten", "Websites", "Online-Zugang", "Telekom", "Vodafone",
        "internet connection",
    ),
    COMPANY_SYSTEM: (
        "Exchange", "Exchange-Server", "MS-Exchange", "MS Exchange", "Exchange-Dienst",
        "Mailserver", "Mail-Server", "E-Mail-Server", "Emailserver", "Mailsystem", "SQL",
        "SQL-Server", "MSSQL", "MS-SQL", "Datenbank", "Datenbankserver", "ERP", "ERP-System", "SAP",
        "DATEV", "Warenwirtschaft", "WaWi", "Warenwirtschaftssystem", "Terminalserver",
        "Terminal-Server", "Terminal Server", "RDS", "Remotedesktop", "Citrix", "CRM", "Navision",
        "Dynamics", "Lexware", "Sage", "DMS", "Dokumentenmanagement", "SharePoint", "Intranet",
        "Buchhaltungssoftware", "Fibu", "Finanzbuchhaltung", "Branchensoftware", "Zeiterfassung",
        "Kassensystem", "Kasse", "Kassen", "Warenwirtschaftssystem", "System", "Systeme", "Cloud",
        "Azure", "mail server", "email server", "e-mail server", "database", "terminal server",
        "Remote Desktop", "RDP", "Remotesitzung", "Remotesitzungen", "Remote-Sitzung", "Sitzung",
        "Sitzungen", "remote session", "remote sessions", "Praxissoftware", "Praxisprogramm",
        "Kanzleisoftware", "Lagerverwaltung", "Domain", "Maildomain", "Mail-Domain", "OWA",
        "Webmail", "eingehende Mails", "eingehenden Mails", "eingehende E-Mails", "externe Mails",
        "externen Mails", "incoming mail", "incoming email", "incoming emails", "external mail",
        "EC-Terminal", "EC-Gerät", "Kartenterminal", "Kartenzahlung", "Kartenzahlungen",
        "card terminal", "card payment", "card payments", "payment terminal",
        "emails to us", "mails to us", "Mails an uns", "E-Mails an uns", "mit Karte zahlen",
        "pay by card",
    ),
    PHONE_SYSTEM: (
        "Telefonanlage", "TK-Anlage", "Telefonie", "Telefonsystem", "Telefonserver", "VoIP",
        "Telefonleitung", "Telefonleitungen", "phone system", "phone lines", "PBX", "SIP",
        "telefonisch", "Anrufer", "callers", "Anrufe", "incoming calls", "Leitungen", "lines",
        "Gespräche", "Telefonzentrale", "Zentrale", "Registrierung", "registration",
        "telephone system", "Rufnummern", "phone numbers", "Festnetz", "SIP-Trunk", "SIP trunk",
        "Trunk",
        "Amtsleitung",
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
        "mouse", "keyboard", "machine", "desktop", "Ton", "Sound", "Audio", "Mikro", "Lautstärke",
        "speaker", "speakers", "microphone", "mic", "headphones", "second monitor", "monitor",
        "Kartenleser", "Kartenlesegerät", "Lüfter", "Kiste", "Drucker-Treiber", "Treiber",
    ),
    PHONE: (
        "Telefon", "Telefone", "Telefonat", "Telefonate", "Handy", "Handys",
        "Smartphone", "Diensthandy", "iPhone", "Mobiltelefon", "Hörer",
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
        "ausgefallen", "Ausfall", "Ausfälle", "fällt aus", "fiel aus", "ausfallen", "Totalausfall",
        "Komplettausfall", "down", "offline", "tot", "weg", "kaputt", "defekt", "abgestürzt",
        "stürzt ab", "stürzt", "abstürzen", "Absturz", "streikt", "streiken", "gestorben",
        "verabschiedet", "abgeraucht", "abgeschmiert", "schmiert ab", "hinüber", "im Eimer",
        "futsch", "schwarz", "dunkel", "Bluescreen", "Blue Screen", "unerreichbar", "Stillstand",
        "steht still", "stehen still", "lahmgelegt", "geht aus", "kein Bild", "kein Ton",
        "kein Signal", "kein Empfang", "kein Strom", "lost access", "crashed", "crash", "crashes",
        "crashing", "outage", "dead", "broken", "unreachable", "failed", "failure", "died", "gone",
        "stopped working", "no signal", "out of order", "no dial tone", "dial tone",
        "lost connection", "no connection", "not responding", "abgekackt", "keine Rückmeldung",
        "Virus", "Viren", "Trojaner", "Malware", "gesperrt", "locked out", "not loading",
        "wont load", "is out", "are out", "went out", "went down", "goes down", "not available",
        "unavailable", "lost", "verloren", "donw", "dwon", "dowm", "unmöglich", "im Postausgang",
        "Postausgang", "outbox", "stuck", "Zeitüberschreitung", "Timeout", "timed out",
        "connection refused", "service unavailable", "keine Reaktion", "macht keinen Mucks",
        "stromlos", "brennt", "raucht", "qualmt", "Rauch", "smoke", "smoking", "burning",
        "Wasserschaden", "überschwemmt", "flooded", "Blitzeinschlag", "Überspannung", "no service",
        "kein Dienst", "keinen Dienst", "silence", "Stille", "impossible", "nicht möglich",
        "not possible", "kein Arbeiten", "aufgehängt", "hängt komplett", "komplett aufgehängt",
        "hängt total", "completely frozen", "totally frozen", "unbenutzbar", "unbrauchbar",
        "nicht nutzbar", "nicht benutzbar", "unusable", "not usable", "behindert", "hindered",
        "rausgeflogen", "rausgeworfen", "kicked out", "getrennt", "kommen zurück", "kommt zurück",
        "zurückgewiesen", "abgewiesen", "unzustellbar", "Unzustellbarkeit", "bounce", "bounces",
        "bounced", "bouncing", "rejected", "rejects", "refused", "refuses", "undeliverable",
        "blockiert", "blocked", "Blacklist", "blacklisted", "Sperrliste", "access denied",
        "Zugriff verweigert", "lehnt ab", "lehnen ab", "abgelehnt", "rejecting", "reject",
        "not found", "nicht gefunden", "fehlgeschlagen",
        "stopped", "gestoppt", "fail", "fails", "dropped", "are off", "turned off",
        "switched off", "powered off", "toast", "bricked", "Grätsche", "im Arsch", "verreckt",
        "abgekratzt", "Geist aufgegeben", "gave up the ghost", "went dark",
    ),
    DEGRADED: (
        "langsam", "langsamer", "verlangsamt", "hängt", "hängen", "hängend", "hing", "träge",
        "ruckelt", "ruckeln", "stockt", "stocken", "zäh", "lahm", "schleppend", "kriecht",
        "Schneckentempo", "dauert ewig", "dauert lange", "dauert Minuten", "dauert Stunden", "ewig",
        "Ewigkeiten", "flackert", "flackern", "flimmert", "flimmern", "friert ein", "frieren ein",
        "eingefroren", "einfrieren", "einfriert", "Verzögerung", "verzögert", "bricht ab",
        "brechen ab", "bricht zusammen", "Aussetzer", "setzt aus", "rauscht", "Rauschen", "knackt",
        "instabil", "Wackelkontakt", "streifig", "Streifen", "nur noch", "Antwortzeiten",
        "Ladezeiten", "Performance", "slow", "slower", "sluggish", "laggy", "lagging", "freezes",
        "freezing", "frozen", "hangs", "hanging", "flicker", "flickers", "flickering", "unstable",
        "keeps dropping", "drops", "takes forever", "forever", "choppy", "sehr lange", "ewig lange",
        "zu lange", "ziemlich lange", "so lange", "takes long", "takes ages", "too long", "ages",
        "geht in die Knie", "Kriechtempo", "blass", "verschmiert", "Schlieren", "pale", "smudged",
        "smeared", "disconnecting", "disconnects", "keeps disconnecting", "super slow", "very slow",
        "Verspätung", "verspätet", "delayed", "delay", "takes about", "takes around", "dauert etwa",
        "crawling", "crawls", "schleicht", "snail", "schwach", "weak",
        "dauert ca", "echo", "Echo",
    ),
    FAULT: (
        "Störung", "Störungen", "gestört", "stört", "Fehler", "Fehlermeldung", "Problem",
        "Probleme", "spinnt", "spinnen", "komisch", "seltsam", "merkwürdig", "piept", "piepst",
        "Papierstau", "falsch", "falsche", "falschen", "falscher", "blinkt", "verschwunden",
        "error", "errors",
        "issue", "issues", "problem", "problems", "jammed", "jam", "glitch", "weird", "strange",
        "beeps", "beeping", "wrong", "zickt", "Mucken", "startet neu", "bootet neu", "verweigert",
        "abgelaufen", "acting up", "Datenbankfehler", "schlecht", "schlechte", "poor", "bad",
        "Displayfehler", "durcheinander", "schief", "verzogen", "crooked", "skewed",
    ),
}

# "geht nicht", "druckt nicht", "kommt keiner rein": a negation near one of these means down.
FUNCTION_VERBS = (
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
)

NEGATIONS = (
    "nicht", "nich", "nciht", "nicth", "nimmer", "kein", "keine", "keinen", "keinem", "keiner",
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
)

# "dass Outlook nicht automatisch startet" describes a wish, not a fault ...
SUBORDINATORS = ("dass", "damit", "sodass", "that", "ob")
# ... unless a report opens it: "Wir haben festgestellt, dass der Server nicht erreichbar ist".
REPORT_TERMS = (
    "mitteilen", "mitteilen", "melden", "Meldung", "Bescheid", "festgestellt", "bemerkt",
    "gemerkt", "gesehen", "sagt", "sagen", "meint", "meinte", "scheint", "sieht so aus",
    "Problem", "leider", "informieren", "noticed", "notice", "seems", "looks like", "report",
    "reporting", "let you know", "inform", "realized", "says", "said", "appears", "aufgefallen",
)
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
    "raeume", "raeumen",
)
ENGLISH_GROUPS = frozenset({
    "users", "staff", "employees", "people", "branches", "stores", "sites", "locations",
    "offices", "departments", "devices", "machines", "workstations", "computers", "pcs",
    "phones", "laptops", "clients", "colleagues", "teams", "lines", "terminals", "registers",
    "tills", "floors", "rooms", "accounts", "mailboxes",
})
NOT_EVERYONE_AFTER_ALL = frozenset({
    "minuten", "stunden", "sekunden", "tage", "wochen", "paar", "meine", "meinen", "meiner",
    "anderen", "andere", "other", "others", "the", "time", "day", "morning", "week", "of", "my",
    "mein", "dateien", "files", "mails", "e", "zwei", "drei", "fuenf", "zehn", "moeglichen",
    "moegliche", "symbole", "icons", "einstellungen", "settings", "fenster", "windows",
})

# One person's access rights: with nobody else named, the trouble is that person's.
# "aus" that closes its clause after one of these: "der Server ist aus".
OFF_VERBS = frozenset({"ist", "is", "sind", "bleibt", "bleiben", "ging", "war", "waren"})
OFF_REACH = 4
PERMISSION_TERMS = (
    "Berechtigung", "Berechtigungen", "Rechte", "Zugriffsrechte", "permission", "permissions",
    "access denied", "Zugriff verweigert", "Zugriff abgelehnt",
)
# Plural devices: "unsere Telefone gehen nicht" is the company's phones, not one handset.
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

# "so langsam, dass niemand arbeiten kann", "sodass": a consequence, not a wish.
CONSEQUENCE_WORDS = frozenset({"sodass", "derart", "dermassen"})

# After "nur bei mir" these make it everyone's: "wie alle anderen auch".
ALSO_TERMS = frozenset({"auch", "too", "also", "ebenfalls"})
# ... as does a comparison before it: "genauso wenig wie die anderen", "like the others".
LIKE_TERMS = frozenset({"wie", "like", "as"})
# ... and so does a list: "bei mir und allen anderen".
AND_TERMS = frozenset({"und", "and", "sowie"})

# Everything stopped, whatever else is named: "nichts geht", "Produktion steht", ransomware.
NOTHING_WORKS = (
    "nichts geht", "geht nichts", "nichts funktioniert", "funktioniert nichts", "nix geht",
    "geht nix", "nichts läuft", "läuft nichts", "alles down", "alles aus", "alles tot",
    "alles weg", "alles ausgefallen", "alles steht", "Stillstand", "niemand kann arbeiten",
    "keiner kann arbeiten", "Produktion steht", "Betrieb steht", "Fertigung steht",
    "Ransomware", "Verschlüsselungstrojaner", "Hackerangriff", "Cyberangriff", "gehackt",
    "Dateien verschlüsselt", "alles verschlüsselt", "nothing works", "nothing is working",
    "IT steht", "EDV steht", "komplette IT", "gesamte IT", "ganze IT", "alles steht still",
    "nothing working", "everything is down", "everything down", "hacked", "encrypted",
    "Büro steht", "Praxis steht", "Lager steht", "Laden steht", "Firma steht", "Kanzlei steht",
    "Werkstatt steht", "Werk steht", "Halle steht", "Filiale steht",
)

# Of those, the ones that say nothing about what or whose: alone, they are a question to ask.
VAGUE_NOTHING_WORKS = (
    "nichts geht", "geht nichts", "nix geht", "geht nix", "nichts funktioniert",
    "funktioniert nichts", "nichts läuft", "läuft nichts", "nothing works", "nothing is working",
    "nothing working",
)

# "Nothing" that may be one device's ("druckt gar nichts mehr"): counts only alone.
NOTHING_MORE = (
    "gar nichts", "überhaupt nichts", "nichts mehr", "nix mehr", "Totalausfall",
    "Komplettausfall", "stehen still", "nicht arbeiten", "kann nicht arbeiten", "cant work",
    "cannot work",
    "keiner mehr arbeiten", "niemand mehr arbeiten", "keiner arbeiten", "niemand arbeiten",
    "nobody can work", "no one can work", "none of us can work",
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
ONE_POSSESSIVE = "one_possessive"
ONE_PERSON = "one_person"
ONLY_ONE = "only_one"

SCOPE_TERMS = {
    COMPANY: (
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
        "alle Leute", "alle Plätze", "kein Rechner", "kein PC", "kein Arbeitsplatz",
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
    ),
    SEVERAL: (
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
                 "eine Mitarbeiterin", "Azubi", "Praktikant"),
    ONLY_ONE: (
        "nur bei mir", "nur ich", "nur mein", "nur meine", "nur meinem", "nur mir", "nur mich",
        "die anderen", "den anderen", "alle anderen", "Kollegen schon", "Kollegen geht",
        "Kollegen funktioniert", "Kollegen läuft", "other colleagues", "only me", "only mine",
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
        "rest is fine", "andere gehen", "andere laufen", "der Rest geht", "der Rest läuft",
    ),
}

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

# A question ("Welche Version von Office haben wir?") opens with one of these; with no symptom
# and enough words around it, it is a question about something, which the SLA calls low.
QUESTION_OPENERS = frozenset({
    "welche", "welcher", "welches", "welchen", "wie", "wo", "woher", "wohin", "was", "wann",
    "warum", "wieso", "weshalb", "wer", "kann", "koennen", "koennt", "koennte", "koennten",
    "gibt", "ist", "sind", "habt", "haben", "hat", "darf", "duerfen", "muss", "soll", "sollen",
    "which", "what", "how", "where", "when", "why", "who", "can", "could", "is", "are", "do",
    "does", "may", "should", "would", "will",
})
QUESTION_MIN_WORDS = 4
# "Was ist los?": a question that reports trouble, not a question about something.
TROUBLE_QUESTIONS = (
    "was ist los", "was ist da los", "was ist denn los", "was ist hier los", "was ist passiert",
    "what happened", "whats going on", "what is going on", "whats wrong", "what is wrong",
    "whats happening",
)

# An impairment said to be total is an outage: "bricht komplett zusammen".
INTENSIFIERS = frozenset({"komplett", "vollstaendig", "gaenzlich", "completely", "entirely"})
# A freeze, which for the whole company is a standstill.
FREEZE_WORDS = frozenset({
    "haengt", "haengen", "eingefroren", "friert", "frieren", "einfriert", "frozen", "freezes",
    "freezing", "hangs", "hanging", "stockt", "stocken",
})

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
    "Anleitung", "erklären", "Tipp", "hätte", "hätten", "möchte", "möchten", "würde", "würden",
    "wünsche", "Wunsch", "bräuchte", "bräuchten", "benötige", "benötigen", "brauche", "brauchen",
    "bestellen", "Bestellung", "beschaffen", "Angebot", "kostet", "Kosten", "Preis", "Lizenz",
    "Lizenzen", "einrichten", "eingerichtet", "einbinden", "eingebunden", "installieren",
    "Installation", "anlegen", "vorbereiten", "neuer Benutzer", "neuen Benutzer",
    "neuer Mitarbeiter", "neuen Mitarbeiter", "neue Mitarbeiterin", "neue Kollegin",
    "neuen Kollegen", "Azubi", "Praktikant", "freischalten", "Freigabe", "Berechtigung",
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
    "Rechnung", "Einweisung", "zeigen", "korrigieren", "exportiere", "erstelle", "erstellen",
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
    "Wartungsvertrag", "Wartungsverträge",
)

# The customer says it can wait: with nothing worse than a vague fault ("falsch") that is low.
RELAXED_TERMS = (
    "eilt nicht", "eilt nich", "eilt nix", "hat Zeit", "hat aber Zeit", "wenn ihr Zeit habt",
    "wenn Sie Zeit haben", "wenn ihr mal da seid", "whenever you have time", "when you have time",
    "no rush", "no hurry", "not urgent", "nicht dringend", "nicht eilig", "keine Eile",
    "kein Eilauftrag", "kein Notfall", "nur zur Info", "zur Info", "heads-up", "heads up", "FYI",
    "just to let you know", "nur Bescheid", "no need", "kein Bedarf", "nur zur Information",
    "nur so ne Frage", "nur eine Frage", "nur ne Frage", "kein Drama", "nicht schlimm", "sometime",
    "geht aber alles", "funktioniert aber alles", "nur Optik", "still works", "nur optisch",
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
)

# Security incidents: always Kritisch, because they can spread to the whole company.
SECURITY_TERMS = (
    "Ransomware", "Verschlüsselungstrojaner", "Erpressungstrojaner", "Krypto-Trojaner", "Trojaner",
    "Virus", "Viren", "Virenwarnung", "Malware", "Schadsoftware", "Schadprogramm", "Emotet",
    "infiziert", "infected", "infection", "Infektion", "gehackt", "gehacked", "hacked", "Hacker",
    "Hackerangriff", "Cyberangriff", "Angriff", "Lösegeld", "ransom", "Bitcoin", "bitcoins",
    "verschlüsselt", "encrypted", "trojan", "malware", "compromised", "kompromittiert", "gekapert",
    "hijacked", "Totenkopf", "Erpresser", "Erpressung", "ich nicht geschrieben",
    "wir nicht geschrieben", "ich nicht verschickt", "wir nicht verschickt", "ich nicht gesendet",
    "wir nicht gesendet", "nicht von mir", "didnt send", "did not send", "didnt write",
    "not from me", "fremder Admin", "neuer Admin", "new admin", "zahlen sollen", "sollen zahlen",
    "pay to get", "demanding payment", "Daten zurückzubekommen", "Daten zurück zu bekommen",
    "Erpresserschreiben", "Bedrohung", "threat", "Quarantäne", "quarantine", "Keylogger", "Spyware",
    "Wurm", "worm", "Rootkit", "Backdoor", "Botnet", "Datenleck", "data breach", "Datenabfluss",
    "unbefugter Zugriff", "unbefugte Zugriffe", "unauthorized access", "unbekannte Anmeldung",
    "unbekannte Anmeldungen", "verdächtige Anmeldung", "verdächtige Anmeldungen",
    "suspicious login", "suspicious sign-in", "unknown login", "Zugriff verschafft",
    "fremder Zugriff", "fremde Zugriffe", "unbekannter Benutzer", "unknown user",
    "bewegt sich von selbst", "bewegt sich von allein", "bewegt sich von alleine",
    "moves by itself", "moving on its own", "Fernsteuerung", "ferngesteuert", "remote controlled",
    "nie geschrieben", "nie verschickt", "nie gesendet", "never sent", "never wrote",
    "in meinem Namen", "in unserem Namen", "in my name", "on my behalf", "Anhang geöffnet",
    "Anhang aufgemacht", "Anhang ausgeführt", "Datei ausgeführt", "ran the attachment",
    "opened the attachment", "opened an attachment", "Makros aktiviert", "enabled macros",
    "Inhalt aktivieren", "enabled content", "neue Endung", "andere Endung", "komische Endung",
    "seltsame Endung", "new extension", "strange extension", "weird extension", "unknown extension",
    "Erpressernachricht", "verseucht", "Schadcode", "befallen", "Befall", "reingefallen",
    "fell for", "wurde übernommen", "Konto übernommen", "Account übernommen", "Postfach übernommen",
    "taken over", "account takeover", "von außen eingeloggt", "von außen angemeldet",
    "von außen zugegriffen", "fremde Seiten", "Popups", "Pop-ups", "Werbefenster", "redirects",
    "got into", "password into", "password on a", "Passwort auf einer", "Zugangsdaten auf einer",
    "Kennwort auf einer",
    "komische Prozesse", "seltsame Prozesse", "unbekannte Prozesse", "strange processes",
    "unknown processes", "MFA prompts", "MFA-Anfragen", "push prompts", "MFA push", "at risk",
    "riskante Anmeldung", "risky sign-in", "die keiner kennt", "die niemand kennt",
    "nobody knows", "unknown admins", "unbekannte Admins",
    "Fernzugriff gegeben", "Fernzugriff gewährt", "Fernzugriff erlaubt", "Fernwartung erlaubt",
    "gave remote access", "granted remote access", "allowed remote access", "fake support",
    "falscher Support", "angeblicher Support", "support scam", "tech support scam",
    "pdf exe", "doc exe", "zip exe", "exe geöffnet", "exe-Datei geöffnet", "opened an exe",
    "opened the exe",
)
# Security words that name the protection, not an incident ("Virenscanner-Lizenz verlängern").
SECURITY_TOOL_TERMS = (
    "Virenscanner", "Virenschutz", "Virenschutzprogramm", "Antivirus", "Antivirenprogramm",
    "Antivirensoftware", "anti-virus", "Virenprogramm", "Defender", "Sophos", "Kaspersky",
    "Virenschutzlizenz",
)
# The protection raising an alarm: "Der Virenscanner schlägt Alarm" (not about its licence).
SECURITY_ALERT_TERMS = (
    "Alarm", "Warnung", "Warnmeldung", "gefunden", "erkannt", "found", "detected",
    "flagged", "alert", "warning", "schlägt an",
)
# ... which is about the protection itself, not an incident.
SECURITY_TOOL_CHORES = (
    "Lizenz", "license", "licence", "abläuft", "abgelaufen", "expires", "expired", "Update",
    "Verlängerung", "verlängern", "renew", "Abo", "subscription",
)
# A phishing link clicked and credentials given: both halves, in any order.
PHISHING_CLICKED = (
    "geklickt", "angeklickt", "draufgeklickt", "clicked", "Link", "Phishing", "fake", "gefälscht",
    "angeblich", "angebliche", "angeblichen", "angeblicher", "vermeintlich", "supposedly",
    "pretending",
)
PHISHING_GAVE_CREDENTIALS = (
    "eingegeben", "eingeloggt", "angemeldet", "entered", "typed in", "logged in", "gave away",
    "gave them", "gave my", "logged into", "signed in", "sign-in", "credentials", "preisgegeben",
    "eingetippt", "mitgeschickt", "weitergegeben", "herausgegeben", "sent my", "angegeben",
    "provided", "submitted", "verraten", "Anmeldungen", "sign-ins", "logins", "typed",
    "eingetragen", "approve", "approved", "bestätigt",
)
# A log-in from far away: with a log-in word, someone else has the password.
FOREIGN_TERMS = (
    "aus dem Ausland", "von außen", "from outside", "ein Fremder", "jemand Fremdes", "someone else",
    "jemand anderes", "a stranger", "from abroad", "from another country", "aus einem anderen Land",
    "aus Russland", "aus China", "from russia", "from china", "unknown location", "unbekannten Ort",
    "fremden Land", "unbekannte IP", "unbekannten IP", "fremde IP", "fremden IP", "unknown IP",
    "foreign IP",
)
# Spam sent from one's own account: the hijacked mailbox.
SPAM_TERMS = (
    "komische Mails", "seltsame Mails", "merkwürdige Mails", "verdächtige Mails", "strange emails",
    "weird emails", "suspicious emails", "komische E-Mails", "seltsame E-Mails",
    "Spam", "Spammails", "Spam-Mails", "von allein", "von alleine", "von selbst", "by itself",
    "on its own", "an alle Kontakte", "all my contacts", "to all contacts", "to all my contacts",
    "massenhaft Mails", "massenweise Mails", "massenhaft E-Mails", "lots of emails",
    "mass mails", "mass emails", "Rechnungslinks", "invoice links",
)
SENDING_TERMS = (
    "verschickt", "versendet", "verschicken", "sendet", "schickt", "raus", "gehen raus",
    "sending", "sends", "sent", "Mails raus", "von mir", "von uns", "von meiner Adresse",
    "von unserer Adresse", "from me", "from us", "from my address", "from our address",
    "from my account", "von meinem Konto", "von meinem Postfach", "aus meinem Postfach",
    "von der Mailadresse", "von ihrer Mailadresse", "von seiner Mailadresse", "von der Adresse",
    "from her address", "from his address", "from the address", "from her account",
    "from his account",
)
# Files renamed or given a new ending: the mark of ransomware.
FILE_TERMS = ("Datei", "Dateien", "files", "file", "Ordner", "folder", "folders")
RENAMED_TERMS = (
    "umbenannt", "Endungen", "endings", "heißen jetzt", "merkwürdigen Namen", "seltsamen Namen",
    "komischen Namen", "strange names", "weird names", "locked", "crypt", "README",
    "Endung", "extension", "WIEDERHERSTELLEN txt", "RESTORE txt", "RECOVER txt", "DECRYPT",
    "entschlüsseln", "decrypt",
)
# "nicht geklickt": a suspicious mail that did no harm is a question, not an incident.
NOT_CLICKED_TERMS = (
    "nicht geklickt", "nicht angeklickt", "nix angeklickt", "nichts angeklickt", "nichts gemacht",
    "nix gemacht", "didnt do anything", "nicht reagiert", "nicht geantwortet", "didnt respond",
    "didnt reply", "niemand hat angeklickt", "niemand hat etwas angeklickt", "niemand hat geklickt",
    "keiner hat geklickt", "keiner hat was angeklickt", "keiner hat etwas angeklickt",
    "nobody clicked", "no one clicked", "nobody has clicked", "nix geklickt", "nichts geklickt",
    "nicht draufgeklickt", "not clicked", "didnt click", "did not click", "never clicked",
    "havent clicked", "nicht geöffnet", "didnt open", "did not open",
)

# "ausgefallen ist aber nichts", "still usable": the speaker says it is not down.
NOT_DOWN_TERMS = (
    "ausgefallen ist nichts", "ausgefallen ist aber nichts", "ausgefallen ist aber nix",
    "ausgefallen ist nix", "nicht ausgefallen", "still usable", "not down",
    "run normal", "runs normal", "run normally", "runs normally", "running normally",
    "laufen normal", "läuft normal", "all systems up", "alle Systeme laufen", "can still work",
    "everybody can work", "everyone can work", "alle können arbeiten", "können weiterarbeiten",
    "runs fine", "calls go through", "gehen durch", "outgoing works", "outgoing calls work",
    "incoming works", "ausgehend geht", "ausgehend funktioniert", "ausgehende Anrufe gehen",
    "eingehend geht",
    # ... or it is back: a past outage is for the cause to be found, not an emergency.
    "geht wieder", "läuft wieder", "funktioniert wieder", "ist wieder da", "wieder online",
    "wieder erreichbar", "back now", "back up", "is back", "its back", "works again",
    "working again", "back online",
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

# Words that are no evidence of anything, listed so that they are read as themselves and not as
# a typo or a compound part of a vocabulary word ("Gutscheine" is not "futsch", the "-einträge"
# of "Kalendereinträge" are not "träge", a "Taste" is not "toast").
PLAIN_WORDS = (
    "Gutschein", "Gutscheine", "Gutscheinen", "Eintrag", "Einträge", "Einträgen", "Eintragung",
    "Taste", "Tasten",
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
