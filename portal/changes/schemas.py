"""One schema per kind of planned change: the fields, their labels and their validation.

The HTML form is built from these schemas and the API validates with them, so a rule is
written once. `validate_details(kind, raw)` returns (clean details, errors by field name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from portal.changes.rules import parse_day
from portal.text import text_problem

TEXT, TEXTAREA, DATE, CHOICE, MULTI, NUMBER, EMAIL = (
    "text",
    "textarea",
    "date",
    "choice",
    "multi",
    "number",
    "email",
)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    label: object
    required: bool = False
    required_message: object = None
    choices: tuple = ()
    max_length: int = 200
    minimum: int | None = None
    maximum: int | None = None
    hint: object = None
    extra: dict = field(default_factory=dict)

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(value for value, _label in self.choices)

    def choice_label(self, value: str):
        return dict(self.choices).get(value, value)


KIND_LABELS = {
    "new_employee": _l("Neuer Mitarbeiter"),
    "software_install": _l("Software-Installation"),
    "update": _l("Unterstützung bei einem Update"),
    "other": _l("Sonstiges"),
}
KIND_DESCRIPTIONS = {
    "new_employee": _l(
        "Arbeitsplatz, Zugänge und Software für eine neue Kollegin oder einen neuen Kollegen."
    ),
    "software_install": _l(
        "Eine neue Software auf einem oder mehreren Arbeitsplätzen installieren."
    ),
    "update": _l("Wir unterstützen Sie bei der Installation eines Updates."),
    "other": _l("Alles andere, das wir fest einplanen sollen."),
}
STATE_LABELS = {
    "submitted": _l("Eingegangen"),
    "scheduled": _l("Eingeplant"),
    "done": _l("Erledigt"),
    "declined": _l("Abgelehnt"),
    "withdrawn": _l("Zurückgezogen"),
}

YES_NO_UNSURE = (("yes", _l("Ja")), ("no", _l("Nein")), ("unsure", _l("Weiß ich nicht")))
YES_NO = (("yes", _l("Ja")), ("no", _l("Nein")))

# Free remarks, the last field of every kind that has more than one.
REMARKS = FieldSpec("remarks", TEXTAREA, _l("Anmerkungen"), max_length=4000)

SCHEMAS: dict[str, tuple[FieldSpec, ...]] = {
    "new_employee": (
        FieldSpec(
            "employee_name",
            TEXT,
            _l("Name des neuen Mitarbeiters"),
            required=True,
            required_message=_l("Bitte nennen Sie den Namen des neuen Mitarbeiters."),
        ),
        FieldSpec(
            "start_date",
            DATE,
            _l("Erster Arbeitstag"),
            required=True,
            required_message=_l("Bitte nennen Sie den ersten Arbeitstag."),
        ),
        FieldSpec(
            "workstation",
            CHOICE,
            _l("Arbeitsplatz"),
            required=True,
            required_message=_l("Bitte wählen Sie, welchen Arbeitsplatz der Mitarbeiter bekommt."),
            choices=(
                ("new_pc", _l("Neuer PC")),
                ("new_laptop", _l("Neues Notebook")),
                ("existing", _l("Vorhandener Arbeitsplatz")),
            ),
        ),
        FieldSpec(
            "accounts",
            MULTI,
            _l("Benötigte Zugänge"),
            choices=(
                ("email", _l("E-Mail-Postfach")),
                ("windows", _l("Windows-Anmeldung")),
                ("erp", _l("ERP/Warenwirtschaft")),
                ("vpn", _l("VPN/Fernzugriff")),
                ("phone_system", _l("Telefonanlage")),
            ),
        ),
        FieldSpec(
            "email_wished",
            EMAIL,
            _l("Gewünschte E-Mail-Adresse"),
            hint=_l("Zum Beispiel vorname.nachname@ihre-firma.de"),
            max_length=254,
        ),
        FieldSpec(
            "software",
            TEXTAREA,
            _l("Benötigte Software"),
            hint=_l("Zum Beispiel Microsoft Office, DATEV, Branchensoftware"),
            max_length=2000,
        ),
        FieldSpec(
            "phone",
            CHOICE,
            _l("Telefon"),
            choices=(
                ("none", _l("Kein Telefon nötig")),
                ("new", _l("Neues Telefon mit Durchwahl")),
                ("existing", _l("Vorhandenes Telefon")),
            ),
        ),
        REMARKS,
    ),
    "software_install": (
        FieldSpec(
            "product",
            TEXT,
            _l("Software (Produkt)"),
            required=True,
            required_message=_l("Bitte nennen Sie die Software, die installiert werden soll."),
        ),
        FieldSpec("version", TEXT, _l("Version"), max_length=100),
        FieldSpec(
            "workstations",
            NUMBER,
            _l("Anzahl der Arbeitsplätze"),
            required=True,
            required_message=_l("Bitte nennen Sie die Anzahl der Arbeitsplätze."),
            minimum=1,
            maximum=1000,
        ),
        FieldSpec(
            "licence",
            CHOICE,
            _l("Ist eine Lizenz vorhanden?"),
            required=True,
            required_message=_l("Bitte sagen Sie uns, ob eine Lizenz vorhanden ist."),
            choices=YES_NO_UNSURE,
        ),
        REMARKS,
    ),
    "update": (
        FieldSpec(
            "system",
            TEXT,
            _l("System oder Software"),
            required=True,
            required_message=_l("Bitte nennen Sie das System, das aktualisiert werden soll."),
        ),
        FieldSpec(
            "window",
            TEXT,
            _l("Gewünschtes Zeitfenster"),
            hint=_l("Zum Beispiel „nach 17 Uhr“ oder „Samstagvormittag“"),
        ),
        FieldSpec(
            "downtime_ok",
            CHOICE,
            _l("Ist eine Ausfallzeit akzeptabel?"),
            required=True,
            required_message=_l("Bitte sagen Sie uns, ob eine Ausfallzeit akzeptabel ist."),
            choices=YES_NO,
        ),
        REMARKS,
    ),
    "other": (
        FieldSpec(
            "description",
            TEXTAREA,
            _l("Was ist geplant?"),
            required=True,
            required_message=_l("Bitte beschreiben Sie, was geplant ist."),
            max_length=4000,
        ),
    ),
}

# The field that names an announcement in lists and calendars.
TITLE_FIELD = {
    "new_employee": "employee_name",
    "software_install": "product",
    "update": "system",
    "other": "description",
}


def schema(kind: str) -> tuple[FieldSpec, ...]:
    return SCHEMAS[kind]


def title(kind: str, details: Mapping) -> str:
    text = str(details.get(TITLE_FIELD[kind]) or "").strip().splitlines()
    text = text[0] if text else ""
    return text if len(text) <= 80 else text[:79] + "…"


def kind_label(kind: str) -> str:
    return str(KIND_LABELS[kind])


def state_label(state: str) -> str:
    return str(STATE_LABELS[state])


def change_title(change) -> str:
    """The announcement's own title (its first line), else its kind."""
    return title(change.kind, change.details) or kind_label(change.kind)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _clean_value(spec: FieldSpec, value):
    """The cleaned value, or raise ValueError with the message for the user."""
    if spec.type in (TEXT, TEXTAREA, EMAIL):
        if not isinstance(value, str):
            raise ValueError(_l("Bitte geben Sie einen Text ein."))
        problem = text_problem(value, multiline=spec.type == TEXTAREA)
        if problem is not None:
            raise ValueError(problem)
        value = value.strip()
        if len(value) > spec.max_length:
            raise ValueError(_l("Höchstens %(max)d Zeichen.", max=spec.max_length))
        if spec.type == EMAIL:
            try:
                value = validate_email(value, check_deliverability=False).normalized
            except EmailNotValidError as error:
                raise ValueError(_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")) from error
        return value
    if spec.type == DATE:
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return parse_day(str(value)).isoformat()
        except ValueError as error:
            raise ValueError(_l("Bitte geben Sie ein Datum an (TT.MM.JJJJ).")) from error
    if spec.type == NUMBER:
        if isinstance(value, bool):
            raise ValueError(_l("Bitte geben Sie eine ganze Zahl ein."))
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError as error:
            raise ValueError(_l("Bitte geben Sie eine ganze Zahl ein.")) from error
        if not spec.minimum <= number <= spec.maximum:
            raise ValueError(
                _l(
                    "Bitte geben Sie eine Zahl von %(min)d bis %(max)d an.",
                    min=spec.minimum,
                    max=spec.maximum,
                )
            )
        return number
    if spec.type == CHOICE:
        if value not in spec.choice_values:
            raise ValueError(_l("Bitte wählen Sie eine der angebotenen Möglichkeiten."))
        return value
    if spec.type == MULTI:
        if not isinstance(value, list) or any(v not in spec.choice_values for v in value):
            raise ValueError(_l("Bitte wählen Sie nur angebotene Möglichkeiten."))
        return [v for v in spec.choice_values if v in value]  # stable order, no duplicates
    raise AssertionError(f"unknown field type {spec.type}")


def validate_details(kind: str, raw: Mapping) -> tuple[dict, dict]:
    """(clean details, {field name: message}); unknown keys are the caller's business."""
    clean, errors = {}, {}
    for spec in SCHEMAS[kind]:
        value = raw.get(spec.name)
        if _is_blank(value):
            if spec.required:
                errors[spec.name] = spec.required_message or _l("Bitte füllen Sie dieses Feld aus.")
            continue
        try:
            clean[spec.name] = _clean_value(spec, value)
        except ValueError as error:
            errors[spec.name] = error.args[0]
    return clean, errors


def field_names(kind: str) -> set[str]:
    return {spec.name for spec in SCHEMAS[kind]}


def display_details(kind: str, details: Mapping) -> list[tuple[object, str]]:
    """(label, text) pairs in the schema's order, for the detail page and the calendar."""
    rows = []
    for spec in SCHEMAS[kind]:
        value = details.get(spec.name)
        if _is_blank(value):
            continue
        if spec.type == CHOICE:
            text = str(spec.choice_label(value))
        elif spec.type == MULTI:
            text = ", ".join(str(spec.choice_label(v)) for v in value)
        elif spec.type == DATE:
            text = format_date(dt.date.fromisoformat(value))
        else:
            text = str(value)
        rows.append((spec.label, text))
    return rows
