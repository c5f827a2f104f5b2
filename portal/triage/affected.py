"""Who is affected, from the text: everyone, several people or one, with the words that say so."""

import re

from portal.triage.concepts import (
    COMPONENT,
    DETERMINER,
    IDIOM,
    NEGATION,
    NOT_ONLY,
    SCOPE,
    STATE,
    VERB,
)
from portal.triage.matcher import Match, Token, fold
from portal.triage.reading import Symptom
from portal.triage.vocabulary.components import DEVICE_KINDS, PRINTER
from portal.triage.vocabulary.scope import (
    ADJECTIVE_ENDINGS,
    ALL_WORDS,
    ALSO_TERMS,
    AND_TERMS,
    BOTH_WORDS,
    COMPANY,
    ENGLISH_ALL_WORDS,
    ENGLISH_GROUPS,
    ENGLISH_THINGS,
    EVERYONE_PREPOSITIONS,
    EVERYONE_PRONOUNS,
    FLOATING_ALL,
    GROUP_ENDINGS,
    HAVE_WORDS,
    HOME_WORDS,
    IN_WORDS,
    LIKE_TERMS,
    NEGATED_OTHERS_REACH,
    NOT_EVERYONE_AFTER_ALL,
    NUMBER_WORDS,
    NUMBERED_SEATS,
    ONE,
    ONE_ARTICLES,
    ONE_PERSON,
    ONE_POSSESSIVE,
    ONE_WEAK,
    ONLY_ONE,
    QUANTIFIERS,
    SEVERAL,
    SEVERAL_WEAK,
    SPEAKER_WORDS,
    SUBJECT_OPENERS,
    WE_WORDS,
    WHOLE_PLACES,
    WHOLE_WORDS,
)
from portal.triage.vocabulary.states import DOWN

COUNT_OF_TOTAL = re.compile(
    r"\b(?P<part>\d+|[a-z]+)\s+(?:von|of|aus|out of)\s+(?:den\s+|the\s+|our\s+|unseren\s+)?"
    r"(?P<total>\d+|[a-z]+)\b"
)
DEPARTMENT_REACH = 3  # "everyone in accounting", "alle in der Buchhaltung"
# "Wir 15 kommen nicht ins ERP", "we 12": the speakers counted; this many are most of a company.
WE_COUNTED = re.compile(
    r"\b(?:wir|we|uns)\s+(?:alle\s+|all\s+)?(?P<count>\d+)\b(?!\s*(?:uhr|h\b|min))"
)
WE_COUNTED_COMPANY = 5
# "wir sitzen hier zu fünfzehnt": the speakers counted by an ordinal ("zu dritt" is three).
ZU_COUNTED = re.compile(
    r"\bzu\s+(?P<count>zweit|dritt|viert|fuenft|sechst|siebt|acht|neunt|[a-z]*zehnt|[a-z]*zigst)\b"
)
ZU_COUNTS = {"zweit": 2, "dritt": 3, "viert": 4}
NUMBERED = re.compile(r"[ \t]*\d+\b(?![ \t]*(?:und|and|bis|to|,|/|-|&)[ \t]*\d)")


