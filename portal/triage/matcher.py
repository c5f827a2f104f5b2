"""Free-text matching: folding, tokens with sentence/clause marks, compounds, typos, phrases."""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_JOINERS = re.compile(r"['’\-]")
_SENTENCE_END = re.compile(r"[!?;:\n]|\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[,()\"„“]|\s[–—-]\s")

MIN_STEM = 4  # a word this long also matches longer words that start with it
MIN_COMPOUND_PART = 5  # ... and this long also as a later part of a compound
MIN_FUZZY = 5  # shorter words are too easily one typo away from another word
# Words read exactly (negations, scope words) still forgive two neighbours swapped ("nciht",
# "kenier", "niemadn"): a swap of a word this long is seldom another word.
MIN_SWAPPED = 5
PHRASE_GAP = 1  # words allowed between the parts of a phrase ("ganze kleine Firma")
SEPARABLE_GAP = 7  # ... and before a verb particle at its end ("fällt seit heute aus")
SEPARABLE_PARTICLES = frozenset(
    {"aus", "ab", "ein", "an", "zusammen", "hoch", "durch", "rein", "neu"}
)
INFLECTIONS = ("t", "e", "n", "s", "en", "er", "et", "es", "em")
# German puts the participle at the end of its clause, away from its object: "Zugriff auf unser
# Postfach verschafft", "einen Anhang aus einer dubiosen Mail geöffnet", "keine Rufannahme mehr
# möglich". A phrase ending in such a word may reach it across SEPARABLE_GAP words.
_CLAUSE_FINAL = re.compile(
    r"[a-z]{0,7}ge[a-z]{2,}(?:t|en)|(?:ver|be|er|ent|zer)[a-z]{3,}t|[a-z]{3,}iert|moeglich|werden|lange"
)
# A server's host name ("DC01", "SRV-FS02", "FS1"): read as the word "server".
_HOST_NAME = re.compile(r"(?:srv|dc|fs|ts|rds|sql|exch|nas|sv)[a-z]*\d+[a-z\d]*")
HOST_WORD = "server"


@dataclass(frozen=True)
class Token:
    """A word of the user's text: as written, folded, where it is."""

    text: str
    folded: str
    start: int
    end: int
    sentence: int
    clause: int


@dataclass(frozen=True)
class Match:
    """A vocabulary phrase found in the tokens; part orders the pieces of one compound."""

    concept: str
    value: str
    words: tuple[str, ...]
    tokens: tuple[int, ...]
    part: int
    fuzzy: bool

    @property
    def first(self) -> int:
        return self.tokens[0]


@dataclass(frozen=True)
class Lexeme:
    """A vocabulary word found in a token, at piece `part` of the compound."""

    word: str
    part: int
    fuzzy: bool


def fold(text: str) -> str:
    """Lower-case, umlauts as ae/oe/ue, ß as ss, other accents dropped."""
    text = unicodedata.normalize("NFC", text).lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


def tokenize(text: str, spoken: Mapping[str, str] | None = None) -> list[Token]:
    """Split into folded words; numbers ("2. OG", "3rd") are left out, host names are servers,
    and a word in ``spoken`` (a regional spelling, folded) is read as the word it stands for."""
    tokens: list[Token] = []
    sentence = clause = last_clause = 0
    outer: list[int] = []  # the clauses an open parenthesis interrupted
    previous_end = 0
    previous_word = ""
    for found in _WORD.finditer(text):
        gap = text[previous_end : found.start()]
        if _ends_sentence(gap, previous_word):
            sentence += 1
            clause = last_clause = last_clause + 1
            outer.clear()
        elif ")" in gap and "(" not in gap and outer:
            # "Der Server im Lager (LVS und Etikettendruck) ist nicht hochgekommen": after an
            # aside its clause goes on, unless a comma or a dash ends it there too.
            clause = outer.pop()
            if _CLAUSE_END.search(gap[gap.rindex(")") + 1 :]):
                clause = last_clause = last_clause + 1
        elif "(" in gap and ")" not in gap:
            outer.append(clause)
            clause = last_clause = last_clause + 1
        elif _CLAUSE_END.search(gap):
            clause = last_clause = last_clause + 1
        previous_end, previous_word = found.end(), found.group()
        folded = _JOINERS.sub("", fold(found.group()))
        if _HOST_NAME.fullmatch(folded):
            folded = HOST_WORD
        elif any(char.isdigit() for char in folded):
            continue
        elif spoken:
            folded = spoken.get(folded, folded)
        tokens.append(Token(found.group(), folded, found.start(), found.end(), sentence, clause))
    return tokens


