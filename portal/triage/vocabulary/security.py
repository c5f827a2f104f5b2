"""Security incidents (always Kritisch), the halves that tell of one together, and their denials."""

# fmt: off
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
    "Zahlungsaufforderung", "payment demand", "Wurm", "worm", "Rootkit", "Backdoor", "Botnet",
    "Datenleck", "data breach", "Datenabfluss",
    "unbefugter Zugriff", "unbefugte Zugriffe", "unauthorized access", "unbekannte Anmeldung",
    "unbekannte Anmeldungen", "verdächtige Anmeldung", "verdächtige Anmeldungen",
    "suspicious login", "suspicious sign-in", "unknown login", "Zugriff verschafft",
    "fremder Zugriff", "fremde Zugriffe", "unbekannter Benutzer", "unknown user",
    "bewegt sich von selbst", "bewegt sich von allein", "bewegt sich von alleine",
    "moves by itself", "moving on its own", "Fernsteuerung", "ferngesteuert", "remote controlled",
    "nie geschrieben", "nie verschickt", "nie gesendet", "nie geschickt", "never sent",
    "never wrote",
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
    # A system abused by others: "unser Mailserver wird als Spam-Relay missbraucht".
    "missbraucht", "abused", "misused", "Relay", "Spamschleuder", "open relay",
    # Someone denies having sent what went out in their name: "er hat das nicht geschickt".
    "das nicht geschickt", "das nicht geschrieben", "das nicht verschickt", "das nicht gesendet",
    "er nicht geschickt", "er nicht geschrieben", "war das nicht", "wasnt him", "wasnt her",
    "wasnt me", "didnt send it", "didnt send them",
    # Credentials stolen, a fraud that asks for money or gift cards (CEO fraud).
    "Passwort geklaut", "Passwort gestohlen", "Kennwort geklaut", "Kennwort gestohlen",
    "Zugangsdaten geklaut", "Zugangsdaten gestohlen", "password stolen", "stolen password",
    "credentials stolen", "stolen credentials", "Gutscheinkarten", "Geschenkkarten",
    "gift cards", "gift card", "Gutscheine kaufen", "buy vouchers", "Amazon-Gutscheine",
    "neue Bankverbindung", "neues Konto überweisen",
    "Überweisung auf ein neues Konto", "new bank details", "changed bank details",
    "CEO fraud", "CEO-Fraud", "Chef-Betrug", "Fake President",
    # Thousands of log-in attempts: an attack on the door.
    "tausende Anmeldeversuche", "hunderte Anmeldeversuche", "viele Anmeldeversuche",
    "thousands of login attempts", "hundreds of login attempts", "Brute-Force", "brute force",
    # A hijacked website: strange ads, a shop that sends visitors elsewhere.
    "Casino", "Glücksspiel", "gambling", "fremde Seite", "fremde Website",
    "strange website", "unknown website",
    # Someone else drives the machine: "die Maus hat sich von alleine bewegt".
    "von alleine bewegt", "von allein bewegt", "von selbst bewegt", "moved by itself",
    "moving by itself", "Rechner übernommen", "PC übernommen", "Computer übernommen",
    "took over my", "took control",
    # Someone denies a message that went out from their account: "war nicht er".
    "war nicht er", "war nicht sie", "war nicht ich", "wasnt them",
    # Traffic or activity a firewall or scanner calls suspicious.
    "verdächtige Verbindungen", "verdächtige Verbindung", "verdächtige ausgehende",
    "verdächtigen ausgehenden", "verdächtige Aktivität", "verdächtige Aktivitäten",
    "verdächtiger Datenverkehr", "verdächtiger Traffic", "suspicious connections",
    "suspicious connection", "suspicious outbound", "suspicious outgoing", "suspicious activity",
    "suspicious traffic",
    # Payment fraud in the company's name: a forged invoice with other bank details.
    "andere Bankverbindung", "anderer Bankverbindung", "anderen Bankdaten", "andere Bankdaten",
    "geänderte Bankverbindung", "geänderter Bankverbindung", "falsche Bankverbindung",
    "falscher Bankverbindung", "different bank details", "other bank details",
    "wrong bank details", "fake invoice", "fake invoices", "gefälschte Rechnung",
    "gefälschte Rechnungen", "gefälschten Rechnung", "forged invoice",
    # A fake warning that wants a phone call: the tech-support scam.
    "Nummer anrufen", "Nummer anzurufen", "Hotline anrufen soll", "call this number",
    "call the number", "call a number",
    # Attacks in the plural ("Angriff" is matched exactly), and software nobody installed.
    "Angriffe", "Angriffen", "Angriffsversuche", "attacks", "attack", "under attack",
    "nie installiert", "nicht installiert habe", "never installed", "didnt install",
    "did not install", "unbekannte Software", "unbekanntes Programm", "unbekannte Programme",
    "fremde Software", "fremdes Programm", "unknown software", "unknown program",
    "unknown programs",
    # "ich hab mir was eingefangen": an infection, colloquially
    "eingefangen", "caught a virus", "caught something", "got a virus",
)
# Forwarding rules in a mailbox ...
FORWARDING_TERMS = (
    "Weiterleitung", "Weiterleitungen", "Weiterleitungsregel", "Weiterleitungsregeln",
    "weiterleitet", "weitergeleitet", "leitet weiter", "forwarding", "forwards", "forwarded",
    "inbox rule", "Posteingangsregel",
)
# ... that nobody here made, or that send the mail outside: a mailbox taken over.
NOT_OURS_TERMS = (
    "nicht angelegt", "nie angelegt", "nicht eingerichtet", "nie eingerichtet", "nicht erstellt",
    "didnt create", "did not create", "never created", "nobody created", "nobody here created",
    "niemand angelegt", "keiner angelegt", "didnt set up", "never set up",
)
EXTERNAL_TERMS = (
    "extern", "nach extern", "external", "externe Adresse", "externen Adresse", "gmail",
    "gmail-Adresse", "gmx", "yahoo", "hotmail", "fremde Adresse", "fremden Adresse",
    "unbekannte Adresse", "unbekannten Adresse", "unknown address",
)
# ... unless someone asks for such a forwarding: "bitte eine Weiterleitung an … einrichten".
SETUP_WISH_TERMS = (
    "einrichten", "set up", "setup", "möchte", "would like", "how to", "how do i", "bitte",
    "please", "could you", "können Sie", "kann ich", "können wir", "can i", "can we", "lassen",
)
# A remote-control tool let in after a call from a supposed supporter.
REMOTE_TOOL_TERMS = (
    "TeamViewer", "AnyDesk", "QuickSupport", "Fernwartung", "Fernwartungssoftware",
    "remote access", "remote tool",
)
CALLER_TERMS = (
    "von Microsoft", "from Microsoft", "Microsoft support", "Microsoft-Support", "Anruf",
    "angerufen", "got a call", "a call from", "phone call", "rief an", "am Telefon",
    "anrief", "Anrufer", "called", "calling", "caller", "rang", "on the phone", "durchgestellt",
)
# ... who claimed to be IT or support ("er sei von der IT", "saying he was from our IT") ...
IMPERSONATION_TERMS = (
    "er sei von", "sie sei von", "sei von der", "angeblich", "angeblich von", "angeblicher",
    "vermeintlich", "gab sich aus", "gab sich als", "gibt sich aus", "gibt sich als",
    "von Microsoft", "Microsoft support", "Microsoft-Support", "he was from", "she was from",
    "they were from", "claimed to be", "claiming to be", "pretending to be", "posing as",
    "said to be from", "supposedly", "ausgegeben", "ausgab", "posed as",
    # what the caller said of himself, told in reported speech: "er meinte, er ist von euch"
    "meinte er ist", "meinte er sei", "meinte sie ist", "meinte sie sei", "sagte er ist",
    "sagte er sei", "sagte sie ist", "sagte sie sei", "er ist von", "sie ist von", "behauptete",
    "behauptet", "said he was", "saying he was", "said she was", "saying she was", "says he is",
    "says she is", "claimed he was", "claimed she was", "claims to be",
)
# ... and who got in: a program installed, a password told, clicking on one's screen.
LET_IN_TERMS = (
    "installiert", "installieren", "installed", "install", "gesagt", "genannt", "durchgegeben",
    "gegeben", "verraten", "rumgeklickt", "herumgeklickt", "told him", "told her", "gave him",
    "gave her", "was in", "were in", "got in", "Zugriff", "access", "auf meinem Bildschirm",
    "on my screen",
    # one's own secret handed over: "gave my password", "read him the code"
    "gave my", "given my", "gave away", "handed over", "told my", "read out", "vorgelesen",
    "weitergegeben", "mitgeteilt", "durchgesagt",
)
# "hab aufgelegt": a call that got nothing is no incident.
# Only the speaker's hanging up: "er hat dann aufgelegt" is the caller done with it.
HUNG_UP_TERMS = (
    "hab aufgelegt", "habe aufgelegt", "ich aufgelegt", "sofort aufgelegt", "direkt aufgelegt",
    "gleich aufgelegt", "I hung up", "just hung up",
)
# A sign-in prompt nobody asked for, or one approved by mistake: someone has the password.
MFA_PROMPT_TERMS = (
    "Anmeldebestätigung", "Anmeldebestätigungen", "Anmeldeanfrage", "Anmeldeanfragen",
    "Bestätigungsanfrage", "Bestätigungsanfragen", "Push-Benachrichtigung",
    "Push-Benachrichtigungen", "Authenticator", "Authenticator-App", "sign-in prompt",
    "sign-in prompts", "login prompt", "login prompts", "sign-in request", "sign-in requests",
    "login request", "login requests", "approval request", "approval requests", "MFA",
    "Bestätigungscode", "Anmeldecode", "SMS-Code", "Sicherheitscode", "Code für die Anmeldung",
    "verification code", "login code", "security code", "sign-in code",
)
MFA_ANSWERED_TERMS = (
    "genehmigen", "genehmigt", "Genehmigen gedrückt", "zugestimmt", "approve", "approved",
    "tapped approve", "hit approve", "obwohl ich", "ohne dass ich", "not logging in",
    "wasnt logging in", "didnt log in", "not signing in", "didnt sign in", "didnt request",
    "nicht angefordert", "unrequested", "unerwartet", "unexpected", "unexpectedly",
    "gar nicht angemeldet", "nicht angemeldet habe", "wasnt signing in",
)
# A mouse pointer that moves by itself: someone else drives the machine ("bewegt sich die Maus
# von alleine", "the cursor keeps moving on its own").
CURSOR_TERMS = ("Maus", "Mauszeiger", "Cursor", "Zeiger", "mouse", "pointer", "cursor")
MOVES_TERMS = (
    "bewegt sich", "bewegen sich", "bewegte sich", "bewegt", "wandert", "wanderte", "fährt",
    "moves", "moved", "moving",
)
BY_ITSELF_TERMS = (
    "von allein", "von alleine", "von selbst", "wie von Geisterhand", "by itself", "on its own",
    "all by itself",
)
# A stick someone found and plugged in: whatever is on it now runs inside.
STICK_TERMS = ("USB-Stick", "USB-Sticks", "Stick", "USB stick", "thumb drive", "USB drive")
FOUND_TERMS = (
    "gefunden", "Parkplatz", "fremden", "fremder", "unbekannten", "unbekannter", "found",
    "unknown", "parking lot", "car park",
)
PLUGGED_TERMS = (
    "eingesteckt", "angesteckt", "reingesteckt", "angeschlossen", "plugged in", "plugged it in",
    "inserted",
)
# A portable device lost or stolen ...
LOST_TERMS = (
    "geklaut", "gestohlen", "verloren", "liegen lassen", "liegengelassen", "liegen gelassen",
    "abhanden", "entwendet", "stolen", "lost my", "lost his", "lost her", "lost our", "lost a",
    "lost the", "left behind", "went missing", "is missing", "liegen geblieben",
    "liegengeblieben",
)
PORTABLE_TERMS = (
    "Laptop", "Laptops", "Notebook", "Handy", "Diensthandy", "Firmenhandy", "Smartphone",
    "Tablet", "iPad", "iPhone", "USB-Stick", "Stick", "laptop", "phone", "tablet", "notebook",
)
# ... with the company's data on it, or unprotected: the data is out.
DATA_AT_RISK_TERMS = (
    "Kundendaten", "Kundenkontakte", "Kundenkontakten", "Kundendateien", "Kundenliste",
    "Personaldaten", "Patientendaten", "Mandantendaten", "customer data", "customer",
    "customers", "client data", "keine PIN", "ohne PIN", "kein Passwort", "ohne Passwort",
    "kein Kennwort", "unverschlüsselt", "nicht verschlüsselt", "no encryption", "not encrypted",
    "unencrypted", "no PIN", "no password", "without a password", "Buchhaltung", "Rechnungen",
    "Angebote", "Firmendaten", "Geschäftsdaten", "Verträge", "Personalakten", "company data",
    "work data", "invoices",
    "no passcode", "without a passcode", "kein Code", "keinen Code", "ohne Code", "keine Sperre",
    "no lock", "no screen lock", "work email", "work emails", "company email", "Firmenmails",
    "Firmen-Mails", "Diensthandy-Mail", "Dienstmails",
)
# A document that made one enable macros: the classic way in of malware.
MACRO_TERMS = ("Makros", "Makro", "macros", "macro", "Bearbeitung aktivieren")
ENABLE_TERMS = (
    "aktivieren", "aktiviert", "zulassen", "zugelassen", "erlauben", "erlaubt", "enable",
    "enabled", "allow", "allowed",
)
# A program from a mail's attachment, started.
EXECUTABLE_TERMS = ("exe", "exe-Datei", "scr")
ATTACHMENT_TERMS = (
    "Anhang", "Anhänge", "Mailanhang", "E-Mail-Anhang", "attachment",
    # a program packed in an archive, or straight from a mail: "eine .exe in der Rechnung.zip"
    "zip", "zip-Datei", "ZIP-Archiv", "zip file", "aus einer Mail", "aus der Mail", "aus ner Mail",
    "in einer Mail", "in der Mail", "from an email", "from a mail", "from the email",
    "in an email", "in the email",
)
# An attachment or file from a stranger, opened or run.
STRANGER_SENDER_TERMS = (
    "unknown sender", "unbekannten Absender", "unbekanntem Absender", "unbekannter Absender",
    "fremden Absender", "fremdem Absender", "dubiosen", "dubiose", "verdächtigen Anhang",
    "suspicious attachment", "strange sender", "unknown address", "komischen Anhang",
    "seltsamen Anhang", "from a stranger",
    # a sender who only claims to be one: "von einem angeblichen Lieferanten"
    "angeblichen", "angeblichem", "angeblicher", "vermeintlichen", "vermeintlichem",
    "supposed", "alleged", "fake",
)
OPENED_TERMS = (
    "opened", "run", "ran", "executed", "geöffnet", "aufgemacht", "ausgeführt", "gestartet",
    "doppelgeklickt", "double-clicked",
)
# Security words that name the protection, not an incident ("Virenscanner-Lizenz verlängern").
SECURITY_TOOL_TERMS = (
    "Virenscanner", "Virenschutz", "Virenschutzprogramm", "Antivirus", "Antivirenprogramm",
    "Antivirensoftware", "anti-virus", "Virenprogramm", "Defender", "Sophos", "Kaspersky",
    "Virenschutzlizenz", "Firewall", "firewall",
)
# The protection raising an alarm: "Der Virenscanner schlägt Alarm" (not about its licence).
SECURITY_ALERT_TERMS = (
    "Alarm", "Warnung", "Warnmeldung", "gefunden", "erkannt", "found", "detected",
    "flagged", "alert", "warning", "schlägt an",
    # the protection complaining, colloquially: "seitdem meckert der Defender"
    "meckert", "meckern", "warnt", "warnte", "schlägt Alarm", "complains", "complaining",
    "warns", "warned", "keeps warning",
    # the protection switched off behind one's back: "der Virenscanner ist deaktiviert"
    "deaktiviert", "deaktivert", "ausgeschaltet", "abgeschaltet", "disabled", "turned off",
    "switched off", "is off", "ist aus",
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
    # the lure of a mail that sends one to a log-in page: "a mail saying the password expires"
    "mail saying", "email saying", "Mail behauptet", "Postfach ist voll", "mailbox is full",
    "verify your account", "Konto bestätigen", "Konto verifizieren",
    # the lure came as a text message from a supposed sender: "SMS von der Sparkasse"
    "SMS von", "SMS vom", "SMS der", "SMS from", "text from", "text message from", "Smishing",
    "WhatsApp von",
    # a log-in page reached from a mail, or one that looked wrong
    "aus einer Mail", "aus ner Mail", "aus der Mail", "from an email", "from a mail",
    "sah komisch aus", "sah seltsam aus", "sah merkwürdig aus", "sah komisch", "looked weird",
    "looked strange", "looked odd", "looked fake", "looked dodgy",
    # a page that only imitated the real one, or whose address looked wrong
    "aussah wie die", "sah aus wie die", "sah genauso aus wie", "nachgemacht", "nachgemachte",
    "gefälschte Seite", "gefälschten Seite", "fake page", "fake site", "fake login",
    "looked exactly like", "looked just like", "looked like the real", "komische Adresse",
    "seltsame Adresse", "merkwürdige Adresse", "falsche Adresse", "komische URL", "seltsame URL",
    "strange address", "weird address", "strange URL", "weird URL", "odd URL", "wrong URL",
    # the commonest lure: a parcel or delivery notice
    "Paketbenachrichtigung", "Paketbenachrichtigungen", "Zustellbenachrichtigung",
    "Versandbenachrichtigung", "Paketmail", "delivery notification", "delivery mail",
    "delivery email", "parcel notification", "package notification", "parcel mail",
)
PHISHING_GAVE_CREDENTIALS = (
    "eingegeben", "eingeloggt", "angemeldet", "entered", "typed in", "logged in", "gave away",
    "gave them", "gave my", "logged into", "signed in", "sign-in", "credentials", "preisgegeben",
    "eingetippt", "mitgeschickt", "weitergegeben", "herausgegeben", "sent my", "angegeben",
    "provided", "submitted", "verraten", "Anmeldungen", "sign-ins", "logins", "typed",
    "eingetragen", "approve", "approved", "bestätigt", "Anmeldung", "login",
)
# A log-in from far away: with a log-in word, someone else has the password.
FOREIGN_TERMS = (
    "aus dem Ausland", "von außen", "from outside", "ein Fremder", "jemand Fremdes", "someone else",
    "jemand anderes", "a stranger", "from abroad", "from another country", "aus einem anderen Land",
    "aus Russland", "aus China", "from russia", "from china", "unknown location", "unbekannten Ort",
    "fremden Land", "ausländisch", "foreign", "unbekannte IP", "unbekannten IP", "fremde IP",
    "fremden IP", "unknown IP", "noch nie in", "nie dort", "never been to", "never been in",
    "never been there",
    "foreign IP", "Unbekannte haben", "Unbekannter hat", "ein Unbekannter", "Fremde haben",
    "jemand Unbekanntes", "strangers", "someone unknown", "an unknown person",
)
# Someone unnamed acting from one's own account: "Somebody is sending emails from my account".
SOMEONE_TERMS = (
    "jemand", "irgendwer", "irgendjemand", "Unbekannte", "Unbekannter", "somebody", "someone",
    "strangers",
)
OWN_ACCOUNT_TERMS = (
    "von meinem Konto", "von meinem Postfach", "aus meinem Postfach", "von meinem Account",
    "über mein Konto", "über meinen Account", "von meiner Adresse", "von unserer Adresse",
    "from my account", "from my mailbox", "from my address", "from our address",
    "using my account", "with my account", "mit meinem Account", "mit meinem Konto",
    "mit meinen Zugangsdaten", "into my account", "in meinem Namen", "in my name",
    "mit meinem Login", "mit meinem Passwort", "mit meinem Kennwort", "mit meinen Daten",
    "mit seinem Login", "mit ihrem Login", "with my login", "with my password",
    "with my credentials", "using my login", "using my password", "using my credentials",
    "into my mailbox", "into my email", "in mein Postfach", "in meinem Postfach",
    "in mein Konto", "in meinem Konto",
)
# Spam sent from one's own account: the hijacked mailbox.
SPAM_TERMS = (
    "komische Mails", "seltsame Mails", "merkwürdige Mails", "verdächtige Mails", "strange emails",
    "weird emails", "suspicious emails", "komische E-Mails", "seltsame E-Mails",
    "Spam", "Spammails", "Spam-Mails", "von allein", "von alleine", "von selbst", "by itself",
    "on its own", "an alle Kontakte", "all my contacts", "to all contacts", "to all my contacts",
    "massenhaft Mails", "massenweise Mails", "massenhaft E-Mails", "lots of emails",
    "mass mails", "mass emails", "Rechnungslinks", "invoice links", "fremde Empfänger",
    "unbekannte Empfänger", "unknown recipients", "hunderte Mails", "Hunderte von Mails",
    "tausende Mails", "hundreds of emails", "thousands of emails",
)
SENDING_TERMS = (
    "verschickt", "versendet", "verschicken", "sendet", "schickt", "raus", "gehen raus",
    "sending", "sends", "sent", "Mails raus", "von mir", "von uns", "von meiner Adresse",
    "von unserer Adresse", "from me", "from us", "from my address", "from our address",
    "from my account", "von meinem Konto", "von meinem Postfach", "aus meinem Postfach",
    "von der Mailadresse", "von ihrer Mailadresse", "von seiner Mailadresse", "von der Adresse",
    "from her address", "from his address", "from the address", "from her account",
    "from his account", "geschickt", "gesendet", "rausgeschickt", "rausgegangen",
)
# "aus Versehen an alle Kontakte geschickt": one's own slip, no hijacked mailbox.
SLIP_TERMS = (
    "aus Versehen", "ausversehen", "versehentlich", "accidentally", "by accident", "by mistake",
)
# Files renamed or given a new ending: the mark of ransomware.
FILE_TERMS = ("Datei", "Dateien", "files", "file", "Ordner", "folder", "folders")
RENAMED_TERMS = (
    "umbenannt", "Endungen", "endings", "heißen jetzt", "merkwürdigen Namen", "seltsamen Namen",
    "komischen Namen", "strange names", "weird names", "locked", "crypt", "README",
    "Endung", "extension", "READ ME", "LIESMICH", "LIES MICH", "HOW TO",
    "WIEDERHERSTELLEN txt", "RESTORE txt", "RECOVER txt", "DECRYPT",
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
    "havent clicked", "nicht geöffnet", "didnt open", "did not open", "ohne draufzuklicken",
    "ohne anzuklicken", "ohne zu klicken", "ohne zu öffnen", "without clicking",
    "without opening",
    # "I haven't opened the attachment": the lure did no harm
    "havent opened", "have not opened", "not opened", "never opened", "nicht aufgemacht",
    "nie geöffnet", "nie aufgemacht", "ungeöffnet", "unopened",
    # who did not click, said after the verb: "angeklickt hat keiner"
    "angeklickt hat keiner", "angeklickt hat niemand", "geklickt hat keiner",
    "geklickt hat niemand", "hat keiner geklickt", "hat keiner angeklickt",
    "hat niemand angeklickt", "no one has clicked", "none of us clicked", "nobody opened",
)
# fmt: on
