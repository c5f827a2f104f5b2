"""The learned signal of the triage: a linear model over the words and letter groups of a text,
trained on every labelled phrasing but the never-tuned sets (portal/triage/training.py, with
scikit-learn, a development dependency). The portal only reads the trained weights from
data/model.tsv and scores a text with them here, in plain Python: no numpy in a web worker.

The features are scikit-learn's: word 1-2-grams (words of two or more letters, lower-cased)
and letter 3-5-grams within each word padded with a space, each counted as 1 + log(count),
times its inverse document frequency, each of the two groups scaled to length 1. A class's
score is the sum of its weights over the features plus its intercept; the probabilities are
their softmax. tests/test_triage_learned.py checks that this gives scikit-learn's numbers.
"""

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from portal.triage.examples import CRITICAL, EXAMPLES_BY_KEY, LOW, NORMAL
from portal.triage.explanations import EXPLAIN_LEARNED, EXPLAIN_UNCLEAR_WITH_TERMS
from portal.triage.matcher import fold
from portal.triage.result import TriageResult, build_result
from portal.triage.rules import decide
from portal.triage.vocabulary import components, scope, security, states
from portal.triage.vocabulary.matching import COMMON_WORDS

MODEL_FILE = "model.tsv"
WORD = re.compile(r"(?u)\b\w\w+\b")
SPACES = re.compile(r"\s\s+")
WORD_SIZES = (1, 2)
LETTER_SIZES = (3, 5)


