"""The SLA classes, their German labels and the SLA page's examples under stable keys."""

from dataclasses import dataclass

from portal.triage.i18n import N_

CRITICAL = "critical"
NORMAL = "normal"
LOW = "low"
PRIORITIES = (CRITICAL, NORMAL, LOW)

PRIORITY_LABELS = {
    CRITICAL: N_("Kritisch"),
    NORMAL: N_("Normal"),
    LOW: N_("Niedrig"),
}


@dataclass(frozen=True)
class SlaExample:
    """One example of the SLA page, with the class it illustrates."""

    key: str
    priority: str
    text: str


# Wording exactly as on the SLA page ("Klassifizierung"), in the page's order.
SLA_EXAMPLES = (
    SlaExample("server_down", CRITICAL, N_("Ausfall min. eines zentral genutzten Servers")),
    SlaExample("switch_router_down", CRITICAL, N_("Ausfall eines zentralen Switches oder Routers")),
    SlaExample(
        "company_system_down",
        CRITICAL,
        N_("Ausfall eines unternehmensweit genutzten Systems, z.B. MS-Exchange, MS-SQL-Server"),
    ),
    SlaExample("internet_down", CRITICAL, N_("u.U. Ausfall der Internet-Verbindung")),
    SlaExample(
        "workstation",
        NORMAL,
        N_("Ausfall oder Störung eines einzelnen Arbeitsplatzes (PC, Bildschirm, Telefon)"),
    ),
    SlaExample("printer", NORMAL, N_("Ausfall oder Störung eines einzelnen Druckers")),
    SlaExample(
        "system_degraded",
        NORMAL,
        N_(
            "Beeinträchtigung – aber nicht Ausfall – eines unternehmensweit genutzten Systems,"
            " z.B. wenn Antwortzeiten langsamer sind als gewohnt"
        ),
    ),
    SlaExample(
        "other", LOW, N_("Alle Mängel, die nicht unter die beiden erstgenannten Kategorien fallen")
    ),
)

# Not bullets of the page: its definition of "Kritisch", for "nothing works at all", and the
# provider's rule that a security incident is always Kritisch.
CLASS_DEFINITION_EXAMPLES = (
    SlaExample(
        "company_hindered",
        CRITICAL,
        N_("Ein Großteil oder sogar das ganze Unternehmen ist erheblich in der Arbeit behindert"),
    ),
    # The provider's added rule: an incident that can spread to the whole company.
    SlaExample(
        "security_incident",
        CRITICAL,
        N_(
            "Sicherheitsvorfall (z. B. verschlüsselte Dateien, Virus, Phishing, gekapertes"
            " Postfach), der sich auf das ganze Unternehmen ausbreiten kann"
        ),
    ),
)

EXAMPLES_BY_KEY = {example.key: example for example in SLA_EXAMPLES + CLASS_DEFINITION_EXAMPLES}
