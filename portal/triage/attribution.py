"""Tie each symptom to the component it is about, and say who is affected by that component."""

from portal.triage.concepts import (
    EVERYTHING_NAMED,
    INTERMITTENT,
    NOTHING_MORE,
    NOTHING_WORKS,
    PERMISSION,
    SCOPE,
    STATE,
)
from portal.triage.reading import Mention, Reading, Symptom
from portal.triage.rules import UNKNOWN
from portal.triage.symptoms import working_statements
from portal.triage.vocabulary.components import (
    BY_SPECIFICITY,
    CENTRAL_KINDS,
    CLIENT_APP,
    DEVICE_KINDS,
    EVERYTHING,
    LOW_TOPIC,
    PERSONAL_DEVICE_WORDS,
    PRINTER,
)
from portal.triage.vocabulary.scope import (
    COMPANY,
    GENITIVE_SINGULAR,
    ONE,
    PLURAL_DEVICE_WORDS,
)
from portal.triage.vocabulary.states import CRASH_WORDS, DEGRADED, DOWN, FREEZE_WORDS

CAUSE_WORDS = frozenset({"nach", "seit", "after", "since", "wegen", "because"})
# "Datenbankserver der CAQ-Software": words that make a component named next the attribute of
# the one before it.
ATTRIBUTIVE_WORDS = frozenset(
    {"der", "des", "fuer", "vom", "von", "of", "for", "the", "die", "den", "dem", "unserer"}
)
ATTRIBUTE_REACH = 2
SPECIFICITY_RANK = {kind: rank for rank, kind in enumerate(BY_SPECIFICITY)}
# A clause opened by one of these tells what a fault before it stops: "deshalb können wir
# nicht …", "so we can't …" ("so" only before its subject: "so langsam" is a degree).
CONSEQUENCE_OPENERS = frozenset(
    {"deshalb", "daher", "darum", "deswegen", "somit", "therefore", "hence", "thus"}
)
SO_SUBJECTS = frozenset({"we", "i", "nobody", "noone", "they", "wir", "ich", "keiner", "niemand"})
# A single printer, told as one ("der Drucker", "the printer"): never everyone's outage.
SINGULAR_ARTICLES = frozenset(
    {"der", "den", "dem", "des", "ein", "einem", "einen", "unser", "unserem", "unseren"}
    | {"dieser", "diesem", "diesen", "the", "this", "that", "our", "a", "one"}
)
EVERY_ARTICLES = frozenset(
    {"alle", "allen", "keine", "kein", "keinem", "keiner", "jeder", "jedem", "saemtliche"}
    | {"all", "no", "every", "none", "any"}
)
# A desk may have several of these: "meine Bildschirme" are one workplace's.
SCREENS = frozenset({"bildschirme", "monitore", "screens", "monitors", "displays"})
LIST_JOINERS = frozenset({"und", "sowie", "oder", "and", "or", "&"})


def target_of(reading: Reading, symptom: Symptom) -> Mention:
    """The component a symptom is about: tied by grammar, else the nearest one named."""
    if symptom.target is not None:
        return symptom.target
    own = [m for m in reading.mentions if m.tokens == symptom.tokens]
    if own:  # "Netzwerkausfall": the compound names its own trouble
        return own[0]
    inside = [m for m in reading.mentions if set(m.tokens) < set(symptom.tokens)]
    if inside:  # "finden den Server nicht", "Mailfluss steht": the phrase names what fails
        return inside[0]
    named = reading.mentions  # "Totalausfall unserer EDV-Anlage": the whole IT, named
    named = [m for m in named if not _has_own_state(reading, m)] or named
    named = [m for m in named if not _cause(reading, m)] or named
    named = [m for m in named if not _outranked(reading, m)] or named
    if _crash(reading, symptom):  # "stürzt ab, wenn ich eine Rechnung drucke": a program's
        named = [m for m in named if m.kind != LOW_TOPIC]
    sentence = reading.tokens[symptom.token].sentence
    clause = reading.tokens[symptom.token].clause
    cause = _cause_of_consequence(reading, symptom, named)
    if cause is not None:
        return cause
    near = [m for m in named if m.token >= 0 and reading.tokens[m.token].clause == clause]
    near = near or [m for m in named if m.sentence == sentence] or named
    if not near:
        return _placeholder(reading, symptom)
    return min(near, key=lambda m: (abs(m.token - symptom.token), m.token))


