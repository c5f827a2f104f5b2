"""Leave-one-author-out test of a second, data-driven triage signal: nearest labelled examples.

    .venv/bin/python -m bench.triage_loao [--k 5] [--detail] [--speed]
    .venv/bin/python -m bench.triage_loao --unseen       # rules from before each set was tuned
    .venv/bin/python -m bench.triage_loao PATH ...       # sets kept outside portal/triage/data

For each author set portal/triage/data/triage_author_[a-k].tsv, an example index (the one that
ships, portal/triage/neighbours.py: TF-IDF over word 1-2-grams and character 4-grams of the folded
tokens, cosine similarity) is built from every OTHER labelled set in portal/triage/data, never from
the left-out author's file nor from a never-tuned set (`UNTUNED_SETS`: the holdout would stop
measuring anything if its lines became examples). The left-out author's lines are then classified by
(1) the rules alone (tuned on every set, so optimistic), (2) the k nearest examples alone
(similarity-weighted vote) and (3) the combination: the examples decide only where the rules
are not confident, never lower a Kritisch verdict and never give Niedrig without the rules'
positive evidence (some policies relax the last two: see POLICIES). Prints accuracy and recall
of Kritisch per left-out author and the mean. Never prints a line of any set.

The current rules were tuned on every author set, so (1) is optimistic under LOAO and leaves
(3) at most 0.7 points to gain. `--unseen` therefore also runs each author set with the rules
of the commit before that set was first tuned on (HISTORIC, extracted with git archive) and an
index of the sets that existed then: the only honest "new author" figure from the shipped sets.
A set kept outside portal/triage/data (a fresh, never-tuned one) can be measured by passing its
path: only its figures are printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

from portal.triage.classify import classify_by_rules
from portal.triage.evaluate import UNTUNED_SETS, labelled_sets, load_labelled
from portal.triage.examples import CRITICAL, LOW
from portal.triage.neighbours import ExampleIndex, Neighbour, vote


@dataclass(frozen=True)
class Policy:
    """How the examples may change a rules verdict. A Kritisch verdict is never lowered, and a
    confident one is only ever raised to Kritisch."""

    name: str
    min_share: float  # an unsure verdict: the vote's share of similarity needed to change it
    min_similarity: float  # ... and the nearest example's similarity
    may_give_low: bool  # ... and whether the examples may turn an unsure Normal into Niedrig
    raise_share: float | None = None  # a confident Normal/Niedrig: raised to Kritisch at this
    raise_similarity: float = 1.0  # share and nearest similarity (None: never)


def combine(result, neighbours: list[Neighbour], policy: Policy) -> str:
    """The rules' class, changed by the examples only where the policy lets them."""
    rules = result.priority
    if rules == CRITICAL or not neighbours:  # a safety verdict (every Kritisch) stays
        return rules
    chosen, share = vote(neighbours)
    nearest = neighbours[0].similarity
    if result.confident:
        raising = policy.raise_share is not None and chosen == CRITICAL
        if raising and share >= policy.raise_share and nearest >= policy.raise_similarity:
            return CRITICAL
        return rules
    if share < policy.min_share or nearest < policy.min_similarity:
        return rules
    if chosen == LOW and not policy.may_give_low:
        return rules  # Niedrig needs positive evidence
    return chosen


def author_sets(letters: str = "") -> list[Path]:
    """The author sets, or those whose letters are given ("ijk")."""
    paths = [path for path in labelled_sets() if path.name.startswith("triage_author_")]
    if letters:
        paths = [p for p in paths if p.stem.removeprefix("triage_author_") in letters]
    return paths


CLASSIFY_STDIN = (
    "import json, sys\n"
    "from portal.triage.classify import classify_text\n"
    "texts = json.load(sys.stdin)\n"
    "out = [(r.priority, r.confident) for r in map(classify_text, texts)]\n"
    "json.dump(out, sys.stdout)\n"
)


def rules_at(commit: str) -> Callable[[list[str]], list]:
    """The rules as they were at `commit` (extracted with git archive into a temporary folder):
    a classifier of a set that had not yet been tuned on at that commit."""
    root = Path(__file__).resolve().parents[1]
    kept = tempfile.TemporaryDirectory(prefix="triage-rules-")  # removed with the closure
    folder = Path(kept.name)
    archive = subprocess.run(
        ["git", "archive", commit, "portal"], cwd=root, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)

    def classify_all(texts: list[str]) -> list:
        assert kept  # the folder lives as long as this classifier
        done = subprocess.run(
            [sys.executable, "-c", CLASSIFY_STDIN],
            cwd=folder,
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
        )
        return [SimpleNamespace(priority=p, confident=c) for p, c in json.loads(done.stdout)]

    return classify_all


# The rules as they were before an author set was first tuned on: the honest "unseen" test.
# 71c92e6: before round 4 (B, F, G untuned); 51e83d7: before round 5 (K untuned);
# e9a6888: after round 5, before round 6 (I, J untuned).
HISTORIC = (("71c92e6", "bfg"), ("51e83d7", "k"), ("e9a6888", "ij"))


