"""Classify a problem into the SLA classes, from free text or from the guided answers."""

import re
from dataclasses import dataclass
from functools import cache

from portal.triage import vocabulary as vocab
from portal.triage.examples import CRITICAL, LOW, NORMAL, PRIORITIES
from portal.triage.explanations import (
    EXPLAIN_ANSWERS,
    EXPLAIN_MATCH,
    EXPLAIN_REQUEST,
    EXPLAIN_SCOPE_UNCLEAR,
    EXPLAIN_UNCLEAR_WITH_TERMS,
)
from portal.triage.matcher import Lexicon, Match, Token, fold, runs, span_text, tokenize
from portal.triage.result import TriageResult, build_result
from portal.triage.rules import (
    ANSWER_COMPONENT_OF_KIND,
    ANSWER_STATE_OF_STATE,
    DOWN_EXAMPLES,
    MATCH,
    OTHER,
    SCOPE_UNCLEAR,
    UNCLEAR,
    UNKNOWN,
    Decision,
    decide,
    decide_without_state,
)

AFFECTED_ANSWERS = ("company", "several", "one")
COMPONENT_ANSWERS = ("server", "network", "company_system", "workstation", "printer", "phone")
COMPONENT_ANSWERS += (OTHER,)
STATE_ANSWERS = ("down", "degraded")

COMPONENT = "component"
STATE = "state"
VERB = "verb"
NEGATION = "negation"
DETERMINER = "determiner"
SUBORDINATOR = "subordinator"
NOTHING_WORKS = "nothing_works"
NOTHING_MORE = "nothing_more"
EVERYTHING = "everything"
SCOPE = "scope"
NOT_ONLY = "not_only"
IDIOM = "idiom"
INTERMITTENT = "intermittent"
REQUEST = "request"
COSMETIC = "cosmetic"
EXPLICIT_LOW = "explicit_low"
RELAXED = "relaxed"
SECURITY = "security"
SECURITY_TOOL = "security_tool"
PHISHING_CLICKED = "phishing_clicked"
PHISHING_CREDENTIALS = "phishing_credentials"
SPAM = "spam"
SENDING = "sending"
FILES = "files"
RENAMED = "renamed"
NOT_CLICKED = "not_clicked"
NOT_DOWN = "not_down"
VAGUE_NOTHING = "vague_nothing"
REPORT = "report"
TROUBLE = "trouble"
SECURITY_ALERT = "security_alert"
PERMISSION = "permission"
FOREIGN = "foreign"
TOOL_CHORE = "tool_chore"
CLOSING = "closing"
SALUTATION = "salutation"
PLAIN = "plain"
# Evidence that the matter is low. Anything else (fillers, greetings, question words, urgency)
# is no evidence at all: such a text is Normal and not confident, never Niedrig.
LOW_EVIDENCE = (REQUEST, COSMETIC, EXPLICIT_LOW, RELAXED, NOT_CLICKED)
# Security evidence that takes two halves in one text: (first, second).
SECURITY_PAIRS = (
    (PHISHING_CLICKED, PHISHING_CREDENTIALS),
    (SPAM, SENDING),
    (FILES, RENAMED),
    (SECURITY_TOOL, SECURITY_ALERT),
    (PHISHING_CREDENTIALS, FOREIGN),
)
# Scope words count as whole words with at most an inflection, not as part of a compound
# ("Telefonzentrale" is a desk, not "zentrale").
SCOPE_INFLECTION = 2

NOT_ONLY_TERMS = ("nicht nur", "nicht bloß", "not only", "not just")
NEGATION_REACH = 8  # words from a negation to its verb: "geht seit heute Morgen nicht"
NEGATION_REACH_FORWARD = 9  # the verb may come last: "niemand kann sich am Server anmelden"
COUNT_OF_TOTAL = re.compile(
    r"\b(?P<part>\d+|[a-z]+)\s+(?:von|of|aus|out of)\s+(?:den\s+|the\s+|our\s+|unseren\s+)?"
    r"(?P<total>\d+|[a-z]+)\b"
)
DEPARTMENT_REACH = 3  # "everyone in accounting", "alle in der Buchhaltung"
NUMBERED = re.compile(r"[ \t]*\d+\b(?![ \t]*(?:und|and|,|/|-|&)[ \t]*\d)")
CANCEL_REACH = 2  # a negation this close undoes a state word: "nicht langsam", "stört nicht"
STATE_STRENGTH = {vocab.DEGRADED: 0, vocab.FAULT: 1, vocab.DOWN: 2}
PRIORITY_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}
SPECIFICITY = (
    vocab.COMPANY_SYSTEM, vocab.SERVER, vocab.PHONE_SYSTEM, vocab.NETWORK, vocab.INTERNET,
    vocab.PRINTER, vocab.PHONE, vocab.WORKSTATION, vocab.CLIENT_APP, vocab.EVERYTHING,
    vocab.LOW_TOPIC, UNKNOWN,
)  # fmt: skip