def find_scope(
    text: str, tokens: list[Token], matches: list[Match], symptoms: list[Symptom]
) -> tuple[str | None, tuple[int, ...], bool]:
    """Who is affected, with the words that say so, and whether "one" rests on a possessive
    only ("mein", "my"); "ich" counts only next to a negated verb."""
    found: dict[str, tuple[int, ...]] = {}
    scopes = [m for m in matches if m.concept == SCOPE]
    everyone = _all_before_a_noun(tokens) or _whole_place(tokens) or _everyone_pronoun(tokens)
    if everyone:
        found[COMPANY] = everyone
    both = _all_before_a_noun(tokens, BOTH_WORDS)  # "beide Filialen", "both branches"
    if both:
        found[SEVERAL] = both
    counted = _count_of_total(text, tokens)
    if counted:
        found[counted[0]] = counted[1]
    counted_we = _we_counted(text, tokens)
    if counted_we:
        found.setdefault(counted_we[0], counted_we[1])
    seat = _numbered_seat(text, tokens)
    if seat:
        found[ONE] = seat
    counted_device = _one_device(tokens, matches)
    if counted_device:  # "Ein Arbeitsplatz im Lager": the place says where, not who
        found[ONLY_ONE] = counted_device
    department = _everyone_of_a_department(tokens, scopes)
    for match in matches:
        if match.concept == SCOPE and _overruled(match, scopes):
            continue
        if match.concept == SCOPE and _inside_longer(match, scopes):
            continue  # "beim Kollegen" is one colleague, not "Kollegen"
        if match.concept == SCOPE and _contrasted(match, tokens, matches, symptoms):
            continue
        if match.value in (ONLY_ONE, ONE) and _denied_by(match, matches):
            continue  # "nicht nur mein Rechner", "not just me"
        if match.value == ONLY_ONE and _others_negated(match, tokens, matches, symptoms):
            # "none of the colleagues can connect", "die anderen können nicht drucken": the
            # others are affected too, not fine
            found.setdefault(COMPANY, match.tokens)
            continue
        if match.value == COMPANY and _counts_my_things(match, tokens, matches):
            continue  # "die USB-Anschlüsse an meinem PC gehen alle nicht": all of them, mine
        if match.value == SEVERAL and _counts_things(match, tokens):
            continue  # "bei manchen Tasten", "several times a day": no people
        if match.value == ONLY_ONE and _followed_by_also(tokens, match):
            found.setdefault(COMPANY, match.tokens)  # "wie alle anderen auch"
            continue
        if match.concept == SCOPE and match.value == COMPANY and department:
            found.setdefault(SEVERAL, department)
        elif match.concept == SCOPE:
            found.setdefault(match.value, match.tokens)
        if match.concept == NOT_ONLY:
            found.setdefault(SEVERAL, match.tokens)
    if any(symptom.strong and symptom.state == DOWN for symptom in symptoms):
        found.pop(ONE_WEAK, None)
    if ONE in found and _we_at_home(tokens, found[ONE]):
        found.setdefault(SEVERAL, found.pop(ONE))
    order = (
        (ONLY_ONE, ONE),
        (COMPANY, COMPANY),
        (SEVERAL, SEVERAL),
        (ONE, ONE),
        (ONE_PERSON, ONE),
        (SEVERAL_WEAK, SEVERAL),
        (ONE_POSSESSIVE, ONE),
        (ONE_WEAK, ONE),
    )
    for value, scope in order:
        if value in found:
            weak = (ONE_POSSESSIVE, ONE_WEAK, SEVERAL_WEAK)
            return scope, found[value], value in weak
    return None, (), False


def _count_of_total(text: str, tokens: list[Token]) -> tuple[str, tuple[int, ...]] | None:
    """ "8 von 11", "sieben von zehn", "5 of 12": half or more is most of the company, fewer
    than that (but two or more) are several, one is one."""
    for found in COUNT_OF_TOTAL.finditer(fold(text)):
        part, total = (_number(found.group(k)) for k in ("part", "total"))
        if part is None or total is None or not 0 < part <= total:
            continue
        span = tuple(i for i, t in enumerate(tokens) if found.start() <= t.start < found.end())
        if part * 2 >= total and part > 1:
            return COMPANY, span
        return (SEVERAL if part > 1 else ONE), span
    return None


def _we_counted(text: str, tokens: list[Token]) -> tuple[str, tuple[int, ...]] | None:
    """ "Wir 15 können nicht ins ERP", "wir sitzen zu fünfzehnt": five or more of us are the
    company, two to four several."""
    folded = fold(text)
    found = WE_COUNTED.search(folded)
    if found is not None:
        count = int(found.group("count"))
    else:
        found = ZU_COUNTED.search(folded)  # "zu fünfzehnt", "zu dritt"
        count = ZU_COUNTS.get(found.group("count"), WE_COUNTED_COMPANY) if found else 0
    if found is None or count < 2:
        return None
    span = tuple(i for i, t in enumerate(tokens) if found.start() <= t.start < found.end())
    scope = COMPANY if count >= WE_COUNTED_COMPANY else SEVERAL
    return scope, span


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _numbered_seat(text: str, tokens: list[Token]) -> tuple[int, ...]:
    """ "Kasse 3", "desk 14": one numbered till or desk is one workplace, not all of them
    ("Kasse 1 und 2", "Kasse 1 und Kasse 2", "Kasse 1 bis 4" are more)."""
    seats = [
        index
        for index, token in enumerate(tokens)
        if token.folded in NUMBERED_SEATS and NUMBERED.match(text, token.end)
    ]
    return (seats[0],) if len(seats) == 1 else ()


