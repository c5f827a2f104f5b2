"""Classify a problem into the SLA classes, from free text or from the guided answers."""

import re
from dataclasses import replace

from portal.triage.attribution import coordinated, frozen_for_everyone, scope_for, target_of
from portal.triage.concepts import (
    BACK_AGAIN,
    COSMETIC,
    DETERMINER,
    EXPLICIT_LOW,
    HUNG_UP,
    JOB,
    LOW_EVIDENCE,
    NOT_CLICKED,
    NOT_DOWN,
    RELAXED,
    REQUEST,
    TROUBLE,
)
from portal.triage.examples import CRITICAL, LOW, NORMAL, PRIORITIES
from portal.triage.explanations import (
    EXPLAIN_ANSWERS,
    EXPLAIN_MATCH,
    EXPLAIN_REQUEST,
    EXPLAIN_SCOPE_UNCLEAR,
    EXPLAIN_UNCLEAR_WITH_TERMS,
)
from portal.triage.hypothetical import without_jokes, without_topics
from portal.triage.learned import with_model
from portal.triage.matcher import Token
from portal.triage.reader import read
from portal.triage.reading import Mention, Reading
from portal.triage.result import TriageResult, build_result
from portal.triage.rules import (
    ANSWER_COMPONENT_OF_KIND,
    ANSWER_STATE_OF_STATE,
    MATCH,
    OTHER,
    SCOPE_UNCLEAR,
    UNCLEAR,
    UNKNOWN,
    Decision,
    decide,
    decide_without_state,
)
from portal.triage.safety import company_wide_outage, only_nothing_works, security_evidence
from portal.triage.settled import without_settled
from portal.triage.symptoms import working_statements
from portal.triage.vocabulary.components import (
    BY_SPECIFICITY,
    CENTRAL_KINDS,
    CLIENT_APP,
    DEVICE_KINDS,
    INTERNET,
    LOW_TOPIC,
    NETWORK,
    PRINTER,
    SOCKET_ENDINGS,
)
from portal.triage.vocabulary.low_matters import (
    ASKERS,
    ASKING_FOR_HELP_WORDS,
    CONTACT_WORDS,
    FILL_ALARM_PERCENT,
    FILL_WORDS,
    HELP_WORDS,
    HOW_REACH,
    HOW_WORDS,
    QUESTION_MIN_WORDS,
    QUESTION_OPENERS,
    QUESTION_WORDS,
    SERVICE_QUESTION_WORDS,
)
from portal.triage.vocabulary.matching import COMMON_WORDS
from portal.triage.vocabulary.scope import COMPANY, PLURAL_DEVICE_WORDS, SEVERAL
from portal.triage.vocabulary.states import (
    DEGRADED,
    DOWN,
    FAULT,
    JOB_FAILED_WORDS,
    VAGUE_FAULTS,
)

AFFECTED_ANSWERS = ("company", "several", "one")
COMPONENT_ANSWERS = ("server", "network", "company_system", "workstation", "printer", "phone")
COMPONENT_ANSWERS += (OTHER,)
STATE_ANSWERS = ("down", "degraded")
STATE_STRENGTH = {DEGRADED: 0, FAULT: 1, DOWN: 2}
PRIORITY_RANK = {priority: rank for rank, priority in enumerate(PRIORITIES)}
SPECIFICITY = (*BY_SPECIFICITY, UNKNOWN)
NETWORK_KINDS = (NETWORK, INTERNET)
PERCENT = re.compile(r"(\d{1,3})(?:[.,]\d+)?[ \t]*(?:%|Prozent|percent)", re.IGNORECASE)
CONNECT_WORDS = frozenset(
    {
        "connect",
        "connects",
        "verbinden",
        "verbindet",
        "verbinde",
        "einwaehlen",
        "einloggen",
    }
)


# The triage reads a text up to here: the problem is told at its start (what follows in a long
# mail is quoted history and signatures), and reading costs grow faster than the length (2,000
# characters take up to 0.1 s, 5,000 took 1.2 s).
MAX_CHARACTERS = 2000


def classify_text(text: str) -> TriageResult:
    """Classify a free-text problem description; unclear text gives confident=False. The rules
    read the text; the learned model (learned.py) decides where the rules may be overruled
    (never a final reading, never on a text without a recognised word), and the explanation
    then names the words that weighed most."""
    text = text[:MAX_CHARACTERS]
    return with_model(classify_by_rules(text), text)


