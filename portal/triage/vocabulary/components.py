"""What can be broken: the component kinds (systems, programs, devices) and the words for them."""

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

COMPONENT_TERMS = {
    SERVER: (
        "Server", "Servern", "Fileserver", "Dateiserver", "Datenserver", "Druckserver",
        "Netzlaufwerk", "Netzwerklaufwerk", "Laufwerk", "Laufwerke", "Dateiablage",
        "Netzwerkfreigabe", "Domänencontroller", "Domaincontroller", "Domänen-Controller",
        "Active Directory", "Domäne", "Hyper-V", "VMware", "ESX", "VM", "Virtualisierung",
        "Rechenzentrum", "Backupserver", "Storage", "NAS", "Host-Server", "file server",
        "main server", "network drive", "shared drive", "shared folder", "domain controller",
        "servers", "Ordner", "Freigaben", "Serverlaufwerk", "Gruppenlaufwerk", "Projektlaufwerk",
        "file share", "fileshare", "file shares", "shared folders", "shared drives", "Konnektor",
        "Serverraum", "Serverschrank", "server room", "USV", "UPS", "DC", "DCs",
        "Domain-Controller",
    ),
    NETWORK: (
        "Netzwerk", "Netz", "LAN", "WLAN", "W-LAN", "WiFi", "Wi-Fi", "Switch", "Switche", "Router",
        "Firewall", "Access Point", "Accesspoint", "Hauptswitch", "Core-Switch", "Netzwerkschrank",
        "Verteilerschrank", "Netzwerkverteiler", "DNS", "DHCP", "Gateway", "Verbindung",
        "Verbindungen", "Netzwerkverbindung", "Verkabelung", "network", "wireless", "connection",
        "connectivity",
    ),
    INTERNET: (
        "Internet", "Internetverbindung", "Internetzugang", "Internetleitung", "DSL", "VDSL",
        "Glasfaser", "Fritzbox", "FRITZ!Box", "Speedport", "Modem", "Standleitung", "Leitung",
        "Provider", "Inet", "Webseiten", "Websites", "Online-Zugang", "Telekom", "Vodafone",
        "internet connection",
    ),
    COMPANY_SYSTEM: (
        "Exchange", "Exchange-Server", "MS-Exchange", "MS Exchange", "Exchange-Dienst",
        "Mailserver", "Mail-Server", "E-Mail-Server", "Emailserver", "Mailsystem", "SQL",
        "SQL-Server", "MSSQL", "MS-SQL", "Datenbank", "Datenbankserver", "ERP", "ERP-System", "SAP",
        "DATEV", "Warenwirtschaft", "WaWi", "Warenwirtschaftssystem", "Terminalserver",
        "Terminal-Server", "Terminal Server", "RDS", "Remotedesktop", "Citrix", "CRM", "Navision",
        "Dynamics", "Lexware", "Sage", "DMS", "Dokumentenmanagement", "SharePoint", "Intranet",
        "Buchhaltungssoftware", "Fibu", "Finanzbuchhaltung", "Branchensoftware", "Zeiterfassung",
        "Kassensystem", "Kasse", "Kassen", "Warenwirtschaftssystem", "System", "Systeme", "Cloud",
        "Azure", "mail server", "email server", "e-mail server", "database", "terminal server",
        "Remote Desktop", "RDP", "Remotesitzung", "Remotesitzungen", "Remote-Sitzung", "Sitzung",
        "Sitzungen", "remote session", "remote sessions", "Praxissoftware", "Praxisprogramm",
        "Kanzleisoftware", "Lagerverwaltung", "Domain", "Maildomain", "Mail-Domain", "OWA",
        "Webmail", "eingehende Mails", "eingehenden Mails", "eingehende E-Mails", "externe Mails",
        "externen Mails", "incoming mail", "incoming email", "incoming emails", "external mail",
        "EC-Terminal", "EC-Gerät", "Kartenterminal", "Kartenzahlung", "Kartenzahlungen",
        "card terminal", "card payment", "card payments", "payment terminal",
        "emails to us", "mails to us", "Mails an uns", "E-Mails an uns", "mit Karte zahlen",
        "pay by card",
        # the flow of every mail through the company's server
        "Mailfluss", "Mail-Fluss", "Mailverkehr", "mail flow", "mailflow", "Mail-Warteschlange",
        "mail queue",
        # the company's shop and website, used by its customers
        "Onlineshop", "Online-Shop", "Webshop", "Web-Shop", "Shop", "Homepage", "Firmenwebseite",
        "Firmenwebsite", "online shop", "web shop", "webshop", "our website", "company website",
    ),
    PHONE_SYSTEM: (
        "Telefonanlage", "TK-Anlage", "Telefonie", "Telefonsystem", "Telefonserver", "VoIP",
        "Telefonleitung", "Telefonleitungen", "phone system", "phone lines", "PBX", "SIP",
        "telefonisch", "Anrufer", "callers", "Anruf", "Anrufe", "incoming calls", "Leitungen",
        "lines",
        "Gespräche", "Telefonzentrale", "Zentrale",
        "telephone system", "Rufnummern", "phone numbers", "Festnetz", "SIP-Trunk", "SIP trunk",
        "Trunk",
        "Amtsleitung",
    ),
    CLIENT_APP: (
        "Outlook", "E-Mail", "E-Mails", "Email", "Emails", "Mail", "Mails", "Mailversand",
        "Mailempfang", "Postfach", "Mailbox", "Kalender", "Teams", "Zoom", "VPN", "Browser",
        "Chrome", "Firefox", "Word", "Excel", "PowerPoint", "Acrobat", "Adobe", "PDF", "Programm",
        "Programme", "Software", "Anwendung", "App", "Apps", "Passwort", "Kennwort", "Login",
        "Anmeldung", "Konto", "Account", "Benutzerkonto", "Zugang", "Zugangsdaten", "OneDrive",
        "password", "calendar", "application", "program",
    ),
    WORKSTATION: (
        "PC", "PCs", "Rechner", "Computer", "Laptop", "Notebook", "Arbeitsplatz", "Arbeitsplätze",
        "Arbeitsplatzrechner", "Client", "Clients", "Desktop", "Bildschirm", "Bildschirme",
        "Monitor", "Monitore", "Display", "Maus", "Mäuse", "Tastatur", "Headset", "Kopfhörer",
        "Webcam", "Kamera", "Dockingstation", "Docking", "Dock", "USB", "Lautsprecher",
        # one desk's socket in the wall, not the network: "die Netzwerkdose an meinem Platz"
        "Netzwerkdose", "Netzwerkdosen", "LAN-Dose", "Datendose", "Anschlussdose",
        "Netzwerkanschluss", "network socket", "wall socket", "network port", "LAN port",
        "Dose", "Dosen", "Wanddose",
        "Mikrofon", "Festplatte", "Windows", "Betriebssystem", "Akku", "Netzteil", "Netzkabel",
        "Netzstecker", "Beamer", "Tablet", "iPad", "Thin Client", "Grafikkarte", "screen",
        "mouse", "keyboard", "machine", "desktop", "Ton", "Sound", "Audio", "Mikro", "Lautstärke",
        "speaker", "speakers", "microphone", "mic", "headphones", "second monitor", "monitor",
        "Kartenleser", "Kartenlesegerät", "Lüfter", "Kiste", "Drucker-Treiber", "Treiber",
    ),
    PHONE: (
        "Telefon", "Telefone", "Telefonat", "Telefonate", "Handy", "Handys", "Apparat",
        "Apparate", "Apparaten",
        "Smartphone", "Diensthandy", "iPhone", "Mobiltelefon", "Hörer",
        "Telefonhörer", "Freizeichen", "phone", "phones", "desk phone", "mobile",
        # a handset's own line and its sign-in to the phone system
        "Durchwahl", "Nebenstelle", "extension", "Registrierung", "registration",
    ),
    PRINTER: (
        "Drucker", "Druck", "Drucken", "druckt", "druckte", "gedruckt", "Ausdruck", "Ausdrucke",
        "Printer", "Scanner", "scannt", "scannen", "Scans", "Kopierer", "Multifunktionsgerät",
        "MFP", "Plotter", "Etikettendrucker", "Druckauftrag", "Druckaufträge", "Fax", "Faxgerät",
        "Toner", "print", "prints", "printing", "copier",
    ),
}

# A desk's socket in the wall, as folded words end: "Dose", "Netzwerkdose", "LAN-Dose".
SOCKET_ENDINGS = ("dose", "dosen", "socket", "port", "anschluss")

# "bis zum Logo", "past the logo": the point where a start stops, not the thing itself.
STAGE_WORDS = frozenset({"bis", "until", "past", "beyond"})
STAGE_REACH = 3

# Compound heads that give way to a more specific part: "Exchange-Server" is Exchange.
GENERIC_COMPONENT_WORDS = frozenset({"server", "system", "verbindung", "laufwerk"})
# fmt: on
