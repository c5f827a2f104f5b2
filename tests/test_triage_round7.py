"""Triage round 7: general rules found on authors L and M (tuned since this round), each checked
with phrasings of our own that are in no labelled set."""

import pytest

from portal.triage import classify_text

CRITICAL, NORMAL, LOW = "critical", "normal", "low"

CASES = [
    # Security: the protection switched off behind one's back.
    ("Nach dem Öffnen der Rechnung ist der Virenschutz auf einmal ausgeschaltet", CRITICAL),
    ("the antivirus on my laptop got disabled by itself overnight", CRITICAL),
    ("Der Virenscanner warnt, dass die Lizenz abläuft", LOW),
    # Security: a log-in page that only imitated the real one, a delivery notice as the lure.
    (
        "Hab mich auf einer Seite angemeldet, die aussah wie die von Microsoft, war aber keine",
        CRITICAL,
    ),
    ("I typed my password into a fake login page from a mail", CRITICAL),
    ("Kollegin hat auf eine Zustellbenachrichtigung hin ihre Zugangsdaten eingegeben", CRITICAL),
    ("Got a delivery notification, followed it and entered my credentials", CRITICAL),
    # ... and nobody clicked, said after the verb: the lure did no harm.
    ("Wir kriegen komische Mails von der Post, angeklickt hat keiner was. Filter schärfer?", LOW),
    # An attack or outage as the topic of a training, a protection, a plan or a question.
    ("Bitte für alle eine Schulung zu Phishing und Viren organisieren", LOW),
    ("Could you offer us some protection against ransomware for the file server?", LOW),
    ("Was müssen wir im Falle eines Internetausfalls tun? Gibt es eine Checkliste?", LOW),
    ("What should we do if the server has an outage? Is there a checklist?", LOW),
    ("Patchday: Neustart der Server am Sonntag, eine Stunde Ausfall wäre ok, bitte einplanen", LOW),
    ("Der Stromausfall letzte Woche: woran lag das eigentlich?", LOW),
    # ... but told without a request, the attack is reported.
    ("Trotz Schulung hat jemand Ransomware eingeschleppt", CRITICAL),
    ("Unser Schutz vor Viren hat versagt, der Fileserver ist infiziert", CRITICAL),
    # A store taken offline, a machine that never stays up, users thrown out again and again.
    ("Die Postfachdatenbank ist ausgehängt, Outlook findet kein Postfach mehr", CRITICAL),
    ("the mailbox database got dismounted, no one can open Outlook", CRITICAL),
    ("Der Fileserver startet dauernd neu, seit einer Stunde kann keiner arbeiten", CRITICAL),
    ("Our terminal server keeps rebooting, users get kicked out every few minutes", CRITICAL),
    ("Der Terminalserver spinnt, alle fliegen ständig raus", CRITICAL),
    # The screen of a blue or white screen names no device: the server is down.
    ("Der Datenbankserver zeigt einen Bluescreen und fährt nicht mehr hoch", CRITICAL),
    ("our file server shows a blue screen and reboots over and over", CRITICAL),
    # Every user, each one, no device of a kind: everyone.
    ("Outlook verlangt bei jedem ständig das Kennwort und verbindet sich nicht", CRITICAL),
    ("Since the update Outlook won't connect for every user", CRITICAL),
    ("no tablet can sync, the MDM server is down", CRITICAL),
    ("Bei jedem Neustart muss ich die Druckerauswahl neu treffen", NORMAL),
    # Several people working from home, "wir": not one.
    ("Wir kommen von zuhause nicht mehr aufs VPN, im Büro ist die Leitung tot", CRITICAL),
    ("Ich komme von zuhause nicht ins VPN, im Büro geht alles", NORMAL),
    # "alle" before a thing counts the things of one person.
    ("mein Postfach ist leer, alle Nachrichten weg!!!", NORMAL),
    # A call that breaks up, mail that comes late, a screen in stripes: impaired, not down.
    ("Telefonate über die Anlage sind bei allen abgehackt, man versteht wenig", NORMAL),
    ("calls on the phone system are breaking up for everybody, but they connect", NORMAL),
    ("Mails kommen seit heute bei allen etwa 30 Minuten zu spät an", NORMAL),
    ("All emails arrive hours late today", NORMAL),
    ("my monitor only shows green stripes", NORMAL),
    # Low matters: toner running low, a list for an audit, a move to plan, something to add,
    # a language, a screen to rotate, a presence status, a public holidays calendar, an hour off.
    ("Der Kopierer im 1. OG meldet Toner fast leer", LOW),
    ("printer on 2nd floor says toner is low", LOW),
    ("Für die Prüfung bräuchten wir eine Liste aller Benutzer mit Adminrechten", LOW),
    ("please send an overview of our licences for the audit", LOW),
    ("Im Herbst ziehen wir ins neue Büro, bitte Telefonie und Netzwerk mitplanen", LOW),
    ("Please add the new colleague to the sales distribution list", LOW),
    ("Bei Frau Arslan soll Windows auf Türkisch umgestellt werden", LOW),
    ("can you change the keyboard layout on my laptop to US", LOW),
    ("Bitte meinen Monitor ins Hochformat drehen", LOW),
    ("please rotate my second screen to portrait mode", LOW),
    ("my Teams status always shows away", LOW),
    ("Bitte die Feiertage von Bayern in alle Outlook-Kalender eintragen", LOW),
    ("Die Uhr an den Telefonen geht eine Stunde nach", LOW),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round7_rule(text, expected):
    assert classify_text(text).priority == expected


def test_a_topic_names_its_words_and_is_confident():
    result = classify_text("Bitte eine Awareness-Schulung zu Phishing für das Team anbieten")
    assert result.priority == LOW and result.confident
    assert any("Schulung" in term for term in result.matched_terms)
