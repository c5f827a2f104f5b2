"""import_mailbox() against a real throwaway Dovecot (tests/dovecot.py): the table of
real-world mails appended and imported, the same inbox twice, two imports at once, a crash
between import and flag, malformed mails that must not stop the next one."""

from __future__ import annotations

import pytest

from portal.db import database
from portal.inbound import fetch
from portal.inbound.models import InboundMail
from portal.tickets.models import Ticket, TicketMessage
from tests import dovecot
from tests import inbound_mails as m
from tests.conftest import run_at_once
from tests.ticket_factory import make_ticket


@pytest.fixture(scope="session")
def imap_server():
    dovecot.require()
    server = dovecot.start()
    yield server
    server.stop()


@pytest.fixture
def inbox(imap_server, app):
    imap_server.clear()
    app.config["INBOUND_IMAP_URL"] = imap_server.url
    yield imap_server
    imap_server.clear()


@pytest.fixture
def tickets(app, customer_a, customer_b):
    return make_ticket(app, customer_a), make_ticket(app, customer_b)


def run(app) -> fetch.Result:
    with app.app_context():
        return fetch.import_mailbox()


def build(template, tickets):
    own, other = tickets
    return m.build(template, ticket=own.number, other=other.number)


# subject -> (state, reason) the table's mails end in
TABLE = [
    (m.OUTLOOK_DE_REPLY, "imported", "reply"),
    (m.OUTLOOK_EN_REPLY, "imported", "reply"),
    (m.THUNDERBIRD_DE_REPLY, "imported", "reply"),
    (m.APPLE_MAIL_DE_REPLY, "imported", "reply"),
    (m.GMAIL_EN_REPLY, "imported", "reply"),
    (m.GMX_WEBMAIL_DE_REPLY, "imported", "reply"),
    (m.HTML_ONLY_NEW, "imported", "new_ticket"),
    (m.WITH_ATTACHMENTS_NEW, "imported", "new_ticket"),
    (m.FOREIGN_VENDOR_TAG_NEW, "imported", "new_ticket"),
    (m.OUT_OF_OFFICE_DE, "automatic", "auto-submitted"),
    (m.OUT_OF_OFFICE_EN_SUBJECT_ONLY, "automatic", "subject"),
    (m.BOUNCE, "automatic", "auto-submitted"),
    (m.OTHER_COMPANYS_TICKET, "pending", "not_visible"),
    (m.UNKNOWN_SENDER, "pending", "unknown_sender"),
    (m.OWN_MAIL, "own", "own"),
    (m.BROKEN_MIME, "pending", "unreadable"),
    (m.UNKNOWN_CHARSET, "pending", "unreadable"),
    (m.EIGHT_BIT_HEADERS, "pending", "unreadable"),
]


def test_table_of_real_world_mails_is_imported_by_the_job(app, inbox, tickets):
    inbox.append(*(build(template, tickets) for template, _s, _r in TABLE))

    result = run(app)

    assert (result.imported, result.repeated, result.failed) == (len(TABLE), 0, 0)
    rows = list(InboundMail.select().order_by(InboundMail.id))
    assert [(r.state, r.reason) for r in rows] == [(s, r) for _t, s, r in TABLE]
    assert inbox.unseen() == 0
    own, other = tickets
    assert TicketMessage.select().where(TicketMessage.ticket == own.id).count() >= 6
    assert TicketMessage.select().where(TicketMessage.ticket == other.id).count() == 0
    assert Ticket.select().where(Ticket.source == "email").count() == 3


def _mark_all_unseen(server):
    client = server.client()
    client.select_folder("INBOX")
    client.remove_flags(client.search(["ALL"]), [b"\\Seen"])
    client.logout()


def test_same_mailbox_twice_creates_nothing_new(app, inbox, tickets):
    inbox.append(*(build(t, tickets) for t in (m.OUTLOOK_DE_REPLY, m.HTML_ONLY_NEW)))
    run(app)
    counts = (InboundMail.select().count(), Ticket.select().count(), TicketMessage.select().count())
    _mark_all_unseen(inbox)

    result = run(app)

    assert (result.imported, result.repeated) == (0, 2)
    assert counts == (
        InboundMail.select().count(),
        Ticket.select().count(),
        TicketMessage.select().count(),
    )


