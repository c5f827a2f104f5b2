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
# The words of a question about the service itself, not about a matter: what to do, the
# status, a call, whether a message arrived ("Was soll ich jetzt machen?", "Wie ist der Stand?",
# "Can someone come to my desk?"). A question of only these and the ones below names nothing.
SERVICE_QUESTION_WORDS = frozenset({
    "machen", "mache", "tun", "do", "status", "stand", "ticket", "tickets", "update", "neues",
    "anrufen", "zurueckrufen", "call", "reach", "erreiche", "erreichen", "vorbeikommen",
    "kommen", "come", "over", "desk", "look", "draufschauen", "pruefen", "check",
    "sorgen", "worried", "passiert", "happening", "bedeutet", "mean", "nachricht", "message",
    "bekommen", "received", "gelesen", "angekommen", "arrived", "zeit", "time", "weiter",
    "fragen", "ask", "something", "anything", "etwas", "take", "long", "lange", "dauert",
    "finde", "find", "euch", "ihr", "habt", "someone", "jemand", "helfen", "help", "meldet",
    "back", "get", "geht", "gehts", "this", "that", "das", "dies", "es", "it", "now", "jetzt",
    "mich", "mir", "sich", "ihnen", "dich", "dir", "mein", "meine", "meinem", "meinen",
    "meiner", "your", "bitte", "kurz", "mal", "please", "hallo", "with", "from", "have",
})
# A plea for help presumes trouble: a request in it is no evidence of a low matter ("Ich brauche
# Hilfe mit dem PC").
HELP_WORDS = frozenset({"hilfe", "helfen", "help", "helping"})
# Nor is asking for help, politely or in need, by these words alone: "Können Sie mir helfen?",
# "Ich brauche dringend Hilfe", "Could someone come over?", "Neues Anliegen".
ASKING_FOR_HELP_WORDS = frozenset({
    "koennen", "koennten", "koennt", "kann", "sie", "mir", "mal", "jemand", "ich", "wir",
    "brauche", "braeuchte", "brauchen", "haette", "haetten", "wuerde", "wuerden", "moechte",
    "moechten", "darf", "neu", "neue", "neues", "neuer", "neuen", "anliegen", "info", "hinweis",
    "hilfe", "helfen", "bitte", "melden", "can", "could", "you", "someone", "somebody",
    "anyone", "i", "we", "need", "needs", "like", "new", "help", "please", "report", "me",
    # the openings of a question: "Gibt es …", "Wie geht …", "Wo finde …", "How can I …"
    "gibt", "es", "wie", "geht", "wo", "finde", "id", "how", "where", "find",
    # asking for a call, a visit or a look: "Kann mich bitte jemand anrufen?"
    "anrufen", "zurueckrufen", "rufen", "call", "vorbeikommen", "kommen", "come", "schauen",
    "anschauen", "look", "have", "check", "pruefen",
})

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
