"""Every labelled set: at least 95 % accuracy and 98 % recall of Kritisch (the issue's bar).

Never-tuned sets NOT YET AT THE GOAL (`UNTUNED_FLOORS`: author V since round 9, when the learned
model brought R, W, X and the holdout to the goal) must instead hold their measured floor, so
that a regression fails while the gap stays visible."""

from collections import Counter

import pytest

from portal.triage.evaluate import (
    DEFAULT_PATH,
    MINIMUM_ACCURACY,
    MINIMUM_CRITICAL_RECALL,
    UNTUNED_FLOORS,
    UNTUNED_SETS,
    accuracy,
    critical_recall,
    evaluate,
    labelled_sets,
    load_labelled,
    report,
)

SETS = labelled_sets()


def test_eval_set_is_large_and_balanced():
    labelled = load_labelled(DEFAULT_PATH)
    counts = Counter(expected for _, expected in labelled)
    assert len(labelled) >= 150
    assert min(counts.values()) >= len(labelled) // 4


def test_the_shipped_sets_include_one_nobody_tunes_on():
    assert {path.name for path in SETS} & UNTUNED_SETS


AT_THE_GOAL = [path for path in SETS if path.name not in UNTUNED_FLOORS]
NOT_YET_AT_THE_GOAL = [path for path in SETS if path.name in UNTUNED_FLOORS]


def test_only_never_tuned_sets_have_a_floor_and_it_is_below_the_goal():
    assert set(UNTUNED_FLOORS) <= UNTUNED_SETS
    assert {path.name for path in NOT_YET_AT_THE_GOAL} == set(UNTUNED_FLOORS)
    for floor in UNTUNED_FLOORS.values():
        assert floor.accuracy < MINIMUM_ACCURACY or floor.critical_recall < MINIMUM_CRITICAL_RECALL


@pytest.mark.parametrize("path", AT_THE_GOAL, ids=[path.stem for path in AT_THE_GOAL])
def test_classifier_reaches_both_minimums_on_every_set(path):
    outcomes = evaluate(load_labelled(path))
    # An untuned set's failure shows counts only: reading its lines would tune on it. The
    # figures are plain numbers here so that pytest's report cannot print the outcomes either.
    message = report(outcomes, 0.0, misses=path.name not in UNTUNED_SETS)
    set_accuracy, set_recall = accuracy(outcomes), critical_recall(outcomes)
    del outcomes
    assert set_accuracy >= MINIMUM_ACCURACY, message
    assert set_recall >= MINIMUM_CRITICAL_RECALL, message


@pytest.mark.parametrize(
    "path", NOT_YET_AT_THE_GOAL, ids=[path.stem for path in NOT_YET_AT_THE_GOAL]
)
def test_never_tuned_set_not_yet_at_the_goal_holds_its_floor(path):
    """Not yet at the goal: such a set must not fall below its measured figures (author V since
    round 9). Only numbers reach the assertion, never a line of the set."""
    floor = UNTUNED_FLOORS[path.name]
    outcomes = evaluate(load_labelled(path))
    set_accuracy, set_recall = accuracy(outcomes), critical_recall(outcomes)
    del outcomes
    assert set_accuracy >= floor.accuracy, (set_accuracy, floor.accuracy)
    assert set_recall >= floor.critical_recall, (set_recall, floor.critical_recall)


def test_the_never_tuned_sets_are_measured_on_the_goal_or_a_floor():
    """Each never-tuned set is among those held to the goal unless it has a floor."""
    held_to_the_goal = {path.name for path in AT_THE_GOAL}
    assert held_to_the_goal | set(UNTUNED_FLOORS) >= UNTUNED_SETS
