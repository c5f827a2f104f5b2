"""The safety rules: a security incident is Kritisch, a company-wide outage never below it, and
a bare "nix geht" is a question to ask."""

import re

from portal.triage.attribution import scope_for, target_of
from portal.triage.concepts import (
    AFTERMATH,
    ATTACHMENT,
    BY_ITSELF,
    CALLER,
    CURSOR,
    DATA_AT_RISK,
    ENABLE,
    EVERYTHING_NAMED,
    EXECUTABLE,
    EXTERNAL,
    FILES,
    FOREIGN,
    FORWARDING,
    FOUND,
    HUNG_UP,
    IMPERSONATION,
    LET_IN,
    LOST,
    MACROS,
    MFA_ANSWERED,
    MFA_PROMPT,
    MOVES,
    NOT_CLICKED,
    NOT_OURS,
    OPENED,
    OWN_ACCOUNT,
    PHISHING_CLICKED,
    PHISHING_CREDENTIALS,
    PLUGGED,
    PORTABLE,
    REMOTE_TOOL,
    RENAMED,
    SECURITY,
    SECURITY_ALERT,
    SECURITY_TOOL,
    SENDING,
    SETUP_WISH,
    SLIP,
    SOMEONE,
    SPAM,
    STICK,
    STRANGER_SENDER,
    TOOL_CHORE,
    VAGUE_NOTHING,
)
from portal.triage.examples import CRITICAL
from portal.triage.matcher import Match
from portal.triage.reading import Reading
from portal.triage.rules import DOWN_EXAMPLES, Decision
from portal.triage.symptoms import free_negations_in, negated_nearby
from portal.triage.vocabulary.components import LOW_TOPIC
from portal.triage.vocabulary.scope import COMPANY
from portal.triage.vocabulary.states import DOWN

# Security evidence that takes two (or three) parts in one text.
SECURITY_PAIRS = (
    (PHISHING_CLICKED, PHISHING_CREDENTIALS),
    (SPAM, SENDING),
    (FILES, RENAMED),
    (SECURITY_TOOL, SECURITY_ALERT),
    (PHISHING_CREDENTIALS, FOREIGN),
    (SOMEONE, OWN_ACCOUNT),
    (FORWARDING, NOT_OURS),  # "Weiterleitungsregeln, die ich nicht angelegt habe"
    (FORWARDING, EXTERNAL),  # "a rule forwarding everything to an external address"
    (REMOTE_TOOL, CALLER),  # "nach einem Anruf von Microsoft TeamViewer installiert"
    (STRANGER_SENDER, OPENED),  # "opened a zip from an unknown sender"
    (MFA_PROMPT, MFA_ANSWERED),  # sign-in prompts nobody asked for, or one approved by mistake
    (CALLER, IMPERSONATION, LET_IN),  # "rief an, angeblich von der IT; ich habe installiert"
    (LOST, PORTABLE, DATA_AT_RISK),  # "Notebook gestohlen, Kundendaten drauf", "no PIN"
    (MACROS, ENABLE, OPENED),  # "die Rechnung geöffnet und Makros aktiviert"
    (EXECUTABLE, ATTACHMENT, OPENED),  # "die .exe aus dem Anhang gestartet"
    (ATTACHMENT, OPENED, AFTERMATH),  # "die zip aus der Mail aufgemacht, jetzt gehen Fenster auf"
    (STICK, FOUND, PLUGGED),  # "einen USB-Stick vom Parkplatz eingesteckt"
    (FOREIGN, IMPERSONATION),  # "ein Fremder hat sich als Techniker ausgegeben"
    (CURSOR, MOVES, BY_ITSELF),  # "auf dem PC bewegt sich die Maus von alleine"
)
# A document's name with a second ending appended ("Mandanten_2023.xlsx.8hx3k",
# "Angebot.docx.locked"): what ransomware does to every file it encrypts. A copy's ending
# (".bak", ".old") is no such mark.
DOUBLE_ENDING = re.compile(
    r"[\w-]+\.(?:docx?|docm|xlsx?|xlsm|pptx?|pdf|txt|csv|jpe?g|png|odt|ods|msg|eml|zip)"
    r"\.(?!(?:bak|old|tmp|orig|backup|alt|kopie|copy)\b)[a-z0-9]{2,12}\b",
    re.IGNORECASE,
)
# A count of none before the words it counts: "0 threats found".
ZERO_COUNT = re.compile(r"(?:^|[^\d.,])0[ \t]*$")
ZERO_WORDS = frozenset({"zero", "null", "keine", "keinerlei"})
# Pairs that a wish undoes: "bitte eine Weiterleitung an meine gmail-Adresse einrichten".
WISHED_PAIRS = frozenset({(FORWARDING, EXTERNAL), (REMOTE_TOOL, CALLER)})
# A caller who got nothing: "angeblich IT, wollte mein Passwort, ich hab aufgelegt".
HUNG_UP_PAIRS = frozenset({(CALLER, IMPERSONATION, LET_IN)})


