"""Real-world-shaped e-mails for the inbound tests: what Outlook, Thunderbird, Apple Mail, Gmail
and GMX send, German and English, HTML-only, attachments, an out-of-office reply, a bounce, a
mail naming another company's ticket, broken ones. Raw bytes as the clients produce them.

Each mail is a template: {ticket} is the ticket it answers, {other} another company's ticket,
{sender} the From address, {hex} 32 hex digits of our Message-ID. `build()` fills them in.
"""

from __future__ import annotations

import base64

OUR_DOMAIN = "bluvo.de"
HEX = "0123456789abcdef0123456789abcdef"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode()


OUTLOOK_DE_REPLY = """\
From: Anna Alpha <{sender}>
To: "Service bluvo" <service@bluvo.de>
Subject: AW: [{ticket}] Drucker im 2. OG druckt nicht
Thread-Topic: [{ticket}] Drucker im 2. OG druckt nicht
Thread-Index: AQHanRz0c9Vx2b6Xk0S8d9g1w==
Date: Tue, 3 Mar 2026 10:42:17 +0000
Message-ID: <AM0PR07MB4131C2E3F9B1A6D2F0@AM0PR07MB4131.eurprd07.prod.outlook.com>
References: <{ticket}.{hex}@bluvo.de>
In-Reply-To: <{ticket}.{hex}@bluvo.de>
Accept-Language: de-DE, en-US
Content-Language: de-DE
X-MS-Has-Attach:
MIME-Version: 1.0
Content-Type: multipart/alternative;
\tboundary="_000_AM0PR07MB4131C2E3F9B1A6D2F0_"

--_000_AM0PR07MB4131C2E3F9B1A6D2F0_
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Guten Tag,

der Drucker druckt nach dem Neustart wieder, aber die Fehlermeldung kommt =
immer noch.

Mit freundlichen Gr=FC=DFen
Anna Alpha

________________________________
Von: Service bluvo <service@bluvo.de>
Gesendet: Dienstag, 3. M=E4rz 2026 10:15
An: Anna Alpha <{sender}>
Betreff: [{ticket}] Drucker im 2. OG druckt nicht

Guten Tag Frau Alpha,
bitte starten Sie den Drucker neu.

--_000_AM0PR07MB4131C2E3F9B1A6D2F0_
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3D=
iso-8859-1"><style>p {{margin:0}}</style></head><body><div>Guten Tag,</div><div><br></div>
<div>der Drucker druckt nach dem Neustart wieder, aber die Fehlermeldung kommt immer noch.</div>
<hr style=3D"display:inline-block;width:98%"><div id=3D"divRplyFwdMsg"><b>Von:</b> Service
</div></body></html>

--_000_AM0PR07MB4131C2E3F9B1A6D2F0_--
"""

OUTLOOK_EN_REPLY = """\
From: "Alpha, Anna" <{sender}>
To: service@bluvo.de
Subject: RE: [{ticket}] Printer on 2nd floor
Date: Tue, 3 Mar 2026 11:02:00 +0100
Message-ID: <000001d9a1b2$3c4d5e60$b4e81b20$@alpha.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit
X-Mailer: Microsoft Outlook 16.0

Hello,

the printer works again, thank you.

Anna

-----Original Message-----
From: Service bluvo <service@bluvo.de>
Sent: Tuesday, March 3, 2026 10:15 AM
To: Alpha, Anna <{sender}>
Subject: [{ticket}] Printer on 2nd floor

Please restart the printer.
"""

THUNDERBIRD_DE_REPLY = """\
Message-ID: <8f1c2a3b-4d5e-6f70-8192-a3b4c5d6e7f8@alpha.example>
Date: Tue, 3 Mar 2026 12:10:05 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: [{ticket}] Drucker im 2. OG druckt nicht
Content-Language: de-DE
To: Service bluvo <service@bluvo.de>
References: <{ticket}.{hex}@bluvo.de>
In-Reply-To: <{ticket}.{hex}@bluvo.de>
From: Anna Alpha <{sender}>
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

Hallo,

das Papierfach war leer – jetzt geht es wieder.

Viele Grüße
Anna

Am 03.03.26 um 10:15 schrieb Service bluvo:
> Guten Tag Frau Alpha,
>
> bitte prüfen Sie das Papierfach.
>
"""

