"""The triage's safety rules (issue 15), as tables of hand-checked cases.

- Niedrig only with positive evidence of a low matter; no or weak evidence is Normal, unsure.
- Fillers, question words and greetings are never evidence.
- A security incident, or an outage the text says hits the whole company, is always Kritisch.
- Planned and cosmetic wishes stay Niedrig.
"""

import pytest

from portal.triage import classify_text, render_explanation
from portal.triage.classify import classify_by_rules
from portal.triage.examples import CRITICAL, LOW, NORMAL

# Texts that carry no meaning: fillers, question words, greetings, thanks, urgency, cries for help.
MEANINGLESS = [
    "was",
    "Was?",
    "wie",
    "warum",
    "wann",
    "welche",
    "what",
    "when?",
    "which",
    "Hallo",
    "Hallo!",
    "Guten Morgen",
    "Moin",
    "hi",
    "Hello",
    "bitte",
    "please",
    "Danke",
    "thanks",
    "gerne",
    "Hilfe",
    "HILFE!!!",
    "help",
    "dringend",
    "urgent!!!",
    "Notfall",
    "Was ist los?",
    "Hallo, was?",
    "Bitte, danke",
    "Hallo, bitte dringend zurückrufen",
    "asdf qwertz",
    "…!!!…",
    "12345",
    "",
    "   ",
    "???",
    # found by a second review of round 10: questions and pleas for help that name no matter,
    # and urgency words the model had learned from "nicht dringend"
    "Ich brauche Hilfe mit dem PC",
    "Gibt es was Neues?",
    "Wie geht es weiter?",
    "How can I reach you?",
    "I'd like to report something",
    "Was soll ich jetzt machen?",
    "Wie ist der Status?",
    "Wer kann mir helfen?",
    "Should I be worried?",
    "Können Sie mir helfen?",
    "Could someone come over?",
    "Kritisch: Ausfall",
    "Urgent: outage",
    "Dringend: outage",
    "Reminder: outage",
]

# The families of security incidents, in German and English, colloquial and formal.
SECURITY_INCIDENTS = [
    # ransomware, files encrypted
    "Alle Dateien auf dem Laufwerk sind verschlüsselt und es liegt eine Lösegeldforderung da",
    "Auf dem Server heißen alle Dateien jetzt .locked, daneben liegt eine README",
    "Wir haben einen Verschlüsselungstrojaner",
    "ransomware!!! files encrypted",
    "all my files have weird endings now and there is a note saying pay bitcoin",
    "was ist das? alle meine Dateien sind verschlüsselt",
    # virus, malware
    "Virenwarnung auf drei PCs gleichzeitig",
    "Der Virenscanner meldet einen Trojaner, Quarantäne fehlgeschlagen",
    "antivirus says malware found on my laptop, what do i do",
    "Mein PC ist mit Schadsoftware infiziert",
    # phishing link clicked and credentials given
    "Ich habe auf einen Link in einer Mail geklickt und mein Passwort eingegeben",
    "Hab auf nem Link in einer DHL-Mail meine Zugangsdaten eingegeben",
    "I clicked a link and entered my password, now it looks like phishing",
    # hijacked mailbox sending spam
    "Mein Postfach verschickt Spam an alle Kunden",
    "Von meinem Postfach gehen Mails raus, die ich nicht geschrieben habe",
    "my account is hacked, its sending emails to all my contacts",
    "Outlook verschickt von allein Mails an alle Kontakte",
    "Ich glaube, wir wurden gehackt",
    "Der Virenscanner schlägt Alarm",
    "Kunden bekommen seltsame Mails von unserer Adresse",
    "Die Maus bewegt sich von selbst und Fenster gehen auf",
]

# Outages the text says hit the whole company, whatever the component.
COMPANY_WIDE_OUTAGES = [
    "Das ganze Büro ist offline",
    "Firma komplett offline",
    "Kein Internet in der ganzen Firma",
    "Die Telefone sind alle tot",
    "Telefonanlage komplett tot, kein einziges Telefon geht",
    "Niemand kann Dateien auf dem Fileserver öffnen",
    "Laufwerk S ist bei allen verschwunden",
    "Keiner kommt auf den Terminalserver",
    "Remote desktop sessions dropped for all users and nobody can reconnect",
    "Alle unsere ausgehenden Mails kommen zurück, betrifft jeden Mitarbeiter",
    "Mails von extern kommen bei niemandem mehr an",
    "alle rechner zeigen bluescreen",
    "Bei mir und allen anderen geht das ERP nicht",
    "Ich kann, wie alle anderen auch, nicht ins Internet",
    "Weder Internet noch Telefon funktionieren",
    "Wir haben festgestellt, dass niemand mehr auf das Netzlaufwerk zugreifen kann",
    "Mein Chef sagt, der Server ist ausgefallen",
    "Unsere Telefone gehen nicht",
    "Our phones are dead",
]

