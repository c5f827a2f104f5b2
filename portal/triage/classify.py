"""Classify a problem into the SLA classes, from free text or from the guided answers."""

from dataclasses import dataclass
from functools import cache

from portal.triage import vocabulary as vocab
from portal.triage.examples import CRITICAL, LOW, PRIORITIES
from portal.triage.explanations import (
    EXPLAIN_ANSWERS,
    EXPLAIN_MATCH,
    EXPLAIN_REQUEST,
    EXPLAIN_SCOPE_UNCLEAR,
    EXPLAIN_UNCLEAR_WITH_TERMS,
)
from portal.triage.matcher import Lexicon, Match, Token, runs, span_text, tokenize
from portal.triage.result import TriageResult, build_result
from portal.triage.rules import (
    ANSWER_COMPONENT_OF_KIND,
    ANSWER_STATE_OF_STATE,
    MATCH,
    OTHER,
    SCOPE_UNCLEAR,
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

NOT_ONLY_TERMS = ("nicht nur", "nicht bloß", "not only", "not just")
NEGATION_REACH = 5  # words from a negation to its verb: "geht seit heute Morgen nicht"
NEGATION_REACH_FORWARD = 6  # the verb may come last: "niemand kann sich am Server anmelden"
CANCEL_REACH = 2  # a negation this close undoes a state word: "nicht langsam", "stört nicht"
STATE_STRENGTH = {vocab.DEGRADED: 0, vocab.FAULT: 1, vocab.DOWN: 2}
PRIORITY_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}
SPECIFICITY = (
    vocab.COMPANY_SYSTEM, vocab.SERVER, vocab.PHONE_SYSTEM, vocab.NETWORK, vocab.INTERNET,
    vocab.PRINTER, vocab.PHONE, vocab.WORKSTATION, vocab.CLIENT_APP, vocab.EVERYTHING, UNKNOWN,
)  # fmt: skip


