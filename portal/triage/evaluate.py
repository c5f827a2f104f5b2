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


@dataclass(frozen=True)
class Floor:
    """The figures a never-tuned set measured at, rounded down: it must not fall below them."""

    accuracy: float
    critical_recall: float


# Never-tuned sets NOT YET AT THE GOAL (95 % / 98 %): each must hold its floor, measured at the
# end of triage round 2, so a regression fails while the gap stays visible. They stay untuned:
# moving one to the tuned sets would only hide the gap. Remove a set from here once it reaches
# the goal.
# Round 4: every set reached the goal (author B, F and G were tuned on, the holdout was not, its
# four misses aside); their headers record the figures before. A new never-tuned set that
# arrives below the goal gets its floor here.
# Authors I and J wrote while round 4 was under way, from the class definitions only, and held
# floors here through rounds 4 and 5 (I 83.0/84.3 -> 89.5/92.9, J 85.5/87.1 -> 91.0/91.4 %).
# Round 6 tuned on them (I -> 99.0/100.0, J -> 97.0/100.0 %): they are tuned sets now, their
# headers record the figures. New never-tuned sets arrive here.
# Authors L and M wrote while round 6 was under way (M about half in English), from the class
# definitions only, and held floors here until round 6 ended (L 92.0/93.3 -> 92.5/93.3, M
# 90.5/93.3 before and after). Round 7 tuned on them (L -> 98.0/100.0, M -> 99.5/100.0 %): they
# are tuned sets now, their headers record the figures. New never-tuned sets arrive here.
# Authors N (hurried German from a phone) and O (about a third British English) wrote while
# round 7 was under way, from the class definitions only; nobody read their lines before round 8:
# N 85.5/82.7 before and after round 7, O 93.0/92.0 -> 94.0/92.0.
# Authors P (long-winded older German) and Q (half casual English) wrote after round 7, from
# the class definitions only; nobody read their lines before round 8: P 95.0/93.3, Q 92.0/94.7.
# The nearest labelled examples (rounds 7 and 8; the learned model replaced them in round 9),
# measured on other fresh sets with nothing read off these four, raised all four: N 88.5/85.3,
# O 95.5/94.7, P 96.5/96.0, Q 92.5/94.7, their floors until round 8.
# Round 8 tuned on them, each family of their misses fixed by a general rule: N 88.5/85.3 ->
# 100.0/100.0, O 95.5/94.7 -> 100.0/100.0, P 96.5/96.0 -> 100.0/100.0, Q 92.5/94.7 ->
# 100.0/100.0 % (with the rules alone too). They are tuned sets now, their headers record the
# figures.
# Round 9 read authors S, T and U and trained the learned model (learned.py) on every tuned set,
# S, T and U included. Authors V (an engineering office's assistant), W (British English) and X
# (optician shops) wrote while it was built, from the class definitions only. R, V, W, X and the
# holdout were never read nor trained on (a sentence one of them shares with a tuned set is left
# out of the training). With the learned model: R 95.5/96.0 -> 97.5/100.0, W 96.5/100.0,
# X 97.0/100.0, holdout 100.0/100.0, all at the goal; V 94.5/100.0, one line short of it.
UNTUNED_FLOORS: dict[str, Floor] = {
    # Author V: rules alone 93.5/98.7; with the learned model 94.5/100.0 (recall held to the goal)
    "triage_author_v.tsv": Floor(accuracy=0.945, critical_recall=0.98),  # 94.5 % / 100.0 %
}


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


def holds_floor(outcomes: list[Outcome], floor: Floor) -> bool:
    """True if a set not yet at the goal has not fallen below its measured floor."""
    return (
        accuracy(outcomes) >= floor.accuracy and critical_recall(outcomes) >= floor.critical_recall
    )


def verdict(name: str, outcomes: list[Outcome]) -> tuple[str, bool]:
    """How a set stands, and whether that is acceptable (the goal, or a never-tuned set's
    floor while it is not yet at the goal)."""
    if passes(outcomes):
        return "ok", True
    floor = UNTUNED_FLOORS.get(name)
    if floor is None:
        return "BELOW MINIMUM", False
    goal = f"NOT YET AT THE GOAL (floor {floor.accuracy:.1%} / {floor.critical_recall:.1%}"
    if holds_floor(outcomes, floor):
        return f"{goal} held)", True
    return f"{goal} BROKEN)", False


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
    """One line per set with its figures, and whether every set reaches both minimums (or, not
    yet at the goal, holds its floor)."""
    lines, all_pass = [], True
    for path in paths:
        outcomes = evaluate(load_labelled(path))
        standing, ok = verdict(path.name, outcomes)
        all_pass &= ok
        tuned = "never tuned" if path.name in UNTUNED_SETS else "tuned"
        lines.append(f"{path.name:<24} {figures(outcomes)}  [{tuned}] {standing}")
    lines.append(
        f"minimum per set (the goal): accuracy {MINIMUM_ACCURACY:.0%}, recall Kritisch"
        f" {MINIMUM_CRITICAL_RECALL:.0%}; a never-tuned set not yet at the goal must hold its"
        " floor"
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
