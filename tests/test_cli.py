"""Every `flask --app portal …` command, through Flask's CLI runner."""

import pytest

from portal.db import database
from portal.migrations import current_version, latest_version
from portal.models import ApiToken, Company, User


def test_init_db_is_idempotent(runner, db):
    first = runner.invoke(args=["init-db"])
    assert first.exit_code == 0, first.output
    assert "aktuell" in first.output  # the app fixture migrated already
    assert runner.invoke(args=["init-db"]).exit_code == 0
    with database.connection_context():
        assert current_version() == latest_version()


def test_create_company_with_contract_and_number(runner, db):
    result = runner.invoke(args=["create-company", "Gamma GmbH", "--contract", "--number", "K-777"])
    assert result.exit_code == 0, result.output
    company = Company.get(Company.name == "Gamma GmbH")
    assert company.has_contract and company.customer_number == "K-777"


def test_create_company_numbers_automatically_and_refuses_duplicates(runner, db):
    assert runner.invoke(args=["create-company", "Delta AG"]).exit_code == 0
    company = Company.get(Company.name == "Delta AG")
    assert company.customer_number.startswith("K-") and not company.has_contract
    again = runner.invoke(args=["create-company", "Delta AG"])
    assert again.exit_code != 0 and "gibt es bereits" in again.output


def test_create_user_for_a_company(runner, company_a):
    result = runner.invoke(
        args=[
            "create-user",
            "Neu@Alpha.example",
            "--name",
            "Nina Neu",
            "--company",
            company_a.name,
            "--password",
            "ein-langes-passwort",
        ]
    )
    assert result.exit_code == 0, result.output
    user = User.by_email("neu@alpha.example")
    assert user.email == "neu@alpha.example" and user.company_id == company_a.id


def test_create_user_prompts_for_the_password(runner, db):
    result = runner.invoke(
        args=["create-user", "tech@provider.example", "--name", "Tom", "--role", "staff"],
        input="ein-langes-passwort\nein-langes-passwort\n",
    )
    assert result.exit_code == 0, result.output
    assert User.by_email("tech@provider.example").role == "staff"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x@y.example", "--name", "X", "--password", "ein-langes-passwort"], "Firma"),
        (
            [
                "x@y.example",
                "--name",
                "X",
                "--company",
                "Nope",
                "--password",
                "ein-langes-passwort",
            ],
            "gibt es nicht",
        ),
        (["x@y.example", "--name", "X", "--role", "staff", "--password", "kurz"], "mindestens"),
    ],
)
def test_create_user_explains_bad_input(runner, db, args, message):
    result = runner.invoke(args=["create-user", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert User.by_email("x@y.example") is None


def test_create_user_refuses_a_duplicate_email_in_any_case(runner, customer_a, company_a):
    result = runner.invoke(
        args=[
            "create-user",
            "ANNA@alpha.example",
            "--name",
            "A",
            "--company",
            company_a.name,
            "--password",
            "ein-langes-passwort",
        ]
    )
    assert result.exit_code != 0 and "bereits" in result.output


def test_create_token_prints_a_working_token_once(runner, app, customer_a):
    result = runner.invoke(args=["create-token", "anna@alpha.example"])
    assert result.exit_code == 0, result.output
    plain = result.output.strip().splitlines()[-1]
    assert plain.startswith("kp_")
    assert not ApiToken.select().where(ApiToken.token_hash == plain).exists()  # stored hashed
    response = app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 200 and response.json["email"] == "anna@alpha.example"


def test_monitoring_tokens_only_for_staff(runner, customer_a, staff):
    refused = runner.invoke(args=["create-token", "anna@alpha.example", "--scope", "monitoring"])
    assert refused.exit_code != 0
    ok = runner.invoke(args=["create-token", staff.email, "--scope", "monitoring"])
    assert ok.exit_code == 0
    assert ApiToken.get(ApiToken.user == staff.id).scope == "monitoring"


def test_create_token_for_unknown_user_fails(runner, db):
    result = runner.invoke(args=["create-token", "nobody@example.com"])
    assert result.exit_code != 0 and "kein Konto" in result.output


def test_demo_data_creates_documented_accounts_once(runner, app, db):
    from portal.demo import DEMO_PASSWORD, DEMO_USERS

    first = runner.invoke(args=["demo-data"])
    assert first.exit_code == 0, first.output
    assert User.select().count() == len(DEMO_USERS)
    assert runner.invoke(args=["demo-data"]).exit_code == 0
    assert User.select().count() == len(DEMO_USERS)
    client = app.test_client()
    for email, *_rest in DEMO_USERS:
        response = client.post("/anmelden", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        client.post("/abmelden")


def test_demo_data_bulk_companies(runner, db):
    result = runner.invoke(args=["demo-data", "--companies", "30"])
    assert result.exit_code == 0, result.output
    assert Company.select().count() == 30 + 2