def _outranked(reading: Reading, mention: Mention) -> bool:
    """ "Datenbankserver der CAQ-Software", "SQL-Server für die Hausverwaltungssoftware",
    "Festplatte vom Server": of two components joined by "der", "für die", "vom", "of the", the
    more central one is what the text is about."""
    tokens = reading.tokens
    rank = SPECIFICITY_RANK.get(mention.kind, len(SPECIFICITY_RANK))
    for other in reading.mentions:
        if other is mention or other.token < 0 or mention.token < 0 or not other.tokens:
            continue
        if SPECIFICITY_RANK.get(other.kind, len(SPECIFICITY_RANK)) >= rank:
            continue
        first, second = sorted((mention, other), key=lambda m: m.token)
        if not 0 < second.token - first.tokens[-1] - 1 <= ATTRIBUTE_REACH:
            continue  # measured first: the words between are looked at only when near
        words = [tokens[i] for i in range(first.tokens[-1] + 1, second.token)]
        if (
            all(t.folded in ATTRIBUTIVE_WORDS for t in words)
            and tokens[mention.token].clause == tokens[other.token].clause
        ):
            return True
    return False


def _crash(reading: Reading, symptom: Symptom) -> bool:
    """A crash is a program's or a device's, never a planned or cosmetic thing's."""
    return any(reading.tokens[i].folded in CRASH_WORDS for i in symptom.tokens)


def _cause_of_consequence(reading: Reading, symptom: Symptom, named: list[Mention]):
    """ "The PC has no sound, so we can't do the Teams call": what a clause opened by "so",
    "deshalb" cannot do is the consequence of the fault told before it, in the component named
    there (the one nearest before), or None if it names none."""
    tokens = reading.tokens
    clause = tokens[symptom.token].clause
    start = next(i for i, token in enumerate(tokens) if token.clause == clause)
    opener = tokens[start].folded
    following = tokens[start + 1].folded if start + 1 < len(tokens) else ""
    if not (opener in CONSEQUENCE_OPENERS or opener == "so" and following in SO_SUBJECTS):
        return None
    sentence = tokens[start].sentence
    before = [m for m in named if 0 <= m.token < start and m.sentence == sentence]
    return before[-1] if before else None


def _cause(reading: Reading, mention: Mention) -> bool:
    """ "nach dem Windows-Update", "since the restart": a thing named as the time or cause of
    a trouble is not what fails."""
    before = [t.folded for t in reading.tokens[max(0, mention.token - 2) : mention.token]]
    return mention.token >= 0 and any(word in CAUSE_WORDS for word in before)


def coordinated(reading: Reading, mention: Mention) -> list[Mention]:
    """The components listed with this one ("Internet und Telefon weg"): one symptom for all."""
    tokens = reading.tokens
    found = []
    for other in reading.mentions:
        if other == mention or other.token < 0 or mention.token < 0:
            continue
        first, last = sorted((mention.token, other.token))
        between = [tokens[i].folded for i in range(first + 1, last)]
        same_clause = tokens[first].clause == tokens[last].clause
        if same_clause and len(between) == 1 and between[0] in LIST_JOINERS:
            found.append(other)
    return found


def _has_own_state(reading: Reading, mention: Mention) -> bool:
    """A compound that names its own trouble ("Festplattenfehler") takes no other symptom."""
    return any(
        match.concept == STATE and match.tokens == mention.tokens for match in reading.matches
    )


def _placeholder(reading: Reading, symptom: Symptom) -> Mention:
    """No component named: "nothing works" is about everything, other symptoms unknown."""
    nothing = any(
        reading.has(concept) for concept in (NOTHING_WORKS, NOTHING_MORE, EVERYTHING_NAMED)
    )
    kind = EVERYTHING if nothing else UNKNOWN
    return Mention(kind, -1, reading.tokens[symptom.token].sentence, ())


def frozen_for_everyone(reading: Reading, symptom: Symptom) -> str:
    """ "Alles ist bei allen eingefroren": a freeze for the whole company is a standstill, unless
    it comes and goes ("hängt ab und zu bei allen kurz")."""
    if symptom.state != DEGRADED or reading.scope != COMPANY:
        return symptom.state
    if not any(reading.tokens[i].folded in FREEZE_WORDS for i in symptom.tokens):
        return symptom.state
    sentence = reading.tokens[symptom.token].sentence
    working = working_statements(reading.tokens, reading.matches)
    now_and_then = any(
        (m.concept == INTERMITTENT or m in working) and reading.tokens[m.first].sentence == sentence
        for m in reading.matches
    )  # "hängt bei allen, man kann aber arbeiten" is no standstill
    return symptom.state if now_and_then else DOWN