def _vocabulary_entries():
    for kind, terms in vocab.COMPONENT_TERMS.items():
        yield from ((COMPONENT, kind, term) for term in terms)
    yield from ((COMPONENT, vocab.LOW_TOPIC, term) for term in vocab.LOW_TOPIC_TERMS)
    for state, terms in vocab.STATE_TERMS.items():
        yield from ((STATE, state, term) for term in terms)
    for scope, terms in vocab.SCOPE_TERMS.items():
        yield from ((SCOPE, scope, term) for term in terms)
    simple = (
        (VERB, vocab.FUNCTION_VERBS),
        (NEGATION, vocab.NEGATIONS),
        (DETERMINER, vocab.NEGATING_DETERMINERS),
        (SUBORDINATOR, vocab.SUBORDINATORS),
        (REPORT, vocab.REPORT_TERMS),
        (TROUBLE, vocab.TROUBLE_QUESTIONS),
        (SECURITY_ALERT, vocab.SECURITY_ALERT_TERMS),
        (PERMISSION, vocab.PERMISSION_TERMS),
        (FOREIGN, vocab.FOREIGN_TERMS),
        (TOOL_CHORE, vocab.SECURITY_TOOL_CHORES),
        (CLOSING, vocab.CLOSINGS),
        (SALUTATION, vocab.SALUTATIONS),
        (NOTHING_WORKS, vocab.NOTHING_WORKS),
        (VAGUE_NOTHING, vocab.VAGUE_NOTHING_WORKS),
        (NOTHING_MORE, vocab.NOTHING_MORE),
        (EVERYTHING, vocab.EVERYTHING_TERMS),
        (NOT_ONLY, NOT_ONLY_TERMS),
        (IDIOM, vocab.IDIOMS),
        (INTERMITTENT, vocab.INTERMITTENT),
        (REQUEST, vocab.REQUEST_TERMS),
        (COSMETIC, vocab.COSMETIC_TERMS),
        (EXPLICIT_LOW, vocab.EXPLICIT_LOW_TERMS),
        (RELAXED, vocab.RELAXED_TERMS),
        (SECURITY, vocab.SECURITY_TERMS),
        (SECURITY_TOOL, vocab.SECURITY_TOOL_TERMS),
        (PHISHING_CLICKED, vocab.PHISHING_CLICKED),
        (PHISHING_CREDENTIALS, vocab.PHISHING_GAVE_CREDENTIALS),
        (SPAM, vocab.SPAM_TERMS),
        (SENDING, vocab.SENDING_TERMS),
        (FILES, vocab.FILE_TERMS),
        (RENAMED, vocab.RENAMED_TERMS),
        (NOT_CLICKED, vocab.NOT_CLICKED_TERMS),
        (NOT_DOWN, vocab.NOT_DOWN_TERMS),
        (PLAIN, vocab.PLAIN_WORDS),
    )
    for concept, terms in simple:
        yield from ((concept, concept, term) for term in terms)


@cache
def lexicon() -> Lexicon:
    """Built on first use (its fuzzy index takes ~0.1 s), not when the app or a CLI starts."""
    return Lexicon(
        _vocabulary_entries(),
        exact_words=vocab.EXACT_WORDS,
        common_words=vocab.COMMON_WORDS,
        unfuzzy_concepts=frozenset(
            {NEGATION, DETERMINER, SUBORDINATOR, SCOPE, NOT_ONLY, IDIOM, SENDING, RENAMED, FILES}
            | {RELAXED, NOT_CLICKED, NOT_DOWN, PLAIN}
        ),
    )


@dataclass(frozen=True)
class Mention:
    """A component the text names."""

    kind: str
    token: int
    sentence: int
    tokens: tuple[int, ...]


@dataclass(frozen=True)
class Symptom:
    """Something wrong in the text; target is set when grammar already ties it to a mention."""

    state: str
    token: int
    tokens: tuple[int, ...]
    strong: bool
    target: Mention | None = None


@dataclass(frozen=True)
class Reading:
    """What the text says: found phrases, components, symptoms and who is affected."""

    text: str
    tokens: list[Token]
    matches: list[Match]
    mentions: list[Mention]
    symptoms: list[Symptom]
    scope: str | None
    scope_tokens: tuple[int, ...]
    scope_is_weak: bool  # the scope rests on "mein", "my", "ich", "wir", "unsere" alone

    def has(self, concept: str) -> bool:
        return any(match.concept == concept for match in self.matches)

    def words(self, token_groups) -> list[str]:
        """The user's words for groups of token indices, in text order, each once."""
        found = {run for group in token_groups for run in runs(group)}
        kept = [run for run in found if not any(set(run) < set(other) for other in found)]
        return [span_text(self.text, self.tokens, run) for run in sorted(kept)]