def _one_device(tokens: list[Token], matches: list[Match]) -> tuple[int, ...]:
    """ "Ein Arbeitsplatz im Lager", "one PC in the warehouse": a single device, counted, as
    the subject that opens its clause (not "… hat ein Freizeichen")."""
    for match in matches:
        device = match.concept == COMPONENT and match.value in (*DEVICE_KINDS, PRINTER)
        before = match.first - 1
        if not device or before < 0 or tokens[before].folded not in ONE_ARTICLES:
            continue
        if before == 0 or tokens[before - 1].clause != tokens[before].clause:
            return (before, match.first)
    return ()


def _everyone_of_a_department(tokens: list[Token], scopes: list[Match]) -> tuple[int, ...]:
    """ "everyone in accounting", "alle in der Buchhaltung": several people, not the company."""
    for everyone in (m for m in scopes if m.value == COMPANY):
        last = everyone.tokens[-1]
        for group in (m for m in scopes if m.value == SEVERAL):
            between = range(last + 1, group.first)
            if (
                0 < group.first - last <= DEPARTMENT_REACH
                and tokens[group.first].clause == tokens[last].clause
                and any(tokens[i].folded in IN_WORDS for i in between)
            ):
                return (*everyone.tokens, *group.tokens)
    return ()


def _whole_place(tokens: list[Token]) -> tuple[int, ...]:
    """ "im gesamten Gebäude", "the entire site": the two words, or () if none."""
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        whole = token.folded.startswith(WHOLE_WORDS)
        if whole and following.folded.startswith(WHOLE_PLACES):
            return (index, index + 1)
    return ()


def _everyone_pronoun(tokens: list[Token]) -> tuple[int, ...]:
    """ "Outlook fragt bei jedem nach dem Passwort", "für jeden": "jedem" after a preposition
    with no noun or adjective after it stands for every person; "bei jedem Neustart" does not."""
    for index, token in enumerate(tokens[1:], start=1):
        if token.folded not in EVERYONE_PRONOUNS:
            continue
        if tokens[index - 1].folded not in EVERYONE_PREPOSITIONS:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is None or following.clause != token.clause:
            return (index - 1, index)
        if not following.text[:1].isupper() and not following.folded.endswith(ADJECTIVE_ENDINGS):
            return (index - 1, index)
    return ()


def _we_at_home(tokens: list[Token], span: tuple[int, ...]) -> bool:
    """ "Wir kommen von zuhause nicht mehr rein": home named beside "wir" in its sentence is
    several people working from home, not one."""
    if not any(tokens[i].folded in HOME_WORDS for i in span):
        return False
    sentence = tokens[span[0]].sentence
    return any(t.folded in WE_WORDS and t.sentence == sentence for t in tokens)


def _all_before_a_noun(tokens: list[Token], words=ALL_WORDS) -> tuple[int, ...]:
    """ "alle Außendienstler", "all branches": everyone of a group, with the two words."""
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.folded not in words or following.clause != token.clause:
            continue
        if following.folded in NOT_EVERYONE_AFTER_ALL:
            continue
        if token.folded in ENGLISH_ALL_WORDS:
            group = following.folded in ENGLISH_GROUPS
        else:
            noun = following.text[:1].isupper()
            group = noun and following.folded.endswith(GROUP_ENDINGS)
        if group:
            return (index, index + 1)
    return ()


def _denied_by(match: Match, matches: list[Match]) -> bool:
    """True if a "nicht nur"/"not just" overlaps the words that say "only me"."""
    words = set(match.tokens)
    return any(m.concept == NOT_ONLY and words & set(m.tokens) for m in matches)


def _contrasted(
    match: Match, tokens: list[Token], matches: list[Match], symptoms: list[Symptom]
) -> bool:
    """ "Bei mir kommen keine Mails an, Kollegen bekommen ihre": a group in a clause of its own
    that tells of working (a verb, no negation, no symptom there or after it), while another
    clause names one person, is the people who are fine, not those affected."""
    if match.value not in (COMPANY, SEVERAL):
        return False
    clause = tokens[match.first].clause
    in_clause = [m for m in matches if tokens[m.first].clause == clause]
    if not any(m.concept == VERB for m in in_clause):
        return False
    if any(m.concept in (NEGATION, DETERMINER) for m in in_clause):
        return False
    sentence = tokens[match.first].sentence
    told = [i for symptom in symptoms for i in symptom.tokens if tokens[i].sentence == sentence]
    if any(tokens[i].clause == clause or i > match.first for i in told):
        return False  # "… von den Kollegen höre ich, dass dort auch nichts geht"
    return any(
        m.concept == SCOPE
        and m.value in (ONE, ONLY_ONE, ONE_PERSON)
        and tokens[m.first].clause != clause
        for m in matches
    )


