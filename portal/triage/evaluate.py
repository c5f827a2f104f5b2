"""Measure the text classifier on a labelled TSV: accuracy, confusion matrix, misclassified lines.

Usage: python -m portal.triage.evaluate [path]   (default: tests/data/triage_eval.tsv)
"""

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from portal.triage.classify import classify_text
from portal.triage.examples import PRIORITIES

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "triage_eval.tsv"


@dataclass(frozen=True)
class Outcome:
    """One labelled phrasing and what the classifier made of it."""

    text: str
    expected: str
    predicted: str
    confident: bool


def load_labelled(path: Path) -> list[tuple[str, str]]:
    """(text, expected priority) pairs; '#' comments, blank lines and a header are skipped."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.rpartition("\t")
        expected = expected.strip()
        if expected in PRIORITIES:
            pairs.append((text.strip(), expected))
    return pairs


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


def report(outcomes: list[Outcome], seconds: float) -> str:
    wrong = [o for o in outcomes if o.expected != o.predicted]
    unsure = sum(not o.confident for o in outcomes)
    lines = [
        f"accuracy: {accuracy(outcomes):.1%} ({len(outcomes) - len(wrong)}/{len(outcomes)})",
        f"not confident: {unsure}",
        f"time per text: {seconds / max(len(outcomes), 1) * 1000:.3f} ms",
        "",
        confusion_table(outcomes),
        "",
        f"misclassified ({len(wrong)}):",
    ]
    lines += [f"  expected {o.expected:<8} got {o.predicted:<8} {o.text}" for o in wrong]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT_PATH
    pairs = load_labelled(path)
    started = time.perf_counter()
    outcomes = evaluate(pairs)
    print(report(outcomes, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
