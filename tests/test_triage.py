"""Hand-checked cases for the triage: free text, guided answers, explanations, translations."""

import ast
import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.triage import N_, TriageResult, classify_answers, classify_text, render_explanation
from portal.triage.evaluate import DEFAULT_PATH, load_labelled
from portal.triage.examples import EXAMPLES_BY_KEY, PRIORITIES, SLA_EXAMPLES
from portal.triage.matcher import fold, tokenize

ROOT = Path(__file__).resolve().parents[1]

COLLOQUIAL = [
    ("Outlook geht nicht", "normal"),
    ("Outlook geht bei keinem", "critical"),
    ("Outlook ist langsam", "normal"),
    ("Netz ist weg", "critical"),
    ("alles hängt", "normal"),
    ("Drucker im 2. OG druckt nicht", "normal"),
    ("SQL-Server down", "critical"),
    ("Bildschirm flackert", "normal"),
    ("Bei uns geht gar nichts mehr", "critical"),
    ("Bei mir geht gar nichts mehr", "normal"),
    ("Mein PC startet nicht", "normal"),
    ("Kann ich eine zweite Tastatur bestellen?", "low"),
    ("Exchange ist seit heute morgen extrem langsam", "normal"),
    ("Niemand kommt ins Internet", "critical"),
    ("Bitte Schriftart in der Signatur ändern", "low"),
    ("Email server is down for everyone", "critical"),
    ("my printer is jammed", "normal"),
    ("How do I change my password?", "low"),
]

EXAMPLE_KEYS = [
    ("Der Server ist abgestürzt", "server_down"),
    ("Der zentrale Switch ist tot", "switch_router_down"),
    ("SQL-Server down", "company_system_down"),
    ("Niemand kommt ins Internet", "internet_down"),
    ("Mein PC startet nicht", "workstation"),
    ("Drucker im 2. OG druckt nicht", "printer"),
    ("Exchange ist seit heute morgen extrem langsam", "system_degraded"),
    ("Bitte Schriftart in der Signatur ändern", "other"),
    ("Bei uns geht gar nichts mehr", "company_hindered"),
]

# Compounds, inflections, typos, scope words, wishes phrased with a negation.
ROBUSTNESS = [
    ("Netzwerkausfall im ganzen Haus", "critical"),
    ("Internetverbindung weg", "critical"),
    ("Stromausfall im ganzen Büro", "critical"),
    ("Druckerproblem in der Buchhaltung", "normal"),
    ("Der Netzwerkdrucker im Flur ist offline", "normal"),
    ("Exchnage Server ausgefalen", "critical"),
    ("Bildschrim flackert", "normal"),
    ("Druker geht nich", "normal"),
    ("DER SERVER IST WEG!!!", "critical"),
    ("Ich komme nicht ins Internet, die Kollegen schon", "normal"),
    # The central server failing now and then hinders everyone each time: the authors of the
    # labelled sets call it Kritisch, and the learned model follows them (round 9; the rules
    # alone read an impairment). A missed emergency costs more than a false alarm.
    ("Der Server ist manchmal nicht erreichbar", "critical"),
    ("Der Server ist nicht ausgefallen, aber sehr langsam", "normal"),
    ("Wie stelle ich ein, dass Outlook nicht automatisch startet?", "low"),
    ("Die Farben im Kalender sind vertauscht, stört aber nicht weiter", "low"),
    ("Nichts funktioniert mehr, weder Mail noch Internet noch Server", "critical"),
    ("Der Drucker druckt gar nichts mehr", "normal"),
    ("Telefonanlage ausgefallen", "critical"),
    ("Mein Telefon ist tot", "normal"),
    ("Alle Telefone sind tot", "critical"),
    ("Warenwirtschaft lässt sich bei niemandem mehr öffnen", "critical"),
]

