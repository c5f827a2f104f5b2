"""The outcome of a triage: class, SLA example, explanation and what the text already answers."""

from dataclasses import dataclass, field

from portal.triage.examples import EXAMPLES_BY_KEY, PRIORITY_LABELS
from portal.triage.explanations import WITHOUT_TERMS


@dataclass(frozen=True)
class TriageResult:
    """A classification: `explanation` is an N_-marked German template for `explanation_params`."""

    priority: str
    example_key: str
    example: str
    explanation: str
    explanation_params: dict[str, str] = field(hash=False)
    matched_terms: list[str] = field(hash=False)
    confident: bool
    suggested_answers: dict[str, str] = field(hash=False)
    # The rules' reading is final: the learned model may not change it (learned.with_model).
    final: bool = False


def build_result(
    priority: str,
    example_key: str,
    explanation: str,
    matched_terms: list[str],
    confident: bool,
    suggested_answers: dict[str, str],
    final: bool = False,
) -> TriageResult:
    """A TriageResult whose explanation names the terms, the SLA example and the class label."""
    example = EXAMPLES_BY_KEY[example_key].text
    if not matched_terms:
        explanation = WITHOUT_TERMS.get(explanation, explanation)
    params = {"example": example, "priority": PRIORITY_LABELS[priority]}
    if matched_terms:
        params["terms"] = ", ".join(matched_terms)
    return TriageResult(
        priority=priority,
        example_key=example_key,
        example=example,
        explanation=explanation,
        explanation_params=params,
        matched_terms=list(matched_terms),
        confident=confident,
        suggested_answers=dict(suggested_answers),
        final=final,
    )
