"""Demo announcements: one scheduled, one at short notice, one done (for `flask demo-data`)."""

from __future__ import annotations

import datetime as dt

from portal import clock, demo
from portal.changes import rules, settings
from portal.changes.models import PlannedChange
from portal.db import database
from portal.models import User
from portal.sla.calendar import BERLIN


def seed_changes(rng) -> list[str]:
    customer = User.by_email("kunde@muster.example")
    other = User.by_email("kunde@beispiel.example")
    technician = User.by_email("technik@bluvo.example")
    if customer is None or technician is None:
        return []
    calendar = settings.calendar()
    today = clock.local_today()

    def add(user, kind, details, wished, **values):
        days = settings.lead_time_days(kind)
        return PlannedChange.create(
            company=user.company_id,
            created_by=user,
            kind=kind,
            details=details,
            wished_date=wished,
            recommended_earliest=rules.recommended_earliest(today, days, calendar),
            **values,
        )

    def slot(day, hour, hours):
        start = dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN).astimezone(dt.UTC)
        return start, start + dt.timedelta(hours=hours)

    with database.atomic():
        wished = calendar.nth_service_day(today, 12)
        start, end = slot(wished, 9, 3)
        add(
            customer,
            "new_employee",
            {
                "employee_name": "Lena Hoffmann",
                "start_date": wished.isoformat(),
                "workstation": "new_laptop",
                "accounts": ["email", "windows", "erp"],
                "email_wished": "lena.hoffmann@muster.example",
                "software": "Microsoft 365, DATEV",
                "phone": "new",
            },
            wished,
            state="scheduled",
            scheduled_start=start,
            scheduled_end=end,
            technician=technician,
        )
        short = calendar.nth_service_day(today, 2)
        add(
            other or customer,
            "software_install",
            {
                "product": "Adobe Acrobat Pro",
                "version": "2025",
                "workstations": 3,
                "licence": "yes",
            },
            short,
        )
        past = today - dt.timedelta(days=14)
        while not calendar.is_service_day(past):
            past -= dt.timedelta(days=1)
        start, end = slot(past, 17, 2)
        add(
            customer,
            "update",
            {"system": "DATEV Jahreswechsel-Update", "window": "nach 17 Uhr", "downtime_ok": "yes"},
            past,
            state="done",
            scheduled_start=start,
            scheduled_end=end,
            technician=technician,
        )
    return ["3 geplante Änderungen angelegt (eingeplant, kurzfristig, erledigt)."]


if seed_changes not in demo.CONTENT_SEEDERS:
    demo.CONTENT_SEEDERS.append(seed_changes)