def rules_now(texts: list[str]) -> list:
    """Today's rules alone: classify_text would add the shipped index, which holds the
    left-out author's own lines."""
    return [classify_by_rules(text) for text in texts]


@dataclass
class Scores:
    right: int = 0
    total: int = 0
    critical_found: int = 0
    critical: int = 0

    def add(self, expected: str, predicted: str) -> None:
        self.total += 1
        self.right += expected == predicted
        if expected == CRITICAL:
            self.critical += 1
            self.critical_found += predicted == CRITICAL

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        return self.critical_found / self.critical if self.critical else 1.0


# Fixed before looking at the figures, except the last two: chosen from a grid of about 500
# (k, shares, similarities) on the historic snapshots below, so optimistic there.
POLICIES = (
    Policy("unsure: vote >= 0.6", 0.6, 0.0, False),
    Policy("unsure: vote >= 0.6, may give low", 0.6, 0.0, True),
    Policy("unsure: unanimous, sim >= 0.2", 1.0, 0.2, True),
    Policy("  + raise unanimous sim>=0.3", 1.0, 0.2, True, 1.0, 0.3),
    Policy("unsure 0.8 + raise 0.8 sim>=0.3", 0.8, 0.2, True, 0.8, 0.3),
)


@dataclass(frozen=True)
class Case:
    """One line of a left-out author: its label, the rules' verdict, its nearest examples."""

    expected: str
    priority: str
    confident: bool
    neighbours: list[Neighbour]


def sets_at(commit: str) -> set[str]:
    """The names of the labelled sets that existed at `commit`."""
    root = Path(__file__).resolve().parents[1]
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", commit, "tests/data/", "portal/triage/data/"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {Path(line).name for line in listed.splitlines()}


def collect(
    k: int,
    letters: str = "",
    rules=rules_now,
    available: set[str] | None = None,
    outside: list[Path] | None = None,
) -> dict[str, list[Case]]:
    """Per left-out author, its lines with the rules' verdicts and the nearest examples from an
    index of every other tuned set (of those `available`, if given). `outside`: sets kept
    outside portal/triage/data, each classified against an index of every tuned set."""
    sets = {path.name: load_labelled(path) for path in labelled_sets()}
    left_outs = author_sets(letters)
    if outside:
        sets |= {path.name: load_labelled(path) for path in outside}
        left_outs = outside
    cases: dict[str, list[Case]] = {}
    for left_out in left_outs:
        others = [
            pair
            for name, pairs in sets.items()
            if name != left_out.name and name not in UNTUNED_SETS
            if available is None or name in available
            if not outside or name not in {path.name for path in outside}
            for pair in pairs
        ]
        index = ExampleIndex(others)
        pairs = sets[left_out.name]
        results = rules([text for text, _ in pairs])
        cases[left_out.name] = [
            Case(expected, result.priority, result.confident, index.nearest(text, k))
            for (text, expected), result in zip(pairs, results, strict=True)
        ]
    return cases


def score(cases: dict[str, list[Case]], policies) -> dict[str, dict[str, Scores]]:
    table: dict[str, dict[str, Scores]] = {}
    for name, lines in cases.items():
        row = {column: Scores() for column in ("rules", "examples", *(p.name for p in policies))}
        for case in lines:
            row["rules"].add(case.expected, case.priority)
            row["examples"].add(case.expected, vote(case.neighbours)[0])
            for policy in policies:
                row[policy.name].add(case.expected, combine(case, case.neighbours, policy))
        table[name] = row
    return table


def print_confusions(cases: dict[str, list[Case]]) -> None:
    """Counts only, never the lines."""
    for name, lines in cases.items():
        print(name, "(expected, rules, examples, rules confident): count")
        counted = Counter(
            (c.expected, c.priority, vote(c.neighbours)[0], c.confident) for c in lines
        )
        for key, count in sorted(counted.items()):
            if key[0] != key[1] or key[0] != key[2]:
                print("   ", key, count)


def print_table(table: dict[str, dict[str, Scores]], columns: list[str]) -> None:
    short = {name: name.removeprefix("triage_author_").removesuffix(".tsv")[:10] for name in table}
    print("accuracy % / recall Kritisch % per left-out author")
    print(f"{'method':<34}" + "".join(f"{short[n]:>12}" for n in table) + f"{'mean':>12}")
    for column in columns:
        cells = [table[name][column] for name in table]
        line = f"{column:<34}"
        line += "".join(f"{s.accuracy * 100:6.1f}/{s.recall * 100:5.1f}" for s in cells)
        mean_acc = statistics.fmean(s.accuracy for s in cells) * 100
        mean_rec = statistics.fmean(s.recall for s in cells) * 100
        print(line + f"{mean_acc:6.1f}/{mean_rec:5.1f}")
    for column in columns[2:]:
        deltas = [(table[n][column].accuracy - table[n]["rules"].accuracy) * 100 for n in table]
        print(
            f"{column:<34} vs rules: mean {statistics.fmean(deltas):+.2f},"
            f" worst set {min(deltas):+.2f}, best {max(deltas):+.2f} points"
        )