def test_crash_between_import_and_flag_loses_nothing_and_doubles_nothing(
    app, inbox, tickets, monkeypatch
):
    inbox.append(*(build(t, tickets) for t in (m.THUNDERBIRD_DE_REPLY, m.HTML_ONLY_NEW)))

    def crash(client, uid):
        raise ConnectionResetError("worker killed")

    monkeypatch.setattr(fetch, "mark_seen", crash)
    with pytest.raises(ConnectionResetError):
        run(app)
    assert InboundMail.select().count() == 1 and inbox.unseen() == 2
    monkeypatch.undo()

    result = run(app)

    assert (result.imported, result.repeated) == (1, 1)
    assert InboundMail.select().count() == 2 and inbox.unseen() == 0
    assert TicketMessage.select().where(TicketMessage.ticket == tickets[0].id).count() == 1


def test_two_imports_at_once_import_each_mail_once(app, inbox, tickets):
    templates = [m.OUTLOOK_DE_REPLY, m.GMAIL_EN_REPLY, m.HTML_ONLY_NEW, m.UNKNOWN_SENDER]
    inbox.append(*(build(t, tickets) for t in templates))
    results, errors = [], []

    def worker():
        try:
            with app.app_context(), database.connection_context():
                results.append(fetch.import_mailbox())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    run_at_once(worker, 2)

    assert not errors
    assert sum(r.imported for r in results) == len(templates)
    assert InboundMail.select().count() == len(templates)
    assert TicketMessage.select().where(TicketMessage.ticket == tickets[0].id).count() == 2
    assert Ticket.select().count() == 3


def test_malformed_and_huge_mails_do_not_stop_the_next(app, inbox, tickets):
    huge = m.build(m.NO_MESSAGE_ID) + b"Zeile mit Text.\r\n" * (30 * 1024 * 1024 // 17)
    inbox.append(
        b"\x00\xff garbage without headers",
        huge,
        build(m.BROKEN_MIME, tickets),
        build(m.HTML_ONLY_NEW, tickets),
    )

    result = run(app)

    assert (result.imported, result.failed) == (4, 0)
    rows = list(InboundMail.select().order_by(InboundMail.id))
    assert [r.state for r in rows] == ["pending", "pending", "pending", "imported"]
    assert rows[1].problem_list == ["too_large"] and rows[1].size > 30 * 1024 * 1024
    assert rows[1].sender == "anna@alpha.example"


def test_periodic_task_imports_once_per_slot_and_under_a_lock(app, inbox, tickets):
    import datetime as dt

    from huey import MemoryHuey

    from portal.inbound import tasks

    huey = MemoryHuey(immediate=True)
    assert tasks.register(huey, {}) is None  # no mailbox configured: no task
    task = tasks.register(huey, app.config)
    inbox.append(build(m.HTML_ONLY_NEW, tickets))

    # call_local runs the task's function as the consumer does (in the app's context)
    with app.app_context():
        assert task.call_local() == 1
        inbox.append(build(m.UNKNOWN_SENDER, tickets))
        assert task.call_local() is None  # this minute's slot is taken: another worker ran it
        assert InboundMail.select().count() == 1
    due = huey.read_periodic(dt.datetime(2026, 3, 3, 10, 0))
    assert [t.name for t in due] == [tasks.TASK_NAME]


def test_imap_url_is_read_with_percent_encoded_user():
    box = fetch.Mailbox.from_url("imaps://support%40provider.example:s%3Acret@mail.example/Support")
    assert (box.host, box.port, box.ssl) == ("mail.example", 993, True)
    assert (box.username, box.password, box.folder) == (
        "support@provider.example",
        "s:cret",
        "Support",
    )
    with pytest.raises(ValueError):
        fetch.Mailbox.from_url("http://mail.example/")
