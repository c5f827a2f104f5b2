"""Helpers of the account tests: a frozen clock, the mails in the outbox, the link in them."""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy

import pytest

from portal.outbox.models import OutboxMail


class FrozenClock:
    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


def frozen_clock_fixtures(start: dt.datetime):
    """The module's `frozen` clock fixture, starting at `start`, and the `app_config` fixture
    that makes it the app's CLOCK: `frozen, app_config = frozen_clock_fixtures(START)`."""

    @pytest.fixture
    def frozen():
        return FrozenClock(start)

    @pytest.fixture
    def app_config(frozen):
        return {"CLOCK": frozen}

    return frozen, app_config


def outbox_to(address: str) -> list:
    rows = OutboxMail.select().where(OutboxMail.recipient == address).order_by(OutboxMail.id)
    return [email.message_from_bytes(bytes(row.raw), policy=policy.default) for row in rows]


def link_path(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"https?://[^/\s]+(/passwort-festlegen/\S+)", text)
    assert match, text
    return match.group(1)