def classify_text(text: str) -> TriageResult:
    """Classify a free-text problem description; unclear text gives confident=False."""
    reading = read(text)
    security = _security_evidence(reading)
    if security:
        return build_result(CRITICAL, "security_incident", EXPLAIN_MATCH, security, True, {})
    if not reading.symptoms:
        return _classify_without_symptoms(reading)
    if _only_nothing_works(reading):  # "nix geht": whose, and what? Ask.
        terms = reading.words(symptom.tokens for symptom in reading.symptoms)
        return build_result(NORMAL, "workstation", EXPLAIN_UNCLEAR_WITH_TERMS, terms, False, {})
    candidates = _candidates(reading)
    mention, state, decision = min(candidates, key=_candidate_rank)
    decision = _company_wide_outage(reading, decision)
    if _is_cosmetic(reading, mention, state, decision):
        return _request_result(reading)
    symptoms = [symptom for symptom in reading.symptoms if _target(reading, symptom) == mention]
    groups = [symptom.tokens for symptom in symptoms]
    groups += [m.tokens for m in reading.mentions if m.kind == mention.kind]
    if reading.scope_tokens:
        groups.append(reading.scope_tokens)
    return _result(reading, decision, reading.words(groups), _suggest(reading, mention, state))


def classify_answers(affected: str, component: str, state: str) -> TriageResult:
    """Classify the guided answers: who is affected, which component, down or degraded."""
    _check_answer("affected", affected, AFFECTED_ANSWERS)
    _check_answer("component", component, COMPONENT_ANSWERS)
    _check_answer("state", state, STATE_ANSWERS)
    decision = decide(component, state, affected)  # answer names are the component kinds
    answers = {"affected": affected, "component": component, "state": state}
    return build_result(decision.priority, decision.example_key, EXPLAIN_ANSWERS, [], True, answers)


