"""Classification of a problem description into the SLA classes (no Flask, no peewee)."""

from portal.triage.classify import classify_answers, classify_text
from portal.triage.explanations import render_explanation
from portal.triage.i18n import N_
from portal.triage.result import TriageResult

__all__ = ["N_", "TriageResult", "classify_answers", "classify_text", "render_explanation"]
