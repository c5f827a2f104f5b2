"""The Idempotency-Key header on the API's creating POSTs (IETF draft
draft-ietf-httpapi-idempotency-key-header, as Stripe does it): a client that retries after a
lost answer gets the first answer again instead of a second ticket, message or change.

The first request with a key claims it (a row unique per user and key) in the same
transaction as its write and stores its successful answer there: both are committed together
or not at all. A retry with the same key and the same request gets the stored answer with
``Idempotent-Replayed: true``; the same key with another request 422; a request whose claim
collides with one still running (PostgreSQL waits for it, then refuses the insert) 409. A
refused request (4xx) wrote nothing and stores nothing: its retry is checked anew. Keys expire
after IDEMPOTENCY_KEY_HOURS (24): an expired one is deleted when it is met again, and an
hourly job (`idempotency.sweep`) deletes the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import wraps

import peewee
from flask import current_app, make_response, request
from flask_babel import gettext as _
from flask_login import current_user
from huey import crontab

from portal import clock, jobs
from portal.api.errors import ApiError, validation_error
from portal.api.openapi import json_response, schema_ref
from portal.config import DefaultConfig
from portal.db import UTCDateTimeField
from portal.models import BaseModel, User
from portal.tickets.service import write_transaction

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
# Visible ASCII and spaces, at least one visible character: what an HTTP header carries
# unchanged (a UUID is usual). The draft's quoted form ("…") is read as the text inside.
KEY_PATTERN = r"^[ -~]*[!-~][ -~]*$"
_KEY = re.compile(KEY_PATTERN)


class IdempotencyKey(BaseModel):
    """One key of one user: the request it was first sent with and that request's answer."""

    user = peewee.ForeignKeyField(User, on_delete="CASCADE", backref="+")
    key = peewee.CharField(max_length=MAX_KEY_LENGTH)
    request_hash = peewee.CharField(max_length=64)  # method, path and body: see request_hash()
    response_status = peewee.IntegerField(null=True)  # set in the claiming transaction
    response_body = peewee.TextField(default="")
    response_location = peewee.TextField(null=True)
    created_at = UTCDateTimeField(index=True)

    class Meta:
        table_name = "idempotency_key"
        indexes = ((("user", "key"), True),)


class _KeyInUse(Exception):
    """The claim collided with another request's: raised inside the transaction to end it."""


class _Refused(Exception):
    """The view answered without success: its answer, raised so the claim is rolled back."""

    def __init__(self, response):
        super().__init__(response.status_code)
        self.response = response


def lifetime() -> dt.timedelta:
    return dt.timedelta(hours=float(current_app.config["IDEMPOTENCY_KEY_HOURS"]))


def key_from_header() -> str | None:
    """The key sent, None without the header, or a 422 for an empty, too long or unreadable one."""
    raw = request.headers.get(HEADER)
    if raw is None:
        return None
    key = raw.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if len(raw) > MAX_KEY_LENGTH or not _KEY.match(key):
        raise validation_error(
            {
                HEADER: _(
                    "Der Idempotency-Key muss 1 bis %(max)d sichtbare ASCII-Zeichen lang sein, "
                    "z. B. eine UUID.",
                    max=MAX_KEY_LENGTH,
                )
            }
        )
    return key


def request_hash() -> str:
    """What makes a retry "the same request": method, path and body. A JSON body counts by its
    content, so a client that serialises it again in another key order still matches."""
    raw = request.get_data(cache=True)
    try:
        body = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, RecursionError):  # not JSON: the view refuses it, the bytes count
        body = raw
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(body)
    return digest.hexdigest()


def idempotent(view):
    """Honour Idempotency-Key on a view that writes; put it below api_login_required."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        key = key_from_header()
        if key is None:
            return view(*args, **kwargs)
        fingerprint = request_hash()
        try:
            with write_transaction():
                stored = _stored(current_user.id, key)
                if stored is not None:
                    return _answer_again(stored, fingerprint)
                response = _first_answer(key, fingerprint, view, args, kwargs)
        except _KeyInUse:
            return _in_use()
        except _Refused as refused:
            return refused.response
        return response

    return wrapped


def _stored(user_id: int, key: str) -> IdempotencyKey | None:
    """The key's row, unless it expired: then it is deleted and the key is free again."""
    stored = IdempotencyKey.get_or_none(
        (IdempotencyKey.user == user_id) & (IdempotencyKey.key == key)
    )
    if stored is not None and stored.created_at <= clock.now() - lifetime():
        IdempotencyKey.delete().where(IdempotencyKey.id == stored.id).execute()
        return None
    return stored


