"""The header's logo and the folded API-token section of customers."""

import os

import pytest

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10"/></svg>'


def test_default_logo_is_a_wordmark_of_the_providers_name(client, db):
    page = client.get("/").get_data(as_text=True)
    assert '<svg class="brand-logo"' in page and 'aria-label="bluvo AG"' in page
    assert ">bluvo AG</text>" in page


class TestLogoInTheInstanceFolder:
    @pytest.fixture
    def app_config(self):
        return {"PROVIDER_LOGO": "firmenlogo.svg"}

    def test_the_configured_file_is_shown_and_served(self, app, client, db):
        with open(os.path.join(app.instance_path, "firmenlogo.svg"), "wb") as logo:
            logo.write(SVG)
        page = client.get("/").get_data(as_text=True)
        assert '<img class="brand-logo" src="/logo/firmenlogo.svg" alt="bluvo AG"' in page
        response = client.get("/logo/firmenlogo.svg")
        assert response.status_code == 200 and response.data == SVG
        assert client.get("/logo/secret_key").status_code == 404

    def test_a_missing_file_falls_back_to_the_wordmark(self, client, db):
        assert '<svg class="brand-logo"' in client.get("/").get_data(as_text=True)


class TestLogoInStatic:
    @pytest.fixture
    def app_config(self):
        return {"PROVIDER_LOGO": "favicon.svg"}

    def test_a_static_file_is_linked_there(self, client, db):
        page = client.get("/").get_data(as_text=True)
        assert '<img class="brand-logo" src="/static/favicon.svg"' in page


def test_api_tokens_are_folded_away_for_customers_and_open_for_staff(client_a, staff_client):
    customer_page = client_a.get("/konto").get_data(as_text=True)
    assert "<details" in customer_page and "Für Ihre IT" in customer_page
    staff_page = staff_client.get("/konto").get_data(as_text=True)
    assert "<details" not in staff_page and "API-Tokens</h2>" in staff_page


def test_the_sla_page_says_fuer_sie_als_vertragskunde_only_to_contract_customers(
    client, client_a, client_b
):
    phrase = "Für Sie als Vertragskunde haben wir"
    assert phrase in client_a.get("/service-vereinbarung").get_data(as_text=True)
    assert phrase not in client_b.get("/service-vereinbarung").get_data(as_text=True)
    assert phrase not in client.get("/service-vereinbarung").get_data(as_text=True)
