"""What is wrong, from the text: state words, negated verbs of working ("geht nicht"),
"kein Internet", "nichts geht", and impairments that come and go."""

from portal.triage.concepts import (
    COMPONENT,
    DETERMINER,
    INTERMITTENT,
    NEGATION,
    NO_FAULT,
    NOT_DOWN,
    NOTHING_MORE,
    NOTHING_WORKS,
    REPORT,
    SCOPE,
    STATE,
    SUBORDINATOR,
    VERB,
)
from portal.triage.matcher import Match, Token
from portal.triage.reading import Mention, Symptom
from portal.triage.verbs import (
    NEGATION_REACH,
    closes_its_clause,
    nearest_verb,
    opening_verb,
    wished,
)
from portal.triage.vocabulary.components import DEVICE_KINDS, EVERYTHING, LOW_TOPIC, PRINTER
from portal.triage.vocabulary.negation import (
    CLAUSE_JOINERS,
    CONSEQUENCE_WORDS,
    LIST_NEGATIONS,
    OFF_REACH,
    OFF_VERBS,
    SWITCH_VERBS,
)
from portal.triage.vocabulary.states import (
    DEGRADED,
    DOWN,
    DURATION_UNITS,
    DURATION_VERBS,
    FAULT,
    HARDLY,
    IDLE_REACH,
    IDLE_WORDS,
    INTENSIFIERS,
    NOTHING_WORDS,
    STANDS_AT,
)

CANCEL_REACH = 2  # a negation this close undoes a state word: "nicht langsam", "stört nicht"
STRONG_CONTRAST = frozenset({"aber", "jedoch", "allerdings", "but", "however"})
# "normales Outlook geht (noch)": a component said to work, closing its clause.
WORKING_VERBS = frozenset(
    {"geht", "gehts", "gehen", "laeuft", "laufen", "funktioniert", "funktionieren", "klappt"}
    | {"works", "work", "funzt"}
)
STILL_WORDS = frozenset({"noch", "still", "fine"})
ORDINARY_WORDS = frozenset(
    {"normal", "normale", "normales", "normalen", "regular", "ordinary", "plain", "usual"}
    | {"rest", "restliche", "restlichen", "uebrige", "uebrigen"}
)
WITHOUT = frozenset({"ohne", "without"})
FIND_WORDS = frozenset({"findet", "finden", "find", "finds", "sucht", "searches"})


def find_symptoms(
    tokens: list[Token], matches: list[Match], mentions: list[Mention]
) -> list[Symptom]:
    free_negations = free_negations_in(matches)
    symptoms = _state_words(tokens, matches, free_negations)
    symptoms += _negated_verbs(tokens, matches, free_negations, mentions)
    symptoms += _negated_components(tokens, matches, mentions, free_negations)
    symptoms += [
        _nothing_works(tokens, match, mentions)
        for match in matches
        if match.concept == NOTHING_WORKS and not _stands_at(tokens, match)
    ]
    symptoms += [s for s in _switched_off(tokens, mentions) if not _wished_off(tokens, matches, s)]
    symptoms += _takes_minutes(tokens)
    symptoms += [
        Symptom(DEGRADED if _found(tokens, match) else DOWN, match.first, match.tokens, True)
        for match in matches
        if match.concept == NOTHING_MORE and not _said_otherwise(match, matches)
    ]
    return _intermittent_is_degraded(tokens, matches, symptoms, mentions)


def _said_otherwise(match: Match, matches: list[Match]) -> bool:
    """ "Suche findet nichts mehr" is an impairment, "findet man nix mehr" no fault: a longer
    phrase says what the "nothing" is."""
    inside = set(match.tokens)
    return any(
        m.concept in (STATE, NO_FAULT) and inside < set(m.tokens) for m in matches if m != match
    )


def _inside_longer_state(match: Match, matches: list[Match]) -> bool:
    inside = set(match.tokens)
    return any(m.concept == STATE and inside < set(m.tokens) for m in matches)


def _after_contrast(tokens: list[Token], symptom: Symptom, statements: list[Match]) -> bool:
    """True if each working statement of the symptom's sentence comes before it, with a
    contrast ("aber", "but") between."""
    sentence = tokens[symptom.token].sentence
    here = [m for m in statements if tokens[m.first].sentence == sentence]
    return bool(here) and all(
        m.tokens[-1] < symptom.token
        and (
            any(tokens[i].folded in STRONG_CONTRAST for i in range(m.tokens[-1] + 1, symptom.token))
            or _opens_contrast(tokens, m)
        )
        for m in here
    )