def speed(k: int, rounds: int = 3) -> str:
    """p99 time of one nearest-examples lookup over every tuned set's lines, index from all."""
    sets = [path for path in labelled_sets() if path.name not in UNTUNED_SETS]
    pairs = [pair for path in sets for pair in load_labelled(path)]
    started = time.perf_counter()
    index = ExampleIndex(pairs)
    build = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(rounds):
        for text, _ in pairs:
            before = time.thread_time()
            index.nearest(text, k)
            timings.append(time.thread_time() - before)
    timings.sort()
    p50 = timings[len(timings) // 2] * 1000
    p99 = timings[int(0.99 * (len(timings) - 1))] * 1000
    return (
        f"index of {len(pairs)} examples built in {build:.0f} ms; lookup cpu p50 {p50:.3f} ms,"
        f" p99 {p99:.3f} ms"
    )


def policy_grid() -> list[tuple[int, Policy]]:
    """(k, policy) pairs to choose from; a confident verdict is at most raised to Kritisch."""
    grid = []
    raises = ((None, 1.0), (0.8, 0.3), (1.0, 0.3), (1.0, 0.4))
    for k in (3, 5):
        for share in (0.6, 0.8, 1.0):
            for similarity in (0.0, 0.2, 0.3):
                for low in (False, True):
                    for raise_share, raise_similarity in raises:
                        name = f"k={k} unsure {share}/{similarity} low={low:d}"
                        name += f" raise {raise_share}/{raise_similarity}"
                        policy = Policy(name, share, similarity, low, raise_share, raise_similarity)
                        grid.append((k, policy))
    return grid


def nearest_k(cases: dict[str, list[Case]], k: int) -> dict[str, list[Case]]:
    return {
        name: [replace(case, neighbours=case.neighbours[:k]) for case in lines]
        for name, lines in cases.items()
    }


def mean_gain(table: dict[str, dict[str, Scores]], column: str) -> float:
    return statistics.fmean(
        (row[column].accuracy - row["rules"].accuracy) * 100 for row in table.values()
    )


def choose_and_test(by_commit: dict[str, dict[str, list[Case]]]) -> None:
    """Leave one historic snapshot out: choose the policy with the best mean gain on the other
    snapshots' sets, then measure it on the left-out snapshot's sets (an unbiased figure for
    the choice itself, which a fixed policy read off all snapshots is not)."""
    grid = policy_grid()
    for held_out, held_cases in by_commit.items():
        training = {
            n: c
            for commit, cases in by_commit.items()
            if commit != held_out
            for n, c in cases.items()
        }
        best = max(
            grid,
            key=lambda item: mean_gain(
                score(nearest_k(training, item[0]), (item[1],)), item[1].name
            ),
        )
        k, policy = best
        train_gain = mean_gain(score(nearest_k(training, k), (policy,)), policy.name)
        table = score(nearest_k(held_cases, k), (policy,))
        cells = ", ".join(
            f"{name.removeprefix('triage_author_').removesuffix('.tsv')}"
            f" {row['rules'].accuracy * 100:.1f} -> {row[policy.name].accuracy * 100:.1f}"
            f" (recall {row['rules'].recall * 100:.1f} -> {row[policy.name].recall * 100:.1f})"
            for name, row in table.items()
        )
        print(
            f"held out {held_out}: chose [{policy.name}] (gain on the others"
            f" {train_gain:+.2f}); held out gain {mean_gain(table, policy.name):+.2f}: {cells}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--detail", action="store_true", help="confusion counts per author")
    parser.add_argument("--speed", action="store_true", help="also time the lookup")
    parser.add_argument("--authors", default="", help="letters of the left-out authors")
    parser.add_argument(
        "--unseen",
        action="store_true",
        help="each author set with the rules of the commit before it was tuned on (HISTORIC)",
    )
    parser.add_argument(
        "--rules-at",
        metavar="COMMIT",
        help="classify with the rules of an older commit, before the authors were tuned on",
    )
    parser.add_argument(
        "outside",
        nargs="*",
        type=Path,
        help="sets outside portal/triage/data to classify against every tuned set (figures only)",
    )
    parser.add_argument(
        "--choose",
        action="store_true",
        help="with --unseen: choose a policy on two snapshots, measure it on the third",
    )
    args = parser.parse_args(argv)
    if args.choose:
        by_commit = {
            commit: collect(max(args.k, 5), letters, rules_at(commit), sets_at(commit))
            for commit, letters in HISTORIC
        }
        choose_and_test(by_commit)
        return 0
    if args.outside:
        cases = collect(args.k, outside=args.outside)
    elif args.unseen:
        cases = {}
        for commit, letters in HISTORIC:
            letters = "".join(c for c in letters if not args.authors or c in args.authors)
            if letters:
                cases |= collect(args.k, letters, rules_at(commit), sets_at(commit))
    else:
        rules = rules_at(args.rules_at) if args.rules_at else rules_now
        cases = collect(args.k, args.authors, rules)
    if args.detail and not args.outside:
        print_confusions(cases)
    table = score(cases, POLICIES)
    print_table(table, ["rules", "examples", *(p.name for p in POLICIES)])
    if args.speed:
        print(speed(args.k))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