APPLE_MAIL_DE_REPLY = """\
From: Anna Alpha <{sender}>
Content-Type: multipart/mixed;
\tboundary="Apple-Mail=_5B2E7C1A-1F2B-4C3D-9E8F-0A1B2C3D4E5F"
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.300.61.1.2\\))
Subject: Re: [{ticket}] Drucker im 2. OG druckt nicht
Date: Tue, 3 Mar 2026 13:20:44 +0100
References: <{ticket}.{hex}@bluvo.de>
To: Service bluvo <service@bluvo.de>
In-Reply-To: <{ticket}.{hex}@bluvo.de>
Message-Id: <3B1E2F6A-7C8D-4E9F-A0B1-C2D3E4F5A6B7@alpha.example>
X-Mailer: Apple Mail (2.3774.300.61.1.2)


--Apple-Mail=_5B2E7C1A-1F2B-4C3D-9E8F-0A1B2C3D4E5F
Content-Transfer-Encoding: quoted-printable
Content-Type: text/plain;
\tcharset=utf-8

Hier ein Bildschirmfoto der Fehlermeldung.

Anna

> Am 03.03.2026 um 10:15 schrieb Service bluvo <service@bluvo.de>:
>=20
> Guten Tag Frau Alpha,
> k=C3=B6nnen Sie uns die Meldung schicken?

--Apple-Mail=_5B2E7C1A-1F2B-4C3D-9E8F-0A1B2C3D4E5F
Content-Transfer-Encoding: base64
Content-Disposition: inline;
\tfilename=Bildschirmfoto.png
Content-Type: image/png;
\tname="Bildschirmfoto.png"
Content-Id: <A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D>

{png}
--Apple-Mail=_5B2E7C1A-1F2B-4C3D-9E8F-0A1B2C3D4E5F--
"""

GMAIL_EN_REPLY = """\
MIME-Version: 1.0
Date: Tue, 3 Mar 2026 14:01:09 +0100
References: <{ticket}.{hex}@bluvo.de>
In-Reply-To: <{ticket}.{hex}@bluvo.de>
Message-ID: <CAF=yB3kx9V2pQ+H1n0mZ4wJt8sA7dE6fG5hI4jK3lM2nO1pQ0r@mail.gmail.com>
Subject: Re: [{ticket}] Printer on 2nd floor
From: Anna Alpha <{sender}>
To: Service bluvo <service@bluvo.de>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"

--000000000000a1b2c3d4e5f60718
Content-Type: text/plain; charset="UTF-8"

It still shows the paper jam message.

On Tue, Mar 3, 2026 at 10:15 AM Service bluvo <
service@bluvo.de> wrote:

> Please check the paper tray.
>

--000000000000a1b2c3d4e5f60718
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">It still shows the paper jam message.</div><br><div class=3D=
"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">On Tue, Mar 3, 2026 at 1=
0:15 AM Service bluvo wrote:<br></div><blockquote class=3D"gmail_quote">Pleas=
e check the paper tray.</blockquote></div>

--000000000000a1b2c3d4e5f60718--
"""

GMX_WEBMAIL_DE_REPLY = """\
MIME-Version: 1.0
Message-ID: <trinity-5c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f-1772540000000@3c-app-gmx-bs12>
From: "Anna Alpha" <{sender}>
To: service@bluvo.de
Subject: Aw: [{ticket}] Drucker im 2. OG druckt nicht
Content-Type: text/plain; charset=UTF-8
Date: Tue, 3 Mar 2026 15:30:00 +0100
Importance: normal
Sensitivity: Normal
Content-Transfer-Encoding: quoted-printable

Es ist wieder der gleiche Fehler wie letzte Woche.
=C2=A0
=C2=A0

Gesendet:=C2=A0Dienstag, 03. M=C3=A4rz 2026 um 10:15 Uhr
Von:=C2=A0"Service bluvo" <service@bluvo.de>
An:=C2=A0"Anna Alpha" <{sender}>
Betreff:=C2=A0[{ticket}] Drucker im 2. OG druckt nicht
Guten Tag Frau Alpha,
bitte pr=C3=BCfen Sie das Papierfach.
"""

HTML_ONLY_NEW = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Exchange-Server nicht erreichbar
Date: Wed, 4 Mar 2026 07:55:00 +0100
Message-ID: <html-only-1@alpha.example>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: 8bit

<html><head><style>body {{ font-family: Calibri }}</style></head>
<body><p>Guten Morgen,</p><p>seit heute früh ist der <b>Exchange-Server</b> ausgefallen,
niemand in der Firma kann E-Mails senden oder empfangen.</p>
<ul><li>Outlook: „Verbindung getrennt“</li><li>OWA: Fehler 503</li></ul>
<p>Viele Grüße<br>Anna Alpha</p></body></html>
"""

WITH_ATTACHMENTS_NEW = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Frage zur Rechnung des Druckerleasings
Date: Wed, 4 Mar 2026 09:00:00 +0100
Message-ID: <attachments-1@alpha.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed-boundary"

--mixed-boundary
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Hallo, anbei die Rechnung und das Protokoll. Können Sie das prüfen?

--mixed-boundary
Content-Type: application/pdf; name="Rechnung.pdf"
Content-Disposition: attachment; filename="Rechnung.pdf"
Content-Transfer-Encoding: base64

{pdf}
--mixed-boundary
Content-Type: text/plain; name="drucker.log"
Content-Disposition: attachment; filename="drucker.log"

12:00:01 paper jam tray 2
--mixed-boundary
Content-Type: application/x-msdownload; name="tool.exe"
Content-Disposition: attachment; filename="tool.exe"
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=
--mixed-boundary--
"""