def _check_answer(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")


def read(text: str) -> Reading:
    """Find the vocabulary in the text and interpret it: mentions, symptoms, scope."""
    tokens, matches = _without_signature(tokenize(text))
    matches = [m for m in matches if m.concept != SCOPE or _whole_word(tokens, m)]
    # "Damen und Herren" greets and "keiner weiß", "niemand hat mir gesagt" are figures of
    # speech: neither names anyone affected.
    figures = {i for m in matches if m.concept in (SALUTATION, IDIOM) for i in m.tokens}
    matches = [m for m in matches if m.concept != SCOPE or not figures & set(m.tokens)]
    mentions = _mentions(tokens, matches)
    symptoms = _symptoms(tokens, matches, mentions)
    scope, scope_tokens, weak = _scope(text, tokens, matches, symptoms)
    return Reading(text, tokens, matches, mentions, symptoms, scope, scope_tokens, weak)


def _without_signature(tokens: list[Token]) -> tuple[list[Token], list[Match]]:
    """The tokens before a letter's closing formula ("Mit freundlichen Grüßen, … Tel., Fax"),
    and the vocabulary found in them."""
    matches = lexicon().find(tokens)
    closings = [m.first for m in matches if m.concept == CLOSING]
    end = min((first for first in closings if first >= vocab.CLOSING_MIN_WORDS), default=None)
    if end is None:
        return tokens, matches
    return tokens[:end], [m for m in matches if m.tokens[-1] < end]


def _whole_word(tokens: list[Token], match: Match) -> bool:
    return all(
        tokens[index].folded.startswith(word)
        and len(tokens[index].folded) - len(word) <= SCOPE_INFLECTION
        for index, word in zip(match.tokens, match.words, strict=True)
    )


def _security_evidence(reading: Reading) -> list[str]:
    """The words that tell of a security incident, or [] if none does (or it is denied)."""
    tokens, matches = reading.tokens, reading.matches
    free_negations = _free_negations(matches)
    denied = {index for m in matches if m.concept == NOT_CLICKED for index in m.tokens}
    found = {
        concept: [
            m
            for m in matches
            if m.concept == concept
            and not set(m.tokens) & denied
            and not _negated_nearby(tokens, m, free_negations)
        ]
        for concept in (SECURITY, *(c for pair in SECURITY_PAIRS for c in pair))
    }
    groups = [m.tokens for m in found[SECURITY]]
    for first, second in SECURITY_PAIRS:
        if first == SECURITY_TOOL and reading.has(TOOL_CHORE):
            continue  # "Der Virenscanner warnt, dass die Lizenz abläuft"
        if first == FILES and _asks_about(reading, found[second]):
            continue  # "Wie öffne ich Dateien mit der Endung .msg?": no harm told of
        if found[first] and found[second]:
            groups += [m.tokens for m in found[first] + found[second]]
    return reading.words(groups) if groups else []


def _asks_about(reading: Reading, matches: list[Match]) -> bool:
    """True if the text tells of no symptom and each match sits in a question."""
    if reading.symptoms:
        return False
    questions = {
        token.sentence
        for token in reading.tokens
        if reading.text[token.end :].lstrip().startswith("?")
    }
    return all(reading.tokens[m.first].sentence in questions for m in matches)


def _only_nothing_works(reading: Reading) -> bool:
    """ "nix geht" and no word on what or whose: no evidence of an outage of the company."""
    phrases = [m for m in reading.matches if m.concept == VAGUE_NOTHING]
    return (
        bool(phrases)
        and not reading.mentions
        and reading.scope is None
        and not reading.has(EVERYTHING)
        and all(
            any(set(symptom.tokens) <= set(m.tokens) for m in phrases)
            for symptom in reading.symptoms
        )
    )


def _company_wide_outage(reading: Reading, decision: Decision) -> Decision:
    """An outage the text says hits the whole company is never below Kritisch, even of printers
    ("alle Drucker im Haus sind offline": nobody can print)."""
    if decision.priority == CRITICAL or reading.scope != vocab.COMPANY:
        return decision
    for symptom in reading.symptoms:
        target = _target(reading, symptom)
        if symptom.state != vocab.DOWN or target.kind == vocab.LOW_TOPIC:
            continue
        if _scope_for(reading, target, symptom.state) == vocab.COMPANY:
            return Decision(CRITICAL, DOWN_EXAMPLES.get(target.kind, "company_hindered"))
    return decision


def _mentions(tokens: list[Token], matches: list[Match]) -> list[Mention]:
    """Components named, one per compound word (its head) and none inside a longer name."""
    found = [match for match in matches if match.concept == COMPONENT]
    found = [match for match in found if not _inside_longer(match, found)]
    by_token: dict[int, list[Match]] = {}
    for match in found:
        by_token.setdefault(match.first, []).append(match)
    mentions = []
    for first, group in sorted(by_token.items()):
        head = _compound_head(group)
        mentions.append(Mention(head.value, first, tokens[first].sentence, head.tokens))
    return mentions


def _inside_longer(match: Match, others: list[Match]) -> bool:
    tokens = set(match.tokens)
    return any(tokens < set(other.tokens) for other in others)


def _compound_head(group: list[Match]) -> Match:
    """German compounds end in their head; a generic head gives way to a specific part."""
    ordered = sorted(group, key=lambda match: (match.part, len(match.tokens)))
    specific = [match for match in ordered if match.words[-1] not in vocab.GENERIC_COMPONENT_WORDS]
    return (specific or ordered)[-1]


def _symptoms(tokens: list[Token], matches: list[Match], mentions: list[Mention]) -> list[Symptom]:
    free_negations = _free_negations(matches)
    symptoms = _state_words(tokens, matches, free_negations)
    symptoms += _negated_verbs(tokens, matches, free_negations, mentions)
    symptoms += _negated_components(tokens, matches, mentions, free_negations)
    symptoms += [
        _nothing_works(tokens, match, mentions)
        for match in matches
        if match.concept == NOTHING_WORKS
    ]
    symptoms += _switched_off(tokens, mentions)
    symptoms += [
        Symptom(vocab.DOWN, match.first, match.tokens, True)
        for match in matches
        if match.concept == NOTHING_MORE
    ]
    return _intermittent_is_degraded(tokens, matches, symptoms, free_negations)


def _nothing_works(tokens: list[Token], match: Match, mentions: list[Mention]) -> Symptom:
    """ "Nichts geht mehr" is about everything, even when components are named as well, unless
    its clause names only one device ("der Drucker macht nix mehr"); "…, das ganze Lager steht"
    after a printer is the whole warehouse."""
    sentence, clause = tokens[match.first].sentence, tokens[match.first].clause
    named = {m.kind for m in mentions if m.token >= 0 and tokens[m.token].clause == clause}
    if named and named <= {vocab.PRINTER, *vocab.DEVICE_KINDS}:
        return Symptom(vocab.DOWN, match.first, match.tokens, True)
    everything = Mention(vocab.EVERYTHING, match.first, sentence, match.tokens)
    return Symptom(vocab.DOWN, match.first, match.tokens, True, everything)


def _switched_off(tokens: list[Token], mentions: list[Mention]) -> list[Symptom]:
    """ "SQL-Server aus, alle …", "der Server ist seit heute aus": "aus" closing its clause after
    a component or "ist" means down ("aus dem Posteingang" does not close its clause)."""
    symptoms = []
    for index, token in enumerate(tokens):
        closes = index + 1 == len(tokens) or tokens[index + 1].clause != token.clause
        if token.folded != "aus" or not closes or index == 0:
            continue
        owner = next((m for m in mentions if m.tokens and m.tokens[-1] == index - 1), None)
        reach = range(max(0, index - vocab.OFF_REACH), index)
        verb = [
            i
            for i in reach
            if tokens[i].folded in vocab.OFF_VERBS and tokens[i].clause == token.clause
        ]
        if owner is not None or verb:
            symptoms.append(
                Symptom(vocab.DOWN, index, (verb[-1], index) if verb else (index,), True, owner)
            )
    return symptoms


def _free_negations(matches: list[Match]) -> set[int]:
    """Negation tokens not part of a longer phrase ("kein Bild", "nicht dringend", "gar nichts")."""
    negations = {match.first for match in matches if match.concept == NEGATION}
    longer = [match for match in matches if len(match.tokens) > 1 and match.concept != SCOPE]
    used = {token for match in longer for token in match.tokens}
    return negations - used


def _state_words(tokens, matches, free_negations) -> list[Symptom]:
    symptoms = []
    for match in matches:
        if match.concept != STATE or _negated_nearby(tokens, match, free_negations):
            continue
        state = match.value
        if state == vocab.DEGRADED and _intensified(tokens, match):
            state = vocab.DOWN  # "bricht komplett zusammen", "total eingefroren"
        symptoms.append(Symptom(state, match.first, match.tokens, True))
    return symptoms


def _intensified(tokens: list[Token], match: Match) -> bool:
    first, last = match.tokens[0], match.tokens[-1]
    near = range(max(0, first - 2), min(len(tokens), last + 3))
    return any(
        tokens[index].folded in vocab.INTENSIFIERS and tokens[index].clause == tokens[first].clause
        for index in near
    )


def _negated_nearby(tokens: list[Token], match: Match, free_negations: set[int]) -> bool:
    first, last = match.tokens[0], match.tokens[-1]
    nearby = set(range(first - CANCEL_REACH, first)) | set(range(last + 1, last + 1 + CANCEL_REACH))
    return any(
        index in free_negations and tokens[index].clause == tokens[first].clause for index in nearby
    )


def _negated_verbs(tokens, matches, free_negations, mentions) -> list[Symptom]:
    """ "geht nicht", "keiner kommt rein": a negation near a verb of working means down;
    "weder Internet noch Telefon funktionieren": each component of the list is down."""
    verbs = sorted({match.first for match in matches if match.concept == VERB})
    subordinate = _subordinate_clauses(tokens, matches)
    symptoms = []
    for negation in sorted(free_negations):
        if tokens[negation].clause in subordinate:
            continue
        verb = _nearest_verb(tokens, verbs, negation)
        if verb is None:
            continue
        listed = [
            m
            for m in mentions
            if tokens[negation].folded in vocab.LIST_NEGATIONS
            and negation < m.token < verb
            and tokens[m.token].clause == tokens[negation].clause
        ]
        symptoms += [Symptom(vocab.DOWN, verb, (verb, negation), False, m) for m in listed]
        if not listed:
            symptoms.append(Symptom(vocab.DOWN, verb, (verb, negation), False))
    return symptoms


def _nearest_verb(tokens: list[Token], verbs: list[int], negation: int) -> int | None:
    near = [
        verb
        for verb in verbs
        if verb != negation
        and negation - NEGATION_REACH <= verb <= negation + NEGATION_REACH_FORWARD
        and tokens[verb].clause == tokens[negation].clause
    ]
    return min(near, key=lambda verb: (abs(verb - negation), verb), default=None)


def _subordinate_clauses(tokens: list[Token], matches: list[Match]) -> set[int]:
    """Clauses opened by "dass"/"damit": they describe a wish ("dass Outlook nicht startet"),
    unless a report or a consequence opens them ("wir haben festgestellt, dass …", "so
    instabil, dass …")."""
    reports = [match.first for match in matches if match.concept == REPORT]
    reports += [t for t, token in enumerate(tokens) if token.folded in vocab.CONSEQUENCE_WORDS]
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
            symptoms.append(Symptom(vocab.DOWN, mention.token, tokens_used, False, mention))
    return symptoms


def _intermittent_is_degraded(tokens, matches, symptoms, free_negations) -> list[Symptom]:
    """ "manchmal nicht erreichbar", "ausgefallen ist aber nichts", "but calls go through", "war
    kurz weg, jetzt geht es wieder": an impairment, no outage (nor a vague fault that might be
    one); "läuft schon wieder nicht" is still down."""
    working = {
        tokens[match.first].sentence
        for match in matches
        if match.concept == NOT_DOWN
        and not _negated_nearby(tokens, match, free_negations)
        and not free_negations & set(range(match.first, match.tokens[-1]))  # "geht nicht wieder"
    }
    now_and_then = {tokens[m.first].sentence for m in matches if m.concept == INTERMITTENT}
    sentences = working | now_and_then
    return [
        Symptom(vocab.DEGRADED, s.token, s.tokens, s.strong, s.target)
        if s.state == vocab.DOWN
        and tokens[s.token].sentence in sentences
        or s.state == vocab.FAULT
        and tokens[s.token].sentence in working
        else s
        for s in symptoms
    ]


def _scope(
    text: str, tokens: list[Token], matches: list[Match], symptoms: list[Symptom]
) -> tuple[str | None, tuple[int, ...], bool]:
    """Who is affected, with the words that say so, and whether "one" rests on a possessive
    only ("mein", "my"); "ich" counts only next to a negated verb."""
    found: dict[str, tuple[int, ...]] = {}
    scopes = [m for m in matches if m.concept == SCOPE]
    everyone = _all_before_a_noun(tokens) or _whole_place(tokens)
    if everyone:
        found[vocab.COMPANY] = everyone
    both = _all_before_a_noun(tokens, vocab.BOTH_WORDS)  # "beide Filialen", "both branches"
    if both:
        found[vocab.SEVERAL] = both
    counted = _count_of_total(text, tokens)
    if counted:
        found[counted[0]] = counted[1]
    seat = _numbered_seat(text, tokens)
    if seat:
        found[vocab.ONE] = seat
    department = _everyone_of_a_department(tokens, scopes)
    for match in matches:
        if match.concept == SCOPE and _overruled(match, scopes):
            continue
        if match.value == vocab.ONLY_ONE and _followed_by_also(tokens, match):
            found.setdefault(vocab.COMPANY, match.tokens)  # "wie alle anderen auch"
            continue
        if match.concept == SCOPE and match.value == vocab.COMPANY and department:
            found.setdefault(vocab.SEVERAL, department)
        elif match.concept == SCOPE:
            found.setdefault(match.value, match.tokens)
        if match.concept == NOT_ONLY:
            found.setdefault(vocab.SEVERAL, match.tokens)
    if any(symptom.strong and symptom.state == vocab.DOWN for symptom in symptoms):
        found.pop(vocab.ONE_WEAK, None)
    order = (
        (vocab.ONLY_ONE, vocab.ONE),
        (vocab.COMPANY, vocab.COMPANY),
        (vocab.SEVERAL, vocab.SEVERAL),
        (vocab.ONE, vocab.ONE),
        (vocab.ONE_PERSON, vocab.ONE),
        (vocab.SEVERAL_WEAK, vocab.SEVERAL),
        (vocab.ONE_POSSESSIVE, vocab.ONE),
        (vocab.ONE_WEAK, vocab.ONE),
    )
    for value, scope in order:
        if value in found:
            weak = (vocab.ONE_POSSESSIVE, vocab.ONE_WEAK, vocab.SEVERAL_WEAK)
            return scope, found[value], value in weak
    return None, (), False


def _count_of_total(text: str, tokens: list[Token]) -> tuple[str, tuple[int, ...]] | None:
    """ "8 von 11", "sieben von zehn", "5 of 12": half or more is most of the company, fewer
    than that (but two or more) are several, one is one."""
    for found in COUNT_OF_TOTAL.finditer(fold(text)):
        part, total = (_number(found.group(k)) for k in ("part", "total"))
        if part is None or total is None or not 0 < part <= total:
            continue
        span = tuple(i for i, t in enumerate(tokens) if found.start() <= t.start < found.end())
        if part * 2 >= total and part > 1:
            return vocab.COMPANY, span
        return (vocab.SEVERAL if part > 1 else vocab.ONE), span
    return None


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else vocab.NUMBER_WORDS.get(word)


def _numbered_seat(text: str, tokens: list[Token]) -> tuple[int, ...]:
    """ "Kasse 3", "desk 14": one numbered till or desk is one workplace, not all of them
    ("Kasse 1 und 2", "Kasse 1 und Kasse 2" are two)."""
    seats = [
        index
        for index, token in enumerate(tokens)
        if token.folded in vocab.NUMBERED_SEATS and NUMBERED.match(text, token.end)
    ]
    return (seats[0],) if len(seats) == 1 else ()


def _everyone_of_a_department(tokens: list[Token], scopes: list[Match]) -> tuple[int, ...]:
    """ "everyone in accounting", "alle in der Buchhaltung": several people, not the company."""
    for everyone in (m for m in scopes if m.value == vocab.COMPANY):
        last = everyone.tokens[-1]
        for group in (m for m in scopes if m.value == vocab.SEVERAL):
            between = range(last + 1, group.first)
            if (
                0 < group.first - last <= DEPARTMENT_REACH
                and tokens[group.first].clause == tokens[last].clause
                and any(tokens[i].folded in vocab.IN_WORDS for i in between)
            ):
                return (*everyone.tokens, *group.tokens)
    return ()


def _whole_place(tokens: list[Token]) -> tuple[int, ...]:
    """ "im gesamten Gebäude", "the entire site": the two words, or () if none."""
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        whole = token.folded.startswith(vocab.WHOLE_WORDS)
        if whole and following.folded.startswith(vocab.WHOLE_PLACES):
            return (index, index + 1)
    return ()


def _all_before_a_noun(tokens: list[Token], words=vocab.ALL_WORDS) -> tuple[int, ...]:
    """ "alle Außendienstler", "all branches": everyone of a group, with the two words."""
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.folded not in words or following.clause != token.clause:
            continue
        if following.folded in vocab.NOT_EVERYONE_AFTER_ALL:
            continue
        if token.folded in vocab.ENGLISH_ALL_WORDS:
            group = following.folded in vocab.ENGLISH_GROUPS
        else:
            noun = following.text[:1].isupper()
            group = noun and following.folded.endswith(vocab.GROUP_ENDINGS)
        if group:
            return (index, index + 1)
    return ()


def _overruled(match: Match, scopes: list[Match]) -> bool:
    """Of two overlapping scope phrases the earlier one reads right: "bei allen Kollegen geht"
    is everyone, "alle anderen Telefone gehen" is everyone else."""
    rivals = {vocab.COMPANY: vocab.ONLY_ONE, vocab.ONLY_ONE: vocab.COMPANY}
    rival = rivals.get(match.value)
    return any(
        other.value == rival
        and other.first < match.first
        and set(other.tokens) & set(match.tokens)
        or other.value == rival
        and other.first == match.first
        and rival == vocab.ONLY_ONE
        for other in scopes
    )


def _followed_by_also(tokens: list[Token], match: Match) -> bool:
    """ "alle anderen auch", "mir und allen anderen", "wie die anderen": everyone, not everyone
    else."""
    after = range(match.tokens[-1] + 1, min(match.tokens[-1] + 4, len(tokens)))
    before = match.first - 1
    joined = vocab.AND_TERMS | vocab.LIKE_TERMS
    return any(tokens[index].folded in vocab.ALSO_TERMS for index in after) or (
        before >= 0 and tokens[before].folded in joined
    )


def _target(reading: Reading, symptom: Symptom) -> Mention:
    """The component a symptom is about: tied by grammar, else the nearest one named."""
    if symptom.target is not None:
        return symptom.target
    own = [m for m in reading.mentions if m.tokens == symptom.tokens]
    if own:  # "Netzwerkausfall": the compound names its own trouble
        return own[0]
    named = [m for m in reading.mentions if m.kind != vocab.EVERYTHING] or reading.mentions
    named = [m for m in named if not _has_own_state(reading, m)] or named
    sentence = reading.tokens[symptom.token].sentence
    clause = reading.tokens[symptom.token].clause
    near = [m for m in named if m.token >= 0 and reading.tokens[m.token].clause == clause]
    near = near or [m for m in named if m.sentence == sentence] or named
    if not near:
        return _placeholder(reading, symptom)
    return min(near, key=lambda m: (abs(m.token - symptom.token), m.token))


def _has_own_state(reading: Reading, mention: Mention) -> bool:
    """A compound that names its own trouble ("Festplattenfehler") takes no other symptom."""
    return any(
        match.concept == STATE and match.tokens == mention.tokens for match in reading.matches
    )


def _placeholder(reading: Reading, symptom: Symptom) -> Mention:
    """No component named: "nothing works" is about everything, other symptoms unknown."""
    nothing = any(reading.has(concept) for concept in (NOTHING_WORKS, NOTHING_MORE, EVERYTHING))
    kind = vocab.EVERYTHING if nothing else UNKNOWN
    return Mention(kind, -1, reading.tokens[symptom.token].sentence, ())


def _candidates(reading: Reading) -> list[tuple[Mention, str, Decision]]:
    """One decision per component kind, from its strongest symptom."""
    strongest: dict[str, tuple[Mention, str]] = {}
    for symptom in reading.symptoms:
        mention = _target(reading, symptom)
        state = _frozen_for_everyone(reading, symptom)
        known = strongest.get(mention.kind)
        if known is None or STATE_STRENGTH[state] > STATE_STRENGTH[known[1]]:
            strongest[mention.kind] = (mention, state)
    return [
        (mention, state, decide(mention.kind, state, _scope_for(reading, mention, state)))
        for mention, state in strongest.values()
    ]


def _frozen_for_everyone(reading: Reading, symptom: Symptom) -> str:
    """ "Alles ist bei allen eingefroren": a freeze for the whole company is a standstill, unless
    it comes and goes ("hängt ab und zu bei allen kurz")."""
    if symptom.state != vocab.DEGRADED or reading.scope != vocab.COMPANY:
        return symptom.state
    if not any(reading.tokens[i].folded in vocab.FREEZE_WORDS for i in symptom.tokens):
        return symptom.state
    sentence = reading.tokens[symptom.token].sentence
    now_and_then = any(
        m.concept == INTERMITTENT and reading.tokens[m.first].sentence == sentence
        for m in reading.matches
    )
    return symptom.state if now_and_then else vocab.DOWN


def _scope_for(reading: Reading, mention: Mention, state: str) -> str | None:
    """Who is affected by this component: "Mein Server ist ausgefallen" is the company's (a
    possessive does not make a central outage one person's); "nobody answers at the hotline, my
    printer is broken" is one printer (everyone's words belong to another clause)."""
    kind = mention.kind
    central = kind in vocab.CENTRAL_KINDS
    personal = (*vocab.DEVICE_KINDS, vocab.CLIENT_APP, vocab.PRINTER)
    own_device = reading.has(PERMISSION) or any(m.kind in personal for m in reading.mentions)
    if reading.has(PERMISSION) and reading.scope != vocab.COMPANY:
        return vocab.ONE  # "Zugriff verweigert" short of everyone: someone's rights, no outage
    weak_one = reading.scope == vocab.ONE and reading.scope_is_weak
    if weak_one and central and state == vocab.DOWN and not own_device:
        return None
    scope = reading.scope
    device = kind in (*vocab.DEVICE_KINDS, vocab.PRINTER)
    if device and scope == vocab.COMPANY and not _same_clause(reading, mention):
        scope = None
    plural = kind in vocab.DEVICE_KINDS and state == vocab.DOWN and _plural_devices(reading)
    if plural and (scope is None or reading.scope_is_weak):
        return vocab.COMPANY  # "unsere Telefone gehen nicht": the company's phones
    return scope


def _same_clause(reading: Reading, mention: Mention) -> bool:
    """True if the words on who is affected share a clause with the component."""
    if mention.token < 0 or not reading.scope_tokens:
        return True
    clause = reading.tokens[mention.token].clause
    return any(reading.tokens[index].clause == clause for index in reading.scope_tokens)


def _plural_devices(reading: Reading) -> bool:
    return any(
        reading.tokens[m.token].folded in vocab.PLURAL_DEVICE_WORDS
        for m in reading.mentions
        if m.kind in vocab.DEVICE_KINDS and m.token >= 0
    )


def _candidate_rank(candidate: tuple[Mention, str, Decision]):
    mention, _, decision = candidate
    return (
        PRIORITY_RANK[decision.priority],
        not decision.confident,
        SPECIFICITY.index(mention.kind),
        mention.token,
    )


def _is_cosmetic(reading: Reading, mention: Mention, state: str, decision: Decision) -> bool:
    """Cosmetic matters are low, unless something central is down or a device is faulty."""
    if decision.priority == CRITICAL:
        return False
    if reading.has(EXPLICIT_LOW) or reading.has(NOT_CLICKED):
        return True
    if reading.has(RELAXED) and state == vocab.FAULT:  # "Datum falsch, eilt nicht"
        return True
    low_topic = mention.kind == vocab.LOW_TOPIC or any(
        m.kind == vocab.LOW_TOPIC for m in reading.mentions
    )
    if low_topic and state == vocab.FAULT:  # "das Symbol auf meinem Desktop ist verschwunden"
        return True
    device = mention.kind in vocab.DEVICE_KINDS or mention.kind == vocab.PRINTER
    return reading.has(COSMETIC) and state == vocab.FAULT and not device


def _classify_without_symptoms(reading: Reading) -> TriageResult:
    low_topic = any(m.kind == vocab.LOW_TOPIC for m in reading.mentions)
    if low_topic or any(reading.has(concept) for concept in LOW_EVIDENCE):
        return _request_result(reading)
    question = _question(reading)
    if question:
        return build_result(LOW, "other", EXPLAIN_REQUEST, question, True, {"component": OTHER})
    if not reading.mentions:  # greetings, fillers, "hilfe": nothing to go on, so ask
        return build_result(NORMAL, "workstation", EXPLAIN_UNCLEAR_WITH_TERMS, [], False, {})
    mention = min(reading.mentions, key=lambda m: SPECIFICITY.index(m.kind))
    decision = decide_without_state(mention.kind)
    central = mention.kind in (*vocab.CENTRAL_KINDS, vocab.CLIENT_APP)
    if reading.scope == vocab.COMPANY and central and decision.priority != CRITICAL:
        # "DATEV bei allen" says that everyone has a problem with it, not which: a guess, but
        # a missed emergency costs more than a false alarm.
        decision = decide(mention.kind, vocab.DOWN, vocab.COMPANY)
        decision = Decision(decision.priority, decision.example_key, UNCLEAR)
    groups = [m.tokens for m in reading.mentions] + [reading.scope_tokens]
    return _result(
        reading, decision, reading.words(g for g in groups if g), _suggest(reading, mention, None)
    )


def _question(reading: Reading) -> list[str]:
    """A question about something: its opening word and what it names, or [] if none.

    The question word alone is no evidence ("was?"); a whole question with no symptom is."""
    if "?" not in reading.text or reading.has(TROUBLE):
        return []
    tokens = reading.tokens
    for index, token in enumerate(tokens):
        opens = index == 0 or tokens[index - 1].clause != token.clause
        if not opens or token.folded not in vocab.QUESTION_OPENERS:
            continue
        sentence = [t for t in tokens if t.sentence == token.sentence]
        if len(sentence) >= vocab.QUESTION_MIN_WORDS and _ends_with_question_mark(
            reading, sentence
        ):
            return reading.words([(index,)] + [m.tokens for m in reading.mentions])
    return []


def _ends_with_question_mark(reading: Reading, sentence: list[Token]) -> bool:
    rest = reading.text[sentence[-1].end :]
    return rest.lstrip().startswith("?")


def _request_result(reading: Reading) -> TriageResult:
    groups = [match.tokens for match in reading.matches if match.concept in LOW_EVIDENCE]
    groups += [m.tokens for m in reading.mentions if m.kind == vocab.LOW_TOPIC]
    groups = [group for group in groups if not any(set(group) < set(o) for o in groups)]
    terms = reading.words(groups)
    return build_result(LOW, "other", EXPLAIN_REQUEST, terms, True, {"component": OTHER})


def _result(reading: Reading, decision: Decision, terms: list[str], suggested) -> TriageResult:
    if decision.confident:
        explanation = EXPLAIN_MATCH
    elif decision.reason == SCOPE_UNCLEAR:
        explanation = EXPLAIN_SCOPE_UNCLEAR
    else:
        explanation = EXPLAIN_UNCLEAR_WITH_TERMS
    confident = decision.reason == MATCH
    return build_result(
        decision.priority, decision.example_key, explanation, terms, confident, suggested
    )


def _suggest(reading: Reading, mention: Mention, state: str | None) -> dict[str, str]:
    """The guided answers the text already gives, to prefill the questions."""
    suggested = {}
    scope = _scope_for(reading, mention, state) if state else reading.scope
    if scope is not None:
        suggested["affected"] = scope
    if mention.kind in ANSWER_COMPONENT_OF_KIND:
        suggested["component"] = ANSWER_COMPONENT_OF_KIND[mention.kind]
    if state in ANSWER_STATE_OF_STATE:
        suggested["state"] = ANSWER_STATE_OF_STATE[state]
    return suggested
