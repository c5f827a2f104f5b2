"""The second signal of the triage: the nearest labelled examples (issue 15).

An index of every labelled phrasing in portal/triage/data except the never-tuned sets
(`UNTUNED_SETS`: their figures would mean nothing once their lines were examples), plus the
SLA page's own examples: TF-IDF over word 1-2-grams and character 4-grams of the folded tokens,
cosine similarity, the k nearest voting with their similarity. Measured in
bench/triage_loao.py on four fresh author sets nobody had tuned on, the policy below beat the
rules alone on each of them; its thresholds are the measured ones, not to be tuned here.
Built once per process: by wsgi.py at a web worker's start, else on the first text.
"""

import heapq
import math
import threading
from array import array
from collections import Counter
from dataclasses import dataclass, replace

from portal.triage.examples import CRITICAL, EXAMPLES_BY_KEY, LOW, NORMAL, SLA_EXAMPLES
from portal.triage.explanations import EXPLAIN_NEIGHBOUR, EXPLAIN_NEIGHBOUR_UNCLEAR
from portal.triage.labelled import UNTUNED_SETS, labelled_sets, load_labelled
from portal.triage.matcher import tokenize
from portal.triage.result import TriageResult, build_result
from portal.triage.rules import decide

K = 5
CHAR_SIZE = 4
# Features in more than this share of the examples say next to nothing and cost the most time.
MAX_DOCUMENT_SHARE = 0.05
# The policy "unsure 0.8 + raise 0.8 sim>=0.3" of bench/triage_loao.py: an unsure verdict takes
# the examples' class when it has this share of the vote and the nearest is this similar ...
UNSURE_SHARE = 0.8
UNSURE_SIMILARITY = 0.2
# ... and a confident Normal is raised to Kritisch on such a vote for Kritisch (a confident
# Niedrig stands: the rules found positive evidence of a low matter).
RAISE_SHARE = 0.8
RAISE_SIMILARITY = 0.3


@dataclass(frozen=True)
class Neighbour:
    """A labelled example near a text: its wording, class and cosine similarity (0..1)."""

    text: str
    priority: str
    similarity: float


def features(text: str) -> Counter[str]:
    """Word 1-2-grams and character 4-grams (within a word, with its edges) of the folded
    tokens."""
    words = [token.folded for token in tokenize(text)]
    found: Counter[str] = Counter()
    for index, word in enumerate(words):
        found["w:" + word] += 1
        if index:
            found["b:" + words[index - 1] + " " + word] += 1
        padded = f"<{word}>"
        for start in range(len(padded) - CHAR_SIZE + 1):
            found["c:" + padded[start : start + CHAR_SIZE]] += 1
    return found


