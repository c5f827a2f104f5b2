"""The German labels (translated) of classes, statuses and event kinds, in one place; the
statuses per audience (customer or staff)."""

from flask_babel import lazy_gettext as _l

PRIORITY_LABELS = {
    "critical": _l("Kritisch"),
    "normal": _l("Normal"),
    "low": _l("Niedrig"),
}

# Short explanations, in the words of the SLA page.
PRIORITY_EXPLANATIONS = {
    "critical": _l(
        "Ein Großteil oder sogar das ganze Unternehmen ist erheblich in der Arbeit behindert, "
        "z. B. Ausfall eines zentral genutzten Servers, eines zentralen Switches oder Routers "
        "oder eines unternehmensweit genutzten Systems wie MS-Exchange."
    ),
    "normal": _l(
        "Ausfall oder Störung eines einzelnen Arbeitsplatzes (PC, Bildschirm, Telefon) oder "
        "eines einzelnen Druckers; oder ein unternehmensweit genutztes System ist "
        "beeinträchtigt, aber nicht ausgefallen."
    ),
    "low": _l(
        "Alle Mängel, die nicht unter die beiden erstgenannten Kategorien fallen, "
        "z. B. Fragen und Wünsche."
    ),
}

STATUS_LABELS = {
    "new": _l("Neu"),
    "in_progress": _l("In Bearbeitung"),
    "waiting_for_customer": _l("Wartet auf Ihre Rückmeldung"),
    "resolved": _l("Gelöst"),
    "closed": _l("Geschlossen"),
}

SOURCE_LABELS = {
    "portal": _l("Portal"),
    "phone": _l("Telefon"),
    "monitoring": _l("Monitoring"),
    "email": _l("E-Mail"),
}

# The same words in the wizard and the ticket form (portal.wizard.forms uses these), widest first.
AFFECTED_QUESTION = _l("Wer ist betroffen?")

# Staff read the same statuses in their own words: "Ihre Rückmeldung" is the customer's.
STAFF_STATUS_LABELS = {
    **STATUS_LABELS,
    "waiting_for_customer": _l("Wartet auf Kunde"),
}


def status_labels(staff: bool) -> dict:
    """The status labels of an audience: customers or staff."""
    return STAFF_STATUS_LABELS if staff else STATUS_LABELS


AFFECTED_LABELS = {
    "company": _l("Das ganze Unternehmen oder ein Großteil"),
    "several": _l("Mehrere Personen"),
    "one": _l("Eine Person"),
}

EVENT_LABELS = {
    "created": _l("Ticket gemeldet"),
    "status": _l("Status"),
    "priority": _l("Klasse"),
    "assignee": _l("Zuständig"),
    "urgent": _l("Dringend"),
    "deadline": _l("Frist"),
    "relaxed": _l("Nicht dringend"),
    "sla_warning": _l("Warnung vor Ablauf der Zusage"),
    "sla_breach": _l("Zusage verfehlt"),
    "shared": _l("Geteilt"),
    "unshared": _l("Nicht mehr geteilt"),
}
