"""Triage round 6: general rules found on authors I and J (tuned since this round), each checked
with phrasings of our own that are in no labelled set."""

import pytest

from portal.triage import classify_text

CRITICAL, NORMAL, LOW = "critical", "normal", "low"

CASES = [
    # A program packed in an archive or sent straight in a mail, started.
    ("Hab die exe aus der Rechnung.zip doppelgeklickt", CRITICAL),
    ("I double-clicked an exe from an email about a parcel, nothing seemed to happen", CRITICAL),
    # The lure came as a text message from a supposed sender, or the page looked wrong.
    (
        "Auf eine SMS von der Post hin hab ich meine Kreditkarte und das Passwort eingetragen",
        CRITICAL,
    ),
    ("Got a text from 'the bank' and entered my login on the page it linked", CRITICAL),
    (
        "Aus der Mail vom 'Paketdienst' bin ich auf eine Seite und hab dort meine Zugangsdaten"
        " eingegeben",
        CRITICAL,
    ),
    (
        "I logged in on a page from an email yesterday, it looked weird now that I think of it",
        CRITICAL,
    ),
    # A mouse pointer that moves by itself: someone else drives the machine.
    ("Bei der Kollegin fährt der Mauszeiger von selbst über den Bildschirm", CRITICAL),
    ("the mouse pointer moves around by itself", CRITICAL),
    ("Die Maus bewegt sich nicht mehr, Batterie leer?", NORMAL),
    # A document's name with a second ending appended: ransomware's mark ...
    ("Auf dem Netzlaufwerk heißt das Angebot jetzt Angebot_Meier.docx.q7zk2", CRITICAL),
    ("our price list is now Preise.xlsx.zq81 and won't open", CRITICAL),
    # ... but a copy's ending is none.
    ("Bitte die alte Datei Angebot.docx.bak im Projektordner löschen", LOW),
    # The protection complaining, colloquially.
    ("Seit heute früh meckert der Virenscanner auf dem Empfangsrechner", CRITICAL),
    ("Defender keeps complaining about a file on my desktop", CRITICAL),
    # What a caller said of himself, told in reported speech; one's own secret handed over.
    ("Ein Herr rief an, sagte er sei von der IT, ich hab ihm den Code vorgelesen", CRITICAL),
    ("Someone called, said he was from the help desk, and I gave my password", CRITICAL),
    # Asking whether it is only oneself names nobody: "the whole office" says who.
    ("Bin das nur ich oder ist in der ganzen Kanzlei das Internet weg?", CRITICAL),
    ("Is it only me or is the whole office without internet?", CRITICAL),
    # Clients that no longer find their server, mail that no longer flows.
    ("Unsere Clients finden den Server nicht mehr", CRITICAL),
    ("Monitoring alert: mail flow stopped on the Exchange server", CRITICAL),
    ("Bei uns stauen sich alle ausgehenden Mails in der Warteschlange vom Mailserver", CRITICAL),
    # A suspicious mail described and left unopened: no fault of the mail system, no harm.
    ("Ich hab eine komische Mail von der 'Bank' bekommen, nicht aufgemacht, gleich gelöscht", LOW),
    ("Suspicious email from 'DHL' with a zip, have not opened the attachment, deleted it", LOW),
    # A fill level below the critical one is capacity to plan; at or above it, a fault.
    ("Überwachung: Datenbankserver Laufwerk E: zu 81 % belegt", LOW),
    ("Monitoring: NAS volume 64% used", LOW),
    ("Monitoring: NAS volume 96% used", NORMAL),
    # How to do something, asked by its doer without a question mark.
    ("wie druck ich beidseitig", LOW),
    ("wie krieg ich den Kalender vom Chef in mein Outlook", LOW),
    # It can wait: "nix eilig".
    ("nix Dringendes: am Laptop von Frau Berg fehlt eine Taste", LOW),
    # How a program looks, one's presence, the date shown: cosmetic, however loud.
    ("DRINGEND!!! Outlook ist plötzlich im Dunkelmodus, ich find nicht wie man das ausmacht", LOW),
    ("URGENT my Teams shows me as away all day", LOW),
    ("Das Telefon am Empfang zeigt ein falsches Datum an", LOW),
    ("the conference room display has the wrong date", LOW),
    # A sticker come off, a key that squeaks: nothing stops working.
    ("Am Monitor ist der Inventaraufkleber abgefallen", LOW),
    ("my mouse wheel squeaks a bit", LOW),
    ("Die Tastatur quietscht beim Tippen, geht aber", LOW),
    # Printing in black and white is a setting, not a black screen.
    ("Kann man einstellen, dass Excel immer schwarz-weiß druckt?", LOW),
    ("can the printer print black and white by default?", LOW),
    # Standing around idle is no standstill.
    ("Im Büro steht seit Wochen ein alter Drucker herum, bitte entsorgen", LOW),
    ("Das Lager steht, kein Scanner geht", CRITICAL),
    # The female colleagues fine, a user not authorised: one person's trouble.
    ("Ich kann nicht mehr auf den Kalender zugreifen, bei den Kolleginnen geht es", NORMAL),
    ("DATEV meldet seit heute 'Benutzer nicht berechtigt'", NORMAL),
    ("the CRM says I am not authorized since this morning", NORMAL),
    # A network missing beside one device named, or a desk's socket: that device's.
    ("Das Tablet vom Fahrer meldet 'kein Netzwerk'", NORMAL),
    ("The new laptop says no network, the others are fine", NORMAL),
    ("Kein Netz am neuen Platz, die Netzwerkdose ist wohl nicht gepatcht", NORMAL),
    ("Kein Netzwerk, PC schon neu gestartet", CRITICAL),
    ("Kein Netzwerk im ganzen Büro, alle PCs offline", CRITICAL),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round6_rule(text, expected):
    assert classify_text(text).priority == expected


def test_a_fill_level_names_its_words():
    result = classify_text("Festplatte C: zu 70 % belegt")
    assert result.priority == LOW and result.confident
    assert "belegt" in result.matched_terms


@pytest.mark.parametrize(("level", "expected"), [("89", LOW), ("90", NORMAL), ("89,5", LOW)])
def test_the_fill_level_turns_from_low_at_ninety_percent(level, expected):
    assert classify_text(f"Überwachung: Festplatte D: zu {level} % belegt").priority == expected