def classify_by_rules(text: str) -> TriageResult:
    """The rules' verdict alone, without the learned model (bench/triage_loao.py measures the
    model against it)."""
    text = text[:MAX_CHARACTERS]
    reading = without_topics(read(text))  # "Schulung zum Thema Ransomware": a topic
    reading = without_jokes(reading)  # "Virus! ... Spaß, wollte nur fragen …"
    security = security_evidence(reading)
    if security:
        return build_result(
            CRITICAL, "security_incident", EXPLAIN_MATCH, security, True, {}, final=True
        )
    reading = without_settled(reading)  # "war kurz weg, geht jetzt wieder": history
    if not reading.symptoms:
        return _classify_without_symptoms(reading)
    if only_nothing_works(reading):  # "nix geht": whose, and what? Ask.
        terms = reading.words(symptom.tokens for symptom in reading.symptoms)
        return build_result(NORMAL, "workstation", EXPLAIN_UNCLEAR_WITH_TERMS, terms, False, {})
    candidates = _candidates(reading)
    mention, state, decision = min(candidates, key=_candidate_rank)
    decision = company_wide_outage(reading, decision)
    if _is_cosmetic(reading, mention, state, decision):
        return _request_result(reading)
    symptoms = [symptom for symptom in reading.symptoms if target_of(reading, symptom) == mention]
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


def _candidates(reading: Reading) -> list[tuple[Mention, str, Decision]]:
    """One decision per component kind, from its strongest symptom."""
    strongest: dict[str, tuple[Mention, str, int]] = {}
    working = _said_to_work(reading)
    for symptom in reading.symptoms:
        first = _device_that_connects(reading, symptom, target_of(reading, symptom))
        for mention in (first, *coordinated(reading, first)):  # "Internet und Telefon weg"
            state = frozen_for_everyone(reading, symptom)
            if state == DOWN and mention.kind in working:  # "… failed. Servers run normally"
                state = DEGRADED
            if state == DOWN and _job_failed(reading, symptom):  # "Backup fehlgeschlagen"
                state = FAULT
            strength = _strength(reading, symptom, state)
            known = strongest.get(mention.kind)
            if known is None or strength > known[2]:
                strongest[mention.kind] = (mention, state, strength)
    return [
        (mention, state, decide(mention.kind, state, scope_for(reading, mention, state)))
        for mention, state, _ in strongest.values()
    ]


def _job_failed(reading: Reading, symptom) -> bool:
    """A backup or sync job that failed: a fault of the system that runs it, not an outage."""
    if not all(reading.tokens[i].folded in JOB_FAILED_WORDS for i in symptom.tokens):
        return False
    sentence = reading.tokens[symptom.token].sentence
    return any(
        m.concept == JOB and reading.tokens[m.first].sentence == sentence for m in reading.matches
    )


def _device_that_connects(reading: Reading, symptom, mention: Mention) -> Mention:
    """ "Das neue Tablet verbindet sich nicht mit dem WLAN": the device named before a failed
    connection in its clause is what fails, not the network it connects to. "Der Laptop zeigt
    'kein Netzwerk'", "hab kein Netz, die Dose ist tot": a network missing beside one device
    named before it in the sentence, or beside a desk's socket, with nobody else named, is that
    device's ("kein Internet, PC neu gestartet" stays the internet's)."""
    if mention.kind not in NETWORK_KINDS:
        return mention
    tokens = reading.tokens
    if any(tokens[i].folded in CONNECT_WORDS for i in symptom.tokens):
        clause = tokens[symptom.token].clause
        devices = [
            m
            for m in reading.mentions
            if m.kind in DEVICE_KINDS
            and 0 <= m.token < symptom.token
            and tokens[m.token].clause == clause
        ]
        return devices[-1] if devices else mention
    if mention.kind != NETWORK or not _network_missing(reading, mention):
        return mention
    if reading.scope in (COMPANY, SEVERAL):
        return mention
    sentence = tokens[symptom.token].sentence
    devices = [
        m
        for m in reading.mentions
        if m.kind in DEVICE_KINDS
        and m.token >= 0
        and m.sentence == sentence
        and (m.token < mention.token or tokens[m.token].folded.endswith(SOCKET_ENDINGS))
    ]
    plural = any(tokens[m.token].folded in PLURAL_DEVICE_WORDS for m in devices)
    if not devices or plural:
        return mention
    return min(devices, key=lambda m: abs(m.token - symptom.token))


def _network_missing(reading: Reading, mention: Mention) -> bool:
    """ "kein Netzwerk", "no network": a negating determiner right before the network named."""
    return mention.token > 0 and any(
        m.concept == DETERMINER and m.tokens[-1] == mention.token - 1 for m in reading.matches
    )


def _strength(reading: Reading, symptom, state: str) -> int:
    """How much a symptom says: down over a fault over an impairment, but a vague fault
    ("Probleme mit Outlook … hängt beim Start") gives way to the words that say what it is."""
    vague = all(reading.tokens[i].folded in VAGUE_FAULTS for i in symptom.tokens)
    return -1 if state == FAULT and vague else STATE_STRENGTH[state]


