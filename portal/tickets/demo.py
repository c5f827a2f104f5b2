"""Demo tickets for the demo companies, and bulk tickets for the benchmark (multi-row
INSERTs through db.insert_rows)."""

from __future__ import annotations

import datetime as dt
import random

from portal import clock
from portal.db import database, insert_rows, utcnow
from portal.models import STAFF_ROLES, Company, User
from portal.sla.targets import RESOLUTION, RESPONSE
from portal.tickets import notify, rules, service
from portal.tickets.models import (
    OPEN_STATUSES,
    Ticket,
    TicketCounter,
    TicketEvent,
    TicketMessage,
    queue_columns,
)

BATCH = 500
HOUR = dt.timedelta(hours=1)


def _user(email: str) -> User | None:
    return User.by_email(email)


def seed_demo_tickets(rng: random.Random) -> list[str]:
    """A handful of tickets in various states: urgent, relaxed, overdue, internal note, solved."""
    anna, jonas = _user("kunde@muster.example"), _user("kollege@muster.example")
    murat, petra = _user("kunde@beispiel.example"), _user("technik@bluvo.example")
    if None in (anna, jonas, murat, petra):
        return []
    now = utcnow()
    with notify.suppressed():
        exchange = _report(
            anna,
            now - 2 * HOUR,
            "Exchange-Server nicht erreichbar",
            "Seit 8 Uhr kann niemand im Büro E-Mails senden oder empfangen.",
            "critical",
            affected="company",
        )
        service.change_ticket(
            exchange, petra, {"status": "in_progress", "assignee": petra}, now=now - HOUR
        )
        service.add_message(
            exchange,
            petra,
            "Wir sind dran: Der Exchange-Dienst startet nach einem Update nicht. "
            "Wir melden uns in einer Stunde wieder.",
            now=now - HOUR,
        )
        service.add_message(
            exchange,
            petra,
            "Interne Notiz: Update KB5031 zurückrollen, Backup von gestern 22 Uhr ist geprüft.",
            internal=True,
            now=now - HOUR,
        )
        _report(
            anna,
            now - HOUR / 2,
            "Drucker im 2. OG druckt nur leere Seiten",
            "Der Kyocera im 2. OG zieht Papier ein, druckt aber nichts.",
            "normal",
            urgent=True,
            urgent_reason="Die Jahresabschlüsse müssen morgen beim Finanzamt sein.",
            deadline=clock.local_today(now) + dt.timedelta(days=1),
        )
        _report(
            jonas,
            now - 3 * HOUR,
            "Neues Hintergrundbild für alle Rechner",
            "Wir haben ein neues Logo und hätten es gern als Hintergrundbild.",
            "low",
            relaxed_days=10,
        )
        _report(
            murat,
            now - dt.timedelta(days=5),
            "Telefon am Empfang ohne Freizeichen",
            "Das Telefon am Empfang hat kein Freizeichen mehr.",
            "normal",
        )
        vpn = _report(
            murat,
            now - dt.timedelta(days=6),
            "VPN-Verbindung bricht ab",
            "Im Homeoffice bricht das VPN alle paar Minuten ab.",
            "normal",
        )
        service.add_message(
            vpn,
            petra,
            "Wir haben die Firewall-Regel angepasst. Bitte testen Sie es noch einmal.",
            now=now - dt.timedelta(days=5),
        )
        service.resolve(vpn, murat, now=now - dt.timedelta(days=2))
        licence = _report(
            jonas,
            now - dt.timedelta(days=1),
            "Frage zur Office-Lizenz",
            "Dürfen wir Office auch auf dem Laptop für zu Hause installieren?",
            "low",
        )
        service.add_message(
            licence,
            petra,
            "Gern prüfen wir das. Wie viele Lizenzen haben Sie derzeit?",
            now=now - dt.timedelta(hours=20),
        )
        service.change_ticket(
            licence, petra, {"status": "waiting_for_customer"}, now=now - dt.timedelta(hours=20)
        )
    return ["6 Demo-Tickets angelegt (dringend, nicht dringend, überfällig, gelöst)."]


def _report(user, when, title, description, priority, **flags) -> Ticket:
    report = rules.Report(
        title=title,
        description=description,
        priority=priority,
        callback_phone=user.phone,
        **{"affected": "one", **flags},
    )
    return service.create_ticket(user, report, now=when)


# --- bulk data for the benchmark ---------------------------------------------------------

TITLES = [
    "Drucker druckt nicht",
    "PC startet nicht",
    "Outlook fragt ständig nach dem Passwort",
    "Server langsam",
    "Bildschirm flackert",
    "Telefon ohne Freizeichen",
    "VPN bricht ab",
    "Frage zur Lizenz",
    "Neuer Benutzer benötigt Zugang",
    "Internetverbindung gestört",
]
CUSTOMER_LINES = [
    "Bitte um Rückruf.",
    "Das Problem besteht weiterhin.",
    "Danke, jetzt funktioniert es.",
]
STAFF_LINES = [
    "Wir kümmern uns darum.",
    "Bitte starten Sie den Rechner einmal neu.",
    "Wir haben das Problem behoben.",
]