def security_evidence(reading: Reading) -> list[str]:
    """The words that tell of a security incident, or [] if none does (or it is denied)."""
    tokens, matches = reading.tokens, reading.matches
    free_negations = free_negations_in(matches)
    denied = {index for m in matches if m.concept == NOT_CLICKED for index in m.tokens}
    denied |= _counted_zero(reading)
    found = {
        concept: [
            m
            for m in matches
            if m.concept == concept
            and not set(m.tokens) & denied
            and not negated_nearby(tokens, m, free_negations)
        ]
        for concept in (SECURITY, *(c for pair in SECURITY_PAIRS for c in pair))
    }
    groups = [m.tokens for m in found[SECURITY]]
    if not denied:
        groups += _double_endings(reading)
    for parts in SECURITY_PAIRS:
        first, second = parts[:2]
        if parts in WISHED_PAIRS and reading.has(SETUP_WISH):
            continue
        if parts in HUNG_UP_PAIRS and reading.has(HUNG_UP):
            continue
        if parts == (SPAM, SENDING) and reading.has(SLIP):
            continue  # "aus Versehen eine Mail an alle Kontakte geschickt": one's own slip
        if first == SECURITY_TOOL and reading.has(TOOL_CHORE):
            continue  # "Der Virenscanner warnt, dass die Lizenz abläuft"
        if first in (FILES, SOMEONE) and _asks_about(reading, found[second]):
            continue  # "Wie öffne ich Dateien mit der Endung .msg?": no harm told of
        if all(found[part] for part in parts):
            groups += [m.tokens for part in parts for m in found[part]]
    return reading.words(groups) if groups else []


def _counted_zero(reading: Reading) -> set[int]:
    """ "0 threats found", "zero infections", "null Funde": the words a count of none counts."""
    tokens = reading.tokens
    counted = set()
    previous_end = 0
    for index, token in enumerate(tokens):
        gap = reading.text[previous_end : token.start]
        previous_end = token.end
        zero = ZERO_COUNT.search(gap) is not None
        if zero or index > 0 and tokens[index - 1].folded in ZERO_WORDS:
            following = tokens[index + 1 : index + 2]
            counted.add(index)
            counted |= {index + 1 for t in following if t.clause == token.clause}
    return counted


def _double_endings(reading: Reading) -> list[tuple[int, ...]]:
    """The words of file names with a second ending appended to a document's own."""
    groups = []
    for found in DOUBLE_ENDING.finditer(reading.text):
        inside = tuple(
            index
            for index, token in enumerate(reading.tokens)
            if token.start >= found.start() and token.end <= found.end()
        )
        if inside:
            groups.append(inside)
    return groups


# Files everywhere are no question of how to open one: "Warum heißen meine Dateien alle
# .locked?", "Es gibt in jedem Ordner eine Datei RESTORE_FILES.txt, was ist das?"
EVERYWHERE_WORDS = frozenset(
    {"alle", "allen", "all", "jedem", "jeder", "jede", "every", "each", "saemtliche", "ueberall"}
)


def _asks_about(reading: Reading, matches: list[Match]) -> bool:
    """True if the text tells of no symptom and each match sits in a question about some file,
    not about files everywhere."""
    if reading.symptoms or any(t.folded in EVERYWHERE_WORDS for t in reading.tokens):
        return False
    questions = {
        token.sentence
        for token in reading.tokens
        if reading.text[token.end :].lstrip().startswith("?")
    }
    return all(reading.tokens[m.first].sentence in questions for m in matches)


def only_nothing_works(reading: Reading) -> bool:
    """ "nix geht" and no word on what or whose: no evidence of an outage of the company."""
    phrases = [m for m in reading.matches if m.concept == VAGUE_NOTHING]
    return (
        bool(phrases)
        and not reading.mentions
        and reading.scope is None
        and not reading.has(EVERYTHING_NAMED)
        and all(
            any(set(symptom.tokens) <= set(m.tokens) for m in phrases)
            for symptom in reading.symptoms
        )
    )


def company_wide_outage(reading: Reading, decision: Decision) -> Decision:
    """An outage the text says hits the whole company is never below Kritisch, even of printers
    ("alle Drucker im Haus sind offline": nobody can print)."""
    if decision.priority == CRITICAL or reading.scope != COMPANY:
        return decision
    for symptom in reading.symptoms:
        target = target_of(reading, symptom)
        if symptom.state != DOWN or target.kind == LOW_TOPIC:
            continue
        if scope_for(reading, target, symptom.state) == COMPANY:
            return Decision(CRITICAL, DOWN_EXAMPLES.get(target.kind, "company_hindered"))
    return decision
