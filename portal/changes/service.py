"""Planned changes: the operations the pages and the API share (announce, schedule, close).

Each operation mails the other side (portal.changes.notify) once its transaction is done."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import peewee
from flask_babel import format_date, get_locale
from flask_babel import gettext as _

from portal import clock, outbox, sla_months
from portal.access import scope_to_company
from portal.changes import notify, rules, schemas
from portal.changes.models import ChangeMessage, FeedSecret, PlannedChange
from portal.changes.schemas import change_title, state_label
from portal.changes.schemas import kind_label as kind_label  # re-exported: api/changes.py
from portal.changes.settings import calendar, holiday_name, lead_time_days, lead_time_overrides
from portal.db import database, utcnow
from portal.errors import InputError
from portal.i18n import local_date, local_datetime
from portal.models import Company, User
from portal.sla.calendar import BERLIN, SERVICE
from portal.sla_page import service as sla

Technician = User.alias("technician")
Announcer = User.alias("announcer")


class ChangeInputError(InputError):
    """Invalid values for a planned change; `fields` names each field with its message."""


class ChangeStateError(ValueError):
    """The action does not fit the announcement's state (409 in the API)."""


def zone() -> ZoneInfo:
    """The provider's zone, for portal/api/changes.py until it reads portal.sla.calendar.BERLIN."""
    return BERLIN


# --- reading -----------------------------------------------------------------------


def changes_visible_to(user: User) -> peewee.ModelSelect:
    """Announcements with company, announcer and technician joined, scoped to the user."""
    return scope_to_company(_changes_with_people(), PlannedChange.company, user)


def _changes_with_people() -> peewee.ModelSelect:
    return (
        PlannedChange.select(PlannedChange, Company, Announcer, Technician)
        .join(Company, on=PlannedChange.company == Company.id)
        .switch(PlannedChange)
        .join(Announcer, on=PlannedChange.created_by == Announcer.id)
        .switch(PlannedChange)
        .join(
            Technician,
            peewee.JOIN.LEFT_OUTER,
            on=PlannedChange.technician == Technician.id,
        )
    )


def lead_time_warning(change: PlannedChange) -> str | None:
    if change.lead_time_ok or not change.is_open:
        return None
    return _(
        "Für einen reibungslosen Ablauf empfehlen wir mindestens %(days)d Servicetage Vorlauf, "
        "also ab dem %(date)s.",
        days=lead_time_days(change.kind),
        date=local_date(change.recommended_earliest),
    )


def change_warnings(change: PlannedChange) -> list[str]:
    warning = lead_time_warning(change)
    return [warning] if warning else []


# --- announcing --------------------------------------------------------------------


def short_date(day: dt.date) -> str:
    """ "25.12.2026" in German, "25 Dec 2026" in English."""
    return format_date(day, "d MMM yyyy" if str(get_locale()) == "en" else "dd.MM.yyyy")


def _date_message(day: dt.date, code: str) -> str:
    shown = short_date(day)
    if code == rules.PAST:
        return _("Der %(date)s liegt in der Vergangenheit.", date=shown)
    if code == rules.HOLIDAY:
        return _("Der %(date)s ist ein Feiertag (%(name)s).", date=shown, name=holiday_name(day))
    if code == rules.CLOSED_DAY:
        return _(
            "Am %(date)s (%(weekday)s) arbeiten wir nicht. Unsere Servicezeiten: %(hours)s.",
            date=shown,
            weekday=format_date(day, "EEEE"),
            hours=sla.hours_text(SERVICE),
        )
    return _(
        "Der %(date)s liegt mehr als ein Jahr in der Zukunft. Bitte kündigen Sie die Änderung "
        "später noch einmal an.",
        date=shown,
    )


def parse_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError
    return rules.parse_day(value)


