"""Read a text: cut off the signature, find the vocabulary, then the components named, the
symptoms and who is affected."""

from portal.triage.affected import find_scope
from portal.triage.concepts import (
    CLOSING,
    COMPONENT,
    COSMETIC,
    IDIOM,
    REPORT,
    REQUEST,
    SALUTATION,
    SCOPE,
    STATE,
    VERB,
    lexicon,
)
from portal.triage.matcher import Match, Token, tokenize
from portal.triage.reading import Mention, Reading
from portal.triage.symptoms import find_symptoms
from portal.triage.vocabulary.components import (
    DEVICE_KINDS,
    GENERIC_COMPONENT_WORDS,
    LOW_TOPIC,
    STAGE_REACH,
    STAGE_WORDS,
)
from portal.triage.vocabulary.low_matters import QUESTION_OPENERS, QUESTION_WORDS
from portal.triage.vocabulary.matching import CLOSING_MIN_WORDS, SPOKEN
from portal.triage.vocabulary.scope import ONLY_ONE
from portal.triage.vocabulary.states import FAULT, VAGUE_FAULTS

# Scope words count as whole words with at most an inflection, not as part of a compound
# ("Telefonzentrale" is a desk, not "zentrale").
SCOPE_INFLECTION = 2
# "auf die Zentrale", "in der Zentrale": the place, not "zentral" for everyone.
PLACE_NOUNS = frozenset({"zentrale", "zentralen"})
PLACE_ARTICLES = frozenset({"die", "der", "den", "zur", "zum", "in", "an", "auf", "ueber"})
# A verb's inflection adds at most this many letters ("start" → "startet"); more is a compound.
VERB_ENDING = 4


def read(text: str) -> Reading:
    """Find the vocabulary in the text and interpret it: mentions, symptoms, scope."""
    tokens, matches = _without_signature(tokenize(text, SPOKEN))
    matches = [m for m in matches if m.concept != SCOPE or _whole_word(tokens, m)]
    matches = [m for m in matches if not _place_noun(tokens, m) and not _verb_in_noun(tokens, m)]
    # "Damen und Herren" greets and "keiner weiß", "niemand hat mir gesagt" are figures of
    # speech, "mir ist aufgefallen" names who noticed: none names anyone affected.
    figures = {i for m in matches if m.concept in (SALUTATION, IDIOM) for i in m.tokens}
    figures |= {i for m in matches if m.concept == REPORT and len(m.tokens) > 1 for i in m.tokens}
    # "die Kollegen wissen es nicht": who does not know is no one affected either.
    unknowing = {
        i
        for idiom in matches
        if idiom.concept == IDIOM
        for m in matches
        if m.concept == SCOPE and idiom.first - 2 <= m.tokens[-1] < idiom.first
        for i in m.tokens
    }
    # ... but the others said to be fine stay so: "colleagues have no problem".
    matches = [
        m
        for m in matches
        if m.concept != SCOPE
        or not unknowing & set(m.tokens)
        and (m.value == ONLY_ONE or not figures & set(m.tokens))
    ]
    matches = [m for m in matches if not _stage(tokens, m)]
    mentions = _mentions(tokens, matches)
    symptoms = find_symptoms(tokens, matches, mentions)
    symptoms = _without_asked(text, tokens, matches, mentions, symptoms)
    scope, scope_tokens, weak = find_scope(text, tokens, matches, symptoms)
    return Reading(text, tokens, matches, mentions, symptoms, scope, scope_tokens, weak)


def _without_signature(tokens: list[Token]) -> tuple[list[Token], list[Match]]:
    """The tokens before a letter's closing formula ("Mit freundlichen Grüßen, … Tel., Fax"),
    and the vocabulary found in them."""
    matches = lexicon().find(tokens)
    closings = [m.first for m in matches if m.concept == CLOSING]
    end = min((first for first in closings if first >= CLOSING_MIN_WORDS), default=None)
    if end is None:
        return tokens, matches
    return tokens[:end], [m for m in matches if m.tokens[-1] < end]


