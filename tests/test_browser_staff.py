"""The staff side in a real headless Chromium: the start page's numbers against the database,
the queue updating itself when another session files a ticket, the two reply actions, staff
labels, axe in both languages, and screenshots at 1280x800 and 390x844 (test output, not
committed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import expect

from portal.db import utcnow
from portal.tickets.models import Ticket, TicketMessage
from portal.tickets.rules import is_due_soon
from tests.conftest import assert_accessible, browser_login
from tests.ticket_factory import force_status, make_ticket

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def app_config():
    return {"LIVE_POLL_SECONDS": 1}  # the live tests wait a second, not fifteen


@pytest.fixture
def busy(app, staff, customer_a, customer_b):
    """A working day's queue: 30 open tickets of both companies, some late, soon, mine."""
    now = utcnow()
    made = []
    for index in range(30):
        actor = customer_a if index % 2 else customer_b
        priority = ("critical", "normal", "low")[index % 3]
        made.append(
            make_ticket(
                app, actor, priority=priority, title=f"Störung Nummer {index} im Gebäude Nord"
            )
        )
    Ticket.update(response_due=now - dt.timedelta(minutes=10)).where(
        Ticket.id == made[0].id
    ).execute()
    Ticket.update(response_due=now + dt.timedelta(minutes=20)).where(
        Ticket.id == made[1].id
    ).execute()
    for ticket in made[:2]:  # the queue columns (queue_due) follow, as after a real change
        Ticket.get_by_id(ticket.id).save()
    Ticket.update(assignee=staff.id).where(Ticket.id.in_([made[2].id, made[3].id])).execute()
    force_status(made[4], "waiting_for_customer")
    force_status(made[5], "resolved", resolved_at=now)
    return made