def check_wished_date(
    value, today: dt.date, *, required: bool
) -> tuple[dt.date | None, str | None]:
    """(date, None) or (None, message); also used for the alternative date."""
    if value in (None, ""):
        return None, (_("Bitte geben Sie einen Wunschtermin an.") if required else None)
    try:
        day = parse_date(value)
    except ValueError:
        return None, _("Bitte geben Sie ein Datum an (TT.MM.JJJJ).")
    problem = rules.date_problem(day, today, calendar())
    if problem:
        return None, _date_message(day, problem[0])
    return day, None


def validate_announcement(kind: str, details: dict, wished, alternative) -> tuple:
    """(clean details, wished date, alternative date) or ChangeInputError naming each field."""
    if kind not in rules.KINDS:
        raise ChangeInputError(
            {"kind": _("Erlaubt sind: %(choices)s.", choices=", ".join(rules.KINDS))}
        )
    today = clock.local_today()
    clean, errors = schemas.validate_details(kind, details)
    errors = {f"details.{name}": str(message) for name, message in errors.items()}
    wished_day, message = check_wished_date(wished, today, required=True)
    if message:
        errors["wished_date"] = message
    alternative_day, message = check_wished_date(alternative, today, required=False)
    if message:
        errors["alternative_date"] = message
    if errors:
        raise ChangeInputError(errors)
    return clean, wished_day, alternative_day


def create_change(user: User, kind: str, details: dict, wished, alternative=None) -> PlannedChange:
    clean, wished_day, alternative_day = validate_announcement(kind, details, wished, alternative)
    lead = rules.lead_time(kind, clock.local_today(), wished_day, calendar(), lead_time_overrides())
    with database.atomic():
        change = PlannedChange.create(
            company=user.company_id,
            created_by=user,
            kind=kind,
            details=clean,
            wished_date=wished_day,
            alternative_date=alternative_day,
            recommended_earliest=lead.recommended_earliest,
            state="submitted",
        )
        outbox.post(notify.announced(change))
    return change


# --- changing state ----------------------------------------------------------------


def _require_open(change: PlannedChange) -> None:
    if not change.is_open:
        raise ChangeStateError(
            _(
                "Diese Änderung ist bereits „%(state)s“ und kann nicht mehr geändert werden.",
                state=state_label(change.state),
            )
        )


def _save_state(change: PlannedChange, notification, **values) -> PlannedChange:
    """Store the new values, then mail `notification(change)` once the write is committed."""
    with database.atomic():
        for name, value in values.items():
            setattr(change, name, value)
        change.updated_at = utcnow()
        change.save()
        if change.scheduled_start is not None:  # e.g. marked done after its month closed
            sla_months.recorded(change.company_id, change.scheduled_start, change.updated_at)
        outbox.post(notification(change))
    return change


def withdraw(change: PlannedChange) -> PlannedChange:
    _require_open(change)
    return _save_state(change, notify.withdrawn, state="withdrawn")


def decline(change: PlannedChange, reason: str | None) -> PlannedChange:
    if reason is not None and not isinstance(reason, str):
        raise ChangeInputError({"decline_reason": _("Bitte geben Sie einen Text ein.")})
    reason = (reason or "").strip()
    if not reason:
        raise ChangeInputError(
            {"decline_reason": _("Bitte nennen Sie dem Kunden den Grund für die Ablehnung.")}
        )
    if len(reason) > 2000:
        raise ChangeInputError({"decline_reason": _("Höchstens %(max)d Zeichen.", max=2000)})
    _require_open(change)
    return _save_state(change, notify.declined, state="declined", decline_reason=reason)


def mark_done(change: PlannedChange) -> PlannedChange:
    _require_open(change)
    return _save_state(change, notify.done, state="done")


def find_technician(email: str) -> User | None:
    if not isinstance(email, str):
        return None
    return User.active_staff().where(User.email == User.normalise_email(email)).first()


def _slot(change_id: int, technician_id: int, start: dt.datetime, end: dt.datetime) -> rules.Slot:
    return rules.Slot(key=change_id, technician=technician_id, start=start, end=end)