def _ends_sentence(gap: str, previous_word: str) -> bool:
    """A full stop after a number or an abbreviation ("2. OG", "z.B.") does not end a sentence."""
    if gap.endswith("."):  # a dot on the next word: "WIEDERHERSTELLEN.txt", "die Endung .msg"
        gap = gap[:-1]
    if not _SENTENCE_END.search(gap):
        return False
    if gap.lstrip().startswith(".") and not re.search(r"[!?;:\n]", gap):
        return len(previous_word) > 2 and not previous_word[-1].isdigit()
    return True


def edit_distance_at_most_one(word: str, other: str) -> bool:
    """True if one insertion, deletion, substitution or swap of neighbours turns word into other."""
    if word == other:
        return True
    if abs(len(word) - len(other)) > 1:
        return False
    if len(word) > len(other):
        word, other = other, word
    index = 0
    while index < len(word) and word[index] == other[index]:
        index += 1
    if len(word) < len(other):
        return word[index:] == other[index + 1 :]
    if word[index + 1 :] == other[index + 1 :]:
        return True
    swapped = index + 1 < len(word) and word[index] == other[index + 1]
    return swapped and word[index + 1] == other[index] and word[index + 2 :] == other[index + 2 :]


def _deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


class Lexicon:
    """The vocabulary as phrases of folded words, looked up in a text's tokens."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str, str]],
        exact_words: frozenset[str],
        common_words: frozenset[str],
        unfuzzy_concepts: frozenset[str],
    ) -> None:
        self._phrases: dict[str, list[tuple[tuple[str, ...], str, str, int]]] = {}
        fuzzy_words: set[str] = set()
        for concept, value, phrase in entries:
            words = tuple(token.folded for token in tokenize(phrase))
            if not words:
                raise ValueError(f"vocabulary entry without a word: {phrase!r}")
            bracketed = len(words) > 1 and _CLAUSE_FINAL.fullmatch(words[-1])
            final_gap = SEPARABLE_GAP if bracketed else PHRASE_GAP
            self._phrases.setdefault(words[0], []).append((words, concept, value, final_gap))
            if concept not in unfuzzy_concepts:
                fuzzy_words.update(words)
        exact = {fold(word) for word in exact_words}
        self._words = {
            word for phrases in self._phrases.values() for words, *_ in phrases for word in words
        }
        self._stems = {word for word in self._words if len(word) >= MIN_STEM and word not in exact}
        self._longest = max(len(word) for word in self._words)
        self._common = common_words
        self._fuzzy_index = self._build_fuzzy_index(fuzzy_words - exact)
        self._swapped = self._build_swapped_index(self._words - fuzzy_words)
        self.lexemes = lru_cache(maxsize=8192)(self._lexemes)

    def _build_fuzzy_index(self, words: set[str]) -> dict[str, set[tuple[str, str]]]:
        index: dict[str, set[tuple[str, str]]] = {}
        for word in words:
            if len(word) < MIN_FUZZY:
                continue
            forms = {word} | (
                {word + ending for ending in INFLECTIONS} if word in self._stems else set()
            )
            for form in forms:
                for key in _deletions(form) | {form}:
                    index.setdefault(key, set()).add((form, word))
        return index

    def _build_swapped_index(self, words: set[str]) -> dict[str, str]:
        """Each word's forms with two neighbouring letters swapped, unless that is a word too."""
        index: dict[str, str] = {}
        for word in sorted(words):
            if len(word) < MIN_SWAPPED:
                continue
            for position in range(len(word) - 1):
                swapped = (
                    word[:position] + word[position + 1] + word[position] + word[position + 2 :]
                )
                if swapped != word and swapped not in self._words and swapped not in self._common:
                    index.setdefault(swapped, word)
            for position in range(len(word) - 1):  # a double letter typed once: "alen"
                single = word[:position] + word[position + 1 :]
                doubled = word[position] == word[position + 1]
                if doubled and single not in self._words and single not in self._common:
                    index.setdefault(single, word)
        return index

    def find(self, tokens: list[Token]) -> list[Match]:
        """All vocabulary phrases in the tokens, in text order."""
        token_lexemes = [self._token_lexemes(token) for token in tokens]
        words_at = [{lexeme.word for lexeme in lexemes} for lexemes in token_lexemes]
        matches = []
        for index, lexemes in enumerate(token_lexemes):
            for lexeme in lexemes:
                for words, concept, value, final_gap in self._phrases.get(lexeme.word, ()):
                    if len(words) == 1:
                        matches.append(
                            Match(concept, value, words, (index,), lexeme.part, lexeme.fuzzy)
                        )
                        continue
                    span = self._match_rest(tokens, words_at, index, words, final_gap)
                    if span is not None:
                        matches.append(
                            Match(concept, value, words, span, lexeme.part, lexeme.fuzzy)
                        )
        return matches

    def _token_lexemes(self, token: Token) -> tuple[Lexeme, ...]:
        """The token's vocabulary words, and those of its hyphenated pieces: "ERP-Server" is
        "ERP" and "Server" even though "erp" is too short to be found inside "erpserver"."""
        lexemes = self.lexemes(token.folded)
        pieces = _JOINERS.split(token.text)
        if len(pieces) < 2:
            return lexemes
        lexemes = _within_pieces(lexemes, token.folded, [fold(piece) for piece in pieces])
        known = {lexeme.word for lexeme in lexemes}
        extra = []
        for number, piece in enumerate(pieces):
            for lexeme in self.lexemes(fold(piece)):
                if lexeme.word not in known and not lexeme.fuzzy:  # "Sticks" is not "stuck"
                    known.add(lexeme.word)
                    extra.append(Lexeme(lexeme.word, number, lexeme.fuzzy))
        return lexemes + tuple(extra)

    def _match_rest(self, tokens, words_at, index, words, final_gap) -> tuple[int, ...] | None:
        span = [index]
        last = len(words) - 1
        for number, word in enumerate(words[1:], 1):
            gap = final_gap if number == last else PHRASE_GAP
            if word in SEPARABLE_PARTICLES:
                gap = SEPARABLE_GAP
            following = range(span[-1] + 1, min(span[-1] + 2 + gap, len(tokens)))
            found = next(
                (k for k in following if word in words_at[k] and _same_clause(tokens, index, k)),
                None,
            )
            if found is None:
                return None
            span.append(found)
        return tuple(span)

    def _lexemes(self, folded: str) -> tuple[Lexeme, ...]:
        """Vocabulary words in one token: itself, its stem, its compound parts or a near miss."""
        if folded in self._words:  # and its stem: "Anmeldungen" is also "Anmeldung"
            stems = {folded[: -len(end)] for end in INFLECTIONS if folded.endswith(end)}
            stems = sorted(stem for stem in stems & self._stems if stem != folded)
            return (Lexeme(folded, 0, False), *(Lexeme(stem, 0, False) for stem in stems))
        if folded in self._swapped:
            return (Lexeme(self._swapped[folded], 0, True),)
        parts = self._compound_parts(folded)
        if not self._covers(folded, parts) and len(folded) >= MIN_FUZZY:
            whole = self._fuzzy(folded)  # "Telefonanlge": a typo, not "Telefon" + "anlge"
            if whole:
                return (Lexeme(whole, 0, True),)
        head_end = parts[0][1] if parts else len(folded)
        guess = self._fuzzy(folded[:head_end]) if head_end >= MIN_FUZZY else None
        words = ([guess] if guess else []) + [word for word, _ in parts]
        return tuple(Lexeme(word, part, word == guess) for part, word in enumerate(words))

    @staticmethod
    def _covers(folded: str, parts: list[tuple[str, int]]) -> bool:
        """True if the compound's parts reach its end (an inflection aside)."""
        if not parts:
            return False
        word, start = parts[-1]
        return start + len(word) + max(len(ending) for ending in INFLECTIONS) >= len(folded)

    def _compound_parts(self, folded: str) -> list[tuple[str, int]]:
        """(word, start) for the longest vocabulary words that the token is built from."""
        parts = []
        position, last_end = 0, 0
        while position <= len(folded) - MIN_STEM:
            joins = position == last_end
            if position > 0 and not joins and position < MIN_STEM:
                position += 1
                continue
            at_end = len(folded) - position == MIN_STEM  # "Firmenlogo", "Kabelnetz"
            minimum = MIN_STEM if position == 0 or joins or at_end else MIN_COMPOUND_PART
            word = self._longest_stem_at(folded, position, minimum)
            if word is None:
                position += 1
                continue
            parts.append((word, position))
            position = last_end = position + len(word)
            if folded[position : position + 1] == "s":  # Fugen-s: "Verbindungsproblem"
                last_end = position + 1
        return parts

    def _longest_stem_at(self, folded: str, position: int, minimum: int) -> str | None:
        longest = min(self._longest, len(folded) - position)
        for length in range(longest, minimum - 1, -1):
            candidate = folded[position : position + length]
            if candidate in self._stems:
                return candidate
        return None

    def _fuzzy(self, folded: str) -> str | None:
        """The vocabulary word one typo away from the token, if there is exactly a best one."""
        if folded in self._common:
            return None
        candidates: set[tuple[str, str]] = set()
        for key in _deletions(folded) | {folded}:
            candidates |= self._fuzzy_index.get(key, set())
        # A letter left out is a likelier typo than one too many: "inernet" is "internet"; and
        # a word itself is likelier than another word inflected ("intern" + "et").
        near = sorted(
            (abs(len(form) - len(folded)), len(form) < len(folded), form != word, word)
            for form, word in candidates
            if edit_distance_at_most_one(folded, form)
        )
        return near[0][3] if near else None


