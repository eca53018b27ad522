"""A patient walks the knee intake and one questionnaire on a phone, in Debian's Chromium (Playwright).

Screenshots land in var/screenshots/assess-*.png (or $STRIDEWELL_SCREENSHOTS) for a person to look at.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell.assess import instrument
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord
from stridewell.clinic.booking import services as booking
from tests.clinic.test_browser import SHOTS, browser, phone, shot, sign_in  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_patient_fills_the_intake_and_the_kujala_on_a_phone(live_server, phone, make_patient):
    patient = make_patient("Nia")
    page = phone
    sign_in(page, live_server.url, patient.user.email, "correct-horse-battery", "/my/")
    page.get_by_role("link", name="Answer the knee questions").click()
    shot(page, "assess-1-start")
    page.get_by_role("button", name="Start").click()
    # Step 1: about you
    page.get_by_label("How old are you?").fill("31")
    page.get_by_label("Female").check()
    page.get_by_label("Running on roads").check()
    page.get_by_label("About how many kilometres").fill("40")
    page.get_by_role("group", name="did your training go up quickly").get_by_label("Yes").check()
    assert no_sideways_scroll(page)
    shot(page, "assess-2-about")
    page.get_by_role("button", name="Next").click()
    # Step 2: a required answer left out is asked for again, with the other answers kept
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Please check the answers marked below.").wait_for()
    shot(page, "assess-3-story-error")
    page.get_by_label("Slowly, over days or weeks").check()
    page.get_by_label("How many weeks ago").fill("8")
    assert page.get_by_text("If an injury started it").is_visible()
    page.get_by_role("group", name="Did an injury start it?").get_by_label("No").check()
    assert not page.get_by_text("If an injury started it").is_visible()  # injury details fold away
    page.get_by_role("button", name="Next").click()
    # Step 3: where it hurts
    page.get_by_label("Around or behind the kneecap").check()
    page.get_by_role("group", name="right now").get_by_label("3", exact=True).check()
    page.get_by_role("group", name="at its worst").get_by_label("6", exact=True).check()
    assert no_sideways_scroll(page)
    shot(page, "assess-4-pain")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Going down stairs").check()
    page.get_by_label("Sitting a long time with the knee bent").check()
    shot(page, "assess-4b-when")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="How the knee behaves").wait_for()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="Your general health").wait_for()
    shot(page, "assess-5-health")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="Check your answers").wait_for()
    shot(page, "assess-6-check")
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("heading", name="Thank you, your answers are sent").wait_for()
    shot(page, "assess-7-done")
    record = ScreeningRecord.objects.get()
    assert (
        record.answers["age"] == 31 and record.answers["pain_worst"] == 6 and record.urgency == ""
    )
    # One questionnaire: Kujala, every best answer by tapping its label.
    page.get_by_role("link", name="Anterior Knee Pain Scale (Kujala)").click()
    page.get_by_role("heading", name="Anterior Knee Pain Scale (Kujala)").wait_for()
    for label in ("No limp", "Full weight, no pain", "No limit"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_text("Nothing has been saved yet").wait_for()  # half-finished: not saved
    assert not QuestionnaireResponse.objects.exists()
    shot(page, "assess-8-kujala-half")
    for name in (
        "stairs",
        "squatting",
        "running",
        "jumping",
        "prolonged_sitting",
        "pain",
        "swelling",
        "patellar_movements",
        "thigh_atrophy",
        "flexion_deficiency",
    ):
        page.locator(f"fieldset#q-{name} label.opt").first.click()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_text("Score: 100 (from 0 to 100).").wait_for()
    shot(page, "assess-9-my-questionnaires")
    assert QuestionnaireResponse.objects.get().scale_value() == 100


def test_a_red_flag_intake_shows_the_doctor_message_on_a_phone_and_in_the_chart(
    live_server, phone, clinic, make_patient
):
    patient = make_patient("Rae")
    page = phone
    sign_in(page, live_server.url, patient.user.email, "correct-horse-battery", "/my/intake/")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("How old are you?").fill("45")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Suddenly, at one moment").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("group", name="right now").get_by_label("7", exact=True).check()
    page.get_by_role("group", name="at its worst").get_by_label("8", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="What brings it on").wait_for()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Yes, over the day after an injury").check()
    page.get_by_label("The knee is hot and red").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("A fever or high temperature").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("alert").get_by_text("Go to an emergency department now").wait_for()
    shot(page, "assess-10-red-flag")
    # The treating clinician sees it first in the chart, with questionnaire trends below.
    User = get_user_model()
    alice = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = alice
    clinic.alice.save()
    booking.appointment_hold(
        service=clinic.follow_up,
        location=clinic.london,
        practitioner=clinic.alice,
        start=clinic.at(10),
        token="t",
    )
    booking.appointment_confirm(token="t", patient=patient)
    today = timezone.localdate()
    for days, responses in ((28, {"pain": 7}), (14, {"pain": 6}), (0, {"pain": 2})):
        services.questionnaire_submit(
            patient=patient,
            instrument_id="nprs",
            responses=responses,
            entered_by=patient.user,
            taken_on=today - timedelta(days=days),
        )
    items = instrument("koos").items
    koos = {
        it.id: it.options[2].value for it in items
    }  # "sometimes" / "moderate": 50 on each subscale
    services.questionnaire_submit(
        patient=patient,
        instrument_id="koos",
        responses=koos,
        entered_by=patient.user,
        taken_on=today - timedelta(days=28),
    )
    koos2 = {it.id: it.options[1].value for it in items}  # one step better: 75 on each subscale
    services.questionnaire_submit(
        patient=patient, instrument_id="koos", responses=koos2, entered_by=patient.user
    )
    page.context.clear_cookies()
    sign_in(
        page, live_server.url, "alice@clinic.example", "x" * 12, f"/staff/patients/{patient.pk}/"
    )
    page.get_by_role("heading", name="Assessment and questionnaires").wait_for()
    page.get_by_text("Red flags: refer to a doctor").wait_for()
    page.locator("#assessments").screenshot(path=str(SHOTS / "assess-11-chart-phone.png"))
    assert no_sideways_scroll(page)


def test_the_pain_rating_can_be_answered_with_the_keyboard_alone(
    live_server, browser, make_patient
):
    patient = make_patient("Kai")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    sign_in(
        page,
        live_server.url,
        patient.user.email,
        "correct-horse-battery",
        "/my/questionnaires/nprs/",
    )
    page.get_by_role("heading", name="Pain rating 0-10").wait_for()
    page.get_by_label("No pain").focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")  # arrows move the choice within a radio group: 0 -> 4
    page.keyboard.press("Enter")  # Enter submits the form
    page.get_by_text("Score: 4 (from 0 to 10).").wait_for()
    assert QuestionnaireResponse.objects.get().scale_value() == 4
    page.goto(f"{live_server.url}/my/questionnaires/visa_p/")
    shot(page, "assess-12-visa-p-desktop")
    page.close()


def test_a_clinician_records_the_examination_on_a_desktop(
    live_server, browser, clinic, make_patient
):
    patient = make_patient("Dev")
    services.intake_submit(
        patient=patient,
        entered_by=patient.user,
        answers={
            "age": 24,
            "onset": "gradual",
            "pain_locations": ["kneecap_lower_tip"],
            "aggravating": ["jumping", "squatting", "prolonged_sitting"],
            "sports": ["jumping_sport"],
        },
    )
    User = get_user_model()
    alice = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = alice
    clinic.alice.save()
    booking.appointment_hold(
        service=clinic.follow_up,
        location=clinic.london,
        practitioner=clinic.alice,
        start=clinic.at(10),
        token="t",
    )
    booking.appointment_confirm(token="t", patient=patient)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    sign_in(
        page, live_server.url, "alice@clinic.example", "x" * 12, f"/staff/patients/{patient.pk}/"
    )
    page.get_by_role("link", name="Record examination findings").click()
    page.get_by_role("group", name="Single-leg decline squat hurts").get_by_label("Yes").check()
    page.get_by_role("group", name="Tender at the kneecap's lower tip").get_by_label("Yes").check()
    page.get_by_role("group", name="Effusion on examination").get_by_label("No", exact=True).check()
    shot(page, "assess-13-examination")
    page.get_by_role("button", name="Save findings").click()
    shot(page, "assess-13b-after-save")
    page.get_by_text("Examination findings saved").wait_for()
    page.locator("#assessments").screenshot(path=str(SHOTS / "assess-14-chart-desktop.png"))
    assert ScreeningRecord.objects.first().top_condition_id == "patellar_tendinopathy"
    page.close()
