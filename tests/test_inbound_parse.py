"""The pure mail reader: table-driven over real-world-shaped mails (tests/inbound_mails.py)."""

from __future__ import annotations

import pytest

from portal.inbound import rules
from portal.inbound.parse import parse_mail
from portal.inbound.text import html_to_text, strip_quoted
from tests import inbound_mails as m

OURS = "bluvo.de"

# (mail, ticket it answers, automatic reason, the reply text exactly, attachment names, problems)
TABLE = [
    (
        m.OUTLOOK_DE_REPLY,
        "T-2026-00001",
        "",
        "Guten Tag,\n\nder Drucker druckt nach dem Neustart wieder, aber die Fehlermeldung "
        "kommt immer noch.\n\nMit freundlichen Grüßen\nAnna Alpha",
        [],
        [],
    ),
    (
        m.OUTLOOK_EN_REPLY,
        "T-2026-00001",
        "",
        "Hello,\n\nthe printer works again, thank you.\n\nAnna",
        [],
        [],
    ),
    (
        m.THUNDERBIRD_DE_REPLY,
        "T-2026-00001",
        "",
        "Hallo,\n\ndas Papierfach war leer – jetzt geht es wieder.\n\nViele Grüße\nAnna",
        [],
        [],
    ),
    (
        m.APPLE_MAIL_DE_REPLY,
        "T-2026-00001",
        "",
        "Hier ein Bildschirmfoto der Fehlermeldung.\n\nAnna",
        ["Bildschirmfoto.png"],
        [],
    ),
    (m.GMAIL_EN_REPLY, "T-2026-00001", "", "It still shows the paper jam message.", [], []),
    (
        m.GMX_WEBMAIL_DE_REPLY,
        "T-2026-00001",
        "",
        "Es ist wieder der gleiche Fehler wie letzte Woche.",
        [],
        [],
    ),
    (m.OUT_OF_OFFICE_DE, "T-2026-00001", "auto-submitted", None, [], []),
    (m.OUT_OF_OFFICE_EN_SUBJECT_ONLY, "T-2026-00001", "subject", None, [], []),
    (m.BOUNCE, None, "auto-submitted", None, [], []),
    (m.OTHER_COMPANYS_TICKET, "T-2026-00002", "", "Wie ist hier der Stand?", [], []),
    (
        m.FOREIGN_VENDOR_TAG_NEW,
        None,
        "",
        "Das Telefon am Empfang ist ausgefallen, der Hersteller verweist an Sie.",
        [],
        [],
    ),
    (
        m.WITH_ATTACHMENTS_NEW,
        None,
        "",
        "Hallo, anbei die Rechnung und das Protokoll. Können Sie das prüfen?",
        ["Rechnung.pdf", "drucker.log", "tool.exe"],
        [],
    ),
    (m.BROKEN_MIME, None, "", None, [], ["mime"]),
    (m.UNKNOWN_CHARSET, None, "", "Grüße aus dem Lager.", [], ["charset"]),
    (m.EIGHT_BIT_HEADERS, None, "", "Der Drucker ist kaputt.", [], ["headers"]),
]


@pytest.mark.parametrize(
    "template,ticket,automatic,reply,files,problems",
    TABLE,
    ids=[
        "outlook-de",
        "outlook-en",
        "thunderbird-de",
        "apple-mail-de",
        "gmail-en",
        "gmx-de",
        "out-of-office-de",
        "out-of-office-en",
        "bounce",
        "other-companys-ticket",
        "foreign-vendor-tag",
        "attachments",
        "broken-mime",
        "unknown-charset",
        "8bit-headers",
    ],
)
def test_real_world_mails_are_read_as_expected(template, ticket, automatic, reply, files, problems):
    mail = parse_mail(m.build(template))
    assert rules.referenced_ticket(mail, OURS) == ticket
    assert rules.automatic_reason(mail) == automatic
    if reply is not None:
        assert mail.reply_text == reply
    assert [a.filename for a in mail.attachments] == files
    assert mail.problems == problems
    assert not rules.is_own_mail(mail, "service@bluvo.de")


def test_html_only_mail_becomes_text():
    mail = parse_mail(m.build(m.HTML_ONLY_NEW))
    assert "Exchange-Server" in mail.reply_text
    assert "- Outlook: „Verbindung getrennt“" in mail.reply_text
    assert "font-family" not in mail.text and "<" not in mail.text


