"""Demo data: the documented demo accounts, sample content and bulk data for benchmarks."""

from __future__ import annotations

import random

from portal.auth.service import create_user
from portal.db import database
from portal.models import Company, User

DEMO_PASSWORD = "demo-passwort"

DEMO_COMPANIES = [
    # name, customer number, has contract
    ("Muster Steuerberatung GmbH", "K-10001", True),
    ("Beispiel Logistik KG", "K-10002", False),
]

DEMO_USERS = [
    # e-mail, name, role, company name
    ("kunde@muster.example", "Anna Schmidt", "customer", "Muster Steuerberatung GmbH"),
    ("kollege@muster.example", "Jonas Weber", "customer", "Muster Steuerberatung GmbH"),
    ("kunde@beispiel.example", "Murat Yilmaz", "customer", "Beispiel Logistik KG"),
    ("technik@bluvo.example", "Petra Neumann", "staff", None),
    ("admin@bluvo.example", "Stefan Krause", "admin", None),
]

# Content seeders added by feature modules: callables (rng, companies, users) -> list[str].
CONTENT_SEEDERS = []
BULK_SEEDERS = []


def _register_feature_seeders() -> None:
    from portal.tickets.demo import seed_bulk_tickets, seed_demo_tickets

    CONTENT_SEEDERS.append(seed_demo_tickets)
    BULK_SEEDERS.append(seed_bulk_tickets)


_register_feature_seeders()


def seed(companies: int = 0, tickets: int = 0, seed: int = 42) -> list[str]:
    rng = random.Random(seed)
    report = []
    with database.atomic():
        created = _seed_accounts()
    if created:
        report.append(f"Demo-Konten angelegt (Passwort für alle: {DEMO_PASSWORD}):")
        report.extend(f"  {email} ({role})" for email, _name, role, _c in DEMO_USERS)
        for seeder in CONTENT_SEEDERS:
            report.extend(seeder(rng))
    else:
        report.append("Demo-Konten sind bereits vorhanden.")
    if companies:
        report.append(_seed_bulk_companies(companies, rng))
    for seeder in BULK_SEEDERS:
        report.extend(seeder(rng, tickets))
    return report


def _seed_accounts() -> bool:
    if User.by_email(DEMO_USERS[0][0]) is not None:
        return False
    by_name = {}
    for name, number, contract in DEMO_COMPANIES:
        by_name[name] = Company.get_or_none(Company.name == name) or Company.create(
            name=name, customer_number=number, has_contract=contract
        )
    for email, name, role, company_name in DEMO_USERS:
        create_user(
            email, name, DEMO_PASSWORD, role, by_name.get(company_name), phone="02102 4711-0"
        )
    return True


def _seed_bulk_companies(count: int, rng: random.Random) -> str:
    existing = Company.select().count()
    rows = [
        {
            "name": f"Kunde {existing + i:05d} GmbH",
            "customer_number": f"K-{20000 + existing + i:05d}",
            "has_contract": rng.random() < 0.6,
        }
        for i in range(1, count + 1)
    ]
    with database.atomic():
        for start in range(0, len(rows), 500):
            Company.insert_many(rows[start : start + 500]).execute()
    return f"{count} weitere Firmen angelegt."
