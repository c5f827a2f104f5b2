"""Triage round 5: general rules found on author K's set, each checked with phrasings of our
own that are in no labelled set."""

import pytest

from portal.triage import classify_text
from portal.triage.examples import CRITICAL, LOW, NORMAL

CASES = [
    # Sign-in prompts nobody asked for, or one approved by mistake: someone has the password.
    (
        "Mein Authenticator will ständig eine Anmeldung genehmigt haben, ich sitze gar nicht am PC",
        CRITICAL,
    ),
    ("I keep getting login requests on my phone although I am not logging in anywhere", CRITICAL),
    ("Got three approval requests tonight and approved one by mistake", CRITICAL),
    ("Wie richte ich den Authenticator auf meinem neuen Handy ein?", LOW),
    # A caller who claimed to be IT or support and got in, or got a password.
    (
        "Eine Frau rief an, angeblich vom Microsoft-Support, ich habe ihr mein Kennwort genannt",
        CRITICAL,
    ),
    (
        "A man called claiming to be from the helpdesk and I installed the tool he asked for",
        CRITICAL,
    ),
    (
        "Anruf von einem angeblichen Techniker, er wollte mein Passwort. Ich hab sofort aufgelegt.",
        LOW,
    ),
    # A portable device lost or stolen with the company's data on it, or unprotected.
    ("Mein Diensthandy wurde in der Bahn gestohlen, da sind alle Kundenkontakte drauf", CRITICAL),
    (
        "The sales notebook was stolen from the car, unencrypted, with the customer list on it",
        CRITICAL,
    ),
    # A document that made one enable macros, a program from an attachment started.
    ("Ich habe den Lieferschein aus der Mail geöffnet und die Makros zugelassen", CRITICAL),
    (
        "I opened the attachment of a parcel notice and it asked me to enable macros, so I did",
        CRITICAL,
    ),
    ("Wie kann ich in Excel Makros aktivieren?", LOW),
    ("Hab eine setup.exe aus einem Anhang gestartet, seitdem ist nichts passiert", CRITICAL),
    # A log-in from a place the person has never been.
    ("Outlook meldet eine Anmeldung aus Brasilien, ich war noch nie in Brasilien", CRITICAL),
    # A message from one's account that the owner denies, someone in with one's login.
    (
        "Aus dem Postfach meiner Chefin ging an alle Kunden eine Mail mit Link raus, war nicht sie",
        CRITICAL,
    ),
    ("Heute Nacht hat sich irgendwer mit meinem Passwort im Portal angemeldet", CRITICAL),
    # Traffic a firewall calls suspicious, payment fraud in the company's name.
    ("Die Firewall meldet verdächtige Verbindungen von einem Kassen-PC ins Ausland", CRITICAL),
    ("A supplier got an invoice in our name with changed bank details", CRITICAL),
    ("Ein Kunde fragt, warum unsere Rechnung plötzlich eine andere Bankverbindung hat", CRITICAL),
    # A matter told as settled: it works again, or a check went well; a later contrast stays.
    ("Das WLAN war heute früh für eine Stunde weg, läuft inzwischen wieder. Nur zur Info", LOW),
    ("The VPN was down for a bit but it is working again, thanks", LOW),
    ("Nachtsicherung erfolgreich, keine Fehler, Speicher zu 80 % belegt", LOW),
    ("Der Server läuft wieder. Aber Outlook geht bei allen noch nicht.", CRITICAL),
    ("Mein Rechner geht nach dem Start nicht wieder an", NORMAL),
    # A fallback that works: the network is not down ("per Kabel geht's").
    ("Mein Notebook findet das WLAN nicht, mit Kabel geht es", NORMAL),
    # People who do not know are not people without a system.
    ("Ich kann die Dateien nicht hochladen, Fehler 500. Die anderen wissen es nicht.", NORMAL),
    # A client that only waits for its server, a password prompt that keeps coming back.
    ("Bei allen steht in Outlook nur noch 'Verbindung wird hergestellt'", CRITICAL),
    ("Teams fragt bei allen ständig nach dem Kennwort", CRITICAL),
    # A socket in the wall is one desk's.
    ("Die Netzwerkdose im Büro von Frau Lang ist tot", NORMAL),
    # Components listed together share their symptom: "Internet und Telefon weg".
    ("Seit heute früh sind Telefon und Internet tot, das ganze Büro ist betroffen", CRITICAL),
    # What is named as the cause or time of a trouble is not what fails.
    ("Der Dateiserver bootet seit dem Patch-Update ständig neu, keiner kann arbeiten", CRITICAL),
    # Several screens beside one device are that desk's.
    ("Mein Notebook im Dock: beide Monitore bleiben schwarz", NORMAL),
    # A device that cannot connect is that device's trouble, not the network's.
    ("Das Diensthandy vom Azubi verbindet sich nicht mit dem WLAN", NORMAL),
    ("My new laptop won't connect to the wifi", NORMAL),
    # A backup or sync job that failed is a fault to fix, not an outage of its server.
    ("Die Nachtsicherung vom Fileserver ist fehlgeschlagen", NORMAL),
    ("Der Fileserver ist ausgefallen, auch die Sicherung ist fehlgeschlagen", CRITICAL),
    # A search that finds nothing is an impairment; clutter that hides things is no fault.
    ("Im DMS findet die Suche bei allen nichts mehr", NORMAL),
    ("Vor lauter Dateien im Downloads-Ordner findet man nichts mehr, bitte aufräumen", LOW),
    # A setting asked to change is a wish, not a slow device.
    ("Kann man das Scrollen am Touchpad etwas langsamer einstellen?", LOW),
    ("Der Klingelton am Tischtelefon ist zu laut, wie stell ich den leiser?", LOW),
    # An old device standing idle, to be collected.
    ("Zwei alte Monitore stehen nur noch rum, könnt ihr die abholen?", LOW),
    # More security families: a fake warning that wants a call, mail sent in bulk to strangers,
    # someone in one's mailbox, a found stick plugged in, a stranger posing as a technician,
    # a sign-in code nobody asked for, a device left behind with data on it.
    (
        "Ein Fenster sagt, mein PC sei gesperrt und ich soll eine Nummer anrufen",
        CRITICAL,
    ),
    ("Unser Firmenkonto hat heute Nacht Mails an fremde Empfänger verschickt", CRITICAL),
    ("Someone logged into my mailbox from Vietnam last night", CRITICAL),
    ("Mein Kollege hat einen USB-Stick vom Parkplatz eingesteckt", CRITICAL),
    ("Ein Fremder hat sich als Techniker ausgegeben und war im Serverraum", CRITICAL),
    (
        "Es kam eine SMS mit einem Bestätigungscode, obwohl ich mich gar nicht angemeldet habe",
        CRITICAL,
    ),
    ("Das Notebook vom Chef ist im Zug liegen geblieben, da ist die Buchhaltung drauf", CRITICAL),
    # No handset in the house has a dial tone; a printer back again, told with thanks.
    ("Auf keinem Apparat im Haus gibt es ein Freizeichen", CRITICAL),
    ("hallo, wollte nur sagen das der drucker jetzt wieder geht, danke", LOW),
    # Attacks in the plural, software nobody installed, a phone lost without a passcode.
    ("Firewall hat heute Nacht Alarm geschlagen wegen Angriffen von außen", CRITICAL),
    ("There's a program on my PC I never installed and it keeps opening the browser", CRITICAL),
    ("Lost my phone at the airport, it has work email and no passcode", CRITICAL),
    # ... but one's own slip, private data, a wish or a licence are no incident.
    ("Ich habe aus Versehen eine Mail an alle Kontakte geschickt, peinlich", NORMAL),
    ("Hab meinen USB-Stick verloren, da waren nur Urlaubsfotos drauf", NORMAL),
    ("Bitte für den neuen Kollegen TeamViewer installieren, er hat mich angerufen", LOW),
    ("Die Firewall-Lizenz läuft Ende des Monats ab", LOW),
    ("Wie kann ich im Authenticator ein neues Konto hinzufügen?", LOW),
    ("Die Sicherung lief heute Nacht erfolgreich durch", LOW),
    # A cosmetic thing missing ("ohne Logo") is no outage, even for everyone.
    ("Bei allen kommen die Briefe ohne Logo aus dem Drucker", LOW),
    # A worn part to replace while the device runs on is a fault, not an outage.
    ("Die USV im Serverraum meldet Akku defekt, läuft aber noch", NORMAL),
    ("Server meldet: Lüfter defekt", NORMAL),
    # An infection told colloquially; the company's shop that shows only a blank page.
    ("Ich glaub mein Laptop hat sich was eingefangen, ständig gehen Fenster auf", CRITICAL),
    ("Unser Webshop zeigt nur eine leere Seite, keiner kann bestellen", CRITICAL),
    # One device singled out is one workplace; the speaker and another person are several.
    ("Nur der PC im Lager hat kein Netzwerk", NORMAL),
    ("Bei mir und Frau Yilmaz geht das CRM nicht", CRITICAL),
    # A sentence saying one thing works caps no fault told after "aber"/"but".
    ("Der Server läuft wieder, aber Outlook geht bei allen noch nicht", CRITICAL),
    ("The file server runs normally, but nobody can reach the ERP", CRITICAL),
    ("Das Internet war heute morgen kurz weg, jetzt geht es wieder", NORMAL),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round5_rule(text, expected):
    assert classify_text(text).priority == expected