def _without_asked(text: str, tokens: list[Token], matches: list[Match], mentions, symptoms):
    """A text that calls itself a question ("Kurze Frage: … Geht das nicht länger?", "Question:
    is that a problem?") asks with the vague faults of its question clauses, and with their
    negated verbs that name nothing and nobody; it does not report them. Outages said outright,
    a question about a component or people ("Frage: warum geht bei allen das Internet nicht?")
    and statements stay ("Frage: mein Rechner fährt nicht hoch, ist das bekannt?")."""
    if not any(m.concept == REQUEST and m.words[-1] in QUESTION_WORDS for m in matches):
        return symptoms
    ends = [t for t in tokens if text[t.end :].lstrip().startswith("?")]
    asked = {t.clause for t in ends}
    # A question that opens with its verb or question word asks with all its clauses: "Ist es
    # ein Problem, wenn ich Dropbox nutze?"
    opened = {t.sentence for t in ends}
    opened = {
        s for s in opened if next(t for t in tokens if t.sentence == s).folded in QUESTION_OPENERS
    }
    asked |= {t.clause for t in tokens if t.sentence in opened}
    named = {tokens[m.token].clause for m in mentions if m.token >= 0}
    named |= {tokens[m.first].clause for m in matches if m.concept == SCOPE}

    def asks(symptom) -> bool:
        clause = tokens[symptom.token].clause
        if clause not in asked:
            return False
        if symptom.state == FAULT and symptom.strong:
            return all(tokens[i].folded in VAGUE_FAULTS for i in symptom.tokens)
        return not symptom.strong and clause not in named

    return [symptom for symptom in symptoms if not asks(symptom)]


def _place_noun(tokens: list[Token], match: Match) -> bool:
    """ "leitet jeden Anruf auf die Zentrale um": "Zentrale" written as a noun after an article
    or preposition is a place (the switchboard, the head office), not everyone."""
    if match.concept != SCOPE or len(match.tokens) != 1 or match.first == 0:
        return False
    token, before = tokens[match.first], tokens[match.first - 1]
    return (
        token.folded in PLACE_NOUNS
        and token.text[:1].isupper()
        and before.sentence == token.sentence
        and before.folded in PLACE_ARTICLES
    )


def _verb_in_noun(tokens: list[Token], match: Match) -> bool:
    """ "Scan-Ordner", "Ladeschale": a verb of working that only opens a longer compound is no
    verb there ("hochgefahren", "hinaustelefonieren" end in theirs)."""
    if match.concept != VERB or len(match.tokens) != 1:
        return False
    folded, word = tokens[match.first].folded, match.words[0]
    ends = any(folded[: len(folded) - cut].endswith(word) for cut in range(VERB_ENDING + 1))
    return len(folded) - len(word) > VERB_ENDING and not ends


def _whole_word(tokens: list[Token], match: Match) -> bool:
    """True if each word of the match is a whole token, inflected or (a swap, a double letter
    typed once: "kenier", "alen") mistyped."""
    return all(
        (tokens[index].folded.startswith(word) or match.fuzzy)
        and abs(len(tokens[index].folded) - len(word)) <= SCOPE_INFLECTION
        for index, word in zip(match.tokens, match.words, strict=True)
    )


def _mentions(tokens: list[Token], matches: list[Match]) -> list[Mention]:
    """Components named, one per compound word (its head) and none inside a longer name."""
    found = [match for match in matches if match.concept == COMPONENT]
    found = [match for match in found if not _inside_longer(match, found)]
    # "shows a blue screen", "white screen": the screen inside a state phrase names no device
    # ("finden den Server nicht" still names the server)
    phrases = [m for m in matches if m.concept == STATE and len(m.tokens) > 1]
    found = [m for m in found if m.value not in DEVICE_KINDS or not _inside_longer(m, phrases)]
    by_token: dict[int, list[Match]] = {}
    for match in found:
        by_token.setdefault(match.first, []).append(match)
    mentions = []
    for first, group in sorted(by_token.items()):
        head = _compound_head(group, tokens[first])
        mentions.append(Mention(head.value, first, tokens[first].sentence, head.tokens))
    return mentions


def _stage(tokens: list[Token], match: Match) -> bool:
    """ "startet nur bis zum Logo", "doesn't get past the logo": a planned or cosmetic thing as
    the point where a start stops is no wish about that thing."""
    if match.value != LOW_TOPIC and match.concept != COSMETIC:
        return False
    before = range(max(0, match.first - STAGE_REACH), match.first)
    clause = tokens[match.first].clause
    return any(tokens[i].folded in STAGE_WORDS and tokens[i].clause == clause for i in before)


def _inside_longer(match: Match, others: list[Match]) -> bool:
    tokens = set(match.tokens)
    return any(tokens < set(other.tokens) for other in others)


def _compound_head(group: list[Match], token: Token) -> Match:
    """German compounds end in their head; a generic head gives way to a specific part; a term
    that is the whole word ("Gäste-WLAN") beats its pieces."""
    whole = [m for m in group if m.part == 0 and m.words == (token.folded,)]
    if whole:
        return whole[0]
    ordered = sorted(group, key=lambda match: (match.part, len(match.tokens)))
    specific = [match for match in ordered if match.words[-1] not in GENERIC_COMPONENT_WORDS]
    return (specific or ordered)[-1]
