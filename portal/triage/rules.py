"""The SLA's classification as a decision on (component kind, state, who is affected)."""

# Mapping, from the SLA page:
# - A central component (server, network, internet, company-wide system, phone system) down is
#   critical unless only one person is affected: then it is that person's workstation (normal).
#   Without a word on who is affected, down is still critical: these are company-wide by nature
#   (the SLA lists the internet connection as "u.U.", we take it as critical too).
# - A central component impaired but not down is normal (system_degraded); for one person only
#   it is that person's workstation. A vague "Störung" of a central component is normal unless
#   several people or the whole company are affected; without a scope it is a guess.
# - A client program (Outlook, e-mail, VPN, Teams, log-in) failing is critical when several
#   people or everyone are affected (the central system behind it is down), normal for one
#   person, and a normal guess when the text does not say who is affected.
# - A workstation, phone or printer is normal, unless it is down for the whole company (then a
#   central cause hinders everyone: critical; issue 15: an explicit company-wide outage is never
#   below Kritisch).
# - "Other" (answers) is low, unless the whole company is down (critical) or impaired (normal).
# - A planned or cosmetic matter named as a thing (signature, out-of-office note, guest Wi-Fi,
#   desktop icon) is decided like "other": low.
# - Text that names no component: "nothing works" is critical unless it is one person's;
#   any other symptom, a vague fault ("falsch", "Fehler") included, is a normal guess: low needs
#   positive evidence of a low matter.

from dataclasses import dataclass

from portal.triage.examples import CRITICAL, LOW, NORMAL
from portal.triage.vocabulary.components import (
    CENTRAL_KINDS,
    CLIENT_APP,
    COMPANY_SYSTEM,
    DEVICE_KINDS,
    EVERYTHING,
    INTERNET,
    LOW_TOPIC,
    NETWORK,
    PHONE,
    PHONE_SYSTEM,
    PRINTER,
    SERVER,
    WORKSTATION,
)
from portal.triage.vocabulary.scope import COMPANY, ONE, SEVERAL
from portal.triage.vocabulary.states import DEGRADED, DOWN, FAULT

OTHER = "other"  # the guided answer "something else"
UNKNOWN = "unknown"  # text with a symptom but no component

MATCH = "match"
SCOPE_UNCLEAR = "scope_unclear"
UNCLEAR = "unclear"

DOWN_EXAMPLES = {
    SERVER: "server_down",
    NETWORK: "switch_router_down",
    INTERNET: "internet_down",
    COMPANY_SYSTEM: "company_system_down",
    PHONE_SYSTEM: "company_system_down",
    CLIENT_APP: "company_system_down",
}


@dataclass(frozen=True)
class Decision:
    """A class with its SLA example; reason says whether the evidence sufficed."""

    priority: str
    example_key: str
    reason: str = MATCH

    @property
    def confident(self) -> bool:
        return self.reason == MATCH


def decide(kind: str, state: str | None, scope: str | None) -> Decision:
    """The SLA class of a component kind in a state, for the people affected (None: unknown)."""
    if kind == PRINTER and state == DOWN and scope == COMPANY:
        return Decision(CRITICAL, "company_hindered")  # no printer works anywhere
    if kind == PRINTER:
        return Decision(NORMAL, "printer")
    if kind in DEVICE_KINDS:
        return _decide_device(kind, state, scope)
    if kind in CENTRAL_KINDS:
        return _decide_central(kind, state, scope)
    if kind == CLIENT_APP:
        return _decide_client(state, scope)
    if kind == EVERYTHING:
        return _decide_everything(state, scope)
    if kind in (OTHER, LOW_TOPIC):
        return _decide_other(state, scope)
    return _decide_unknown(state, scope)


def _decide_device(kind: str, state: str | None, scope: str | None) -> Decision:
    if state == DOWN and scope == COMPANY:
        key = "company_system_down" if kind == PHONE else "company_hindered"
        return Decision(CRITICAL, key)
    return Decision(NORMAL, "workstation")


def _decide_central(kind: str, state: str | None, scope: str | None) -> Decision:
    if scope == ONE:
        return Decision(NORMAL, "workstation")
    if state == DEGRADED:
        return Decision(NORMAL, "system_degraded")
    if state == DOWN or scope in (COMPANY, SEVERAL):
        return Decision(CRITICAL, DOWN_EXAMPLES[kind])
    return Decision(NORMAL, "system_degraded", UNCLEAR)


def _decide_client(state: str | None, scope: str | None) -> Decision:
    if state == DEGRADED:
        key = "workstation" if scope == ONE else "system_degraded"
        return Decision(NORMAL, key)
    if scope in (COMPANY, SEVERAL):
        return Decision(CRITICAL, DOWN_EXAMPLES[CLIENT_APP])
    if scope == ONE:
        return Decision(NORMAL, "workstation")
    return Decision(NORMAL, "workstation", SCOPE_UNCLEAR)


def _decide_everything(state: str | None, scope: str | None) -> Decision:
    if state == DOWN and scope != ONE:
        return Decision(CRITICAL, "company_hindered")
    if scope == ONE:
        return Decision(NORMAL, "workstation")
    reason = MATCH if scope in (COMPANY, SEVERAL) else UNCLEAR
    return Decision(NORMAL, "system_degraded", reason)


def _decide_other(state: str | None, scope: str | None) -> Decision:
    if scope == COMPANY and state == DOWN:
        return Decision(CRITICAL, "company_hindered")
    if scope == COMPANY and state == DEGRADED:
        return Decision(NORMAL, "system_degraded")
    return Decision(LOW, "other")


def _decide_unknown(state: str | None, scope: str | None) -> Decision:
    if state == FAULT and scope is None:  # "ist eine Stunde falsch": nothing to go on, so ask
        return Decision(NORMAL, "workstation", UNCLEAR)
    if state == DOWN and scope == COMPANY:
        return Decision(CRITICAL, "company_hindered")
    if state == FAULT and scope == COMPANY:  # "fast alle bekommen Zugriffsfehler": a guess
        return Decision(CRITICAL, "company_hindered", UNCLEAR)
    if state == DOWN and scope == SEVERAL:
        return Decision(CRITICAL, "company_hindered", UNCLEAR)
    key = "workstation" if scope == ONE else "system_degraded"
    return Decision(NORMAL, key, UNCLEAR)


def decide_without_state(kind: str) -> Decision:
    """A component named without a symptom or a request: probably a problem, but a guess."""
    if kind == PRINTER:
        return Decision(NORMAL, "printer", UNCLEAR)
    if kind in DEVICE_KINDS:
        return Decision(NORMAL, "workstation", UNCLEAR)
    return Decision(NORMAL, "system_degraded", UNCLEAR)


# Which guided answer a component kind of the text stands for.
ANSWER_COMPONENT_OF_KIND = {
    SERVER: "server",
    NETWORK: "network",
    INTERNET: "network",
    COMPANY_SYSTEM: "company_system",
    PHONE_SYSTEM: "company_system",
    CLIENT_APP: "company_system",
    WORKSTATION: "workstation",
    PHONE: "phone",
    PRINTER: "printer",
    LOW_TOPIC: OTHER,
}
# A vague fault ("Störung") suggests no state: the guided question asks.
ANSWER_STATE_OF_STATE = {DOWN: "down", DEGRADED: "degraded"}
