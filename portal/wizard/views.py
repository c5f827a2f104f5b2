"""The wizard's three steps, all plain GET: the state lives in the query string.

Reload and the back button lose nothing and nothing is written, so no PRG or CSRF is needed.
"""

from flask import render_template, request, url_for

from portal.sla.targets import PRIORITIES
from portal.sla_page import service as sla
from portal.tickets.rules import title_from_description
from portal.wizard import bp, service
from portal.wizard.forms import ANSWER_FIELDS, MAX_TEXT_LENGTH, DescriptionForm, QuestionsForm


def _text() -> str:
    return request.args.get("text", "")


def _answers() -> dict[str, str]:
    return {name: request.args[name] for name in ANSWER_FIELDS if request.args.get(name)}


@bp.route("/")
def wizard():
    form = DescriptionForm(data={"text": _text()})
    return render_template("triage/describe.html", form=form, max_length=MAX_TEXT_LENGTH)


@bp.route("/fragen")
def questions():
    suggestion = None
    if "text" in request.args:
        form = service.description_form(request.args)
        if not form.validate():
            page = render_template("triage/describe.html", form=form, max_length=MAX_TEXT_LENGTH)
            return page, 400
        suggestion = service.classify_text_checked(form.text.data)
    prefill = {**(suggestion.suggested_answers if suggestion else {}), **_answers()}
    return _questions_page(QuestionsForm(data=prefill), suggestion)


def _questions_page(form, suggestion, status=200):
    page = render_template(
        "triage/questions.html",
        form=form,
        text=_text(),
        suggestion=suggestion,
        explanation=service.explanation(suggestion) if suggestion else None,
        example=service.example_text(suggestion.example_key) if suggestion else None,
        priority_labels=sla.PRIORITY_LABELS,
    )
    return page, status


@bp.route("/ergebnis")
def result():
    if _text().strip():
        description = service.description_form(request.args)
        if not description.validate():
            page = render_template(
                "triage/describe.html", form=description, max_length=MAX_TEXT_LENGTH
            )
            return page, 400
    form = service.questions_form(request.args)
    if not form.validate():
        return _questions_page(form, None, 400)
    computed = service.classify_guided({name: form[name].data for name in ANSWER_FIELDS})
    chosen = request.args.get("priority")
    priority = chosen if chosen in PRIORITIES else computed.priority
    contract = sla.current_contract()
    return render_template(
        "triage/result.html",
        text=_text(),
        answers={name: form[name].data for name in ANSWER_FIELDS},
        computed=computed,
        priority=priority,
        explanation=service.explanation(computed),
        example=service.example_text(computed.example_key),
        next_steps=service.next_steps(priority, contract),
        report_url=_report_url(priority, computed, form),
        priority_labels=sla.PRIORITY_LABELS,
        priorities=[str(p) for p in PRIORITIES],
    )


def _report_url(priority, computed, form) -> str:
    """The ticket form with everything the wizard learned prefilled."""
    params = {name: form[name].data for name in ANSWER_FIELDS}
    params["priority"] = priority
    if _text().strip():
        params["description"] = _text()
        params["title"] = title_from_description(_text())
    # The example illustrates the computed class; for another class it would mislead.
    if priority == computed.priority:
        params["example"] = computed.example_key
    return url_for("tickets.new", **params)