def scope_for(reading: Reading, mention: Mention, state: str) -> str | None:
    """Who is affected by this component: "Mein Server ist ausgefallen" is the company's (a
    possessive does not make a central outage one person's); "nobody answers at the hotline, my
    printer is broken" is one printer (everyone's words belong to another clause)."""
    kind = mention.kind
    central = kind in CENTRAL_KINDS
    personal = (*DEVICE_KINDS, CLIENT_APP, PRINTER)
    own_device = reading.has(PERMISSION) or any(m.kind in personal for m in reading.mentions)
    if reading.has(PERMISSION) and reading.scope != COMPANY:
        return ONE  # "Zugriff verweigert" short of everyone: someone's rights, no outage
    weak_one = reading.scope == ONE and reading.scope_is_weak
    if weak_one and central and state == DOWN and not own_device:
        return None
    scope = reading.scope
    personal = mention.token >= 0 and reading.tokens[mention.token].folded in PERSONAL_DEVICE_WORDS
    if scope is None and personal:
        return ONE  # "Die Maus bewegt sich nicht mehr": one person's mouse
    if kind == PRINTER and scope == COMPANY and _one_printer(reading, mention):
        return None  # "Der Drucker druckt bei niemandem mehr": one printer, nobody's desk
    device = kind in (*DEVICE_KINDS, PRINTER)
    if device and scope == COMPANY and not _same_clause(reading, mention):
        scope = None
    plural = kind in DEVICE_KINDS and state == DOWN and _plural_devices(reading)
    if plural and (scope is None or reading.scope_is_weak and scope != ONE):
        return COMPANY  # "unsere Telefone gehen nicht": the company's phones, not "meine"
    return scope


def _one_printer(reading: Reading, mention: Mention) -> bool:
    """True if the sentence names a printer after a singular article and none after "alle",
    "kein", "all", "no" ("kein Drucker druckt", "alle Drucker sind offline": everyone's)."""
    tokens = reading.tokens
    printers = [
        m.token
        for m in reading.mentions
        if m.kind == PRINTER and m.token > 0 and m.sentence == mention.sentence
    ]
    before = {tokens[i - 1].folded for i in printers}
    plural = any(tokens[i].folded.endswith("ers") for i in printers)
    return bool(before & SINGULAR_ARTICLES) and not before & EVERY_ARTICLES and not plural


def _same_clause(reading: Reading, mention: Mention) -> bool:
    """True if the words on who is affected share a clause with the component."""
    if mention.token < 0 or not reading.scope_tokens:
        return True
    clause = reading.tokens[mention.token].clause
    if any(reading.tokens[index].clause == clause for index in reading.scope_tokens):
        return True
    # "The whole practice is down, no PC can reach the server": other words say it there too
    return any(
        m.concept == SCOPE and m.value == COMPANY and reading.tokens[m.first].clause == clause
        for m in reading.matches
    )


def _plural_devices(reading: Reading) -> bool:
    return any(
        reading.tokens[m.token].folded in PLURAL_DEVICE_WORDS
        and not _genitive(reading, m.token)
        and not _of_one_device(reading, m)
        for m in reading.mentions
        if m.kind in DEVICE_KINDS and m.token >= 0
    )


def _of_one_device(reading: Reading, mention: Mention) -> bool:
    """ "Dockingstation erkennt den Laptop nicht, Bildschirme bleiben dunkel": the screens of
    one device named singular in the same sentence, not the company's."""
    if reading.tokens[mention.token].folded not in SCREENS:
        return False
    return any(
        m.kind in DEVICE_KINDS
        and m.token >= 0
        and m.sentence == mention.sentence
        and reading.tokens[m.token].folded not in PLURAL_DEVICE_WORDS
        for m in reading.mentions
    )


def _genitive(reading: Reading, index: int) -> bool:
    """ "das Touchpad meines Notebooks": one notebook's, not the company's notebooks."""
    return index > 0 and reading.tokens[index - 1].folded in GENITIVE_SINGULAR