def _answer_again(stored: IdempotencyKey, fingerprint: str):
    if stored.request_hash != fingerprint:
        raise ApiError(
            422,
            "idempotency_key_reused",
            _(
                "Dieser Idempotency-Key gehört zu einer anderen Anfrage. Bitte verwenden Sie "
                "für jede neue Anfrage einen neuen Schlüssel."
            ),
            {HEADER: _("Schon für eine andere Anfrage verwendet.")},
        )
    if stored.response_status is None:  # never committed so; a row written by hand
        raise _KeyInUse
    response = current_app.response_class(
        stored.response_body, status=stored.response_status, mimetype="application/json"
    )
    if stored.response_location:
        response.headers["Location"] = stored.response_location
    response.headers[REPLAYED_HEADER] = "true"
    return response


def _first_answer(key: str, fingerprint: str, view, args, kwargs):
    """Claim the key, run the view, store its answer: one transaction (the caller's)."""
    try:
        claim = IdempotencyKey.create(
            user=current_user.id, key=key, request_hash=fingerprint, created_at=clock.now()
        )
    except peewee.IntegrityError as error:
        # PostgreSQL waited for the other request's transaction, which committed the key
        # (SQLite's write lock lets only one request at a time this far: it found the row)
        raise _KeyInUse from error
    response = make_response(view(*args, **kwargs))
    if not 200 <= response.status_code < 300:
        raise _Refused(response)
    IdempotencyKey.update(
        response_status=response.status_code,
        response_body=response.get_data(as_text=True),
        response_location=response.headers.get("Location"),
    ).where(IdempotencyKey.id == claim.id).execute()
    return response


def _in_use():
    response = ApiError(
        409,
        "idempotency_key_in_use",
        _(
            "Eine Anfrage mit diesem Idempotency-Key wird gerade bearbeitet. Bitte wiederholen "
            "Sie sie gleich; dann erhalten Sie deren Antwort."
        ),
    ).response()
    response = make_response(response)
    response.headers["Retry-After"] = "1"
    return response


# --- OpenAPI -----------------------------------------------------------------------------

PARAMETER = {
    "name": HEADER,
    "in": "header",
    "required": False,
    "description": (
        "Makes a retry safe: the first request with this key (per user) is carried out and "
        f"its successful answer kept for {DefaultConfig.IDEMPOTENCY_KEY_HOURS} hours "
        "(configurable); a retry with the same key and the same request gets that answer "
        f"again with `{REPLAYED_HEADER}: true` and writes nothing. The same key with another "
        "request answers 422, a retry while the first request is still running 409. "
        "Use a new key (e.g. a UUID) for every new request."
    ),
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_KEY_LENGTH,
        "pattern": KEY_PATTERN,
    },
}
_REPLAYED = {
    "description": "true: the stored answer to an earlier request with the same Idempotency-Key",
    "schema": {"enum": ["true"]},
}


def idempotent_operation(operation: dict) -> dict:
    """An operation of the OpenAPI document with the header, the replay mark on its successful
    answers and the answers 409 and 422 that the key adds."""
    responses = {}
    for status, answer in operation["responses"].items():
        if status.startswith("2"):
            headers = {**answer.get("headers", {}), REPLAYED_HEADER: _REPLAYED}
            answer = {**answer, "headers": headers}
        responses[status] = answer
    responses["409"] = json_response(
        "A request with the same Idempotency-Key is still running; retry shortly",
        schema_ref("Error"),
    )
    responses["422"] = json_response(
        "A value is refused (fields names it), or the Idempotency-Key is empty, longer than "
        f"{MAX_KEY_LENGTH} characters or was used for another request",
        schema_ref("Error"),
    )
    return {
        **operation,
        "parameters": [*operation.get("parameters", []), PARAMETER],
        "responses": responses,
    }


def sweep(now: dt.datetime | None = None) -> int:
    """Delete the keys that expired; returns how many."""
    now = now or clock.now()
    return IdempotencyKey.delete().where(IdempotencyKey.created_at <= now - lifetime()).execute()


TASK_NAME = "idempotency.sweep"


def register(huey):
    """The hourly deletion of expired keys (run once across all workers)."""

    @jobs.periodic(huey, crontab(minute="23"), TASK_NAME)
    def sweep_expired():
        return sweep()

    return sweep_expired