OUT_OF_OFFICE_DE = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Abwesenheitsnotiz: [{ticket}] Drucker im 2. OG druckt nicht
Date: Tue, 3 Mar 2026 10:15:30 +0100
Message-ID: <ooo-1@alpha.example>
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Ich bin bis zum 10.03. nicht im Büro. In dringenden Fällen wenden Sie sich an
meinen Kollegen.
"""

OUT_OF_OFFICE_EN_SUBJECT_ONLY = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Automatic reply: [{ticket}] Printer on 2nd floor
Date: Tue, 3 Mar 2026 10:15:30 +0100
Message-ID: <ooo-2@alpha.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

I am out of the office until March 10.
"""

BOUNCE = """\
Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx.alpha.example>
To: service@bluvo.de
Subject: Undelivered Mail Returned to Sender
Date: Tue, 3 Mar 2026 10:16:00 +0100
Message-ID: <bounce-1@mx.alpha.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="bounce-boundary"

--bounce-boundary
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.alpha.example.
I'm sorry to have to inform you that your message could not be delivered.

--bounce-boundary
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.alpha.example
Final-Recipient: rfc822; old@alpha.example
Action: failed
Status: 5.1.1

--bounce-boundary--
"""

OTHER_COMPANYS_TICKET = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Re: [{other}] Lager-Scanner
Date: Tue, 3 Mar 2026 16:00:00 +0100
Message-ID: <guess-1@alpha.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Wie ist hier der Stand?
"""

FOREIGN_VENDOR_TAG_NEW = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: WG: [Ticket#2026030312000123] Telefon am Empfang defekt
Date: Tue, 3 Mar 2026 16:30:00 +0100
Message-ID: <vendor-1@alpha.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Das Telefon am Empfang ist ausgefallen, der Hersteller verweist an Sie.
"""

UNKNOWN_SENDER = """\
From: Max Muster <max@unbekannt.example>
To: service@bluvo.de
Subject: =?utf-8?q?Angebot_f=C3=BCr_Wartungsvertrag?=
Date: Tue, 3 Mar 2026 17:00:00 +0100
Message-ID: <unknown-1@unbekannt.example>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Bitte senden Sie mir ein Angebot.
"""

OWN_MAIL = """\
From: Service bluvo <service@bluvo.de>
To: Anna Alpha <{sender}>
Subject: [{ticket}] Ihre Nachricht
Date: Tue, 3 Mar 2026 10:15:00 +0100
Message-ID: <{ticket}.{hex}@bluvo.de>
Auto-Submitted: auto-generated
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Guten Tag.
"""

BROKEN_MIME = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Kaputte Nachricht
Date: Tue, 3 Mar 2026 18:00:00 +0100
Message-ID: <broken-1@alpha.example>
MIME-Version: 1.0
Content-Type: multipart/mixed

Dieser Text hat keine Grenze.
"""

UNKNOWN_CHARSET = (
    b"From: Anna Alpha <{sender}>\n"
    b"To: service@bluvo.de\n"
    b"Subject: Zeichensatz\n"
    b"Date: Tue, 3 Mar 2026 18:05:00 +0100\n"
    b"Message-ID: <charset-1@alpha.example>\n"
    b"MIME-Version: 1.0\n"
    b'Content-Type: text/plain; charset="x-klingon-42"\n'
    b"Content-Transfer-Encoding: 8bit\n"
    b"\n"
    b"Gr\xfc\xdfe aus dem Lager.\n"
)

EIGHT_BIT_HEADERS = (
    b"From: J\xfcrgen Alpha <{sender}>\n"
    b"To: service@bluvo.de\n"
    b"Subject: Dr\xfccker kaputt \xe4\xf6\xfc\n"
    b"Date: Tue, 3 Mar 2026 18:10:00 +0100\n"
    b"Message-ID: <eightbit-1@alpha.example>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"\n"
    b"Der Drucker ist kaputt.\n"
)

NO_MESSAGE_ID = """\
From: Anna Alpha <{sender}>
To: service@bluvo.de
Subject: Monitor flackert
Date: Tue, 3 Mar 2026 18:20:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Mein Monitor flackert seit heute Morgen.
"""


def build(template, sender="anna@alpha.example", ticket="T-2026-00001", other="T-2026-00002"):
    """The raw bytes of a template mail, with CRLF line ends as on the wire."""
    values = {
        b"{sender}": sender.encode(),
        b"{ticket}": ticket.encode(),
        b"{other}": other.encode(),
        b"{hex}": HEX.encode(),
        b"{png}": b64(PNG).encode(),
        b"{pdf}": b64(PDF).encode(),
    }
    if isinstance(template, str):
        data = template.replace("{{", "\x00").replace("}}", "\x01")
        data = data.encode("utf-8")
        data = data.replace(b"\x00", b"{").replace(b"\x01", b"}")
    else:
        data = template
    for key, value in values.items():
        data = data.replace(key, value)
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