# One workstation, one handset, one person's access: Normal, not an emergency.
ONE_WORKSTATION = [
    "Mein Telefon am Platz hat kein Freizeichen mehr, alle anderen Telefone gehen.",
    "Der Ton am PC ist weg",
    "kein ton am pc, brauch ich aber für die videokonferenz",
    "No sound on my laptop",
    "Mein zweiter Monitor bleibt schwarz",
    "my second monitor says no signal",
    "Ich komme nicht auf das Laufwerk S, die anderen schon",
    "kann nicht auf meinen abteilungsordner zugreifen, nur ich",
    "Herr Meier kann sich nicht am Terminalserver anmelden, alle anderen sind drin",
    "Meine Remotedesktop-Sitzung friert ständig ein",
    "Eine Mail an einen Kunden kam zurück als unzustellbar",
    "kein Virus, nur mein PC fährt nicht mehr hoch",
    "One of our laptops won't charge anymore.",
    "Mir fehlt die Berechtigung auf den Ordner Einkauf, Zugriff verweigert",
]

# The low families: out-of-office notes, signatures, guest Wi-Fi, desktop icons, and
# other planned or cosmetic wishes; also suspicious mail that did no harm.
LOW_FAMILIES = [
    "Bitte eine Abwesenheitsnotiz für Frau Berg einrichten, sie ist ab Montag im Urlaub",
    "wie mach ich das out of office an? bin ab freitag 2 wochen weg",
    "how do i set up my out of office",
    "Können Sie meine E-Mail-Signatur anpassen?",
    "meine signatur hat falsche telefonnummer, eilt nich",
    "Was ist das Passwort für das Gäste-WLAN?",
    "Can you give me the guest wifi password?",
    "Wir möchten ein Gäste-WLAN für Besucher einrichten",
    "Können Sie mir das DATEV-Symbol wieder auf den Desktop legen?",
    "Das Symbol auf meinem Desktop ist verschwunden",
    "KATASTROPHE!!! mein desktop icons sind alle durcheinander",
    "Could you put the CRM icon on my desktop?",
    "URGENT!!! my desktop background changed colour",
    "Bitte das Hintergrundbild ändern, da ist noch das alte Logo drauf",
    "können wir am freitag den server neustart planen wie besprochen",
    "Ich bekomme eine verdächtige Mail, habe aber nichts angeklickt",
    "hab ne komische mail gekriegt, nicht geklickt, gleich gelöscht. nur zur info",
    "Welche Version von Office haben wir eigentlich?",
]


@pytest.mark.parametrize("text", MEANINGLESS)
def test_meaningless_text_is_normal_not_confident_and_asks_the_questions(text):
    result = classify_text(text)
    assert (result.priority, result.confident) == ("normal", False)
    assert "Bitte beantworten Sie die folgenden Fragen" in render_explanation(result, str)


@pytest.mark.parametrize("filler", ["was", "bitte", "Danke", "Hallo", "wie", "please", "what"])
def test_a_filler_word_never_turns_an_emergency_low(filler):
    text = f"{filler} Auf dem Server sind alle Dateien verschlüsselt, Lösegeld gefordert"
    assert classify_text(text).priority == "critical"


@pytest.mark.parametrize("text", SECURITY_INCIDENTS)
def test_every_security_incident_is_critical(text):
    result = classify_text(text)
    assert (result.priority, result.example_key, result.confident) == (
        "critical",
        "security_incident",
        True,
    )
    assert result.matched_terms and all(term in text for term in result.matched_terms)


@pytest.mark.parametrize("text", COMPANY_WIDE_OUTAGES)
def test_an_outage_of_the_whole_company_is_never_below_critical(text):
    assert classify_text(text).priority == "critical"


# An emergency asked for politely: the learned model reads politeness as low (round 9's review
# found 30 of 230 such texts made Niedrig); the rules' Kritisch is never lowered to Niedrig.
POLITE_EMERGENCIES = [
    "Could you please have a look at our server, it crashed",
    "Könnten Sie bitte bei Gelegenheit den Server anschauen, der ist abgestürzt",
    "Would you mind checking the mail server when you have time? It stopped working this morning",
    "Hallo, ich wollte nur Bescheid geben, die Telefonanlage ist tot. Danke!",
]


@pytest.mark.parametrize("text", POLITE_EMERGENCIES)
def test_a_polite_emergency_is_never_low(text):
    assert classify_text(text).priority == "critical"


