"""The sign-in limit: every password check first takes a slot, in one atomic statement per key.

A slot is a row update that succeeds only while its key is under the limit, so concurrent
attempts (threads, processes, instances sharing the database) can never make more password
checks than the limit allows. A failed check keeps its slots (they are the failures); a
successful one gives them back. Keys, per LOGIN_WINDOW_MINUTES:

- the account at one address: LOGIN_MAX_FAILURES, then that address must wait;
- the address across all accounts: LOGIN_MAX_FAILURES_PER_ADDRESS (password spraying);
- the account from everywhere: beyond LOGIN_ACCOUNT_FAILURES_BEFORE_SLOWDOWN one check per
  LOGIN_ACCOUNT_SLOWDOWN_SECONDS. A browser that signed in to the account before skips this
  key (`known_browser`), so an attacker slows the account down for strangers only and cannot
  lock its owner out of every address.

Unknown addresses are counted exactly like known ones: the limit tells nobody who has an account.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import ipaddress

import peewee
from flask import current_app, request

from portal.auth.models import LoginThrottle
from portal.db import utcnow


def client_address() -> str:
    """The client's address as werkzeug sees it: behind PROXY_COUNT proxies ProxyFix has set
    it from X-Forwarded-For. IPv6 clients are counted per /64 (one customer's network)."""
    address = request.remote_addr or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


@dataclasses.dataclass(frozen=True)
class Rule:
    key: str
    limit: int
    slowdown: dt.timedelta | None = None  # beyond the limit: one slot per this much time


def rules_for(email: str, address: str, known_browser: bool) -> list[Rule]:
    config = current_app.config
    rules = [
        Rule(f"address:{address}", config["LOGIN_MAX_FAILURES_PER_ADDRESS"]),
        Rule(f"account-address:{email}|{address}", config["LOGIN_MAX_FAILURES"]),
    ]
    if not known_browser:
        slowdown = dt.timedelta(seconds=config["LOGIN_ACCOUNT_SLOWDOWN_SECONDS"])
        rules.append(
            Rule(f"account:{email}", config["LOGIN_ACCOUNT_FAILURES_BEFORE_SLOWDOWN"], slowdown)
        )
    return rules


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=current_app.config["LOGIN_WINDOW_MINUTES"])


def _take(rule: Rule, now: dt.datetime) -> bool:
    """One atomic UPDATE: a slot if the key is under its limit (or its window is over, or its
    slowdown has passed); the row's lock (PostgreSQL) or the write lock (SQLite) orders
    concurrent attempts, and each sees the count the one before it left."""
    T = LoginThrottle
    T.insert(key=rule.key, window_start=now, last_check_at=now).on_conflict_ignore().execute()
    expired = T.window_start <= now - _window()
    allowed = expired | (T.failures < rule.limit)
    if rule.slowdown is not None:
        allowed |= T.last_check_at <= now - rule.slowdown
    updated = (
        T.update(
            failures=peewee.Case(None, [(expired, 1)], T.failures + 1),
            window_start=peewee.Case(None, [(expired, now)], T.window_start),
            last_check_at=now,
        )
        .where(T.key == rule.key, allowed)
        .execute()
    )
    return updated == 1


def _give_back(rule: Rule) -> None:
    T = LoginThrottle
    T.update(failures=T.failures - 1).where(T.key == rule.key, T.failures > 0).execute()


def take_slots(email: str, address: str, known_browser: bool = False) -> list[Rule] | None:
    """The slots for one password check, or None (and nothing held) when a limit is reached."""
    now = utcnow()
    taken: list[Rule] = []
    for rule in rules_for(email, address, known_browser):
        if not _take(rule, now):
            for held in taken:
                _give_back(held)
            return None
        taken.append(rule)
    return taken


def give_back(slots: list[Rule]) -> None:
    """A successful sign-in is no failure: its slots are returned."""
    for rule in slots:
        _give_back(rule)


def forget_old(now: dt.datetime | None = None) -> int:
    """Drop counters whose window ended long ago (kept small; called from sign-in)."""
    now = now or utcnow()
    cutoff = now - 2 * _window()
    T = LoginThrottle
    return T.delete().where(T.window_start < cutoff, T.last_check_at < cutoff).execute()