# Round 2: general mechanisms (scope, state, names), each with a case it must not overreach.
SCOPE_AND_STATE = [
    ("DC01 ist nicht erreichbar", "critical"),  # a host name is a server
    ("SRV-FS02 is offline", "critical"),
    ("ERP-Server antwortet nicht", "critical"),  # a hyphenated piece is read on its own
    ("Dürfen wir private USB-Sticks benutzen?", "low"),  # ... but never as a typo ("stuck")
    ("Kasse 3 bucht nicht, Kasse 1 und 2 laufen normal", "normal"),  # one numbered till
    ("Kasse 1 und Kasse 2 starten beide nicht", "critical"),
    ("Die Kasse bucht nicht mehr, an keiner Kasse geht was", "critical"),
    ("Network port at desk 14 is dead", "normal"),
    ("8 von 11 Kollegen kommen nicht ins ERP", "critical"),  # most of the company
    ("Bei sieben von zehn Mitarbeitern startet Outlook nicht", "critical"),
    ("The printer is offline for everyone in accounting", "normal"),  # a department
    ("Drucker im ganzen Haus offline, keiner kann drucken", "critical"),
    ("VPN tunnels to both branches are down", "critical"),
    ("VoIP quality bad for everyone, echo, but calls go through", "normal"),  # impaired
    ("Backup failed last night, all systems up", "normal"),
    ("Unser Lager kann nicht drucken, das ganze Lager steht", "critical"),
    ("Kein Notfall, aber bei uns kommt keiner mehr auf den Server", "critical"),
    ("URGENT!!! my mouse is not working", "normal"),  # urgency is no evidence
    ("Dringend: bitte Drucker im Flur neu einrichten", "low"),
    ("Kollege hat auf Phishing-Mail geklickt und seine Zugangsdaten eingegeben", "critical"),
    ("Ich habe auf den Link geklickt, aber meine Daten nicht eingegeben", "normal"),
    ("In jedem Ordner liegt eine Datei WIEDERHERSTELLEN.txt", "critical"),  # a ransom note
    ("Unsere Dateien heißen jetzt alle .locked", "critical"),
    ("Wie kann ich Dateien mit der Endung .msg öffnen?", "low"),  # a question, no harm told
    ("Can I open files with the extension .heic?", "low"),
    ("A user gave remote access to a fake support caller", "critical"),
    ("User got 30 MFA push prompts and hit approve", "critical"),
    ("Könnten Sie an der Kasse eine Taste für Gutscheine anlegen? Eilt nicht.", "low"),
    ("Kann man in Outlook die Farbe der Kalendereinträge ändern?", "low"),
    ("Das Internet war heute morgen kurz weg, jetzt geht es wieder", "normal"),  # it is back
    ("The internet was down for 5 minutes this morning, it's back now", "normal"),
    ("Der Server läuft schon wieder nicht", "critical"),  # ... but "again" is not "back"
    ("Server ist aus und geht nicht wieder an, alle hängen", "critical"),
    ("The file server is toast", "critical"),
    ("Niemand hat mir gesagt, wie das neue Passwort lautet, ich komme nicht rein", "normal"),
]

GIBBERISH = ["", "   ", "asdf qwertz", "???", "Hallo", "12345", "…!!!…"]

# Every guided-answer combination: affected, component, state -> priority, example key.
ANSWERS = """
company server down critical server_down
company server degraded normal system_degraded
company network down critical switch_router_down
company network degraded normal system_degraded
company company_system down critical company_system_down
company company_system degraded normal system_degraded
company workstation down critical company_hindered
company workstation degraded normal workstation
company printer down critical company_hindered
company printer degraded normal printer
company phone down critical company_system_down
company phone degraded normal workstation
company other down critical company_hindered
company other degraded normal system_degraded
several server down critical server_down
several server degraded normal system_degraded
several network down critical switch_router_down
several network degraded normal system_degraded
several company_system down critical company_system_down
several company_system degraded normal system_degraded
several workstation down normal workstation
several workstation degraded normal workstation
several printer down normal printer
several printer degraded normal printer
several phone down normal workstation
several phone degraded normal workstation
several other down low other
several other degraded low other
one server down normal workstation
one server degraded normal workstation
one network down normal workstation
one network degraded normal workstation
one company_system down normal workstation
one company_system degraded normal workstation
one workstation down normal workstation
one workstation degraded normal workstation
one printer down normal printer
one printer degraded normal printer
one phone down normal workstation
one phone degraded normal workstation
one other down low other
one other degraded low other
"""
ANSWER_CASES = [line.split() for line in ANSWERS.strip().splitlines()]


