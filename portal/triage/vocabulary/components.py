"""What can be broken: the component kinds (systems, programs, devices) and the words for them."""

from portal.triage.vocabulary import phrases

# fmt: off
# Component kinds. Central ones are company-wide by nature; client ones run at a workstation
# but talk to a central system (so who is affected decides); devices belong to one person.
SERVER = "server"
NETWORK = "network"
INTERNET = "internet"
COMPANY_SYSTEM = "company_system"
PHONE_SYSTEM = "phone_system"
CLIENT_APP = "client_app"
WORKSTATION = "workstation"
PHONE = "phone"
PRINTER = "printer"
EVERYTHING = "everything"
LOW_TOPIC = "low_topic"  # a planned or cosmetic matter named as a thing (LOW_TOPIC_TERMS)

CENTRAL_KINDS = frozenset({SERVER, NETWORK, INTERNET, COMPANY_SYSTEM, PHONE_SYSTEM})
DEVICE_KINDS = frozenset({WORKSTATION, PHONE})
# When a text names several, the most specific one says what is broken.
BY_SPECIFICITY = (
    COMPANY_SYSTEM, SERVER, PHONE_SYSTEM, NETWORK, INTERNET, PRINTER, PHONE, WORKSTATION,
    CLIENT_APP, EVERYTHING, LOW_TOPIC,
)

# The words people type for each kind (COMPONENT_TERMS) are in components.toml.
globals().update(phrases.load("components"))

# A desk's socket in the wall, as folded words end: "Dose", "Netzwerkdose", "LAN-Dose".
SOCKET_ENDINGS = ("dose", "dosen", "socket", "port", "anschluss")

# "bis zum Logo", "past the logo": the point where a start stops, not the thing itself.
STAGE_WORDS = frozenset({"bis", "until", "past", "beyond"})
STAGE_REACH = 3

# Things on one desk that serve one person only: named alone, one person is affected
# ("Die Maus bewegt sich nicht mehr").
PERSONAL_DEVICE_WORDS = frozenset({
    "maus", "mouse", "tastatur", "keyboard", "headset", "webcam", "mikrofon", "microphone",
    "kopfhoerer", "headphones", "dockingstation",
})

# Compound heads that give way to a more specific part: "Exchange-Server" is Exchange.
GENERIC_COMPONENT_WORDS = frozenset({"server", "system", "verbindung", "laufwerk"})
# fmt: on