def seed_bulk_tickets(rng: random.Random, tickets: int) -> list[str]:
    """Create ``tickets`` tickets with messages and events, spread over all companies.

    Rows go in with multi-row INSERTs in batches inside one transaction per batch; numbers come
    from one counter update for the whole block, so the counter stays correct.
    """
    if tickets <= 0:
        return []
    companies = list(
        Company.select(
            Company.id,
            Company.has_contract,
            Company.critical_hours,
            Company.normal_hours,
            Company.low_hours,
            Company.critical_resolution_hours,
            Company.normal_resolution_hours,
            Company.low_resolution_hours,
        )
    )
    staff = list(User.select(User.id).where(User.role.in_(STAFF_ROLES)))
    customers: dict[int, list[int]] = {}
    for user in User.select(User.id, User.company).where(User.role == "customer"):
        customers.setdefault(user.company_id, []).append(user.id)
    if not companies:
        return ["Keine Firmen vorhanden: keine Tickets angelegt."]
    now = utcnow()
    year = clock.local_today(now).year
    first = _reserve_numbers(year, tickets)
    for start in range(0, tickets, BATCH):
        count = min(BATCH, tickets - start)
        with database.atomic():
            _insert_batch(rng, now, year, first + start, count, companies, staff, customers)
    return [f"{tickets} Tickets mit Nachrichten und Verlauf angelegt."]


def _reserve_numbers(year: int, count: int) -> int:
    with service.write_transaction():
        service.next_ticket_number(year)  # makes sure the row exists, takes one number
        TicketCounter.update(value=TicketCounter.value + count - 1).where(
            TicketCounter.year == year
        ).execute()
        last = TicketCounter.get_by_id(year).value
    return last - count + 1


def _insert_batch(rng, now, year, first_number, count, companies, staff, customers) -> None:
    rows = []
    for offset in range(count):
        company = rng.choice(companies)
        rows.append(_ticket_row(rng, now, year, first_number + offset, company, staff, customers))
    insert_rows(Ticket, rows)
    numbers = [row["number"] for row in rows]
    ids = dict(Ticket.select(Ticket.number, Ticket.id).where(Ticket.number.in_(numbers)).tuples())
    messages, events = [], []
    for row in rows:
        ticket_id = ids[row["number"]]
        events.append(
            _event(ticket_id, row["created_by"], "created", "", "new", row["reported_at"])
        )
        moment = row["reported_at"]
        for index in range(rng.randint(1, 3)):
            moment = moment + dt.timedelta(minutes=rng.randint(10, 600))
            from_staff = index % 2 == 0 and staff
            messages.append(
                {
                    "ticket": ticket_id,
                    "author": rng.choice(staff).id if from_staff else row["reporter"],
                    "body": rng.choice(STAFF_LINES if from_staff else CUSTOMER_LINES),
                    "internal": bool(from_staff and rng.random() < 0.1),
                    "created_at": min(moment, now),
                }
            )
        if row["status"] != "new":
            events.append(
                _event(ticket_id, row["assignee"], "status", "new", row["status"], min(moment, now))
            )
    for start in range(0, len(messages), BATCH):
        insert_rows(TicketMessage, messages[start : start + BATCH])
    for start in range(0, len(events), BATCH):
        insert_rows(TicketEvent, events[start : start + BATCH])


def _event(ticket_id, actor, kind, old, new, when) -> dict:
    return {
        "ticket": ticket_id,
        "actor": actor,
        "kind": kind,
        "old_value": old,
        "new_value": new,
        "reason": "",
        "public": True,
        "created_at": when,
    }


def _ticket_row(rng, now, year, number, company, staff, customers) -> dict:
    is_open = rng.random() < 0.15
    age = dt.timedelta(hours=rng.uniform(0, 14 * 24 if is_open else 365 * 24))
    reported_at = now - age
    priority = rng.choices(("critical", "normal", "low"), weights=(1, 6, 3))[0]
    urgent = priority == "normal" and rng.random() < 0.1
    relaxed_days = (
        rng.randint(1, 30) if not urgent and priority != "critical" and rng.random() < 0.1 else None
    )
    status = rng.choice(OPEN_STATUSES) if is_open else rng.choice(("resolved", "closed"))
    due = service.compute_due(RESPONSE, company, priority, reported_at, relaxed_days)
    solve_due = service.compute_due(RESOLUTION, company, priority, reported_at, relaxed_days)
    answered = status != "new"
    staff_id = rng.choice(staff).id if staff else None
    first_response = min(reported_at + dt.timedelta(minutes=rng.randint(5, 900)), now)
    company_customers = customers.get(company.id)
    return {
        "number": f"T-{year}-{number:05d}",
        "company": company.id,
        "reporter": rng.choice(company_customers) if company_customers else None,
        "created_by": staff_id,
        "assignee": staff_id if answered and rng.random() < 0.7 else None,
        "title": rng.choice(TITLES),
        "description": "Automatisch erzeugtes Ticket für Last- und Leistungstests.",
        "priority": priority,
        "affected": rng.choice(("one", "several", "company")),
        "callback_phone": "",
        "status": status,
        "urgent": urgent,
        "urgent_reason": "Eine wichtige Frist droht abzulaufen." if urgent else "",
        "relaxed_days": relaxed_days,
        "reported_at": reported_at,
        "response_due": due,
        "resolution_due": solve_due,
        "first_response_at": first_response if answered else None,
        "resolved_at": first_response if status in ("resolved", "closed") else None,
        "last_activity_at": first_response if answered else reported_at,
        "created_at": reported_at,
        **queue_columns(
            status,
            priority,
            company.has_contract,
            urgent,
            relaxed_days is not None,
            response_due=due,
            first_response_at=first_response if answered else None,
            resolution_due=solve_due,
        ),
    }