def word_grams(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    low, high = WORD_SIZES
    return [
        " ".join(words[i : i + n]) for n in range(low, high + 1) for i in range(len(words) - n + 1)
    ]


def letter_grams(text: str) -> list[str]:
    """Letter n-grams inside each word padded with a space; a word shorter than n counts once."""
    grams = []
    low, high = LETTER_SIZES
    for word in SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


MEANINGFUL_LENGTH = 5
# Words of that length that say nothing of the matter, however the model weighs them: the
# politeness, greetings and questions of any message (folded, as matcher.fold writes them).
# They are never named, so never evidence of any class.
NO_EVIDENCE = frozenset(
    {
        "bitte", "danke", "vielen", "hallo", "guten", "morgen", "gruesse", "frage", "fragen",
        "warum", "wieso", "weshalb", "welche", "welcher", "welches", "koennte", "koennten",
        "wuerde", "wuerden", "moeglich", "please", "thanks", "thank", "hello", "question",
        "which", "whether", "would", "could", "possible", "gerne", "liebe", "lieber", "liebes",
        "servus", "schoenen", "kindly", "cheers", "maybe", "perhaps", "eventuell", "regards",
        "anfrage", "request", "jemand", "anyone", "someone",
    }
)  # fmt: skip
# Words of trouble the model may lean to Niedrig on only because short texts with them were
# ("Kalender gelöscht", "Backup issue"): never evidence of a low matter, though they may be
# named for Normal or Kritisch.
TROUBLE_TALK = frozenset(
    {
        "nochmal", "wieder", "again", "issue", "issues", "problem", "probleme", "problems",
        "trouble", "fehler", "error", "kaputt", "broken", "spinnt", "funktioniert", "working",
        "geloescht", "deleted", "erreichbar", "reachable", "anschauen", "schauen", "checken",
        "check",
    }
)  # fmt: skip
# Urgency, alarm and report words: "Kritisch: Ausfall", "Urgent: outage" are no wish, however
# often "nicht dringend" stood in a wish the model learned from.
URGENCY_WORDS = frozenset(
    {
        "kritisch", "critical", "dringend", "urgent", "eilig", "notfall", "emergency", "sofort",
        "asap", "ausfall", "outage", "report", "melden", "meldung", "status", "reminder",
        "bescheid", "erfolgreich", "successful", "angeklickt", "clicked", "suspicious",
        "verdaechtig", "verdaechtige", "verdaechtigen", "threat", "threats", "passwort",
        "password", "reset", "sperren", "zugriff", "access",
    }
)  # fmt: skip
_SAYS_NOTHING = COMMON_WORDS | NO_EVIDENCE
_NO_LOW_EVIDENCE = _SAYS_NOTHING | TROUBLE_TALK | URGENCY_WORDS


def _trouble_words() -> frozenset[str]:
    """Every word of the rules' vocabulary of things, states, scopes and security incidents
    (vocabulary/*.toml), folded: what the rules read as trouble or a thing is never evidence
    of a low matter for the model either."""
    words: set[str] = set()
    for module in (components, states, scope, security):
        for name, value in vars(module).items():
            if not name.isupper() or not isinstance(value, (tuple, dict)):
                continue  # the phrase lists are tuples (a table of them a dict) of texts
            lists = value.values() if isinstance(value, dict) else [value]
            for phrases_of_kind in lists:
                if not isinstance(phrases_of_kind, (tuple, frozenset)):
                    continue
                for phrase in phrases_of_kind:
                    if isinstance(phrase, str):
                        words.update(fold(word) for word in WORD.findall(phrase.lower()))
    return frozenset(words)


TROUBLE_WORDS = _trouble_words()


def _evidence_word(word: str, thing_words: set[str]) -> bool:
    folded = fold(word)
    return (
        len(word) >= MEANINGFUL_LENGTH
        and folded not in _NO_LOW_EVIDENCE
        and folded not in TROUBLE_WORDS
        and folded not in thing_words
    )


def _meaningful(gram: str) -> bool:
    return any(
        len(word) >= MEANINGFUL_LENGTH and fold(word) not in _SAYS_NOTHING for word in gram.split()
    )


@dataclass(frozen=True)
class Model:
    """The trained weights: per group ("word", "letter") each feature's idf and class weights."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    groups: dict[str, dict[str, tuple[float, tuple[float, ...]]]]
    trained_on: str  # sha256 of the training phrasings (training.fingerprint)

    def scores(self, text: str) -> list[float]:
        totals = list(self.intercepts)
        for name, grams in (("word", word_grams(text)), ("letter", letter_grams(text))):
            known = self.groups[name]
            weighted = []
            for gram, count in Counter(grams).items():
                entry = known.get(gram)
                if entry is not None:
                    weighted.append(((1.0 + math.log(count)) * entry[0], entry[1]))
            norm = math.sqrt(sum(value * value for value, _ in weighted)) or 1.0
            for value, weights in weighted:
                for i, weight in enumerate(weights):
                    totals[i] += value / norm * weight
        return totals

    def weightiest_words(
        self, text: str, chosen: str, most: int, recognised: Sequence[str] = ()
    ) -> list[str]:
        """The words and word pairs of ``text`` that weighed most for class ``chosen`` over
        the others, heaviest first, that say something: a pair the rules `recognised` ("bei
        uns", "tot") or one with a word of MEANINGFUL_LENGTH letters that is not a common one
        ("und", "für den", "könnten" are never named). No word is named twice."""
        column = self.classes.index(chosen)
        known = self.groups["word"]
        said = {term.lower() for term in recognised}
        weighed = []
        for gram in set(word_grams(text)):
            entry = known.get(gram)
            if entry is None or not (gram in said or _meaningful(gram)):
                continue
            weights = entry[1]
            margin = weights[column] - max(w for i, w in enumerate(weights) if i != column)
            if margin > 0:
                weighed.append((entry[0] * margin, gram))
        named: list[str] = []
        for _, gram in sorted(weighed, reverse=True):
            if not set(gram.split()) & {word for other in named for word in other.split()}:
                named.append(gram)
            if len(named) == most:
                break
        return named

    def low_evidence(self, text: str, recognised: Sequence[str] = ()) -> list[str]:
        """The words of ``text`` that weigh for Niedrig and are evidence of a low matter: each
        word of the gram says something (MEANINGFUL_LENGTH letters, not common, no politeness
        or question word: NO_EVIDENCE), is no word of trouble or urgency (TROUBLE_TALK,
        URGENCY_WORDS, TROUBLE_WORDS) and none of the things the rules `recognised` ("Teams?"
        is no wish). Heaviest first, at most TERMS_SHOWN."""
        thing_words = {fold(word) for term in recognised for word in WORD.findall(term.lower())}
        return [
            gram
            for gram in self.weightiest_words(text, LOW, len(text))
            if all(_evidence_word(word, thing_words) for word in gram.split())
        ][:TERMS_SHOWN]

    def probabilities(self, text: str) -> dict[str, float]:
        scores = self.scores(text)
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {name: value / total for name, value in zip(self.classes, exps, strict=True)}


def parse(text: str) -> Model:
    """data/model.tsv: '#' header lines (classes, intercepts, trained_on), then one feature a
    line: group, feature, idf, one weight per class. A feature may hold spaces, never a tab."""
    header: dict[str, list[str]] = {}
    groups: dict[str, dict[str, tuple[float, tuple[float, ...]]]] = {"word": {}, "letter": {}}
    for line in text.split("\n"):
        if not line:
            continue
        fields = line.split("\t")
        if line.startswith("#"):
            header[fields[0][1:].strip()] = fields[1:]
            continue
        group, gram, idf, *weights = fields
        groups[group][gram] = (float(idf), tuple(float(weight) for weight in weights))
    return Model(
        classes=tuple(header["classes"]),
        intercepts=tuple(float(value) for value in header["intercepts"]),
        groups=groups,
        trained_on=header["trained_on"][0],
    )


_loaded: list[Model] = []
_lock = threading.Lock()


def model() -> Model:
    """The shipped model, read on first use and kept for the process."""
    if not _loaded:
        with _lock:
            if not _loaded:
                source = resources.files(__package__).joinpath("data", MODEL_FILE)
                _loaded.append(parse(source.read_text(encoding="utf-8")))
    return _loaded[0]


# --- The verdict: the rules' result, changed where the model decides -----------------------

# The probability at which the model overrules an unsure reading of the rules, and a confident
# one. Measured leaving each author out (bench/triage_loao.py): 0.5 to 0.9 read fresh phrasings
# within a point of each other; the higher bars keep the wizard asking where the model hesitates.
CONFIDENT = 0.6
OVERRULE = 0.8
TERMS_SHOWN = 4  # the words that weighed most for the class, named in the explanation


def with_model(result: TriageResult, text: str) -> TriageResult:
    """The rules' reading `result`, or the model's class where it is sure enough and safety
    allows.

    Measured leaving each author out of the training in turn (bench/triage_loao.py), the model
    read fresh phrasings better than the rules, so it may overrule them: an unsure reading at
    a probability of CONFIDENT, a confident one at OVERRULE. The rules stay the safety net: their
    final readings stand (a security incident, a measured fill level), an outage the text says
    hits the whole company stays Kritisch, a text without a recognised word (fillers,
    greetings, question words are never evidence) stays Normal and unsure and the wizard asks.
    The model never makes Niedrig of a Kritisch reading, and of any other only as sure as it
    must be to overrule (OVERRULE) and with a word of the text that is evidence of a low matter
    (Model.low_evidence): never a thing the rules recognised, a politeness, question, trouble
    or urgency word. A confident Niedrig the model raises to Normal is unsure: the wizard
    asks."""
    if result.final or _company_wide_outage(result):
        return result
    if not result.confident and not result.matched_terms:
        return result
    found = model()
    probabilities = found.probabilities(text)
    chosen = max(probabilities, key=probabilities.get)
    needed = OVERRULE if result.confident else CONFIDENT
    if chosen == result.priority or probabilities[chosen] < needed:
        return result
    if chosen == LOW and result.priority == CRITICAL:
        return result  # politeness reads as low to the model: an emergency never becomes a wish
    if chosen == LOW:
        # Niedrig needs evidence: a word that says so, and over an unsure reading as sure as
        # over a confident one
        words = found.low_evidence(text, result.matched_terms)
        if probabilities[LOW] < OVERRULE or not words:
            return result
    else:
        words = found.weightiest_words(text, chosen, TERMS_SHOWN, result.matched_terms)
    key = result.example_key
    if EXAMPLES_BY_KEY[key].priority != chosen:
        key = EXAMPLE_KEY_OF_CLASS[chosen]
    answers = dict(result.suggested_answers)
    if len(answers) == 3 and _answered(answers) != chosen:
        del answers["state"]  # prefilled answers that would give another class: ask for one
    words = words or result.matched_terms
    if result.confident and result.priority == LOW:
        # the rules saw a wish, the model a fault: Normal, but the wizard asks which it is
        return build_result(chosen, key, EXPLAIN_UNCLEAR_WITH_TERMS, words, False, answers)
    return build_result(chosen, key, EXPLAIN_LEARNED, words, True, answers)


def _company_wide_outage(result: TriageResult) -> bool:
    """The rules read a confident Kritisch for the whole company: an outage the text says
    hits everyone ("bei uns im ganzen Haus geht nichts")."""
    return (
        result.priority == CRITICAL
        and result.confident
        and result.suggested_answers.get("affected") == "company"
    )


# The SLA page's example a verdict of the model points to, unless the rules' example is
# already of that class.
EXAMPLE_KEY_OF_CLASS = {CRITICAL: "company_hindered", NORMAL: "workstation", LOW: "other"}


def _answered(answers: dict[str, str]) -> str:
    """The class the guided answers give (as classify_answers does)."""
    return decide(answers["component"], answers["state"], answers["affected"]).priority