def _within_pieces(lexemes, joined: str, pieces: list[str]) -> tuple[Lexeme, ...]:
    """Words of a hyphenated token read as one ("web.de-Adresse" is "deadresse") must start and
    end where its pieces do (an inflection aside): "dead" is no word of it."""
    bounds, position = {0}, 0
    for piece in pieces:
        position += len(piece)
        bounds.add(position)
    kept = []
    for lexeme in lexemes:
        start = joined.find(lexeme.word)
        end = start + len(lexeme.word)
        aligned = start in bounds and any(0 <= b - end <= 3 for b in bounds)
        if lexeme.fuzzy or start < 0 or aligned:
            kept.append(lexeme)
    return tuple(kept)


def _same_clause(tokens: list[Token], first: int, other: int) -> bool:
    return tokens[first].clause == tokens[other].clause


def runs(indices: Iterable[int]) -> list[tuple[int, ...]]:
    """Runs of neighbouring token indices: (3, 4, 7) -> [(3, 4), (7,)]."""
    found: list[list[int]] = []
    for index in sorted(set(indices)):
        if found and index == found[-1][-1] + 1:
            found[-1].append(index)
        else:
            found.append([index])
    return [tuple(run) for run in found]


def span_text(text: str, tokens: list[Token], run: tuple[int, ...]) -> str:
    """The user's own words for a run of neighbouring tokens, exactly as written."""
    return text[tokens[run[0]].start : tokens[run[-1]].end]
