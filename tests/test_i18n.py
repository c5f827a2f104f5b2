"""Languages: selection order, complete catalogues, Babel formatting in Europe/Berlin."""

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from portal.i18n import local_datetime
from portal.models import User

ROOT = Path(__file__).resolve().parent.parent
EN_PO = ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "_l": None,
    "lazy_gettext": None,
    "N_": None,
}


def _catalogue():
    with EN_PO.open("rb") as handle:
        return read_po(handle)


def _extracted_msgids():
    method_map = [("portal/**.py", "python"), ("templates/**.html", "jinja2")]
    ids = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT), method_map, keywords=KEYWORDS
    ):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


def test_english_catalogue_has_no_empty_or_fuzzy_entry():
    catalogue = _catalogue()
    empty = [
        m.id
        for m in catalogue
        if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not empty, f"untranslated: {empty[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


def test_every_string_in_code_and_templates_is_in_the_catalogue():
    catalogue = _catalogue()
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue}
    missing = sorted(_extracted_msgids() - known)
    assert not missing, f"run `make catalogues` and translate: {missing[:10]}"


def test_german_is_the_default(client, db):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="de">' in page and "Willkommen im Kundenportal" in page


def test_accept_language_english(client, db):
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page and "Welcome to the customer portal" in page


def test_unsupported_accept_language_falls_back_to_german(client, db):
    page = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="de">' in page


def test_lang_parameter_beats_accept_language_and_sticks(client, db):
    page = client.get("/?lang=de", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="de">' in page
    page = client.get("/anmelden", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="de">' in page  # remembered for this browser


def test_user_preference_beats_accept_language(client_a, customer_a):
    User.update(preferred_language="en").where(User.id == customer_a.id).execute()
    page = client_a.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="en">' in page


def test_switching_language_while_signed_in_updates_the_preference(client_a, customer_a):
    client_a.get("/konto?lang=en")
    assert User.get_by_id(customer_a.id).preferred_language == "en"


def test_language_switch_links_keep_the_page(client, db):
    page = client.get("/anmelden").get_data(as_text=True)
    assert 'href="/anmelden?lang=en"' in page


def test_language_switch_ignores_url_for_options_in_the_query(client, db):
    response = client.get("/anmelden?_method=POST&_external=1&_scheme=https&_anchor=x")
    assert response.status_code == 200
    assert 'href="/anmelden?lang=en"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "moment", "expected"),
    [
        # winter: UTC+1
        ("de", dt.datetime(2026, 11, 24, 7, 30, tzinfo=dt.UTC), "Di., 24.11.2026, 08:30"),
        # summer: UTC+2
        ("de", dt.datetime(2026, 7, 1, 6, 0, tzinfo=dt.UTC), "Mi., 01.07.2026, 08:00"),
        ("en", dt.datetime(2026, 11, 24, 7, 30, tzinfo=dt.UTC), "Tue, 24 Nov 2026, 08:30"),
    ],
)
def test_times_are_shown_in_berlin_time(app, lang, moment, expected):
    with app.test_request_context(headers={"Accept-Language": lang}):
        assert local_datetime(moment) == expected


@pytest.mark.parametrize("lang", ["de", "en"])
def test_times_read_exactly_as_babel_writes_them(app, lang):
    """local_datetime and due_phrase skip Babel's formatter for speed: the same text for
    every style, across both daylight-saving changes and all weekdays and months."""
    from zoneinfo import ZoneInfo

    from babel.dates import format_datetime

    from portal.i18n import DATETIME_PATTERNS
    from portal.tickets.display import due_phrase

    berlin = ZoneInfo("Europe/Berlin")
    phrase = "EEE, d MMM, HH:mm" if lang == "en" else "EEE, dd.MM., HH:mm"
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with app.test_request_context(headers={"Accept-Language": lang}):
        for step in range(0, 2 * 366 * 24 * 60, 6 * 60 + 7):
            moment = start + dt.timedelta(minutes=step)
            for style, pattern in DATETIME_PATTERNS[lang].items():
                expected = format_datetime(moment, pattern, tzinfo=berlin, locale=lang)
                assert local_datetime(moment, style) == expected
            assert due_phrase(moment) == format_datetime(moment, phrase, tzinfo=berlin, locale=lang)


@pytest.mark.parametrize(
    ("lang", "due_minutes", "expected"),
    [
        ("de", 0, "noch 0 Min."),
        ("de", 59, "noch 59 Min."),
        ("de", 60, "noch 1 Std. 0 Min."),
        ("de", 135, "noch 2 Std. 15 Min."),
        ("de", 24 * 60 + 61, "noch 1 T. 1 Std."),
        ("de", -1, "überfällig seit 1 Min."),
        ("de", -65, "überfällig seit 1 Std. 5 Min."),
        ("en", 135, "2 h 15 min left"),
        ("en", -3 * 24 * 60, "overdue by 3 d 0 h"),
        # seconds are cut, not rounded: 59.9 minutes left are 59
        ("de", 59.9, "noch 59 Min."),
        ("de", -0.5, "überfällig seit 0 Min."),
    ],
)
def test_time_left_reads_in_whole_minutes(app, lang, due_minutes, expected):
    from portal.tickets.display import time_left

    now = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
    due = now + dt.timedelta(minutes=due_minutes)
    with app.test_request_context(headers={"Accept-Language": lang}):
        assert time_left(due, now) == expected
        assert time_left(due, now) == expected  # the kept text is the same text