class ExampleIndex:
    """Labelled examples as L2-normalised TF-IDF vectors in an inverted index (feature ->
    the examples that have it, with their weights), so a lookup touches only candidates."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self.texts = [text for text, _ in pairs]
        self.labels = [label for _, label in pairs]
        frequency: Counter[str] = Counter()
        for text in self.texts:  # counted twice rather than kept: half the build's memory
            frequency.update(features(text).keys())
        total = len(pairs)
        limit = MAX_DOCUMENT_SHARE * total
        kept = [(feature, df) for feature, df in frequency.items() if df <= limit]
        del frequency
        # feature -> its number; by number: the idf and where its postings start and end
        self.feature_ids = {feature: number for number, (feature, _) in enumerate(kept)}
        self.idf = array("d", (math.log((1 + total) / (1 + df)) + 1.0 for _, df in kept))
        numbers, docs, weights = array("l"), array("l"), array("d")
        for doc, text in enumerate(self.texts):
            for number, weight in self._vector(features(text)).items():
                numbers.append(number)
                docs.append(doc)
                weights.append(weight)
        # The postings one after another, feature by feature, in flat arrays (a few MB for
        # thousands of examples; lists of floats took ten times that).
        order = sorted(range(len(numbers)), key=numbers.__getitem__)
        self.docs = array("l", (docs[at] for at in order))
        self.weights = array("d", (weights[at] for at in order))
        self.offsets = array("l", bytes(array("l").itemsize * (len(kept) + 1)))
        for number in numbers:
            self.offsets[number + 1] += 1
        for number in range(len(kept)):
            self.offsets[number + 1] += self.offsets[number]

    def _vector(self, found: Counter[str]) -> dict[int, float]:
        """Feature number -> L2-normalised TF-IDF weight (features not indexed are left out)."""
        ids, idf = self.feature_ids, self.idf
        vector = {}
        for feature, count in found.items():
            number = ids.get(feature)
            if number is not None:
                vector[number] = (1.0 + math.log(count)) * idf[number]
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {number: w / norm for number, w in vector.items()}

    def nearest(self, text: str, k: int = K) -> list[Neighbour]:
        """The k most similar examples, most similar first (none if nothing is shared).

        Exact cosine over every example sharing a feature: the postings of the text's features
        are summed per example. Features in more than MAX_DOCUMENT_SHARE of the examples are
        not indexed, which keeps the walk short (issue 15: the whole triage under 2 ms)."""
        scores: dict[int, float] = {}
        get = scores.get
        offsets, docs, weights = self.offsets, self.docs, self.weights
        for number, weight in self._vector(features(text)).items():
            start, end = offsets[number], offsets[number + 1]
            for doc, doc_weight in zip(docs[start:end], weights[start:end], strict=True):
                scores[doc] = get(doc, 0.0) + doc_weight * weight
        best = heapq.nlargest(k, scores.items(), key=lambda item: (item[1], -item[0]))
        return [Neighbour(self.texts[d], self.labels[d], score) for d, score in best]


def vote(neighbours: list[Neighbour]) -> tuple[str, float]:
    """The class with the largest summed similarity, and its share of the total (0..1)."""
    if not neighbours:
        return NORMAL, 0.0
    totals: Counter[str] = Counter()
    for neighbour in neighbours:
        totals[neighbour.priority] += neighbour.similarity
    priority, weight = max(totals.items(), key=lambda item: (item[1], item[0] == CRITICAL))
    return priority, weight / (sum(totals.values()) or 1.0)


def decisive(priority: str, confident: bool, neighbours: list[Neighbour]) -> Neighbour | None:
    """The example that changes the rules' verdict `priority`, or None where it stands.

    A Kritisch verdict is never changed, nor a confident Niedrig (positive evidence of a low
    matter); a confident Normal is only raised to Kritisch; an unsure verdict takes the
    examples' class (Niedrig included) on a clear vote of similar examples. The example named
    is the most similar one of the winning class."""
    if priority == CRITICAL or (priority == LOW and confident) or not neighbours:
        return None
    chosen, share = vote(neighbours)
    nearest = neighbours[0].similarity
    if confident:
        raising = chosen == CRITICAL and share >= RAISE_SHARE and nearest >= RAISE_SIMILARITY
        if not raising:
            return None
    elif share < UNSURE_SHARE or nearest < UNSURE_SIMILARITY or chosen == priority:
        return None
    return next(n for n in neighbours if n.priority == chosen)


def example_pairs() -> list[tuple[str, str]]:
    """The examples: every labelled set but the never-tuned ones, and the SLA page's own."""
    pairs = [
        pair
        for path in labelled_sets()
        if path.name not in UNTUNED_SETS
        for pair in load_labelled(path)
    ]
    return pairs + [(example.text, example.priority) for example in SLA_EXAMPLES]


_built: list[ExampleIndex] = []
_lock = threading.Lock()


def example_index() -> ExampleIndex:
    """The index of `example_pairs()`, built on first use and kept for the process."""
    if not _built:
        with _lock:
            if not _built:
                _built.append(ExampleIndex(example_pairs()))
    return _built[0]


# The class an example-decided verdict points to on the SLA page, unless the rules' SLA example
# is already of that class.
EXAMPLE_KEY_OF_CLASS = {CRITICAL: "company_hindered", NORMAL: "workstation", LOW: "other"}
QUOTE_LIMIT = 140  # characters of the deciding example shown in the explanation


def _contradicts(result: TriageResult, example: Neighbour) -> bool:
    """An emergency by likeness that the text itself rules out: it says that one person is
    affected ("bei mir", "one laptop") or that the thing is impaired, not down ("manchmal",
    "was down for 5 minutes, it's back now")."""
    answers = result.suggested_answers
    one_or_degraded = answers.get("affected") == "one" or answers.get("state") == "degraded"
    return example.priority == CRITICAL and one_or_degraded


def _answered(answers: dict[str, str]) -> str:
    """The class the guided answers give (as classify_answers does)."""
    return decide(answers["component"], answers["state"], answers["affected"]).priority


def with_examples(result: TriageResult, text: str) -> TriageResult:
    """The rules' `result`, changed where the nearest examples decide, naming the example.

    A text in which the rules recognised no word and are unsure (fillers, greetings, question
    words) is left as it is: words without meaning are never evidence, not even of a likeness."""
    if result.priority == CRITICAL or (not result.confident and not result.matched_terms):
        return result
    example = decisive(result.priority, result.confident, example_index().nearest(text))
    if example is None or _contradicts(result, example):
        return result
    key = result.example_key
    if EXAMPLES_BY_KEY[key].priority != example.priority:
        key = EXAMPLE_KEY_OF_CLASS[example.priority]
    quoted = example.text
    if len(quoted) > QUOTE_LIMIT:
        quoted = quoted[: QUOTE_LIMIT - 1].rstrip() + "…"
    explanation = EXPLAIN_NEIGHBOUR if result.confident else EXPLAIN_NEIGHBOUR_UNCLEAR
    answers = dict(result.suggested_answers)
    if len(answers) == 3 and _answered(answers) != example.priority:
        del answers["state"]  # prefilled answers that would give another class: ask for one
    changed = build_result(
        example.priority, key, explanation, result.matched_terms, result.confident, answers
    )
    return replace(
        changed,
        explanation_params=changed.explanation_params | {"neighbour": quoted},
        neighbour=example.text,
    )
