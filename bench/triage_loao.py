"""Leave-one-author-out test of the triage: how it reads an author it has never seen.

    .venv/bin/python -m bench.triage_loao [AUTHOR ...]      # e.g. s t u; default: every author

For each tuned author set portal/triage/data/triage_author_*.tsv, the learned model is trained
(portal/triage/training.py, scikit-learn) on everything it is shipped with except that author's
lines, and the author's lines are classified (1) by the rules alone and (2) by the rules with
that model, as the portal does (learned.with_model). The rules were tuned on every tuned set, so
(1) is optimistic for sets read in earlier rounds; (2) is the honest figure of the model. The
never-tuned sets (UNTUNED_SETS) are left out: the shipped model never saw them, so `flask
triage-eval` measures them as they are. Prints accuracy and recall of Kritisch per author and
the mean; never a line of any set. About 15 s per author on two cores.
"""

from __future__ import annotations

import statistics
import sys

from portal.triage import learned
from portal.triage.classify import classify_by_rules
from portal.triage.evaluate import UNTUNED_SETS, labelled_sets, load_labelled
from portal.triage.examples import CRITICAL
from portal.triage.training import all_training_pairs, model_text


def figures(predicted: list[str], pairs: list[tuple[str, str]]) -> tuple[float, float]:
    right = sum(p == expected for p, (_, expected) in zip(predicted, pairs, strict=True))
    critical = [
        p for p, (_, expected) in zip(predicted, pairs, strict=True) if expected == CRITICAL
    ]
    recall = sum(p == CRITICAL for p in critical) / len(critical) if critical else 1.0
    return right / len(pairs), recall


def main(argv: list[str]) -> int:
    wanted = {f"triage_author_{name}.tsv" for name in argv}
    sets = [
        path
        for path in labelled_sets()
        if path.name.startswith("triage_author_")
        and path.name not in UNTUNED_SETS
        and (not wanted or path.name in wanted)
    ]
    everything = all_training_pairs()
    rows = []
    print(f"{'left out':22s} {'rules alone':>16s} {'with the model':>16s}")
    for path in sets:
        held = load_labelled(path)
        held_set = set(held)
        trained = learned.parse(model_text([pair for pair in everything if pair not in held_set]))
        learned._loaded[:] = [trained]  # the model of this fold, as model() hands it out
        readings = [classify_by_rules(text) for text, _ in held]
        rules = figures([r.priority for r in readings], held)
        texts = [text for text, _ in held]
        combined = [
            learned.with_model(r, text).priority for r, text in zip(readings, texts, strict=True)
        ]
        both = figures(combined, held)
        rows.append((rules, both))
        print(
            f"{path.stem[7:]:22s} {rules[0]:7.1%} / {rules[1]:6.1%} {both[0]:7.1%} / {both[1]:6.1%}"
        )
    learned._loaded.clear()
    if rows:
        mean = [statistics.fmean(row[i][j] for row in rows) for i in (0, 1) for j in (0, 1)]
        print(f"{'mean':22s} {mean[0]:7.1%} / {mean[1]:6.1%} {mean[2]:7.1%} / {mean[3]:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