def test_attachment_content_is_decoded():
    mail = parse_mail(m.build(m.WITH_ATTACHMENTS_NEW))
    assert mail.attachments[0].content == m.PDF
    assert mail.attachments[1].content.strip() == b"12:00:01 paper jam tray 2"


def test_8bit_headers_are_read_as_utf8_or_cp1252():
    mail = parse_mail(m.build(m.EIGHT_BIT_HEADERS))
    assert mail.subject == "Drücker kaputt äöü"
    assert mail.sender == "anna@alpha.example"


def test_our_own_mail_is_recognised_by_sender_and_message_id():
    mail = parse_mail(m.build(m.OWN_MAIL))
    assert rules.is_own_mail(mail, "service@bluvo.de")
    mail.sender = "someone@else.example"  # a forwarder rewrote the sender
    assert rules.is_own_mail(mail, "service@bluvo.de")
    assert not rules.is_own_mail(mail, "service@other-provider.example")


def test_message_id_of_another_domain_names_no_ticket():
    raw = m.build(m.THUNDERBIRD_DE_REPLY).replace(b"@bluvo.de>", b"@evil.example>")
    raw = raw.replace(b"[T-2026-00001] ", b"")
    assert rules.referenced_ticket(parse_mail(raw), OURS) is None


def test_mail_without_message_id_is_keyed_by_its_bytes():
    first = parse_mail(m.build(m.NO_MESSAGE_ID))
    again = parse_mail(m.build(m.NO_MESSAGE_ID))
    other = parse_mail(m.build(m.NO_MESSAGE_ID, sender="bernd@beta.example"))
    assert first.key.startswith("sha256:") and first.key == again.key != other.key


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage",
        b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain; "
        b"charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n",
        b"From: <>\r\nSubject: =?utf-8?b?invalid?=\r\nMessage-ID: <" + b"x" * 5000 + b">\r\n\r\n",
        b"Content-Type: message/rfc822\r\n\r\nnot a message",
    ],
)
def test_garbage_never_raises(raw):
    mail = parse_mail(raw)
    assert mail.key and len(mail.key) <= 255


def test_a_mail_over_the_size_limit_keeps_its_headers_only():
    raw = m.build(m.THUNDERBIRD_DE_REPLY) + b"x" * 1000
    mail = parse_mail(raw, max_bytes=500)
    assert mail.problems == ["too_large"] and mail.sender == "anna@alpha.example"
    assert mail.subject.endswith("Drucker im 2. OG druckt nicht") and not mail.text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Danke!\n\nAm 03.03.2026 um 10:15 schrieb Service <s@x.de>:\n> alt", "Danke!"),
        ("Danke!\nAm Di., 3. März 2026 um 10:15 Uhr schrieb Service\n<s@x.de>:\n> alt", "Danke!"),
        ("Thanks!\n\nOn Tue, 3 Mar 2026 at 10:15, Service <s@x.de> wrote:\n> old", "Thanks!"),
        ("Danke!\n-----Ursprüngliche Nachricht-----\nVon: x\nGesendet: y\n", "Danke!"),
        ("Danke!\n\nVon: Service <s@x.de>\nGesendet: Montag\nAn: a\nBetreff: b\n\nalt", "Danke!"),
        ("Thanks!\n\nFrom: Service <s@x.de>\nSent: Monday\nTo: a\nSubject: b\n\nold", "Thanks!"),
        ("Thanks!\n*From:* Service\n*Sent:* Monday\n*To:* a\n\nold", "Thanks!"),
        ("Ja.\n> zitiert\nNein.", "Ja.\nNein."),
        ("Text\n-- \nAnna Alpha\nTel. 123", "Text"),
        # a sentence that only looks like a header is kept
        ("Von: heute an geht es nicht mehr.\nDer Drucker ist aus.", None),
        ("Mein Kollege schrieb: es geht nicht.", None),
        # only quotes: the whole text rather than nothing
        ("> nur ein Zitat", "> nur ein Zitat"),
    ],
)
def test_quoted_history_is_cut(text, expected):
    assert strip_quoted(text) == (text if expected is None else expected)


def test_html_blockquote_is_quoted_and_gmail_quote_cut():
    whole, new = html_to_text(
        '<p>Neu</p><div class="gmail_quote">Am … schrieb:<blockquote>alt</blockquote></div>'
    )
    assert new == "Neu" and "> alt" in whole
    assert html_to_text("<script>x</script><p>a&amp;b&nbsp;c</p>")[0] == "a&b c"
