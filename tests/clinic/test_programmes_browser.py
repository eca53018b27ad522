"""On a phone, in Debian's Chromium: the patient ticks an exercise off and logs pain; anyone reads the
education pages. Screenshots land in var/screenshots/ (or $STRIDEWELL_SCREENSHOTS) to be looked at.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell import programme as core
from stridewell.clinic.booking import services as booking
from stridewell.clinic.programmes import services
from stridewell.clinic.programmes.models import ExerciseDone, SessionLog
from stridewell.programme.models import WEEKDAYS
from tests.clinic.test_browser import SHOTS, browser, phone, shot, sign_in  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"


@pytest.fixture
def runner(clinic, make_patient):
    """A patient with a published knee-cap pain programme that has exercises today."""
    alice = get_user_model().objects.create_user(
        "alice@clinic.example", PASSWORD, role="practitioner", first_name="Alice"
    )
    clinic.alice.user = alice
    clinic.alice.save()
    patient = make_patient("Pia")
    booking.appointment_hold(
        service=clinic.follow_up,
        location=clinic.london,
        practitioner=clinic.alice,
        start=clinic.at(10),
        token="t",
    )
    booking.appointment_confirm(token="t", patient=patient)
    today = WEEKDAYS[timezone.localdate().weekday()]
    inputs = core.ProgrammeInputs(
        condition="patellofemoral_pain",
        days_available=(today,),
        findings=("weak_hip_abductors",),
        patient_name=patient.name,
        clinician="Alice Physio",
        start=timezone.localdate(),
    )
    programme = services.programme_generate(patient=patient, user=alice, inputs=inputs)
    version = services.programme_publish(programme=programme, user=alice)
    # yesterday's session waits for its next-morning score
    services.session_pain(
        programme=programme,
        version=version,
        day=timezone.localdate() - timedelta(days=1),
        during=3,
    )
    return patient, programme, alice


def _login(page, base: str, email: str) -> None:
    sign_in(page, base, email, PASSWORD)


def test_patient_ticks_an_exercise_and_logs_pain_on_a_phone(live_server, phone, runner):  # noqa: F811
    patient, programme, _ = runner
    page = phone
    _login(page, live_server.url, patient.user.email)
    page.goto(live_server.url + "/my/programme/")
    first = services.draft_of(programme).phase.prescriptions[0].name
    page.get_by_role("heading", name="Your exercises today").wait_for()
    shot(page, "programme-1-today")
    page.get_by_role("button", name=f"Mark {first} as done").click()
    page.get_by_text(re.compile(r"1 of \d+ done today")).wait_for()
    assert page.get_by_role("button", name=f"Undo {first}").is_visible()
    shot(page, "programme-2-ticked")
    assert ExerciseDone.objects.filter(exercise_id=programme_first_id(programme)).exists()

    morning = page.locator("form.pain-form").filter(has_text="this morning")
    morning.locator("label.pain-opt", has_text=re.compile(r"^1$")).click()
    morning.get_by_role("button", name="Save morning score").click()
    page.get_by_text("Pain score saved.").wait_for()

    during = page.locator("form.pain-form").filter(has_text="during today's exercises")
    during.locator("label.pain-opt", has_text=re.compile(r"^2$")).click()
    shot(page, "programme-3-pain-chosen")
    during.get_by_role("button", name="Save pain during exercise").click()
    page.get_by_text("Pain score saved.").wait_for()
    page.get_by_text("You logged 2/10 during today's session").wait_for()
    shot(page, "programme-4-pain-saved")
    today = SessionLog.objects.get(day=timezone.localdate())
    yesterday = SessionLog.objects.get(day=timezone.localdate() - timedelta(days=1))
    assert (today.pain_during, yesterday.pain_next_morning) == (2, 1)
    # the page is no wider than the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def programme_first_id(programme) -> str:
    return services.draft_of(programme).phase.prescriptions[0].exercise_id


def test_education_pages_are_public_and_fit_a_phone(live_server, phone):  # noqa: F811
    page = phone
    page.goto(live_server.url + "/learn/")
    page.get_by_role("heading", name="Knee pain and running: what helps").wait_for()
    shot(page, "learn-1-index")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name=re.compile("flare", re.I)).first.click()
    page.wait_for_load_state()
    assert "/learn/" in page.url and page.get_by_role("link", name="← All pages").is_visible()
    shot(page, "learn-2-page")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_text("Sources").click()
    assert page.locator("details.sources li").first.is_visible()


def test_clinician_sees_the_programme_page_and_the_chart_section(live_server, browser, runner):  # noqa: F811
    patient, programme, alice = runner
    version = programme.versions.get()
    today = timezone.localdate()
    for k, during, morning in ((12, 6, 4), (10, 4, 2), (8, 3, 2), (6, 2, 1), (4, 2, 1), (2, 1, 0)):
        services.session_pain(
            programme=programme, version=version, day=today - timedelta(days=k), during=during,
            next_morning=morning,
        )
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    page = ctx.new_page()
    page.set_default_timeout(15_000)
    try:
        _login(page, live_server.url, alice.email)
        page.goto(f"{live_server.url}/staff/patients/{patient.pk}/programme/")
        page.get_by_role("heading", name=re.compile("Exercise programme for")).wait_for()
        shot(page, "programme-5-clinician")
        page.goto(f"{live_server.url}/staff/patients/{patient.pk}/")
        section = page.locator("section#programme")
        section.get_by_role("heading", name="Pain trend").wait_for()
        assert section.locator("svg").count() >= 1
        section.screenshot(path=str(SHOTS / "programme-6-chart-section.png"))
    finally:
        ctx.close()


def test_programme_pages_have_no_serious_accessibility_problems(live_server, phone, runner):  # noqa: F811
    from tests.clinic.test_accessibility import _audit

    patient, _, alice = runner
    page = phone
    problems = {}
    for url in ("/learn/", "/learn/why-knees-hurt/"):
        problems[url] = _audit(page, live_server.url + url)
    _login(page, live_server.url, patient.user.email)
    problems["/my/programme/"] = _audit(page, live_server.url + "/my/programme/")
    page.context.clear_cookies()
    _login(page, live_server.url, alice.email)
    for name, url in (("page", ""), ("new", "new/"), ("dose", f"phase/1/{programme_first_id(runner[1])}/")):
        full = f"/staff/patients/{patient.pk}/programme/{url}"
        problems[full] = _audit(page, live_server.url + full)
        shot(page, f"programme-7-clinician-phone-{name}")
    assert not {k: v for k, v in problems.items() if v}
