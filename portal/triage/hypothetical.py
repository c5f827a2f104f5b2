"""An outage or an attack named as a topic, not reported: the subject of a training, a plan or
a protection ("Sicherheitsschulung zum Thema Ransomware", "ransomware protection"), a case one
asks how to behave in ("wie verhalten wir uns bei einem Serverausfall"), a downtime agreed to
("Ausfall wäre für uns ok") or one told of as past with its date ("Internet-Ausfall letzte
Woche") - in a text that asks for something. Told without a request or question ("Trotz
Schulung hat jemand Ransomware eingeschleppt", "Unser Schutz vor Ransomware hat versagt") the
attack is reported."""

from dataclasses import replace

from portal.triage.concepts import (
    JOKE,
    NOTHING_WORKS,
    PAST_EVENT,
    PLAN_TOPIC,
    REQUEST,
    SECURITY,
    SETUP_WISH,
    STATE,
)
from portal.triage.reading import Reading
from portal.triage.vocabulary.low_matters import JOKE_FILLERS, TOPIC_NOUNS, TOPIC_REACH

TOLD_OF = (SECURITY, NOTHING_WORKS, STATE)


def without_topics(reading: Reading) -> Reading:
    """The reading without the outage and attack nouns a plan, a training or a past date in
    their clause makes a topic, and without the symptoms and security words they gave. A verb
    ("ist ausgefallen") or a noun further off in the clause stays a report."""
    tokens = reading.tokens
    anchors = [m for m in reading.matches if m.concept in (PLAN_TOPIC, PAST_EVENT)]
    if not anchors or not _asks(reading, anchors):
        return reading
    topics = set()
    for index, token in enumerate(tokens):
        noun = token.text[:1].isupper() or token.folded in TOPIC_NOUNS
        if noun and any(_near(reading, anchor, index) for anchor in anchors):
            topics.add(index)
    told = [m for m in reading.matches if m.concept in TOLD_OF and set(m.tokens) <= topics]
    return _without_told(reading, told)


def _without_told(reading: Reading, told: list) -> Reading:
    """The reading without the phrases ``told`` (a topic, an alarm taken back) and the
    symptoms that rest on them alone."""
    if not told:
        return reading
    told_tokens = {index for m in told for index in m.tokens}
    matches = [m for m in reading.matches if m not in told]
    symptoms = [s for s in reading.symptoms if not set(s.tokens) <= told_tokens]
    return replace(reading, matches=matches, symptoms=symptoms)


def _asks(reading: Reading, anchors) -> bool:
    """A question mark, or a request or wish in other words than the topic's own ("Schulung"
    is both: "Trotz Schulung hat jemand Ransomware eingeschleppt" asks for nothing)."""
    if "?" in reading.text:
        return True
    topic = {index for anchor in anchors for index in anchor.tokens}
    return any(
        m.concept in (REQUEST, SETUP_WISH) and not set(m.tokens) & topic for m in reading.matches
    )


def _near(reading: Reading, anchor, index: int) -> bool:
    tokens = reading.tokens
    if index in anchor.tokens or tokens[index].clause != tokens[anchor.first].clause:
        return False
    distance = min(abs(index - i) for i in anchor.tokens)
    return distance <= TOPIC_REACH


def without_jokes(reading: Reading) -> Reading:
    """ "Virus! ... Spaß, wollte nur fragen, ob die Lizenz verlängert werden muss": an alarm
    taken back by a joke word that stands as its own clause ("Spaß", "just kidding") is not
    reported; what follows the joke is ("nur Spaß, aber der Server ist wirklich aus")."""
    tokens = reading.tokens
    jokes = [m for m in reading.matches if m.concept == JOKE and _alone(tokens, m)]
    if not jokes:
        return reading
    end = max(m.first for m in jokes)
    told = [m for m in reading.matches if m.concept in TOLD_OF and m.tokens[-1] < end]
    return _without_told(reading, told)


def _alone(tokens, joke) -> bool:
    """True if the joke's clause says nothing else ("… Spaß,", "nur ein Scherz."): "das ist kein
    kleiner Spaß mehr" is no joke."""
    clause = tokens[joke.first].clause
    return all(
        i in joke.tokens or token.folded in JOKE_FILLERS
        for i, token in enumerate(tokens)
        if token.clause == clause
    )