def _opens_contrast(tokens: list[Token], statement: Match) -> bool:
    """ "Server läuft zwar aber Praxisprogramm sagt keine Verbindung": a statement that ends in
    "aber" with its clause going on opens the contrast, unlike "Internet geht aber, …"."""
    last = statement.tokens[-1]
    following = last + 1
    return (
        tokens[last].folded in STRONG_CONTRAST
        and following < len(tokens)
        and tokens[following].clause == tokens[last].clause
    )


def _found(tokens: list[Token], match: Match) -> bool:
    """ "Die Suche findet bei allen nichts mehr": what finds nothing is impaired, not down."""
    clause = tokens[match.first].clause
    return any(
        tokens[i].folded in FIND_WORDS and tokens[i].clause == clause
        for i in range(max(0, match.first - NEGATION_REACH), match.first)
    )


def _stands_at(tokens: list[Token], match: Match) -> bool:
    """ "… der Praxis steht auf offline", "steht im Display": "steht" before a preposition says
    where something stands or what it shows, not that work stands still; "im Lager steht noch
    ein alter PC rum" is a thing standing idle."""
    last = match.tokens[-1]
    if tokens[last].folded not in ("steht", "stehen"):
        return False
    after = last + 1
    if after < len(tokens) and tokens[after].folded in STANDS_AT:
        return True
    clause = tokens[last].clause
    following = tokens[after : after + IDLE_REACH]
    return any(t.folded in IDLE_WORDS and t.clause == clause for t in following)


def _nothing_works(tokens: list[Token], match: Match, mentions: list[Mention]) -> Symptom:
    """ "Nichts geht mehr" is about everything, even when components are named as well, unless
    its clause names only one device ("der Drucker macht nix mehr"); "…, das ganze Lager steht"
    after a printer is the whole warehouse."""
    sentence, clause = tokens[match.first].sentence, tokens[match.first].clause
    named = {m.kind for m in mentions if m.token >= 0 and tokens[m.token].clause == clause}
    nothing = set(match.words) & NOTHING_WORDS  # not "the team is at a standstill"
    if named and named <= {PRINTER, *DEVICE_KINDS} and nothing:
        return Symptom(DOWN, match.first, match.tokens, True)
    everything = Mention(EVERYTHING, match.first, sentence, match.tokens)
    return Symptom(DOWN, match.first, match.tokens, True, everything)


def _switched_off(tokens: list[Token], mentions: list[Mention]) -> list[Symptom]:
    """ "SQL-Server aus, alle …", "der Server ist seit heute aus": "aus" closing its clause after
    a component or "ist" means down ("aus dem Posteingang" does not close its clause)."""
    symptoms = []
    for index, token in enumerate(tokens):
        if token.folded != "aus" or index == 0 or not _closes_clause(tokens, index):
            continue
        if _switching(tokens, index):
            continue  # "Wie schalte ich die Autokorrektur in Word aus": to switch off
        owner = next((m for m in mentions if m.tokens and m.tokens[-1] == index - 1), None)
        reach = [*range(max(0, index - OFF_REACH), index), index + 1]
        verb = [
            i
            for i in reach
            if i < len(tokens)
            and tokens[i].folded in OFF_VERBS
            and tokens[i].clause == token.clause
        ]
        if owner is not None or verb:
            symptoms.append(
                Symptom(DOWN, index, (verb[-1], index) if verb else (index,), True, owner)
            )
    return symptoms


def _switching(tokens: list[Token], index: int) -> bool:
    """True if a verb of switching ("schalte", "mach", "stell") in the clause takes the "aus"."""
    clause = tokens[index].clause
    return any(
        tokens[i].folded in SWITCH_VERBS and tokens[i].clause == clause for i in range(index)
    )


