"""The wizard's steps as functions the pages and POST /api/v1/classify share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from portal import triage
from portal.clock import now
from portal.errors import InputError
from portal.sla.calendar import BERLIN
from portal.sla_page import service as sla
from portal.triage.examples import EXAMPLES_BY_KEY
from portal.wizard.forms import ANSWER_FIELDS, DescriptionForm, QuestionsForm


class TriageInputError(InputError):
    """Bad input to the wizard, with one message per field in the user's language."""


def _first_errors(form) -> dict[str, str]:
    return {name: str(errors[0]) for name, errors in form.errors.items()}


def description_form(data: MultiDict) -> DescriptionForm:
    return DescriptionForm(formdata=data)


def questions_form(data: MultiDict) -> QuestionsForm:
    return QuestionsForm(formdata=data)


def classify_description(text: str) -> triage.TriageResult:
    form = description_form(MultiDict({"text": text}))
    if not form.validate():
        raise TriageInputError(_first_errors(form))
    return classify_text_checked(form.text.data)


def classify_text_checked(text: str) -> triage.TriageResult:
    """The engine on text a DescriptionForm has already accepted."""
    return triage.classify_text(text)


def classify_guided(answers: dict[str, str]) -> triage.TriageResult:
    form = questions_form(MultiDict({k: v for k, v in answers.items() if v is not None}))
    if not form.validate():
        raise TriageInputError(_first_errors(form))
    return triage.classify_answers(*(form[name].data for name in ANSWER_FIELDS))


def explanation(result: triage.TriageResult) -> str:
    return triage.render_explanation(result, _)


def example_text(example_key: str) -> str:
    return _(EXAMPLES_BY_KEY[example_key].text)


@dataclass(frozen=True)
class NextStep:
    """What happens after reporting: the target for one kind of customer, and its deadline."""

    has_contract: bool
    yours: bool  # the signed-in customer's own contract
    audience: str  # "Vertragskunden" / "Kunden ohne Vertrag"
    promise: str  # "Wir melden uns innerhalb von 4 Stunden (Servicezeiten)"
    due: datetime  # aware, Europe/Berlin
    due_text: str  # "also spätestens bis Di., 25.11., 08:30 Uhr"

    @property
    def key(self) -> str:
        return "with_contract" if self.has_contract else "without_contract"


def next_steps(priority: str, contract: sla.Contract | None) -> list[NextStep]:
    """The customer's own response target, or both (with and without contract) when unknown."""
    moment = now()
    if contract is not None:
        return [_next_step(priority, contract, moment, yours=True)]
    return [
        _next_step(priority, sla.Contract(has, {}), moment, yours=False) for has in (True, False)
    ]


def _next_step(priority, contract: sla.Contract, moment: datetime, yours: bool) -> NextStep:
    target = sla.applicable_target(priority, contract)
    due = sla.response_deadline(priority, contract, moment).astimezone(BERLIN)
    return NextStep(
        has_contract=contract.has_contract,
        yours=yours,
        audience=str(sla.CONTRACT_LABELS[contract.has_contract]),
        promise=_("Wir melden uns innerhalb von %(target)s", target=sla.target_text(target)),
        due=due,
        due_text=_("also spätestens bis %(when)s Uhr", when=sla.deadline_text(due)),
    )


def result_json(result: triage.TriageResult, contract: sla.Contract | None) -> dict:
    return {
        "priority": result.priority,
        "label": str(sla.PRIORITY_LABELS[result.priority]),
        "example_key": result.example_key,
        "example": example_text(result.example_key),
        "explanation": explanation(result),
        "matched_terms": list(result.matched_terms),
        "confident": result.confident,
        "suggested_answers": dict(result.suggested_answers),
        "response_target": {
            step.key: {"text": step.promise, "due": step.due.isoformat(), "due_text": step.due_text}
            for step in next_steps(result.priority, contract)
        },
    }
