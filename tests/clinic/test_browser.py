"""A patient books, joins a class waitlist and cancels, in Debian's Chromium driven by Playwright.

Screenshots of each step land in var/screenshots/ (or $STRIDEWELL_SCREENSHOTS) for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from stridewell.clinic.booking import classes as class_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("STRIDEWELL_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots"))


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    page.set_default_timeout(15_000)
    yield page
    ctx.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, base: str, email: str, password: str, next_url: str = "") -> None:
    """Sign in through the real login form (then go to `next_url`, when given) and wait for the page."""
    page.goto(f"{base}/accounts/login/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


def test_new_patient_books_on_a_phone_creating_an_account_then_cancels(live_server, phone, clinic):
    page = phone
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Book an appointment").first.click()
    page.get_by_role("link", name="Choose Follow-up").click()
    # Alice works only at Central; Bob also works in Manhattan, so a location is asked for.
    page.get_by_role("link", name="Choose Central").click()
    page.get_by_role("link", name="See times with Alice Physio").click()
    page.get_by_role("link", name=re.compile(clinic.day.strftime("%-d %b"))).click()
    shot(page, "booking-1-times")
    page.get_by_role("button", name="10:00").click()
    page.get_by_text("We are holding this time").wait_for()
    page.get_by_text(re.compile(r"\d min \d\d s")).wait_for()  # the countdown script ran under the CSP
    shot(page, "booking-2-hold")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Email").fill("newrunner@example.org")
    page.get_by_label("First name").fill("Nia")
    page.get_by_label("Last name").fill("Runner")
    page.get_by_label("Password", exact=False).first.fill("long-enough-pass-42")
    page.get_by_label("Password (again)").fill("long-enough-pass-42")
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_text("Confirm your booking").wait_for()
    page.get_by_label("Anything your physiotherapist should know").fill("Pain on stairs")
    page.get_by_role("button", name="Confirm booking").click()
    page.get_by_text("Booked.").wait_for()
    shot(page, "booking-3-confirmed")
    assert "10:00" in page.content()
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("button", name="Yes, cancel it").click()
    page.get_by_text("Your appointment is cancelled.").wait_for()
    shot(page, "booking-4-cancelled")
    from stridewell.clinic.booking.models import Appointment

    assert Appointment.objects.get(patient__user__email="newrunner@example.org").status == "cancelled"


def test_a_full_class_offers_the_waitlist_and_a_freed_place_is_given_to_the_patient(
        live_server, phone, class_session, make_patient):
    session = class_session(capacity=1)
    other = make_patient("Olga")
    taken = class_services.class_book(session=session, patient=other)
    me = make_patient("Mo")
    page = phone
    page.goto(live_server.url + "/accounts/login/?next=/classes/")
    page.get_by_label("Email").fill(me.user.email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("heading", name="Classes in the next two weeks").wait_for()
    assert "Full" in page.content()
    page.get_by_role("button", name=re.compile("Join waitlist for Pilates")).click()
    page.get_by_text("You are number 1 on the waitlist").wait_for()
    shot(page, "class-1-waitlisted")
    class_services.class_cancel(booking=taken)  # the other person gives up their place
    page.goto(live_server.url + "/my/")
    page.get_by_text("Confirmed").wait_for()
    shot(page, "class-2-promoted")


def test_time_slots_can_be_chosen_with_the_keyboard_alone(live_server, browser, clinic):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{live_server.url}/book/follow-up/central/alice/?day={clinic.day}")
    page.get_by_role("button", name="09:00").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "09:15"
    page.keyboard.press("Enter")
    page.get_by_text("We are holding this time").wait_for()
    page.close()