def _wished_off(tokens: list[Token], matches: list[Match], symptom: Symptom) -> bool:
    """ "so einstellen, dass das Gäste-WLAN nachts aus ist" (comma or not) is a wish, unless a
    report opens the sentence ("mir ist aufgefallen, dass der Server aus ist")."""
    sentence = tokens[symptom.token].sentence
    before = [m.first for m in matches if m.first < symptom.token]
    if not any(
        i in before and tokens[i].sentence == sentence
        for i in (m.first for m in matches if m.concept == SUBORDINATOR)
    ):
        return False
    reports = [m.first for m in matches if m.concept == REPORT]
    return not any(i in before and tokens[i].sentence == sentence for i in reports)


def _closes_clause(tokens: list[Token], index: int) -> bool:
    """True if the word ends its clause, or is followed only by a clause-final "ist" ("dass der
    Server aus ist") or by "und"/"and" ("der ist seit einer Stunde aus und alle warten")."""
    for after in (index + 1, index + 2):
        if after >= len(tokens) or tokens[after].clause != tokens[index].clause:
            return True
        if tokens[after].folded in CLAUSE_JOINERS:
            return True
        if tokens[after].folded not in OFF_VERBS:
            return False
    return False


def _takes_minutes(tokens: list[Token]) -> list[Symptom]:
    """ "Die Anmeldung dauert bei allen ca. 5 Minuten", "opening a file takes 3 minutes": a verb
    of taking time with a unit of time in its clause is an impairment ("Wie lange dauert die
    Lieferung?" names no unit)."""
    symptoms = []
    for index, token in enumerate(tokens):
        if token.folded not in DURATION_VERBS:
            continue
        units = [
            i
            for i, other in enumerate(tokens)
            if other.folded in DURATION_UNITS and other.clause == token.clause
        ]
        if units:
            symptoms.append(Symptom(DEGRADED, index, (index, units[0]), True))
    return symptoms


def free_negations_in(matches: list[Match]) -> set[int]:
    """Negation tokens not part of a longer phrase ("kein Bild", "nicht dringend", "gar nichts")."""
    negations = {match.first for match in matches if match.concept == NEGATION}
    longer = [match for match in matches if len(match.tokens) > 1 and match.concept != SCOPE]
    used = {token for match in longer for token in match.tokens}
    return negations - used


def _state_words(tokens, matches, free_negations) -> list[Symptom]:
    symptoms = []
    no_fault = {i for m in matches if m.concept == NO_FAULT for i in m.tokens}
    # "Telefonanlage tot kein Apparat hat Freizeichen": a "kein" before a component after the
    # state word says what is missing there; it does not undo the state.
    components = {m.first for m in matches if m.concept == COMPONENT}
    determiners = (m.first for m in matches if m.concept == DETERMINER)
    determining = {first for first in determiners if first + 1 in components}
    for match in matches:
        if match.concept != STATE or negated_nearby(tokens, match, free_negations, determining):
            continue
        if set(match.tokens) <= no_fault:  # "wie krieg ich das weg", "the wrong colleague"
            continue
        if _inside_longer_state(match, matches):  # "Batterie defekt" says what is "defekt"
            continue
        state = match.value
        if state == DEGRADED and _intensified(tokens, match):
            state = DOWN  # "bricht komplett zusammen", "total eingefroren"
        symptoms.append(Symptom(state, match.first, match.tokens, True))
    return symptoms


def _intensified(tokens: list[Token], match: Match) -> bool:
    first, last = match.tokens[0], match.tokens[-1]
    near = range(max(0, first - 2), min(len(tokens), last + 3))
    return any(
        tokens[index].folded in INTENSIFIERS and tokens[index].clause == tokens[first].clause
        for index in near
    )


def negated_nearby(
    tokens: list[Token], match: Match, free_negations: set[int], not_after: set[int] = frozenset()
) -> bool:
    """True if a free negation stands close before or after the match in its clause; one of
    not_after counts only before it."""
    first, last = match.tokens[0], match.tokens[-1]
    after = set(range(last + 1, last + 1 + CANCEL_REACH)) - not_after
    nearby = set(range(first - CANCEL_REACH, first)) | after
    return any(
        index in free_negations and tokens[index].clause == tokens[first].clause for index in nearby
    )