def _said_to_work(reading: Reading) -> set[str]:
    """The kinds of component a sentence says work ("Servers are running normally"): a failure
    told of elsewhere in the text (a backup job) is no outage of them."""
    tokens, kinds = reading.tokens, set()
    named = [m for m in reading.mentions if m.token >= 0]
    for statement in working_statements(tokens, reading.matches):
        clause, sentence = tokens[statement.first].clause, tokens[statement.first].sentence
        # "Internet weg, Telefon geht": the clause's component, else the sentence's
        here = [m.kind for m in named if tokens[m.token].clause == clause]
        kinds |= set(here or [m.kind for m in named if m.sentence == sentence])
    return kinds


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
    if reading.has(EXPLICIT_LOW) or reading.has(NOT_CLICKED) or reading.has(HUNG_UP):
        return True  # "nicht geklickt", "hab aufgelegt": a lure that did no harm
    if reading.has(RELAXED) and state == FAULT:  # "Datum falsch, eilt nicht"
        return True
    low_topic = mention.kind == LOW_TOPIC or any(m.kind == LOW_TOPIC for m in reading.mentions)
    central = mention.kind in CENTRAL_KINDS  # "den Ordner Angebote auf dem Laufwerk gelöscht"
    if low_topic and state == FAULT and not central:  # "das Symbol auf meinem Desktop ist weg"
        return True
    if low_topic and reading.has(RELAXED):  # "ein Icon auf meinem Desktop ist weg, nicht schlimm"
        return True
    device = mention.kind in DEVICE_KINDS or mention.kind == PRINTER
    return reading.has(COSMETIC) and state == FAULT and not device


# "Wann geht das Internet wieder?": asking when a thing works again presumes it is down now.
WHEN_WORDS = frozenset({"wann", "when", "until"})
AGAIN_WORDS = frozenset({"wieder", "again", "back"})
ASKING_WORDS = QUESTION_WORDS | CONTACT_WORDS


def _classify_without_symptoms(reading: Reading) -> TriageResult:
    low_topic = any(m.kind == LOW_TOPIC for m in reading.mentions)
    awaited = any(token.folded in WHEN_WORDS for token in reading.tokens)
    named = bool(reading.mentions)
    pleads = any(token.folded in HELP_WORDS for token in reading.tokens)
    matches = [m for m in reading.matches if not (pleads and m.concept == REQUEST)]
    if low_topic or any(_low_evidence(match, awaited, named) for match in matches):
        return _request_result(reading)
    level, filled = _fill_level(reading)
    # A fill level is a number the learned model cannot weigh: the rules' reading is final.
    if filled and level < FILL_ALARM_PERCENT:  # "Festplatte C: zu 78 % belegt": to plan
        answers = {"component": OTHER}
        return build_result(LOW, "other", EXPLAIN_REQUEST, filled, True, answers, final=True)
    question = _question(reading)
    if question:
        return build_result(LOW, "other", EXPLAIN_REQUEST, question, True, {"component": OTHER})
    if not reading.mentions:  # greetings, fillers, "hilfe": nothing to go on, so ask
        return build_result(NORMAL, "workstation", EXPLAIN_UNCLEAR_WITH_TERMS, [], False, {})
    mention = min(reading.mentions, key=lambda m: SPECIFICITY.index(m.kind))
    if filled:  # "NAS volume 96% used": nearly full and still working, impaired
        decision = decide(mention.kind, DEGRADED, scope_for(reading, mention, DEGRADED))
        terms = reading.words([mention.tokens] + [(i,) for i in _fill_tokens(reading)])
        result = _result(reading, decision, terms, _suggest(reading, mention, DEGRADED))
        return replace(result, final=True)
    decision = decide_without_state(mention.kind)
    central = mention.kind in (*CENTRAL_KINDS, CLIENT_APP)
    carries_on = reading.has(NOT_DOWN)  # "danach läuft alles normal": no outage to guess
    if reading.scope == COMPANY and central and decision.priority != CRITICAL and not carries_on:
        # "DATEV bei allen" says that everyone has a problem with it, not which: a guess, but
        # a missed emergency costs more than a false alarm.
        decision = decide(mention.kind, DOWN, COMPANY)
        decision = Decision(decision.priority, decision.example_key, UNCLEAR)
    groups = [m.tokens for m in reading.mentions] + [reading.scope_tokens]
    return _result(
        reading, decision, reading.words(g for g in groups if g), _suggest(reading, mention, None)
    )


def _fill_tokens(reading: Reading) -> list[int]:
    return [index for index, token in enumerate(reading.tokens) if token.folded in FILL_WORDS]


