"""iCalendar (RFC 5545) for scheduled changes: the feeds per technician and per customer
company, the one-event invitation attached to the customer's "scheduled" e-mail, and the
cancellation attached when a scheduled change is declined or withdrawn.

A company feed (and the invitation) carries only what the customer sees on the portal anyway
(kind, title, slot, technician's name); the technician feed adds the company and the
announcer's contact."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from portal import mail
from portal.changes import schemas
from portal.changes.models import PlannedChange

if TYPE_CHECKING:
    from icalendar import Event
from portal.sla.calendar import BERLIN

CONTENT_TYPE = "text/calendar"


def uid(change: PlannedChange) -> str:
    """Stable per change, so calendar clients update an event instead of duplicating it."""
    domain = current_app.config["PROVIDER_SERVICE_EMAIL"].rpartition("@")[2] or "portal.invalid"
    return f"planned-change-{change.id}@{domain}"


# SEQUENCE counts from here: seconds since this moment fit RFC 5545's 32-bit integer until 2088.
_SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def sequence(change: PlannedChange) -> int:
    """Grows with every stored change of the event (the seconds of updated_at), so a later
    invitation or cancellation outranks an earlier one without a counter in the database."""
    return max(0, int((change.updated_at - _SEQUENCE_EPOCH).total_seconds()))


def _description(change: PlannedChange, for_technician: bool) -> str:
    lines = [f"{schemas.kind_label(change.kind)}: {schemas.change_title(change)}"]
    if for_technician:
        lines.append(_("Kunde: %(company)s", company=change.company.name))
        contact = change.created_by
        phone = f", {contact.phone}" if contact.phone else ""
        lines.append(
            _("Ansprechpartner: %(name)s", name=f"{contact.name} ({contact.email}{phone})")
        )
        for label, text in schemas.display_details(change.kind, change.details):
            lines.append(f"{label}: {text}")
    if change.technician_id:
        lines.append(_("Techniker: %(name)s", name=change.technician.name))
    link = _link(change)
    if link:
        lines.append(link)
    return "\n".join(lines)


def _link(change: PlannedChange) -> str | None:
    return mail.external_url("changes.detail", change_id=change.id)


def _event(
    change: PlannedChange, for_technician: bool, stamp: dt.datetime, cancelled: bool = False
) -> Event:
    from icalendar import Event  # loaded by the first feed, not by every web worker

    event = Event()
    event.add("uid", uid(change))
    # A cancellation outranks every invitation sent before it, even one of the same second.
    event.add("sequence", sequence(change) + (1 if cancelled else 0))
    event.add("dtstamp", stamp)
    event.add("last-modified", change.updated_at.astimezone(dt.UTC))
    event.add("dtstart", change.scheduled_start.astimezone(dt.UTC))
    event.add("dtend", change.scheduled_end.astimezone(dt.UTC))
    if for_technician:
        summary = f"{change.company.name}: {schemas.change_title(change)}"
    else:
        summary = _("Geplante Änderung: %(title)s", title=schemas.change_title(change))
    event.add("summary", summary)
    event.add("description", _description(change, for_technician))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    link = _link(change)
    if link:
        event.add("url", link)
    return event


def _calendar(
    changes: list[PlannedChange],
    for_technician: bool,
    name: str | None,
    method: str = "PUBLISH",
) -> bytes:
    from icalendar import Calendar  # loaded by the first feed, not by every web worker

    cancelled = method == "CANCEL"
    calendar = Calendar()
    calendar.add("prodid", f"-//{current_app.config['PROVIDER_NAME']}//Kundenportal//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", BERLIN.key)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for change in changes:
        calendar.add_component(_event(change, for_technician, stamp, cancelled))
    return calendar.to_ical()


def build_feed(owner, changes: list[PlannedChange]) -> bytes:
    """The calendar in German (calendar clients send no language of their own)."""
    with force_locale("de"):
        return _calendar(changes, owner.user_id is not None, _("Geplante Änderungen"))


def invitation(change: PlannedChange, language: str) -> mail.Attachment:
    """The scheduled slot as the customer's feed shows it, to add with one click. The UID is
    the feed's, so a later invitation (a new slot) replaces the event instead of adding one."""
    with force_locale(language):
        content = _calendar([change], for_technician=False, name=None)
    return mail.Attachment(
        filename=f"aenderung-{change.id}.ics",
        content=content,
        content_type=CONTENT_TYPE,
        params=(("method", "PUBLISH"), ("charset", "utf-8")),
    )


def was_invited(change: PlannedChange) -> bool:
    """Whether the customer was sent an invitation: the change has (had) a slot."""
    return change.scheduled_start is not None and change.scheduled_end is not None


def cancellation(change: PlannedChange, language: str) -> mail.Attachment:
    """Takes the invitation's event out of the customer's calendar again: METHOD:CANCEL with
    the same UID, STATUS:CANCELLED and a higher SEQUENCE than any invitation before it."""
    with force_locale(language):
        content = _calendar([change], for_technician=False, name=None, method="CANCEL")
    return mail.Attachment(
        filename=f"aenderung-{change.id}-abgesagt.ics",
        content=content,
        content_type=CONTENT_TYPE,
        params=(("method", "CANCEL"), ("charset", "utf-8")),
    )