def _vocabulary_entries():
    for kind, terms in vocab.COMPONENT_TERMS.items():
        yield from ((COMPONENT, kind, term) for term in terms)
    for state, terms in vocab.STATE_TERMS.items():
        yield from ((STATE, state, term) for term in terms)
    for scope, terms in vocab.SCOPE_TERMS.items():
        yield from ((SCOPE, scope, term) for term in terms)
    simple = (
        (VERB, vocab.FUNCTION_VERBS),
        (NEGATION, vocab.NEGATIONS),
        (DETERMINER, vocab.NEGATING_DETERMINERS),
        (SUBORDINATOR, vocab.SUBORDINATORS),
        (NOTHING_WORKS, vocab.NOTHING_WORKS),
        (NOTHING_MORE, vocab.NOTHING_MORE),
        (EVERYTHING, vocab.EVERYTHING_TERMS),
        (NOT_ONLY, NOT_ONLY_TERMS),
        (IDIOM, vocab.IDIOMS),
        (INTERMITTENT, vocab.INTERMITTENT),
        (REQUEST, vocab.REQUEST_TERMS),
        (COSMETIC, vocab.COSMETIC_TERMS),
        (EXPLICIT_LOW, vocab.EXPLICIT_LOW_TERMS),
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
        unfuzzy_concepts=frozenset({NEGATION, DETERMINER, SUBORDINATOR, SCOPE, NOT_ONLY, IDIOM}),
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
    if not reading.symptoms:
        return _classify_without_symptoms(reading)
    candidates = _candidates(reading)
    mention, state, decision = min(candidates, key=_candidate_rank)
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
    tokens = tokenize(text)
    matches = lexicon().find(tokens)
    mentions = _mentions(tokens, matches)
    symptoms = _symptoms(tokens, matches, mentions)
    scope, scope_tokens = _scope(matches, symptoms)
    return Reading(text, tokens, matches, mentions, symptoms, scope, scope_tokens)


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
    symptoms += _negated_verbs(tokens, matches, free_negations)
    symptoms += _negated_components(tokens, matches, mentions, free_negations)
    symptoms += [
        _nothing_works(tokens, match) for match in matches if match.concept == NOTHING_WORKS
    ]
    symptoms += [
        Symptom(vocab.DOWN, match.first, match.tokens, True)
        for match in matches
        if match.concept == NOTHING_MORE
    ]
    return _intermittent_is_degraded(tokens, matches, symptoms)


def _nothing_works(tokens: list[Token], match: Match) -> Symptom:
    """ "Nichts geht mehr" is about everything, even when components are named as well."""
    everything = Mention(vocab.EVERYTHING, match.first, tokens[match.first].sentence, match.tokens)
    return Symptom(vocab.DOWN, match.first, match.tokens, True, everything)


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
        symptoms.append(Symptom(match.value, match.first, match.tokens, True))
    return symptoms


def _negated_nearby(tokens: list[Token], match: Match, free_negations: set[int]) -> bool:
    first, last = match.tokens[0], match.tokens[-1]
    nearby = set(range(first - CANCEL_REACH, first)) | set(range(last + 1, last + 1 + CANCEL_REACH))
    return any(
        index in free_negations and tokens[index].clause == tokens[first].clause for index in nearby
    )


def _negated_verbs(tokens, matches, free_negations) -> list[Symptom]:
    """ "geht nicht", "keiner kommt rein": a negation near a verb of working means down."""
    verbs = sorted({match.first for match in matches if match.concept == VERB})
    subordinate = _subordinate_clauses(tokens, matches)
    symptoms = []
    for negation in sorted(free_negations):
        if tokens[negation].clause in subordinate:
            continue
        verb = _nearest_verb(tokens, verbs, negation)
        if verb is not None:
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
    """Clauses opened by "dass"/"damit": they describe a wish ("dass Outlook nicht startet")."""
    return {
        tokens[match.first].clause
        for match in matches
        if match.concept == SUBORDINATOR
        and (match.first == 0 or tokens[match.first - 1].clause != tokens[match.first].clause)
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


def _intermittent_is_degraded(tokens, matches, symptoms: list[Symptom]) -> list[Symptom]:
    """ "manchmal nicht erreichbar": an outage now and then is an impairment."""
    sentences = {tokens[match.first].sentence for match in matches if match.concept == INTERMITTENT}
    return [
        Symptom(vocab.DEGRADED, s.token, s.tokens, s.strong, s.target)
        if s.state == vocab.DOWN and tokens[s.token].sentence in sentences
        else s
        for s in symptoms
    ]


def _scope(matches: list[Match], symptoms: list[Symptom]) -> tuple[str | None, tuple[int, ...]]:
    """Who is affected, with the words that say so; "ich" counts only next to a negated verb."""
    found: dict[str, tuple[int, ...]] = {}
    for match in matches:
        if match.concept == SCOPE:
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
        (vocab.SEVERAL_WEAK, vocab.SEVERAL),
        (vocab.ONE_WEAK, vocab.ONE),
    )
    for value, scope in order:
        if value in found:
            return scope, found[value]
    return None, ()


def _target(reading: Reading, symptom: Symptom) -> Mention:
    """The component a symptom is about: tied by grammar, else the nearest one named."""
    if symptom.target is not None:
        return symptom.target
    named = [m for m in reading.mentions if m.kind != vocab.EVERYTHING] or reading.mentions
    named = [m for m in named if not _has_own_state(reading, m)] or named
    sentence = reading.tokens[symptom.token].sentence
    near = [m for m in named if m.sentence == sentence] or named
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
        known = strongest.get(mention.kind)
        if known is None or STATE_STRENGTH[symptom.state] > STATE_STRENGTH[known[1]]:
            strongest[mention.kind] = (mention, symptom.state)
    return [
        (mention, state, decide(mention.kind, state, reading.scope))
        for mention, state in strongest.values()
    ]


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
    if reading.has(EXPLICIT_LOW):
        return decision.priority != CRITICAL
    device = mention.kind in vocab.DEVICE_KINDS or mention.kind == vocab.PRINTER
    return reading.has(COSMETIC) and state == vocab.FAULT and not device


def _classify_without_symptoms(reading: Reading) -> TriageResult:
    if any(reading.has(concept) for concept in (REQUEST, COSMETIC, EXPLICIT_LOW)):
        return _request_result(reading)
    if "?" in reading.text:  # a question without a symptom, but in no words we know
        terms = reading.words(m.tokens for m in reading.mentions)
        return build_result(LOW, "other", EXPLAIN_UNCLEAR_WITH_TERMS, terms, False, {})
    if not reading.mentions:
        return build_result(LOW, "other", EXPLAIN_UNCLEAR_WITH_TERMS, [], False, {})
    mention = min(reading.mentions, key=lambda m: SPECIFICITY.index(m.kind))
    decision = decide_without_state(mention.kind)
    groups = [m.tokens for m in reading.mentions] + [reading.scope_tokens]
    return _result(
        reading, decision, reading.words(g for g in groups if g), _suggest(reading, mention, None)
    )


def _request_result(reading: Reading) -> TriageResult:
    concepts = (REQUEST, COSMETIC, EXPLICIT_LOW)
    groups = [match.tokens for match in reading.matches if match.concept in concepts]
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
    if reading.scope is not None:
        suggested["affected"] = reading.scope
    if mention.kind in ANSWER_COMPONENT_OF_KIND:
        suggested["component"] = ANSWER_COMPONENT_OF_KIND[mention.kind]
    if state in ANSWER_STATE_OF_STATE:
        suggested["state"] = ANSWER_STATE_OF_STATE[state]
    return suggested