def _others_negated(
    match: Match, tokens: list[Token], matches: list[Match], symptoms: list[Symptom]
) -> bool:
    """True if a negation opens the words on the others ("none of the colleagues can") or
    negates their verb ("die anderen Kollegen können nicht drucken"), but not "keiner außer
    mir" (one person still) nor "die anderen haben keine Probleme" (fine), nor a negation that
    ends a symptom told before them, in a text without commas ("outlook startet bei mir nicht
    bei den kollegen schon", "kein freizeichen die anderen telefonieren normal")."""
    if set(match.words) & SPEAKER_WORDS:
        return False
    clause = tokens[match.first].clause
    if any(t.folded in HAVE_WORDS for t in tokens if t.clause == clause):
        return False  # "die Kollegen haben das nicht": they do not have the trouble
    last = match.tokens[-1]
    near = list(range(max(0, match.first - NEGATED_OTHERS_REACH), match.first))
    opens = all(
        tokens[i].folded in SUBJECT_OPENERS
        for i in range(match.first)
        if tokens[i].clause == clause
    )
    if opens:  # the others as the subject: "Die anderen Kollegen können nicht drucken"
        near += range(last + 1, min(len(tokens), last + 1 + NEGATED_OTHERS_REACH))
    told_before = {i for s in symptoms if max(s.tokens) < match.first for i in s.tokens}
    negations = {m.first for m in matches if m.concept == NEGATION} - told_before
    states = {m.first for m in matches if m.concept in (STATE, IDIOM)}
    return any(i in negations and tokens[i].clause == clause and i + 1 not in states for i in near)


def _counts_my_things(match: Match, tokens: list[Token], matches: list[Match]) -> bool:
    """ "gehen alle nicht", "sind alle tot" count the subject; beside "mein"/"my" in the clause
    they are one person's things, and so are they with a thing after "alle" ("alle Mails weg",
    "all files gone")."""
    if match.words[0] not in FLOATING_ALL and match.words[-1] not in FLOATING_ALL:
        return False
    if len(match.words) < 2:
        return False
    after = match.first + 1
    gap = match.words[0] in FLOATING_ALL and after not in match.tokens and after < len(tokens)
    if gap and tokens[after].folded in NOT_EVERYONE_AFTER_ALL:
        return True
    clause = tokens[match.first].clause
    return any(
        m.concept == SCOPE and m.value == ONE_POSSESSIVE and tokens[m.first].clause == clause
        for m in matches
    )


def _counts_things(match: Match, tokens: list[Token]) -> bool:
    """ "manchen Tasten", "mehrere Dateien", "several times": a quantifier before a thing."""
    if len(match.tokens) != 1 or match.words[0] not in QUANTIFIERS:
        return False
    following = match.first + 1
    if following >= len(tokens) or tokens[following].clause != tokens[match.first].clause:
        return False
    word = tokens[following]
    if word.folded in ENGLISH_THINGS:
        return True
    german_noun = word.text[:1].isupper() and match.words[0] not in ENGLISH_ALL_WORDS
    return german_noun and not word.folded.endswith(GROUP_ENDINGS)


def _inside_longer(match: Match, scopes: list[Match]) -> bool:
    words = set(match.tokens)
    return any(words < set(other.tokens) for other in scopes)


def _overruled(match: Match, scopes: list[Match]) -> bool:
    """Of two overlapping scope phrases the earlier one reads right: "bei allen Kollegen geht"
    is everyone, "alle anderen Telefone gehen" is everyone else."""
    rivals = {COMPANY: ONLY_ONE, ONLY_ONE: COMPANY}
    rival = rivals.get(match.value)
    return any(
        other.value == rival
        and other.first < match.first
        and set(other.tokens) & set(match.tokens)
        or other.value == rival
        and other.first == match.first
        and rival == ONLY_ONE
        for other in scopes
    )


def _followed_by_also(tokens: list[Token], match: Match) -> bool:
    """ "alle anderen auch", "mir und allen anderen", "wie die anderen", "auch sonst keiner":
    everyone, not everyone else."""
    after = range(match.tokens[-1] + 1, min(match.tokens[-1] + 4, len(tokens)))
    before = match.first - 1
    joined = AND_TERMS | LIKE_TERMS | ALSO_TERMS
    return any(tokens[index].folded in ALSO_TERMS for index in after) or (
        before >= 0 and tokens[before].folded in joined
    )
