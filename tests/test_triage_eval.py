"""The triage classifier on the labelled phrasings: at least 90 % top-1 accuracy."""

from collections import Counter

from portal.triage.evaluate import DEFAULT_PATH, accuracy, evaluate, load_labelled, report

MINIMUM_ACCURACY = 0.90
PROBE_PATH = DEFAULT_PATH.with_name("triage_probe.tsv")


def test_eval_set_is_large_and_balanced():
    labelled = load_labelled(DEFAULT_PATH)
    counts = Counter(expected for _, expected in labelled)
    assert len(labelled) >= 150
    assert min(counts.values()) >= len(labelled) // 4


def test_classifier_reaches_the_accuracy_target_on_the_eval_set():
    outcomes = evaluate(load_labelled(DEFAULT_PATH))
    assert accuracy(outcomes) >= MINIMUM_ACCURACY, report(outcomes, 0.0)


def test_classifier_reaches_the_accuracy_target_on_the_probe_set():
    outcomes = evaluate(load_labelled(PROBE_PATH))
    assert accuracy(outcomes) >= MINIMUM_ACCURACY, report(outcomes, 0.0)


def test_classifier_reaches_the_accuracy_target_on_the_held_out_set():
    # Written by an engineer who never saw the classifier; 94 % before any tuning.
    # Do not tune the vocabulary on these lines, or they stop measuring anything.
    outcomes = evaluate(load_labelled(DEFAULT_PATH.with_name("triage_holdout.tsv")))
    assert accuracy(outcomes) >= MINIMUM_ACCURACY, report(outcomes, 0.0)
