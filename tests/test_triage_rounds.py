"""Triage rounds 5 to 10: each general rule a round found on an author's set (since round 9 also
each family the learned model learns), checked with phrasings of our own that are in no
labelled set. The tables are in tests/data/triage_rules/,
one per round, in the labelled sets' format (text<TAB>critical|normal|low, '#' comments); the
rules that say more than a class follow below."""

from pathlib import Path

import pytest

from portal.triage import classify_text
from portal.triage.examples import LOW, NORMAL, PRIORITIES

RULE_TABLES = Path(__file__).parent / "data" / "triage_rules"


def rule_cases() -> list:
    """Every phrasing of every round's table, named by file and line; a line that is not
    text<TAB>priority fails the collection instead of being skipped."""
    cases = []
    for path in sorted(RULE_TABLES.glob("round*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            text, tab, expected = line.partition("\t")
            if not (tab and text.strip() and expected in PRIORITIES):
                raise ValueError(f"{path.name}:{number}: not text<TAB>priority: {line!r}")
            cases.append(pytest.param(text, expected, id=f"{path.stem}:{number}"))
    return cases


def test_every_round_has_its_table():
    rounds = {case.id.split(":")[0] for case in rule_cases()}
    assert rounds == {"round5", "round6", "round7", "round8", "round9", "round10"}


@pytest.mark.parametrize(("text", "expected"), rule_cases())
def test_a_round_rule_phrasing_gets_its_sla_class(text, expected):
    assert classify_text(text).priority == expected


# Round 6: a fill level below 90 % is capacity to plan, and the words that say so are named.
def test_a_fill_level_names_its_words():
    result = classify_text("Festplatte C: zu 70 % belegt")
    assert result.priority == LOW and result.confident
    assert "belegt" in result.matched_terms


@pytest.mark.parametrize(("level", "expected"), [("89", LOW), ("90", NORMAL), ("89,5", LOW)])
def test_the_fill_level_turns_from_low_at_ninety_percent(level, expected):
    assert classify_text(f"Überwachung: Festplatte D: zu {level} % belegt").priority == expected


# Round 7: an outage or attack named as the topic of a training is a planned matter.
def test_a_topic_names_its_words_and_is_confident():
    result = classify_text("Bitte eine Awareness-Schulung zu Phishing für das Team anbieten")
    assert result.priority == LOW and result.confident
    assert any("Schulung" in term for term in result.matched_terms)
