"""Benchmark: mails imported per second from a Dovecot mailbox of 1 000 mails.

A throwaway Dovecot (as in the tests) gets 1 000 mails by IMAP APPEND: replies to existing
tickets (Outlook, Thunderbird, Gmail shapes), new requests from known customers (HTML-only,
with attachments), automatic replies and mails from unknown senders. Then import_mailbox()
runs once on a fresh SQLite portal database and is timed end to end (fetch, parse, route,
write, flag \\Seen).

    .venv/bin/python -m bench.inbound [--mails 1000] [--database-url postgresql://…]

Needs dovecot (apt-get install dovecot-imapd) and root (Dovecot runs its own users).
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path

import peewee

from portal import create_app
from portal.auth.service import create_user
from portal.db import database
from portal.inbound.fetch import import_mailbox
from portal.inbound.models import InboundMail
from portal.migrations import migrate
from portal.models import Company
from portal.tickets import notify
from tests import dovecot
from tests import inbound_mails as m
from tests.ticket_factory import make_ticket

CUSTOMERS = 20
# (template, share of the mailbox)
MIX = [
    (m.OUTLOOK_DE_REPLY, 0.2),
    (m.THUNDERBIRD_DE_REPLY, 0.15),
    (m.GMAIL_EN_REPLY, 0.15),
    (m.HTML_ONLY_NEW, 0.15),
    (m.WITH_ATTACHMENTS_NEW, 0.1),
    (m.OUT_OF_OFFICE_DE, 0.1),
    (m.UNKNOWN_SENDER, 0.15),
]


def seed(app, customers: int) -> list[tuple[str, str]]:
    """Customers with one open ticket each: (address, ticket number)."""
    pairs = []
    with app.app_context(), database.connection_context(), notify.suppressed():
        migrate()
        for index in range(customers):
            company = Company.create(name=f"Firma {index}", customer_number=f"K-{index:05d}")
            user = create_user(f"kunde{index}@firma{index}.example", f"Kunde {index}", "x" * 12,
                               "customer", company)  # fmt: skip
            pairs.append((user.email, make_ticket(app, user).number))
    return pairs


def mails(count: int, pairs: list[tuple[str, str]]) -> list[bytes]:
    out = []
    plan = [template for template, share in MIX for _ in range(round(share * count))]
    for index, template in enumerate(plan[:count]):
        sender, number = pairs[index % len(pairs)]
        raw = m.build(template, sender=sender, ticket=number)
        # each mail its own Message-ID (the templates share theirs)
        raw = raw.replace(b"Message-ID: <", f"Message-ID: <b{index}.".encode(), 1)
        raw = raw.replace(b"Message-Id: <", f"Message-Id: <b{index}.".encode(), 1)
        out.append(raw)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    workdir = Path(tempfile.mkdtemp(prefix="kp-bench-inbound-"))
    server = dovecot.start()
    try:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
                "ATTACHMENT_DIR": str(workdir / "attachments"),
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                "INBOUND_IMAP_URL": server.url,
                "INBOUND_NEW_TICKETS_PER_HOUR": 10_000,
            }
        )
        pairs = seed(app, CUSTOMERS)
        batch = mails(args.mails, pairs)
        started = time.perf_counter()
        server.append(*batch)
        appended = time.perf_counter() - started
        with app.app_context(), database.connection_context():
            started = time.perf_counter()
            result = import_mailbox()
            elapsed = time.perf_counter() - started
            states = {
                (row.state, row.reason): row.count
                for row in InboundMail.select(
                    InboundMail.state,
                    InboundMail.reason,
                    peewee.fn.COUNT(InboundMail.id).alias("count"),
                ).group_by(InboundMail.state, InboundMail.reason)
            }
        print(f"appended {len(batch)} mails to Dovecot in {appended:.1f} s")
        rate = result.imported / elapsed
        print(f"imported {result.imported} mails in {elapsed:.1f} s: {rate:.1f} mails/s")
        print(f"repeated {result.repeated}, failed {result.failed}, unseen {server.unseen()}")
        for (state, reason), count in sorted(states.items()):
            print(f"  {state:10} {reason:16} {count}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