@pytest.mark.parametrize(("text", "priority"), COLLOQUIAL + ROBUSTNESS + SCOPE_AND_STATE)
def test_colloquial_text_gets_its_sla_class(text, priority):
    assert classify_text(text).priority == priority


@pytest.mark.parametrize(("text", "example_key"), EXAMPLE_KEYS)
def test_text_names_the_matching_sla_example(text, example_key):
    result = classify_text(text)
    assert result.example_key == example_key
    assert result.example == EXAMPLES_BY_KEY[example_key].text
    assert result.priority == EXAMPLES_BY_KEY[example_key].priority


@pytest.mark.parametrize(
    ("affected", "component", "state", "priority", "example_key"), ANSWER_CASES
)
def test_every_answer_combination_maps_to_its_class(
    affected, component, state, priority, example_key
):
    result = classify_answers(affected, component, state)
    assert (result.priority, result.example_key) == (priority, example_key)
    assert result.confident
    assert result.suggested_answers == {
        "affected": affected,
        "component": component,
        "state": state,
    }


def test_answer_table_covers_every_combination():
    combinations = {tuple(case[:3]) for case in ANSWER_CASES}
    assert len(combinations) == 3 * 7 * 2


@pytest.mark.parametrize(
    ("affected", "component", "state"),
    [
        ("everyone", "server", "down"),
        ("one", "toaster", "down"),
        ("one", "server", "broken"),
        ("", "", ""),
        ("Company", "server", "down"),
    ],
)
def test_unknown_answers_are_refused(affected, component, state):
    with pytest.raises(ValueError):
        classify_answers(affected, component, state)


@pytest.mark.parametrize("text", GIBBERISH)
def test_unclear_text_is_not_confident_and_asks_for_the_guided_questions(text):
    result = classify_text(text)
    assert not result.confident
    assert result.priority == "normal"  # never Niedrig without evidence of a low matter
    assert "Bitte beantworten Sie die folgenden Fragen" in render_explanation(result, str)


@pytest.mark.parametrize(
    "text",
    ["Outlook geht nicht", "E-Mail funktioniert nicht", "Tastatur tippt doppelte Buchstaben"],
)
def test_text_that_leaves_scope_or_symptom_open_is_a_guess(text):
    result = classify_text(text)
    assert not result.confident
    assert result.priority == "normal"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Der Exchange-Server ist AUSGEFALLEN", ["Exchange-Server", "AUSGEFALLEN"]),
        ("Druker geht nich", ["Druker", "geht nich"]),
        ("Niemand kommt ins Internet", ["Niemand", "Internet"]),
        ("Bitte Schriftart in der Signatur ändern", ["Schriftart", "Signatur", "ändern"]),
        ("Mein Bildschirm flackert", ["Mein", "Bildschirm", "flackert"]),
    ],
)
def test_matched_terms_are_the_users_own_words(text, words):
    matched = classify_text(text).matched_terms
    for word in words:
        assert any(word in term for term in matched), (word, matched)
    assert all(term in text for term in matched)


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("Mein Drucker druckt nicht", {"affected": "one", "component": "printer", "state": "down"}),
        ("Exchange ist langsam", {"component": "company_system", "state": "degraded"}),
        ("Niemand kommt ins Internet", {"affected": "company", "component": "network"}),
        ("Kann ich eine zweite Tastatur bestellen?", {"component": "other"}),
    ],
)
def test_text_prefills_the_guided_answers_it_implies(text, suggested):
    result = classify_text(text)
    assert suggested.items() <= result.suggested_answers.items()


def test_suggested_answers_agree_with_the_guided_classification():
    for text, _ in load_labelled(DEFAULT_PATH):
        result = classify_text(text)
        if len(result.suggested_answers) == 3:
            assert classify_answers(**result.suggested_answers).priority == result.priority, text


def test_explanation_is_a_marked_template_with_named_parameters():
    result = classify_text("SQL-Server down")
    assert result.explanation_params["terms"] == "SQL-Server, down"
    assert "%(example)s" in result.explanation
    rendered = render_explanation(result, str)
    assert "SQL-Server, down" in rendered
    assert "„Ausfall eines unternehmensweit genutzten Systems" in rendered
    assert "Kritisch" in rendered


