"""A matter told as settled: "internet war kurz weg, geht jetzt wieder, nur zur Info", "Backup
erfolgreich, keine Fehler". The faults of its sentences are history, not a report."""

from dataclasses import replace

from portal.triage.concepts import BACK_AGAIN, FOR_THE_RECORD, SUCCESS
from portal.triage.reading import Reading
from portal.triage.symptoms import free_negations_in, negated_nearby
from portal.triage.vocabulary.states import CONTRAST_WORDS

# Words that may stand inside "geht jetzt wieder"; any other ("geht nicht wieder an") breaks it.
FILLERS = frozenset({"jetzt", "nun", "inzwischen", "mittlerweile", "auch", "schon", "now", "es"})
# "geht dann wieder aus": a particle after it makes it another verb.
PARTICLES = frozenset({"aus", "an", "weg", "off", "out", "down"})


def without_settled(reading: Reading) -> Reading:
    """The reading without the symptoms of sentences that say the matter is settled: a check
    that went well, or a thing back again told for the record only. A fault told after a
    contrast ("läuft wieder, aber Outlook geht noch nicht") stays."""
    free_negations = free_negations_in(reading.matches)
    concepts = (BACK_AGAIN, SUCCESS) if reading.has(FOR_THE_RECORD) else (SUCCESS,)
    settled = [
        m
        for m in reading.matches
        if m.concept in concepts
        and not negated_nearby(reading.tokens, m, free_negations)
        and _whole(reading, m.tokens)
    ]
    if not settled:
        return reading
    kept = [s for s in reading.symptoms if not _settled(reading, s.token, settled)]
    if len(kept) == len(reading.symptoms):
        return reading
    return replace(reading, symptoms=kept)


def _whole(reading: Reading, span: tuple[int, ...]) -> bool:
    tokens = reading.tokens
    inside = range(span[0] + 1, span[-1])
    if any(i not in span and tokens[i].folded not in FILLERS for i in inside):
        return False
    after = span[-1] + 1
    return after >= len(tokens) or tokens[after].folded not in PARTICLES


def _settled(reading: Reading, index: int, settled) -> bool:
    tokens = reading.tokens
    for match in settled:
        if tokens[match.first].sentence != tokens[index].sentence:
            continue
        start, end = sorted((match.tokens[-1], index))
        between = range(start + 1, end)
        contrast = any(tokens[i].folded in CONTRAST_WORDS for i in between)
        if not (contrast and index > match.first):
            return True
    return False
