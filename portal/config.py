"""Configuration defaults; overridden by the instance folder's config.py and PORTAL_* variables."""

import os
import secrets
from pathlib import Path

from portal.sla.calendar import BERLIN


class DefaultConfig:
    ENV_NAME = "development"  # PORTAL_ENV=production switches on Secure cookies and HSTS
    DATABASE_URL = None  # None: SQLite file portal.sqlite3 in the instance folder
    # Keep connections open between requests (see portal.db.open_database).
    DATABASE_POOL = True
    # PostgreSQL plans each kept read once per pooled connection (portal/reads.py); off behind a
    # pooler that shares server sessions between clients (PgBouncer's transaction mode)
    DATABASE_PREPARE = True

    BABEL_DEFAULT_LOCALE = "de"
    # Not a setting: times are shown in the zone the SLA calendars count in.
    BABEL_DEFAULT_TIMEZONE = BERLIN.key
    LANGUAGES = ("de", "en")

    PASSWORD_HASH_METHOD = "scrypt"  # slow on purpose; tests use a cheap method
    LOGIN_MAX_FAILURES = 10
    LOGIN_WINDOW_MINUTES = 15

    # Self-service access (portal/auth/links.py, portal/auth/totp.py)
    RESET_LINK_MINUTES = 60  # a "Passwort vergessen?" link
    INVITATION_DAYS = 7  # an invitation link
    RESET_WINDOW_MINUTES = 60  # the reset rate limit counts requests in this window:
    RESET_MAX_PER_ADDRESS = 5  # per client address (then 429)
    RESET_MAX_PER_EMAIL = 3  # per e-mail address (then no further mail, same answer)
    TOTP_REQUIRED_ROLES = ("staff", "admin")  # led to enrol at their next sign-in
    TOTP_ISSUER = "Kundenportal"
    TOTP_MAX_FAILURES = 5  # wrong codes in a row before a pause of LOGIN_WINDOW_MINUTES

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 8 * 60 * 60  # one working day
    # Server-side sessions (portal/auth/sessions.py): a session ends after this many idle
    # hours; "Angemeldet bleiben" lasts REMEMBER_DAYS after sign-in (cookie and row alike).
    SESSION_IDLE_HOURS = 8
    REMEMBER_DAYS = 30
    # Sign-in limit (portal/auth/limit.py), per window of LOGIN_WINDOW_MINUTES: failures of one
    # account from one address, of one address across all accounts (password spraying), and of
    # one account from everywhere, beyond which that account gets one password check per
    # LOGIN_ACCOUNT_SLOWDOWN_SECONDS (slowed down, not locked: its owner signs in from a
    # browser that signed in before, and a reset link always works).
    LOGIN_MAX_FAILURES_PER_ADDRESS = 30
    LOGIN_ACCOUNT_FAILURES_BEFORE_SLOWDOWN = 30
    LOGIN_ACCOUNT_SLOWDOWN_SECONDS = 30
    # Reverse proxies in front of the portal that set X-Forwarded-For/-Proto (0: none, the
    # client address is the TCP peer). Only that many hops are trusted (werkzeug's ProxyFix).
    PROXY_COUNT = 0

    # The API keeps the answer to a POST sent with an Idempotency-Key this long
    # (portal/api/idempotency.py); a retry within it gets the same answer.
    IDEMPOTENCY_KEY_HOURS = 24

    # Retention (portal/privacy/retention.py, every night at 03:17): days after which the job
    # deletes ended sessions and sign-in counters, sent (and failed) outbox mails, incoming
    # mails no longer waiting in the Posteingang with their .eml, and erases accounts
    # deactivated this long. Used and expired password links go at once. None: keep forever.
    RETENTION_SESSION_DAYS = 90
    RETENTION_OUTBOX_DAYS = 180
    RETENTION_INBOUND_DAYS = 180
    RETENTION_DEACTIVATED_ACCOUNT_DAYS = 730
    # Finished tickets ("Gelöst", "Geschlossen") are deleted with their messages, history and
    # attachments this many months after they were finished, unless the company has its own
    # period (Verwaltung → Firma). None: keep forever.
    TICKET_RETENTION_MONTHS = 24

    # Operations (portal/ops): GET /metrics answers a request that brings this bearer token or
    # comes from an address in METRICS_NETWORKS (a list of networks); everyone else gets 404.
    # PROMETHEUS_MULTIPROC_DIR (environment, no PORTAL_ prefix) switches to gunicorn's
    # multi-process mode. /healthz and /readyz are open to everyone.
    METRICS_TOKEN = None
    METRICS_NETWORKS = ("127.0.0.1/32", "::1/128")

    # 5 attachments of 10 MB each, plus the form around them
    MAX_CONTENT_LENGTH = 52 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None  # a long form filled under stress must not expire

    # E-mail (portal/mail.py). MAIL_SERVER None: mail is disabled and only logged.
    MAIL_SERVER = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_FROM = None  # None: PROVIDER_SERVICE_EMAIL
    MAIL_TIMEOUT = 10
    SUPPORT_EMAIL = None  # staff on duty for unassigned tickets; None: PROVIDER_SERVICE_EMAIL
    # The SLA clock's job warns when this share of an open target's time is used (and again
    # at the breach); portal/tickets/sla_watch.py.
    SLA_WARNING_SHARE = 0.75
    # The SLA report stores a month's figures once it is this many days past its end
    # (portal/sla_months.py); a later record dated in it has them computed again.
    SLA_MONTH_CLOSED_AFTER_DAYS = 7
    # Reply-To of every mail: the mailbox incoming mail is fetched from (None: no Reply-To).
    INBOUND_ADDRESS = None
    # The outbox (portal/outbox): seconds between the attempts of a mail that could not be
    # delivered (1, 5, 30 min, 2 h, 12 h), then it is marked failed. A worker owns a mail for
    # MAIL_LEASE_SECONDS while it sends it; a worker killed meanwhile leaves it to the next
    # after that (keep it well above MAIL_TIMEOUT).
    MAIL_RETRY_DELAYS = (60, 300, 1800, 7200, 43200)
    MAIL_LEASE_SECONDS = 300

    # Background jobs (portal/jobs.py, huey). JOBS_URL None: a SQLite queue in the instance
    # folder (JOBS_SQLITE_PATH overrides the file); redis://host:6379/0 for several machines.
    # JOBS_IMMEDIATE runs each job inline when it is enqueued (unit tests only).
    JOBS_URL = None
    JOBS_SQLITE_PATH = None
    JOBS_IMMEDIATE = False

    # Incoming e-mail (portal/inbound): the support mailbox, e.g.
    # imaps://support%40provider.example:secret@mail.example/INBOX; None: no import.
    INBOUND_IMAP_URL = None
    INBOUND_POLL_SECONDS = 60  # huey rounds it to whole minutes
    # A sender's new tickets per hour by e-mail; more wait in the Posteingang.
    INBOUND_NEW_TICKETS_PER_HOUR = 10
    # Larger mails are not read into tickets: they wait in the Posteingang (.eml kept).
    INBOUND_MAX_MAIL_BYTES = 40 * 1024 * 1024

    # Tickets: attachments live in the database. This folder (None: the instance folder's
    # attachments/) is where they were kept before; only migration 16 reads it, to move them.
    ATTACHMENT_DIR = None
    TICKETS_PER_PAGE = 25
    # Staff start page and queue: seconds between two checks for changes (static/js/live.js)
    LIVE_POLL_SECONDS = 15

    # The provider's identity: the defaults are the values of its public SLA page.
    PROVIDER_NAME = "bluvo AG"
    PROVIDER_STREET = "Am Gierath 20d"
    PROVIDER_CITY = "40885 Ratingen"
    PROVIDER_INFOLINE = "02102 / 7315-444"
    PROVIDER_INFO_EMAIL = "info@bluvo.de"
    PROVIDER_HOTLINE = "+49 2102 - 7315-747"
    PROVIDER_SERVICE_EMAIL = "service@bluvo.de"
    # The header's logo: a file name in the instance folder or in static/ (SVG, PNG, …);
    # None: a wordmark drawn from PROVIDER_NAME.
    PROVIDER_LOGO = None
    PROVIDER_HOLIDAY_SUBDIVISION = "NW"

    # Opening hours, weekday (mon … sun) -> "HH:MM-HH:MM"; a day left out is closed. The
    # hotline box, the SLA page and response_due all read the calendars built from these.
    SERVICE_HOURS = {
        "mon": "07:00-19:00",
        "tue": "07:00-19:00",
        "wed": "07:00-19:00",
        "thu": "07:00-19:00",
        "fri": "07:00-19:00",
        "sat": "08:00-18:00",
    }
    SERVICE_CLOSED_ON_HOLIDAYS = True
    # Erweiterte Zeiten for contract customers' critical incidents: around the clock.
    EXTENDED_HOURS = {
        day: "00:00-24:00" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    }
    EXTENDED_CLOSED_ON_HOLIDAYS = False

    # "Now" for the hotline status and response deadlines: a callable returning an aware
    # datetime; None means the real clock. Tests set a fixed moment.
    CLOCK = None


def load_secret_key(instance_path: str) -> str:
    """Read the instance's secret key, creating and persisting one on first start."""
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.write_text(key)
    os.chmod(key_file, 0o600)
    return key