def _fill_level(reading: Reading) -> tuple[int, list[str]]:
    """The highest fill level the text gives beside a fill word ("zu 78 % belegt", "96% used")
    and the fill words, or (0, []) if it gives none."""
    tokens = reading.tokens
    fill = _fill_tokens(reading)
    if not fill:
        return 0, []
    sentences = {tokens[index].sentence for index in fill}
    levels = []
    for found in PERCENT.finditer(reading.text):
        before = [token for token in tokens if token.start <= found.start()]
        sentence = before[-1].sentence if before else tokens[0].sentence
        if sentence in sentences:
            levels.append(int(found.group(1)))
    if not levels:
        return 0, []
    return max(levels), reading.words([(index,) for index in fill])


def _question(reading: Reading) -> list[str]:
    """A question about something: its opening word and what it names, or [] if none.

    The question word alone is no evidence ("was?"); a whole question with no symptom is. A
    question how to do a thing needs no question mark ("wie mach ich nen screenshot"). A
    question after the whole company or when a thing works again may ask after an outage
    ("Wann geht das Internet wieder?", "Ist es normal, dass niemand mehr ins Netz kommt?"): no
    evidence. Nor is a question that names no matter at all ("Können Sie mir helfen?"): see
    _names_a_matter."""
    if reading.has(TROUBLE) or _asks_after_the_many(reading) or not _names_a_matter(reading):
        return []
    tokens = reading.tokens
    for index, token in enumerate(tokens):
        opens = index == 0 or tokens[index - 1].clause != token.clause
        if not opens or token.folded not in QUESTION_OPENERS:
            continue
        sentence = [t for t in tokens if t.sentence == token.sentence]
        if len(sentence) < QUESTION_MIN_WORDS:
            continue
        if _ends_with_question_mark(reading, sentence) or _asks_how(tokens, index):
            return reading.words([(index,)] + [m.tokens for m in reading.mentions])
    return []


def _low_evidence(match, awaited: bool, named: bool) -> bool:
    """A match that is evidence of a low matter. A text calling itself a question ("Frage",
    "question") or asking for a call or news ("Bitte um Rückruf") is not one by that word: what
    it asks decides; nor is asking for help in a text that names no thing (`named`: "Können Sie
    mir helfen?", "Could someone come over?"). Working again is no evidence in a text that asks
    when (`awaited`: "When will Teams work again?")."""
    if match.concept == REQUEST and all(word in ASKING_WORDS for word in match.words):
        return False
    asks_for_help = all(word in ASKING_FOR_HELP_WORDS for word in match.words)
    if match.concept == REQUEST and asks_for_help and not named:
        return False
    if match.concept == BACK_AGAIN and awaited:
        return False
    return match.concept in LOW_EVIDENCE


def _asks_after_the_many(reading: Reading) -> bool:
    """The whole company ("niemand", "bei allen"), or a thing and when it works again."""
    if reading.scope == COMPANY:
        return True
    return bool(reading.mentions) and any(token.folded in AGAIN_WORDS for token in reading.tokens)


def _names_a_matter(reading: Reading) -> bool:
    """A thing the rules know, or a word of its own (four letters or more) that is no question
    word, no asking for help and none of a question about the service: "Welche Version von
    Office haben wir?" names one, "Was soll ich jetzt machen?" none."""
    if reading.mentions:
        return True
    return any(
        len(token.folded) >= 4
        and token.folded not in QUESTION_OPENERS
        and token.folded not in ASKING_FOR_HELP_WORDS
        and token.folded not in SERVICE_QUESTION_WORDS
        and token.folded not in COMMON_WORDS
        for token in reading.tokens
    )


def _asks_how(tokens: list[Token], index: int) -> bool:
    """ "wie scanne ich …", "how do I …": how to do something, asked by its doer."""
    if tokens[index].folded not in HOW_WORDS:
        return False
    following = tokens[index + 1 : index + 1 + HOW_REACH]
    return any(t.folded in ASKERS and t.clause == tokens[index].clause for t in following)


def _ends_with_question_mark(reading: Reading, sentence: list[Token]) -> bool:
    rest = reading.text[sentence[-1].end :]
    return rest.lstrip().startswith("?")


def _request_result(reading: Reading) -> TriageResult:
    groups = [match.tokens for match in reading.matches if match.concept in LOW_EVIDENCE]
    groups += [m.tokens for m in reading.mentions if m.kind == LOW_TOPIC]
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
    scope = scope_for(reading, mention, state) if state else reading.scope
    if scope is not None:
        suggested["affected"] = scope
    if mention.kind in ANSWER_COMPONENT_OF_KIND:
        suggested["component"] = ANSWER_COMPONENT_OF_KIND[mention.kind]
    if state in ANSWER_STATE_OF_STATE:
        suggested["state"] = ANSWER_STATE_OF_STATE[state]
    return suggested