def clashing_changes(change_id, technician: User, start, end) -> list[PlannedChange]:
    """Other scheduled changes of the technician whose slots overlap [start, end)."""
    candidates = list(
        PlannedChange.select(PlannedChange, Company)
        .join(Company)
        .where(
            PlannedChange.technician == technician.id,
            PlannedChange.state == "scheduled",
            PlannedChange.scheduled_start < end,
            PlannedChange.scheduled_end > start,
        )
    )
    own = _slot(change_id or 0, technician.id, start, end)
    others = {c.id: c for c in candidates}
    slots = [_slot(c.id, technician.id, c.scheduled_start, c.scheduled_end) for c in candidates]
    return [others[key] for key in rules.clashes_with(own, slots)]


def clash_warnings(change_id, technician: User, start, end) -> list[str]:
    """One "Achtung, Doppelbuchung" per scheduled change of the technician in [start, end)."""
    return [
        _(
            "Achtung, Doppelbuchung: %(technician)s ist von %(start)s bis %(end)s bereits "
            "für „%(title)s“ (%(company)s) eingeplant.",
            technician=technician.name,
            start=local_datetime(other.scheduled_start),
            end=local_datetime(other.scheduled_end, "time"),
            title=change_title(other),
            company=other.company.name,
        )
        for other in clashing_changes(change_id, technician, start, end)
    ]


def schedule(
    change: PlannedChange, start: dt.datetime, end: dt.datetime, technician: User | None
) -> list[str]:
    """Give the change a slot and a technician. A double booking is allowed but warned about:
    staff may know that two short jobs fit into one slot; the week view keeps flagging it."""
    errors = {}
    if technician is None or not technician.is_staff or not technician.active:
        errors["technician"] = _("Bitte wählen Sie einen Techniker aus.")
    if end <= start:
        errors["scheduled_end"] = _("Das Ende muss nach dem Beginn liegen.")
    elif end - start > dt.timedelta(days=7):
        errors["scheduled_end"] = _("Ein Termin darf höchstens sieben Tage dauern.")
    if errors:
        raise ChangeInputError(errors)
    _require_open(change)
    warnings = []
    day = start.astimezone(BERLIN).date()
    if not calendar().is_service_day(day):
        warnings.append(
            _(
                "Hinweis: Der %(date)s liegt außerhalb unserer Servicezeiten.",
                date=local_date(day),
            )
        )
    warnings.extend(clash_warnings(change.id, technician, start, end))
    _save_state(
        change,
        _schedule_notification(change, start, end, technician),
        state="scheduled",
        scheduled_start=start,
        scheduled_end=end,
        technician=technician,
    )
    return warnings


def _schedule_notification(change: PlannedChange, start, end, technician: User):
    """The customer hears of the first slot and of every changed one (with the earlier slot);
    saving the same slot and technician again sends nothing."""
    if change.state != "scheduled" or change.scheduled_start is None:
        return notify.scheduled
    before = {
        "start": change.scheduled_start,
        "end": change.scheduled_end,
        "technician": change.technician.name if change.technician_id else "–",
    }
    if (before["start"], before["end"], change.technician_id) == (start, end, technician.id):
        return lambda _change: []
    return lambda saved: notify.scheduled(saved, before)


def add_message(change: PlannedChange, author: User, body) -> ChangeMessage:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise ChangeInputError({"body": _("Bitte schreiben Sie eine Nachricht.")})
    if len(text) > 4000:
        raise ChangeInputError({"body": _("Höchstens %(max)d Zeichen.", max=4000)})
    with database.atomic():
        message = ChangeMessage.create(change=change, author=author, body=text)
        PlannedChange.update(updated_at=utcnow()).where(PlannedChange.id == change.id).execute()
        outbox.post(notify.message_added(change, message))
    return message


def messages_of(change: PlannedChange) -> list[ChangeMessage]:
    return list(
        ChangeMessage.select(ChangeMessage, User)
        .join(User)
        .where(ChangeMessage.change == change.id)
        .order_by(ChangeMessage.created_at, ChangeMessage.id)
    )


# --- planning ----------------------------------------------------------------------