def test_render_explanation_translates_template_example_and_label():
    english = _english_catalogue()
    result = classify_text("Niemand kommt ins Internet")
    rendered = render_explanation(result, lambda message: english.get(message, message))
    assert rendered.startswith("Your description (Niemand")
    assert "Possibly an outage of the internet connection" in rendered
    assert "Critical" in rendered


def test_every_marked_string_has_an_english_translation():
    english = _english_catalogue()
    marked = _marked_strings()
    assert len(marked) >= len(SLA_EXAMPLES) + len(PRIORITIES)
    assert [message for message in marked if message not in english] == []


def test_sla_examples_keep_the_sla_wording_and_order():
    keys = [example.key for example in SLA_EXAMPLES]
    assert keys == [
        "server_down",
        "switch_router_down",
        "company_system_down",
        "internet_down",
        "workstation",
        "printer",
        "system_degraded",
        "other",
    ]
    assert EXAMPLES_BY_KEY["server_down"].text == "Ausfall min. eines zentral genutzten Servers"
    assert EXAMPLES_BY_KEY["internet_down"].text == "u.U. Ausfall der Internet-Verbindung"


def test_marker_returns_its_message_unchanged():
    assert N_("Kritisch") == "Kritisch"


def test_result_is_frozen():
    result = classify_text("Server down")
    assert isinstance(result, TriageResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.priority = "low"


def test_folding_handles_umlauts_sharp_s_and_case():
    assert fold("Größe ÜBEL Störung") == "groesse uebel stoerung"


def test_numbers_and_floors_are_not_words():
    assert [token.folded for token in tokenize("Drucker im 2. OG, Raum 3.14")] == [
        "drucker",
        "im",
        "og",
        "raum",
    ]


def test_classification_is_deterministic():
    """The same text gives the same answer, also with trailing space (its speed is measured in
    bench/triage.py, not here: a timed test fails on a busy machine, not on slow code)."""
    texts = [text for text, _ in load_labelled(DEFAULT_PATH)]
    first = [classify_text(text) for text in texts]
    second = [classify_text(text + " ") for text in texts]
    assert [(r.priority, r.confident) for r in first] == [(r.priority, r.confident) for r in second]


WORDS = st.sampled_from(
    [
        "Server",
        "Drucker",
        "Outlook",
        "Internet",
        "mein",
        "alle",
        "niemand",
        "geht",
        "nicht",
        "langsam",
        "weg",
        "bitte",
        "?",
        "Exchange",
        "PC",
        "hängt",
        "kein",
        "keiner",
        "Netz",
        "Mail",
        "down",
        "slow",
        "my",
        "everyone",
        ",",
        ".",
        "!",
        "ä",
        "ß",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12).map(" ".join))
def test_any_mix_of_vocabulary_gives_a_consistent_result(text):
    result = classify_text(text)
    assert result.priority in PRIORITIES
    assert result.example in {example.text for example in EXAMPLES_BY_KEY.values()}
    render_explanation(result, str)
    if len(result.suggested_answers) == 3:
        assert classify_answers(**result.suggested_answers).priority == result.priority


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks_the_classifier(text):
    result = classify_text(text)
    assert result.priority in PRIORITIES
    render_explanation(result, str)


def _english_catalogue() -> dict[str, str]:
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if isinstance(m.id, str) and m.id}


def _marked_strings() -> list[str]:
    marked = []
    for path in sorted((ROOT / "portal" / "triage").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
                marked.append(ast.literal_eval(node.args[0]))
    return marked


def test_starting_the_app_does_not_build_the_lexicon(tmp_path):
    """CLI commands and workers start without paying for the fuzzy index."""
    import subprocess
    import sys

    script = (
        "from portal import create_app\n"
        f"create_app({{'DATABASE_URL': 'sqlite:///{tmp_path}/x.db', 'SECRET_KEY': 'x'}})\n"
        "from portal.triage import classify, concepts\n"
        "assert concepts.lexicon.cache_info().currsize == 0\n"
        "classify.classify_text('Der Server ist ausgefallen')\n"
        "assert concepts.lexicon.cache_info().currsize == 1\n"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", script], cwd=root, check=True)