def _negated_verbs(tokens, matches, free_negations, mentions) -> list[Symptom]:
    """ "geht nicht", "keiner kommt rein": a negation near a verb of working means down;
    "weder Internet noch Telefon funktionieren": each component of the list is down."""
    verbs = sorted({match.first for match in matches if match.concept == VERB})
    subordinate = _subordinate_clauses(tokens, matches)
    symptoms = []
    named = {m.token for m in mentions}
    for negation in sorted(free_negations):
        if tokens[negation].clause in subordinate or wished(tokens, negation):
            continue
        if tokens[negation].folded in WITHOUT and negation + 1 in named:
            continue  # "kommen ohne Logo raus": what is missing, not a verb negated
        verb = nearest_verb(tokens, verbs, negation)
        if verb is None and closes_its_clause(tokens, negation):
            verb = opening_verb(tokens, verbs, negation)
        if verb is None and tokens[negation].folded in LIST_NEGATIONS:
            # "weder Webseite noch E-Mail": each thing of the list is missing
            symptoms += [
                Symptom(DOWN, m.token, (negation, *m.tokens), False, m)
                for m in mentions
                if m.token > negation and tokens[m.token].clause == tokens[negation].clause
            ]
        if verb is None:
            continue
        listed = [
            m
            for m in mentions
            if tokens[negation].folded in LIST_NEGATIONS
            and negation < m.token < verb
            and tokens[m.token].clause == tokens[negation].clause
        ]
        symptoms += [Symptom(DOWN, verb, (verb, negation), False, m) for m in listed]
        if not listed:
            symptoms.append(Symptom(DOWN, verb, (verb, negation), False))
    return symptoms


def _subordinate_clauses(tokens: list[Token], matches: list[Match]) -> set[int]:
    """Clauses opened by "dass"/"damit": they describe a wish ("dass Outlook nicht startet"),
    unless a report or a consequence opens them ("wir haben festgestellt, dass …", "so
    instabil, dass …")."""
    reports = [match.first for match in matches if match.concept == REPORT]
    reports += [t for t, token in enumerate(tokens) if token.folded in CONSEQUENCE_WORDS]
    states = {match.first for match in matches if match.concept == STATE}
    reports += [t for t, token in enumerate(tokens) if token.folded == "so" and t + 1 in states]
    return {
        tokens[match.first].clause
        for match in matches
        if match.concept == SUBORDINATOR
        and (match.first == 0 or tokens[match.first - 1].clause != tokens[match.first].clause)
        and not any(
            report < match.first and tokens[report].sentence == tokens[match.first].sentence
            for report in reports
        )
    }