def week_plan(monday: dt.date) -> dict:
    """Rows technicians, columns Monday to Saturday; every cell lists its changes by start."""
    days = rules.week_days(monday)
    week_start = dt.datetime.combine(monday, dt.time(0), tzinfo=BERLIN).astimezone(dt.UTC)
    week_end = dt.datetime.combine(
        monday + dt.timedelta(days=7), dt.time(0), tzinfo=BERLIN
    ).astimezone(dt.UTC)
    scheduled = list(
        PlannedChange.select(PlannedChange, Company, Technician)
        .join(Company, on=PlannedChange.company == Company.id)
        .switch(PlannedChange)
        .join(Technician, on=PlannedChange.technician == Technician.id)
        .where(
            PlannedChange.state == "scheduled",
            PlannedChange.scheduled_start < week_end,
            PlannedChange.scheduled_end > week_start,
        )
        .order_by(PlannedChange.scheduled_start, PlannedChange.id)
    )
    clashes = rules.double_bookings(
        _slot(c.id, c.technician_id, c.scheduled_start, c.scheduled_end) for c in scheduled
    )
    technicians = {t.id: t for t in User.active_staff()}
    for change in scheduled:  # a former colleague still holding a slot keeps a row
        technicians.setdefault(change.technician_id, change.technician)
    rows = []
    for technician in sorted(technicians.values(), key=lambda t: t.name.lower()):
        cells = []
        for day in days:
            cells.append(
                [
                    c
                    for c in scheduled
                    if c.technician_id == technician.id
                    and c.scheduled_start.astimezone(BERLIN).date() <= day
                    and c.scheduled_end.astimezone(BERLIN).date() >= day
                ]
            )
        rows.append({"technician": technician, "cells": cells})
    return {
        "monday": monday,
        "days": days,
        "rows": rows,
        "clashes": clashes,
        "week": rules.iso_week(monday),
        "previous": rules.iso_week(monday - dt.timedelta(days=7)),
        "next": rules.iso_week(monday + dt.timedelta(days=7)),
    }


# --- calendar feeds ----------------------------------------------------------------


def feed_secret_for(*, user: User | None = None, company_id: int | None = None) -> str:
    if user is not None:
        row = FeedSecret.get_or_none(FeedSecret.user == user.id)
    else:
        row = FeedSecret.get_or_none(FeedSecret.company == company_id)
    if row is None:
        row = FeedSecret.create(user=user, company=company_id, secret=FeedSecret.new_secret())
    return row.secret


def renew_feed_secret(*, user: User | None = None, company_id: int | None = None) -> str:
    """A new secret: the old link answers 404 from now on."""
    with database.atomic():
        if user is not None:
            FeedSecret.delete().where(FeedSecret.user == user.id).execute()
        else:
            FeedSecret.delete().where(FeedSecret.company == company_id).execute()
        return feed_secret_for(user=user, company_id=company_id)


def feed_owner(secret: str) -> FeedSecret | None:
    """The feed's owner; a technician's feed ends with their staff account (it carries the
    customers' contacts), so a deactivated or demoted colleague's old link answers 404."""
    if not secret or len(secret) > 64:
        return None
    owner = (
        FeedSecret.select(FeedSecret, User)
        .join(User, peewee.JOIN.LEFT_OUTER, on=FeedSecret.user == User.id)
        .where(FeedSecret.secret == secret)
        .first()
    )
    if owner is None or owner.user_id is None:
        return owner
    return owner if owner.user.active and owner.user.is_staff else None


FEED_STATES = ("scheduled", "done")


def feed_changes(owner: FeedSecret) -> list[PlannedChange]:
    query = (
        _changes_with_people()
        .where(
            PlannedChange.state.in_(FEED_STATES),
            PlannedChange.scheduled_start.is_null(False),
            PlannedChange.technician.is_null(False),
        )
        .order_by(PlannedChange.scheduled_start)
    )
    if owner.user_id is not None:
        return list(query.where(PlannedChange.technician == owner.user_id))
    return list(query.where(PlannedChange.company == owner.company_id))
