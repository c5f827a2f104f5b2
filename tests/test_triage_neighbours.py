"""The nearest labelled examples as the triage's second signal (issue 15): where they may change
the rules' verdict, that they name the example that decided, and what the index holds."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from babel.support import Translations

import portal.triage
from portal.triage import classify_text, render_explanation
from portal.triage.evaluate import UNTUNED_SETS, labelled_sets, load_labelled
from portal.triage.examples import SLA_EXAMPLES
from portal.triage.explanations import EXPLAIN_MATCH, EXPLAIN_NEIGHBOUR
from portal.triage.neighbours import (
    QUOTE_LIMIT,
    Neighbour,
    decisive,
    example_index,
    example_pairs,
    vote,
    with_examples,
)
from portal.triage.result import build_result

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"


def near(*rows: tuple[str, float]) -> list[Neighbour]:
    return [Neighbour(f"Beispiel {i}", priority, sim) for i, (priority, sim) in enumerate(rows)]


# (rules' class, rules confident, nearest examples, class the examples give or None: stands)
DECISIONS = [
    # an unsure verdict takes a clear vote (>= 0.8 of the similarity, nearest >= 0.2)
    ("normal", False, near(("critical", 0.5), ("critical", 0.4), ("normal", 0.1)), "critical"),
    ("normal", False, near(("low", 0.6), ("low", 0.5), ("low", 0.4)), "low"),
    # ... but not a split vote (0.5 / 0.9 = 0.56) nor one of remote examples (nearest 0.15)
    ("normal", False, near(("critical", 0.5), ("normal", 0.4)), None),
    ("normal", False, near(("critical", 0.15), ("critical", 0.1)), None),
    # a confident verdict is only raised to Kritisch: vote >= 0.8 and nearest >= 0.3
    ("normal", True, near(("critical", 0.6), ("critical", 0.5), ("normal", 0.1)), "critical"),
    ("normal", True, near(("critical", 0.25), ("critical", 0.2)), None),
    ("normal", True, near(("low", 0.9), ("low", 0.8)), None),
    ("low", True, near(("normal", 0.9), ("normal", 0.8)), None),
    # a confident Niedrig has positive evidence of a low matter: it stands
    ("low", True, near(("critical", 0.9), ("critical", 0.8)), None),
    # Kritisch is never lowered, however unanimous the examples
    ("critical", True, near(("low", 1.0), ("low", 0.9), ("low", 0.9)), None),
    ("critical", False, near(("normal", 1.0), ("normal", 0.9)), None),
    # no example shares a feature: the rules' verdict stands
    ("normal", False, [], None),
]


@pytest.mark.parametrize(("priority", "confident", "neighbours", "expected"), DECISIONS)
def test_where_the_examples_may_change_the_rules_verdict(priority, confident, neighbours, expected):
    example = decisive(priority, confident, neighbours)
    assert (example.priority if example else None) == expected


def test_the_example_named_is_the_most_similar_of_the_winning_class():
    neighbours = near(("normal", 0.3), ("critical", 0.9), ("critical", 0.8), ("critical", 0.7))
    assert vote(neighbours) == ("critical", pytest.approx(2.4 / 2.7))
    assert decisive("normal", False, neighbours).text == "Beispiel 1"


def test_an_example_changes_an_unsure_verdict_and_the_explanation_names_it():
    # The rules know "Kassensystem" and "zickt" but not whose or how bad: unsure Normal. Its
    # nearest examples are outages of a till system, all Kritisch.
    result = classify_text("Kassensystem zickt")
    assert (result.priority, result.confident) == ("critical", False)
    assert result.neighbour
    assert result.example_key == "company_hindered"
    german = render_explanation(result, str)
    assert german.startswith("Ihre Beschreibung ähnelt der bekannten Meldung „")
    assert result.neighbour[:60] in german
    assert "Vorläufige Einstufung: Kritisch. Bitte beantworten Sie die folgenden Fragen." in german


def test_the_explanation_is_translated():
    english_catalogue = Translations.load(str(TRANSLATIONS), ["en"])
    result = classify_text("Kassensystem zickt")
    english = render_explanation(result, english_catalogue.gettext)
    assert english.startswith("Your description resembles the known report “")
    assert result.neighbour[:60] in english
    assert "Provisional classification: Critical." in english


@pytest.mark.parametrize(
    "text",
    [
        "Auf dem Server sind alle Dateien verschlüsselt, Lösegeld gefordert",
        "Bei uns geht nix mehr",
        "Telefonanlage spinnt bei allen",
    ],
)
def test_a_kritisch_verdict_of_the_rules_is_never_lowered(text):
    result = classify_text(text)
    assert result.priority == "critical"
    assert result.neighbour == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dingsbums zickt", "normal"),  # nearest example 0.15 similar: too remote
        ("Das Kassensystem spinnt", "normal"),  # the vote is split (0.68 < 0.8)
        ("Der Plotter zickt", "normal"),  # confident, and the examples agree
    ],
)
def test_without_a_similar_clear_example_the_rules_verdict_stands(text, expected):
    result = classify_text(text)
    assert (result.priority, result.neighbour) == (expected, "")
    assert "ähnelt" not in render_explanation(result, str)


@pytest.mark.parametrize(
    "text",
    [
        "Bei mir geht gar nichts mehr",  # one person: the examples say "bei uns", Kritisch
        "Der Server ist manchmal nicht erreichbar",  # impaired, not down
        "The internet was down for 5 minutes this morning, it's back now",
        "the CRM says I am not authorized since this morning",
    ],
)
def test_the_examples_never_make_an_emergency_of_what_the_text_rules_out(text):
    result = classify_text(text)
    assert (result.priority, result.neighbour) == ("normal", "")


def test_the_examples_never_raise_a_low_matter_with_its_evidence():
    result = classify_text("Can I open files with the extension .heic?")
    assert (result.priority, result.confident, result.neighbour) == ("low", True, "")


def test_the_index_holds_the_tuned_sets_and_the_sla_examples_never_an_untuned_set():
    tuned = [path for path in labelled_sets() if path.name not in UNTUNED_SETS]
    untuned = [path for path in labelled_sets() if path.name in UNTUNED_SETS]
    assert {path.name for path in untuned} == set(UNTUNED_SETS)
    expected = [pair for path in tuned for pair in load_labelled(path)]
    expected += [(example.text, example.priority) for example in SLA_EXAMPLES]
    assert example_pairs() == expected
    index = example_index()
    assert len(index.texts) == len(expected)
    tuned_texts = {text for text, _ in expected}
    untuned_only = {text for path in untuned for text, _ in load_labelled(path)} - tuned_texts
    assert len(untuned_only) >= 400  # holdout, authors R, S, T and U
    assert not untuned_only & set(index.texts)


def test_the_index_is_built_once_per_process():
    assert example_index() is example_index()


def test_the_labelled_sets_ship_with_the_package():
    """The index reads the tuned sets at run time: they live in the package and its package
    data names them, so `pip install .` classifies as the tested checkout does."""
    package = Path(portal.triage.__file__).resolve().parent
    pyproject = tomllib.loads((package.parents[1] / "pyproject.toml").read_text("utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["portal.triage"]
    sets = labelled_sets()
    assert len(sets) >= 20
    for path in sets:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch(relative, pattern) for pattern in shipped), relative


# What the rules might say of a text: a confident Normal for a printer that is down for several
# people, with the guided answers prefilled.
PRINTER_ANSWERS = {"component": "printer", "state": "down", "affected": "several"}


def _long_raising_example() -> str:
    """A Kritisch example longer than the quote, whose nearest examples (itself first) would
    raise a confident Normal: the table tests above say when; this picks one such text."""
    return next(
        text
        for text, label in example_pairs()
        if label == "critical"
        and len(text) > QUOTE_LIMIT + 20
        and decisive("normal", True, example_index().nearest(text)) is not None
    )


def test_a_confident_normal_raised_by_its_examples_names_a_shortened_quote_and_asks_again():
    text = _long_raising_example()
    rules = build_result("normal", "workstation", EXPLAIN_MATCH, ["Drucker"], True, PRINTER_ANSWERS)
    raised = with_examples(rules, text)
    assert (raised.priority, raised.confident, raised.example_key) == (
        "critical",
        True,
        "company_hindered",
    )
    assert raised.explanation == EXPLAIN_NEIGHBOUR
    assert raised.neighbour == text  # the whole example is kept; the explanation quotes a part
    quote = raised.explanation_params["neighbour"]
    assert len(quote) <= QUOTE_LIMIT and quote.endswith("…")
    assert quote[:-1] == text[: QUOTE_LIMIT - 1].rstrip()
    # printer, down, several people would give Normal again: the wizard asks for the state
    assert raised.suggested_answers == {"component": "printer", "affected": "several"}


def test_an_emergency_by_likeness_never_overrides_a_text_that_says_one_person():
    text = _long_raising_example()
    answers = PRINTER_ANSWERS | {"affected": "one"}
    rules = build_result("normal", "workstation", EXPLAIN_MATCH, ["Drucker"], True, answers)
    assert with_examples(rules, text) is rules