@pytest.mark.parametrize("text", ["wann geht das Internet wieder", "wann läuft die Kasse wieder"])
def test_an_unsure_reading_is_never_made_low(text):
    result = classify_text(text)
    assert (result.priority, result.confident) == ("normal", False)


@pytest.mark.parametrize("text", ONE_WORKSTATION)
def test_one_workstation_handset_or_access_is_normal(text):
    assert classify_text(text).priority == "normal"


@pytest.mark.parametrize("text", LOW_FAMILIES)
def test_planned_and_cosmetic_wishes_stay_low(text):
    result = classify_text(text)
    assert result.priority == "low"
    assert result.matched_terms, "low needs positive evidence, and names it"


@pytest.mark.parametrize(
    "text",
    [
        "Wie verschicke ich eine verschlüsselte Mail?",
        "Bitte die Virenscanner-Lizenz verlängern",
        "Der Virenscanner meldet nichts, aber der PC ist langsam",
    ],
)
def test_words_near_security_are_not_an_incident(text):
    assert classify_text(text).example_key != "security_incident"


def test_nothing_works_alone_is_a_question_to_ask_not_a_verdict():
    result = classify_text("nix geht")
    assert (result.priority, result.confident) == ("normal", False)
    assert classify_text("Bei uns geht nix mehr").priority == "critical"


# Found by an independent review of round 10: questions that ask after an outage of the whole
# company or when a thing works again, and texts that only call themselves a question, were
# read as low matters, and so were requests for a call or news that name no matter. None is
# Niedrig now (the rules alone, and with the model).
ASKED_AFTER_AN_OUTAGE = [
    ("Ist es normal, dass niemand mehr ins Internet kommt?", CRITICAL),
    ("Frage: Ist es normal, dass niemand mehr auf das Netzlaufwerk zugreifen kann?", CRITICAL),
    ("Wann geht das Internet wieder?", NORMAL),
    ("When will Teams work again?", NORMAL),
    ("Frage", NORMAL),
    ("Eine kurze Frage bitte", NORMAL),
    ("Frage zu Teams", NORMAL),
    # asking for a call or news names no matter
    ("Bitte um Rückruf", NORMAL),
    ("Any update?", NORMAL),
    ("Dear IT team, I have a request", NORMAL),
]


@pytest.mark.parametrize(("text", "expected"), ASKED_AFTER_AN_OUTAGE)
def test_a_question_after_an_outage_or_a_request_naming_nothing_is_no_low_matter(text, expected):
    rules = classify_by_rules(text)
    assert (rules.priority, rules.confident) == (expected, False)
    assert classify_text(text).priority != LOW


def test_a_request_that_names_its_matter_stays_low():
    for text in ("Windows Update bitte installieren", "Anfrage: neue Lizenz für Adobe"):
        result = classify_text(text)
        assert (result.priority, result.confident) == (LOW, True), text


# Security incidents the same review found below Kritisch: files renamed everywhere asked about
# in a question, an attacker named, a password typed into a suspicious mail or "gephisht".
SECURITY_ASKED_OR_NAMED = [
    "Warum heißen meine Dateien alle .locked?",
    "why do all my files have a .locky extension now?",
    "Es gibt in jedem Ordner eine Datei RESTORE_FILES.txt, was ist das?",
    "Phishing erfolgreich: Angreifer hat Zugriff auf Buchhaltungspostfach",
    "Passwort in eine komische Mail eingetippt",
    "Passwort wurde gephisht",
    "Soll ich mein Passwort ändern? Ich habe es in einer verdächtigen Mail eingegeben",
    # a ransomware family named, asked about or not
    "all files on the NAS end with .lockbit, is that normal?",
    "Ryuk Erpresserbrief auf dem Server",
]


@pytest.mark.parametrize("text", SECURITY_ASKED_OR_NAMED)
def test_a_security_incident_asked_about_or_named_is_kritisch(text):
    assert classify_text(text).priority == CRITICAL


def test_a_question_that_names_its_matter_stays_low():
    for text in (
        "Hilfe, wie ändere ich meine Signatur?",
        "Wie öffne ich Dateien mit der Endung .msg?",
        "Welche Version von Office haben wir eigentlich?",
        "Kurze Frage: ist es ein Problem, wenn ich Dropbox nutze?",
    ):
        result = classify_text(text)
        assert (result.priority, result.confident) == (LOW, True), text


def test_a_ransomware_family_is_matched_as_a_whole_word_only():
    # "lucky" is not "Locky", a "Revier" no "REvil"
    for text in (
        "Ich hatte heute lucky day, Drucker druckt wieder",
        "Revier Nord hat neue Drucker",
    ):
        assert classify_text(text).priority != CRITICAL, text
