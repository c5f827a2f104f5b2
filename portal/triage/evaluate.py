"""Measure the text classifier on labelled TSVs: accuracy, recall of Kritisch, confusions."""

# Usage: python -m portal.triage.evaluate [path]   (default: every portal/triage/data/triage_*.tsv)

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from portal.triage.classify import classify_text
from portal.triage.examples import CRITICAL, PRIORITIES

# Where the sets are and which are never tuned on (re-exported: the bench and tests use them).
from portal.triage.labelled import DATA_DIR, UNTUNED_SETS, labelled_sets, load_labelled

DEFAULT_PATH = DATA_DIR / "triage_eval.tsv"
MINIMUM_ACCURACY = 0.95
MINIMUM_CRITICAL_RECALL = 0.98


# The history of the never-tuned sets, each measured once before anything was tuned on it (the
# sets' headers and the README hold the figures): sets that arrived below the goal (95 % / 98 %)
# held a floor at their first figures until a round tuned on them (authors I, J, L, M, N, O, P,
# Q) or a general change brought them to the goal (author V, round 10). Since round 10 every
# set, tuned or not, is held to the goal: a set that falls below it fails the suite.
# Round 9: R 97.5/100.0, V 94.5/100.0, W 96.5/100.0, X 97.0/100.0, holdout 100.0/100.0.
# Round 10 (1 200 new tuned phrasings by authors AA-AF; the model may raise a confident
# Niedrig to Normal, and lower an unsure reading to Niedrig at OVERRULE with a word that says
# so; judged only leaving tuned authors out): R 98.0/100.0, V 96.0/100.0, W 96.5/100.0,
# X 97.5/100.0, holdout 100.0/100.0; after an independent review's safety fixes (no product,
# politeness or trouble word is evidence of a low matter; a question after the whole company
# or when a thing works again is no low matter): R 97.5, V 95.5, W 96.5, X 97.5, holdout 100.0,
# recall 100.0 on each.


@dataclass(frozen=True)
class Outcome:
    """One labelled phrasing and what the classifier made of it."""

    text: str
    expected: str
    predicted: str
    confident: bool


def evaluate(pairs: list[tuple[str, str]]) -> list[Outcome]:
    outcomes = []
    for text, expected in pairs:
        result = classify_text(text)
        outcomes.append(Outcome(text, expected, result.priority, result.confident))
    return outcomes


def accuracy(outcomes: list[Outcome]) -> float:
    if not outcomes:
        return 0.0
    return sum(o.expected == o.predicted for o in outcomes) / len(outcomes)


def critical_recall(outcomes: list[Outcome]) -> float:
    """Share of the labelled emergencies that came out Kritisch (1.0 if a set has none)."""
    critical = [o for o in outcomes if o.expected == CRITICAL]
    if not critical:
        return 1.0
    return sum(o.predicted == CRITICAL for o in critical) / len(critical)


def passes(outcomes: list[Outcome]) -> bool:
    """True if the outcomes reach the goal: both minimums."""
    return (
        accuracy(outcomes) >= MINIMUM_ACCURACY
        and critical_recall(outcomes) >= MINIMUM_CRITICAL_RECALL
    )


def confusion_table(outcomes: list[Outcome]) -> str:
    """Rows: expected class; columns: predicted class."""
    width = max(len(priority) for priority in PRIORITIES) + 2
    lines = ["expected \\ predicted".ljust(22) + "".join(p.rjust(width) for p in PRIORITIES)]
    for expected in PRIORITIES:
        counts = [
            sum(o.expected == expected and o.predicted == predicted for o in outcomes)
            for predicted in PRIORITIES
        ]
        lines.append(expected.ljust(22) + "".join(str(c).rjust(width) for c in counts))
    return "\n".join(lines)


def figures(outcomes: list[Outcome]) -> str:
    """Accuracy and recall of Kritisch with their counts."""
    right = sum(o.expected == o.predicted for o in outcomes)
    critical = [o for o in outcomes if o.expected == CRITICAL]
    found = sum(o.predicted == CRITICAL for o in critical)
    return (
        f"accuracy: {accuracy(outcomes):.1%} ({right}/{len(outcomes)}),"
        f" recall Kritisch: {critical_recall(outcomes):.1%} ({found}/{len(critical)})"
    )


def report(outcomes: list[Outcome], seconds: float, misses: bool = True) -> str:
    """Figures and confusions; the misclassified lines only when `misses` (never untuned sets)."""
    wrong = [o for o in outcomes if o.expected != o.predicted]
    unsure = sum(not o.confident for o in outcomes)
    lines = [
        figures(outcomes),
        f"not confident: {unsure}",
        f"time per text: {seconds / max(len(outcomes), 1) * 1000:.3f} ms",
        "",
        confusion_table(outcomes),
        "",
        f"misclassified ({len(wrong)}):",
    ]
    if misses:
        lines += [f"  expected {o.expected:<8} got {o.predicted:<8} {o.text}" for o in wrong]
    else:
        lines.append("  (an untuned set: its lines are not shown)")
    return "\n".join(lines)


def summary(paths: list[Path]) -> tuple[str, bool]:
    """One line per set with its figures, and whether every set reaches both minimums."""
    lines, all_pass = [], True
    for path in paths:
        outcomes = evaluate(load_labelled(path))
        ok = passes(outcomes)
        all_pass &= ok
        tuned = "never tuned" if path.name in UNTUNED_SETS else "tuned"
        lines.append(
            f"{path.name:<24} {figures(outcomes)}  [{tuned}] {'ok' if ok else 'BELOW MINIMUM'}"
        )
    lines.append(
        f"minimum per set (the goal): accuracy {MINIMUM_ACCURACY:.0%}, recall Kritisch"
        f" {MINIMUM_CRITICAL_RECALL:.0%}"
    )
    return "\n".join(lines), all_pass


def main(argv: list[str]) -> int:
    if not argv:
        text, all_pass = summary(labelled_sets())
        print(text)
        return 0 if all_pass else 1
    path = Path(argv[0])
    pairs = load_labelled(path)
    started = time.perf_counter()
    outcomes = evaluate(pairs)
    print(report(outcomes, time.perf_counter() - started, path.name not in UNTUNED_SETS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
