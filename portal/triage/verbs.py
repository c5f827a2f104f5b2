"""Which verb a negation negates: the nearest of its clause ("geht seit heute Morgen nicht"),
the one that opened a clause the negation closes, or none where "soll nicht" wishes."""

from portal.triage.matcher import Token
from portal.triage.vocabulary.negation import CLOSING_AFTER_NEGATION, WISH_MODALS, WISH_REACH

NEGATION_REACH = 8  # words from a negation to its verb: "geht seit heute Morgen nicht"
NEGATION_REACH_FORWARD = 9  # the verb may come last: "niemand kann sich am Server anmelden"


def wished(tokens: list[Token], negation: int) -> bool:
    """ "Teams soll nicht mehr automatisch starten": a negation after "soll" is a wish."""
    before = range(max(0, negation - WISH_REACH), negation)
    return any(
        tokens[i].folded in WISH_MODALS and tokens[i].clause == tokens[negation].clause
        for i in before
    )


def closes_its_clause(tokens: list[Token], negation: int) -> bool:
    """ "Teams erkennt die Kamera … seit dem Update nicht mehr": a negation that closes its
    clause (a "mehr" aside) negates the verb that opened it, however far."""
    for after in (negation + 1, negation + 2):
        if after >= len(tokens) or tokens[after].clause != tokens[negation].clause:
            return True
        if tokens[after].folded not in CLOSING_AFTER_NEGATION:
            return False
    return False


def opening_verb(tokens: list[Token], verbs: list[int], negation: int) -> int | None:
    clause = tokens[negation].clause
    earlier = [verb for verb in verbs if verb < negation and tokens[verb].clause == clause]
    return earlier[0] if earlier else None


def nearest_verb(tokens: list[Token], verbs: list[int], negation: int) -> int | None:
    near = [
        verb
        for verb in verbs
        if verb != negation
        and negation - NEGATION_REACH <= verb <= negation + NEGATION_REACH_FORWARD
        and tokens[verb].clause == tokens[negation].clause
    ]
    return min(near, key=lambda verb: (abs(verb - negation), verb), default=None)