def working_statements(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """The phrases that say something works ("läuft normal", "man kann arbeiten"), unless
    negated ("läuft schon wieder nicht", "wir können nicht arbeiten") or said to be barely so
    ("wir können kaum arbeiten")."""
    free_negations = free_negations_in(matches)
    negations = {match.first for match in matches if match.concept == NEGATION}
    hardly = {i for i, token in enumerate(tokens) if token.folded in HARDLY}
    return [
        match
        for match in matches
        if match.concept == NOT_DOWN
        and not negated_nearby(tokens, match, free_negations)
        and not negations & set(range(match.first, match.tokens[-1])) - set(match.tokens)
        and not hardly & set(range(match.first, match.tokens[-1]))
    ] + _component_works(tokens, matches, negations)


def _component_works(tokens: list[Token], matches: list[Match], negations: set[int]):
    """ "…, normales Outlook geht": a verb of working right after the ordinary one of a
    component, closing its clause with no negation in it ("Teams geht" beside "Outlook geht
    bei allen nicht" says nothing of Outlook)."""
    ends = {m.tokens[-1] for m in matches if m.concept == COMPONENT}
    found = []
    for match in matches:
        index = match.first
        if match.concept != VERB or tokens[index].folded not in WORKING_VERBS:
            continue
        clause = tokens[index].clause
        if index - 1 not in ends or tokens[index - 1].clause != clause:
            continue
        if not any(t.folded in ORDINARY_WORDS for t in tokens[max(0, index - 3) : index - 1]):
            continue  # "normales Outlook geht", "der Rest des Portals geht"
        rest = [t for t in tokens[index + 1 :] if t.clause == clause]
        negated = any(tokens[i].clause == clause for i in negations)
        if all(t.folded in STILL_WORDS for t in rest) and not negated and match not in found:
            found.append(match)
    return found


def _total(tokens: list[Token], symptom: Symptom, total: set[int]) -> bool:
    """True if the symptom is said to be total: "komplett", "gar nichts"."""
    if set(symptom.tokens) & total:
        return True
    first, last = symptom.tokens[0], symptom.tokens[-1]
    near = range(max(0, first - 2), min(len(tokens), last + 3))
    clause = tokens[symptom.token].clause
    return any(tokens[i].folded in INTENSIFIERS and tokens[i].clause == clause for i in near)


def _negated_components(tokens, matches, mentions, free_negations) -> list[Symptom]:
    """ "kein Internet", "keiner hat Netz", "no connection": the component is down."""
    determiners = {match.first for match in matches if match.concept == DETERMINER}
    determiners &= free_negations
    symptoms = []
    for mention in mentions:
        clause = tokens[mention.token].clause
        before = [
            index
            for index in range(mention.token - 2, mention.token)
            if index in determiners and tokens[index].clause == clause
        ]
        if before:
            tokens_used = (before[-1], *mention.tokens)
            # "ohne Logo": a planned or cosmetic thing missing is a fault, not an outage
            missing = tokens[before[-1]].folded in WITHOUT and mention.kind == LOW_TOPIC
            state = FAULT if missing else DOWN
            symptoms.append(Symptom(state, mention.token, tokens_used, False, mention))
    return symptoms


def _intermittent_is_degraded(tokens, matches, symptoms, mentions) -> list[Symptom]:
    """ "manchmal nicht erreichbar", "ausgefallen ist aber nichts", "but calls go through", "war
    kurz weg, jetzt geht es wieder": an impairment, no outage (nor a vague fault that might be
    one); "läuft schon wieder nicht" is still down."""
    statements = working_statements(tokens, matches)
    # "Der Server läuft wieder, aber Outlook geht noch nicht": a fault after a contrast stays.
    contrasted = {s.token for s in symptoms if _after_contrast(tokens, s, statements)}
    total = {i for m in matches if m.concept in (NOTHING_MORE, NOTHING_WORKS) for i in m.tokens}
    # "ab und zu" qualifies the symptom of its own clause ("die Fritzbox startet immer wieder
    # neu"); in a clause without one it qualifies its sentence ("Manchmal, morgens, ist …").
    told = {tokens[s.token].clause for s in symptoms}
    now_and_then = [m for m in matches if m.concept == INTERMITTENT]
    sentences = {
        tokens[m.first].sentence for m in now_and_then if tokens[m.first].clause not in told
    }

    def working(symptom: Symptom) -> bool:
        sentence = tokens[symptom.token].sentence
        return symptom.token not in contrasted and any(
            tokens[m.first].sentence == sentence and not _of_another(tokens, m, symptom, mentions)
            for m in statements
        )

    def now_and_then_of(symptom: Symptom) -> bool:
        if tokens[symptom.token].sentence in sentences:
            return True
        return any(_qualifies(tokens, m, symptom, symptoms) for m in now_and_then)

    return [
        Symptom(DEGRADED, s.token, s.tokens, s.strong, s.target)
        if s.state == DOWN
        and (
            working(s)
            or now_and_then_of(s)
            # "bricht alle paar Minuten komplett zusammen": a total outage, however often
            and not _total(tokens, s, total)
        )
        or s.state == FAULT
        and working(s)
        else s
        for s in symptoms
    ]


def _qualifies(tokens: list[Token], often: Match, symptom: Symptom, symptoms) -> bool:
    """ "Telefonanlage startet ständig neu Gespräche brechen nach paar Sekunden ab": a frequency
    qualifies the symptom of its clause next to it, not one beyond another symptom."""
    if tokens[often.first].clause != tokens[symptom.token].clause:
        return False
    start, end = sorted((often.first, symptom.token))
    return not any(start < other.token < end for other in symptoms if other != symptom)


def _of_another(tokens: list[Token], statement: Match, symptom: Symptom, mentions) -> bool:
    """ "Outlook und Teams bei uns allen offline, Internet geht aber": a statement that names
    in its clause another component than the symptom's clause names says nothing of it."""
    clause = tokens[statement.first].clause
    other_clause = tokens[symptom.token].clause
    if clause == other_clause:
        return False
    works = {m.kind for m in mentions if m.token >= 0 and tokens[m.token].clause == clause}
    fails = {m.kind for m in mentions if m.token >= 0 and tokens[m.token].clause == other_clause}
    if symptom.target is not None:
        fails.add(symptom.target.kind)
    return bool(works) and bool(fails) and not works & fails
