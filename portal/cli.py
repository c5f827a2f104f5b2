"""The `flask --app portal …` commands: database, accounts, tokens and demo data."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from portal import holiday_days
from portal.auth.service import AccountError, create_user, issue_token
from portal.db import database
from portal.migrations import migrate
from portal.migrations.registry import migration_lock, needs_lock_before_connecting
from portal.models import ROLES, TOKEN_SCOPES, Company, User


def _fail(message: str):
    raise click.ClickException(message)


def _fail_account(error: AccountError):
    # The service's messages are lazy and follow the locale; the command line speaks German.
    with force_locale("de"):
        message = str(error)
    if error.field == "company":
        message += " (--company)"
    _fail(message)


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Create or upgrade the database schema (safe to run again)."""
    if needs_lock_before_connecting():
        with migration_lock(), database.connection_context():
            applied = _upgrade()
    else:
        with database.connection_context():
            applied = _upgrade()
    if applied:
        click.echo(f"Datenbank aktualisiert: Schritte {', '.join(map(str, applied))}.")
    else:
        click.echo("Datenbank ist aktuell.")


def _upgrade() -> list[int]:
    """The missing steps, then the holidays of the years around today (so that web workers
    need not load the holidays library), both under the migration lock: two init-db at once
    migrate and fill one after the other (on SQLite two fills at once failed as locked)."""
    applied = migrate()
    with migration_lock():
        holiday_days.fill()
    return applied


@click.command("create-company")
@click.argument("name")
@click.option("--contract/--no-contract", default=False, help="Hat einen Servicevertrag.")
@click.option("--number", "customer_number", help="Kundennummer, z. B. K-10042.")
@with_appcontext
def create_company_command(name: str, contract: bool, customer_number: str | None):
    """Create a client company."""
    name = name.strip()
    if not name:
        _fail("Der Firmenname darf nicht leer sein.")
    with database.connection_context():
        if Company.get_or_none(Company.name == name):
            _fail(f"Die Firma {name!r} gibt es bereits.")
        number = customer_number or Company.next_customer_number()
        if Company.get_or_none(Company.customer_number == number):
            _fail(f"Die Kundennummer {number} ist bereits vergeben.")
        company = Company.create(name=name, has_contract=contract, customer_number=number)
    kind = "mit Servicevertrag" if contract else "ohne Vertrag"
    click.echo(f"Firma angelegt: {company.name} ({company.customer_number}, {kind}).")


@click.command("create-user")
@click.argument("email")
@click.option("--name", required=True, help="Vor- und Nachname.")
@click.option("--role", type=click.Choice(ROLES), default="customer", show_default=True)
@click.option("--company", "company_name", help="Firma (für Kunden).")
@click.option("--phone", default="", help="Telefon für Rückrufe.")
@click.option("--language", type=click.Choice(["de", "en"]), default=None)
@click.option(
    "--password",
    prompt="Passwort",
    hide_input=True,
    confirmation_prompt="Passwort wiederholen",
    help="Ohne Angabe wird danach gefragt.",
)
@with_appcontext
def create_user_command(email, name, role, company_name, phone, language, password):
    """Create a user account (customer, staff or admin)."""
    with database.connection_context():
        company = None
        if company_name:
            company = Company.get_or_none(Company.name == company_name)
            if company is None:
                _fail(f"Die Firma {company_name!r} gibt es nicht.")
        try:
            user = create_user(email, name, password, role, company, phone, language)
        except AccountError as error:
            _fail_account(error)
    click.echo(f"Konto angelegt: {user.email} ({user.role}).")


@click.command("create-token")
@click.argument("email")
@click.option("--scope", type=click.Choice(TOKEN_SCOPES), default="api", show_default=True)
@click.option("--name", default="", help="Bezeichnung, z. B. 'Alertmanager'.")
@with_appcontext
def create_token_command(email: str, scope: str, name: str):
    """Create an API token and print it once."""
    with database.connection_context():
        user = User.by_email(email)
        if user is None:
            _fail(f"Es gibt kein Konto mit der E-Mail-Adresse {email}.")
        try:
            _token, plain = issue_token(user, scope=scope, name=name or scope)
        except AccountError as error:
            _fail_account(error)
    click.echo("Token (wird nur jetzt angezeigt, bitte sicher aufbewahren):")
    click.echo(plain)


@click.command("demo-data")
@click.option("--companies", default=0, type=click.IntRange(0, 10_000), help="Weitere Firmen.")
@click.option("--tickets", default=0, type=click.IntRange(0, 1_000_000), help="Tickets insgesamt.")
@click.option("--seed", default=42, help="Zufallsstartwert für reproduzierbare Daten.")
@with_appcontext
def demo_data_command(companies: int, tickets: int, seed: int):
    """Fill the database with demo accounts and content (idempotent)."""
    from portal import demo

    with database.connection_context():
        migrate()
        report = demo.seed(companies=companies, tickets=tickets, seed=seed)
    for line in report:
        click.echo(line)


COMMANDS = [
    init_db_command,
    create_company_command,
    create_user_command,
    create_token_command,
    demo_data_command,
]


def init_app(app) -> None:
    for command in COMMANDS:
        app.cli.add_command(command)
