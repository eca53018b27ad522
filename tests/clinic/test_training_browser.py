"""On a phone, in Debian's Chromium: a runner sends a watch export, watches it import, and reads the
dashboard; after their physiotherapist attaches a plan they see this week's running.

Screenshots land in var/screenshots/training-*.png (or $STRIDEWELL_SCREENSHOTS) to be looked at.
"""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from stridewell.clinic.training import services
from stridewell.load import Goal
from tests.clinic.gaitlab_helpers import people
from tests.clinic.test_browser import browser, phone, shot, sign_in  # noqa: F401 - fixtures
from tests.clinic.training_helpers import spiky_history

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


def _login(page, base: str, email: str) -> None:  # noqa: ANN001
    sign_in(page, base, email, PASSWORD)


def test_runner_uploads_an_export_on_a_phone_and_reads_the_warnings_and_the_plan(
    live_server, phone, clinic, make_patient, settings, tmp_path  # noqa: F811 - fixture
):
    settings.MEDIA_ROOT = tmp_path / "media"
    w = people(clinic, make_patient)
    pia = w["pia"]
    data, _ = spiky_history()
    export = tmp_path / "strava-export.zip"
    export.write_bytes(data)
    page = phone
    _login(page, live_server.url, pia.user.email)
    page.goto(live_server.url + "/my/")
    page.get_by_role("link", name="Send your watch history").click()
    page.get_by_role("heading", name="Your training load").wait_for()
    shot(page, "training-1-empty")
    page.get_by_label(re.compile("Watch export")).set_input_files(str(export))
    page.get_by_role("button", name="Upload and import").click()
    page.get_by_role("link", name="See the result").or_(
        page.get_by_text("Imported strava-export.zip")
    ).first.wait_for()
    shot(page, "training-2-job")
    if page.get_by_role("link", name="See the result").is_visible():
        page.get_by_role("link", name="See the result").click()
    page.get_by_text("Imported strava-export.zip: 12 new sessions").wait_for()
    page.get_by_text("One run much longer than usual").first.wait_for()
    assert page.locator("figure.plot svg").count() == 4
    # The plots fit the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "training-3-dashboard")
    page.get_by_text("The number, the limit and the evidence").first.click()
    page.get_by_text("Frandsen").first.wait_for()
    services.training_plan_attach(
        patient=pia,
        by=w["alice"],
        goal=Goal(weekly_min=100),
        start=timezone.localdate(),
        step_min=10,
        note="Easy pace, and tell me about pain.",
    )
    page.reload()
    page.get_by_text("This week:").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "training-4-plan")