def shoot(page, output_path, name):
    folder = Path(output_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def open_tickets():
    return Ticket.select().where(Ticket.in_queue == True)  # noqa: E712


def test_overview_numbers_match_the_database_and_link_to_the_queue(page, live_server, staff, busy):
    page.set_viewport_size(DESKTOP)
    browser_login(page, live_server, staff.email)
    expect(page.get_by_role("heading", name="Übersicht", exact=True)).to_be_visible()

    def tile(label):
        link = page.locator(".tile", has_text=label).first
        return int(link.locator(".tile-number").inner_text())

    assert tile("Kritisch") == open_tickets().where(Ticket.priority == "critical").count()
    assert tile("Normal") == open_tickets().where(Ticket.priority == "normal").count()
    assert tile("Niedrig") == open_tickets().where(Ticket.priority == "low").count()
    assert tile("Meine") == open_tickets().where(Ticket.assignee == staff.id).count() == 2
    assert tile("Nicht zugewiesen") == open_tickets().where(Ticket.assignee.is_null()).count()
    assert tile("Wartet auf Kunde") == 1
    now = utcnow()
    assert tile("Überfällig") == 1
    # the rule in Python over the stored rows (the page counts with the same rule in SQL)
    soon = [t for t in open_tickets() if is_due_soon(None, t.reported_at, t.response_due, now)]
    assert tile("Bald fällig") == len(soon) >= 1
    # the numbers are also there as text for screen readers
    expect(page.locator("#chart-new-desc")).to_contain_text("Insgesamt 30 neue Tickets")
    page.locator(".tile", has_text="Überfällig").click()
    expect(page.locator("#f-overdue")).to_be_checked()
    expect(page.locator(".queue-table tbody tr")).to_have_count(1)


def test_the_queue_shows_a_ticket_filed_meanwhile_without_a_reload(
    page, live_server, app, staff, customer_a, busy
):
    page.set_viewport_size(DESKTOP)
    browser_login(page, live_server, staff.email)
    page.goto(f"{live_server}/warteschlange")
    marker = page.evaluate("window.__marker = 'same page'")
    make_ticket(app, customer_a, priority="critical", title="Exchange-Server antwortet nicht")
    expect(page.get_by_text("Exchange-Server antwortet nicht")).to_be_visible(timeout=10_000)
    assert page.evaluate("window.__marker") == "same page"  # no reload happened
    expect(page.locator("[data-live-status]")).to_contain_text("Aktualisiert um")
    del marker


def test_the_overview_updates_and_notifies_of_a_new_critical_ticket(
    page, live_server, app, staff, customer_a, busy
):
    # a stand-in for the browser's Notification: records what the page shows
    page.add_init_script(
        """
        window.__notes = [];
        class FakeNotification {
          constructor(title, options) { window.__notes.push([title, options.body]); }
          static requestPermission() {
            FakeNotification.permission = "granted";
            return Promise.resolve("granted");
          }
        }
        FakeNotification.permission = "default";
        window.Notification = FakeNotification;
        """
    )
    browser_login(page, live_server, staff.email)
    critical = page.locator(".tile-critical .tile-number")
    before = int(critical.inner_text())
    button = page.get_by_role("button", name="Bei neuen kritischen Tickets benachrichtigen")
    button.click()  # asked only now, after a click
    expect(page.locator("[data-notify]")).to_contain_text(": an")
    make_ticket(app, customer_a, priority="critical", title="Switch im Keller ausgefallen")
    expect(critical).to_have_text(str(before + 1), timeout=10_000)
    notes = page.evaluate("window.__notes")
    assert notes == [
        ["Neues kritisches Ticket", "In der Warteschlange ist ein neues kritisches Ticket."]
    ]


def test_at_least_15_queue_rows_fit_a_laptop_screen_on_one_line_each(
    page, live_server, staff, busy
):
    page.set_viewport_size(DESKTOP)
    browser_login(page, live_server, staff.email)
    page.goto(f"{live_server}/warteschlange")
    rows = page.locator(".queue-table tbody tr")
    fifteenth = rows.nth(14).bounding_box()
    assert fifteenth["y"] + fifteenth["height"] <= DESKTOP["height"], fifteenth
    heights = {round(rows.nth(i).bounding_box()["height"]) for i in range(15)}
    assert max(heights) <= 36, heights  # one line each: numbers and companies do not wrap


def test_reply_and_internal_note_are_two_different_actions(
    page, live_server, staff, customer_a, busy
):
    ticket = busy[3]
    page.set_viewport_size(DESKTOP)
    browser_login(page, live_server, staff.email)
    page.goto(f"{live_server}/tickets/{ticket.number}")
    note_box = page.locator(".note-box")
    reply_box = page.locator(".reply-box")
    # different colours, labels and buttons
    assert note_box.evaluate("e => getComputedStyle(e).backgroundColor") != reply_box.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    page.get_by_label("Text der internen Notiz").fill("Kunde hat noch Garantie, Teil bestellen.")
    page.get_by_role("button", name="Interne Notiz speichern").click()
    expect(page.get_by_text("Die interne Notiz wurde gespeichert.")).to_be_visible()
    page.get_by_label("Text der Antwort an den Kunden").fill("Das Ersatzteil ist bestellt.")
    page.get_by_role("button", name="Antwort an Kunde senden").click()
    expect(page.get_by_text("Ihre Nachricht wurde gesendet.")).to_be_visible()
    notes = {m.body: m.internal for m in TicketMessage.select()}
    assert notes == {
        "Kunde hat noch Garantie, Teil bestellen.": True,
        "Das Ersatzteil ist bestellt.": False,
    }
    expect(page.locator(".message-internal")).to_contain_text("Interne Notiz")
    # the side panel sits beside the conversation on a desktop
    panel = page.locator(".staff-panel").bounding_box()
    conversation = page.locator(".conversation").bounding_box()
    assert panel["x"] > conversation["x"] + conversation["width"] - 1
    assert panel["y"] < DESKTOP["height"]

    page.get_by_role("button", name="Abmelden").click()
    browser_login(page, live_server, customer_a.email)
    page.goto(f"{live_server}/tickets/{ticket.number}")
    expect(page.get_by_text("Das Ersatzteil ist bestellt.")).to_be_visible()
    expect(page.get_by_text("Garantie")).to_have_count(0)


@pytest.mark.parametrize("language", ["de", "en"])
def test_staff_pages_are_accessible_labelled_and_fit_a_phone(
    page, live_server, staff, busy, language, output_path
):
    waiting = busy[4].number
    browser_login(page, live_server, staff.email)
    page.goto(f"{live_server}/?lang={language}")
    waiting_label = {"de": "Wartet auf Kunde", "en": "Waiting for customer"}[language]
    pages = {
        "overview": "/cockpit",
        "queue": "/warteschlange",
        "ticket": f"/tickets/{waiting}",
    }
    for name, path in pages.items():
        for size_name, size in (("1280x800", DESKTOP), ("390x844", PHONE)):
            page.set_viewport_size(size)
            page.goto(f"{live_server}{path}")
            expect(page.locator("html")).to_have_attribute("lang", language)
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], (
                name,
                size_name,
            )
            if name == "queue" and size is PHONE:
                # a queue card on a phone: number and badges, title, company and assignee,
                # due time: four or five short lines, not one line per column
                heights = page.locator(".queue-table tbody tr:not(.queue-paused-heading)")
                heights = heights.evaluate_all(
                    "rows => rows.map(row => row.getBoundingClientRect().height)"
                )
                assert heights and max(heights) <= 150, heights  # was ~200
            shoot(page, output_path, f"{name}-{language}-{size_name}")
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=str(Path(output_path) / f"{name}-{language}-full.png"), full_page=True)
        assert_accessible(page)
        assert page.locator(".site-footer").count() == 0
    # staff read their own word for "waiting", in the view and in the status choices
    page.goto(f"{live_server}/tickets/{waiting}")
    expect(page.locator(".facts")).to_contain_text(waiting_label)
    expect(page.locator("#status option[value='waiting_for_customer']")).to_have_text(waiting_label)
    page.goto(f"{live_server}/warteschlange?status=waiting_for_customer")
    expect(page.locator(".queue-table")).to_contain_text(waiting_label)
