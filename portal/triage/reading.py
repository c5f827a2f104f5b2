"""What a text says: the components it names, its symptoms and who is affected."""

from dataclasses import dataclass

from portal.triage.matcher import Match, Token, runs, span_text


@dataclass(frozen=True)
class Mention:
    """A component the text names."""

    kind: str
    token: int
    sentence: int
    tokens: tuple[int, ...]


@dataclass(frozen=True)
class Symptom:
    """Something wrong in the text; target is set when grammar already ties it to a mention."""

    state: str
    token: int
    tokens: tuple[int, ...]
    strong: bool
    target: Mention | None = None


@dataclass(frozen=True)
class Reading:
    """What the text says: found phrases, components, symptoms and who is affected."""

    text: str
    tokens: list[Token]
    matches: list[Match]
    mentions: list[Mention]
    symptoms: list[Symptom]
    scope: str | None
    scope_tokens: tuple[int, ...]
    scope_is_weak: bool  # the scope rests on "mein", "my", "ich", "wir", "unsere" alone

    def has(self, concept: str) -> bool:
        return any(match.concept == concept for match in self.matches)

    def words(self, token_groups) -> list[str]:
        """The user's words for groups of token indices, in text order, each once."""
        found = {run for group in token_groups for run in runs(group)}
        kept = [run for run in found if not any(set(run) < set(other) for other in found)]
        return [span_text(self.text, self.tokens, run) for run in sorted(kept)]
