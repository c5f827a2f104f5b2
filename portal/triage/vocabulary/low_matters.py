"""Positive evidence of a low matter: requests, questions, planned or cosmetic wishes, no hurry."""

from portal.triage.vocabulary import phrases

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
# Asking for a call, an answer or news names no matter: "Bitte um Rückruf", "Any update?" are no
# evidence of a low one by these words alone.
CONTACT_WORDS = frozenset({"rueckruf", "request", "anfrage", "update", "updates"})

# The phrases of requests, of questions that report trouble, of wishes, cosmetic and planned
# matters (REQUEST_TERMS, LOW_TOPIC_TERMS, PLAN_TOPIC_TERMS, ...) are in low_matters.toml.
globals().update(phrases.load("low_matters"))

# A disk or store filled to a share below the level monitoring calls critical ("Festplatte C:
# zu 78 % belegt"): capacity to plan, a low matter; at or above it ("93% full") a fault.
FILL_WORDS = frozenset({
    "belegt", "voll", "gefuellt", "ausgelastet", "auslastung", "belegung", "full", "used",
    "usage", "utilization", "utilisation",
})
FILL_ALARM_PERCENT = 90

# The outage and attack words such a clause names as a topic (German nouns are capitalised).
TOPIC_NOUNS = frozenset({
    "outage", "outages", "downtime", "ransomware", "malware", "phishing", "virus", "viruses",
    "hack", "attack", "attacks", "trojan", "trojans",
})
TOPIC_REACH = 6
# Words that may stand beside a joke word in its clause: "war nur ein Scherz", "just kidding".
JOKE_FILLERS = frozenset({"nur", "war", "ein", "kleiner", "just", "only", "was", "a", "ok"})
# fmt: on
