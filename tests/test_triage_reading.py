"""Triage round 3: reading mechanisms that generalise (verb bracket, typos of exact words,
genitive, counted speakers, contrast clauses, elliptic modals), each with phrasings that are
in no labelled set."""

import pytest

from portal.triage import classify_text
from portal.triage.concepts import lexicon
from portal.triage.examples import CRITICAL, LOW, NORMAL

# German puts the participle at the end of its clause, away from its object.
VERB_BRACKET = [
    ("Jemand hat sich gestern Abend Zugriff auf den Server verschafft", CRITICAL),
    ("Ich habe heute früh einen Anhang von einem unbekannten Absender geöffnet", CRITICAL),
    ("Leider ist im ganzen Büro keine Anmeldung mehr möglich", CRITICAL),
    ("Die Druckaufträge brauchen bei allen heute ungewöhnlich lange", NORMAL),
]
# Negations and scope words are read exactly, but two letters swapped or a double letter typed
# once is still the word; a fuzzy match prefers a word itself to another inflected.
TYPOS_OF_EXACT_WORDS = [
    ("kenier kann ins Internet", CRITICAL),
    ("niemadn erreicht den Server", CRITICAL),
    ("Internet geht bei alen nicht", CRITICAL),
    ("inernet ist weg", CRITICAL),
]
SCOPE_READING = [
    # "meines Laptops" is one laptop's, not the company's laptops.
    ("Die Tastatur meines Laptops reagiert nicht", NORMAL),
    ("Der Akku des Notebooks lädt nicht", NORMAL),
    # The speakers counted: twelve of us are most of a company.
    ("Wir 12 kommen nicht mehr in die Warenwirtschaft", CRITICAL),
    # Colleagues in a clause that tells of working are the people who are fine.
    ("Bei mir startet Outlook nicht, die Kollegen arbeiten normal", NORMAL),
    # ... but not when the trouble is told after them.
    (
        "Bei mir geht Outlook nicht, und von den Kollegen höre ich, dass dort auch nichts geht",
        CRITICAL,
    ),
    # "nicht nur"/"not just" cancels "only me".
    ("Nicht nur mein Laptop: alle Kollegen haben kein Internet", CRITICAL),
    ("Not just me, everyone here lost the shared drive", CRITICAL),
    # A device counted as one, opening its clause, is one workplace wherever it stands ...
    ("Ein Rechner in der Werkstatt hat kein Netzwerk", NORMAL),
    ("One laptop in the sales office can't reach the server", NORMAL),
    # ... but not a device word after the verb.
    ("Die Telefonanlage ist ausgefallen, kein Apparat hat ein Freizeichen", CRITICAL),
    # A modal with a place and no verb: "can't get into".
    ("Niemand kann mehr auf den Server", CRITICAL),
]
SECURITY_AND_REQUESTS = [
    ("Irgendwer verschickt Rechnungen von meinem Postfach", CRITICAL),
    ("Kann jemand von meinem Konto aus Termine einsehen?", LOW),
    ("Mir fehlen die Rechte für den Ordner Vertrieb", NORMAL),
    ("Bitte den neuen Drucker als Standard festlegen", LOW),
    ("Die Anrede in der Vorlage ist falsch, nicht so wichtig", LOW),
    ("Beim Start zeigt jeder Rechner eine Zahlungsaufforderung in Bitcoin", CRITICAL),
]


@pytest.mark.parametrize(
    ("text", "priority"),
    VERB_BRACKET + TYPOS_OF_EXACT_WORDS + SCOPE_READING + SECURITY_AND_REQUESTS,
)
def test_new_phrasing_gets_its_sla_class(text, priority):
    assert classify_text(text).priority == priority


def test_verb_bracket_names_both_halves_as_matched_words():
    result = classify_text("Jemand hat sich gestern Abend Zugriff auf den Server verschafft")
    assert {"Zugriff", "verschafft"} <= set(result.matched_terms)


@pytest.mark.parametrize(("typed", "word"), [("kenier", "keiner"), ("alen", "allen")])
def test_swapped_or_single_letter_typo_reads_as_the_exact_word(typed, word):
    assert word in {lexeme.word for lexeme in lexicon().lexemes(typed)}


@pytest.mark.parametrize("word", ["allen", "keiner", "nicht", "niemand"])
def test_a_correctly_spelt_word_is_read_as_itself(word):
    assert {lexeme.word for lexeme in lexicon().lexemes(word)} >= {word}
    assert not any(lexeme.fuzzy for lexeme in lexicon().lexemes(word))
