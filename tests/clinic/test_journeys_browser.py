"""The clinician's and the patient's journeys through the chart and the portal, on a phone screen.

Debian's Chromium driven by Playwright. A clinician goes from the day view to a patient's chart and
opens the note, programme and gait sections; the patient goes from their page to today's
exercises, the questionnaire that is due and their bookings. Screenshots land in /tmp/journey-*.png
(or $STRIDEWELL_JOURNEY_SHOTS) for a person to look at.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from stridewell.clinic.assessments.services import questionnaire_submit
from stridewell.clinic.booking.models import Appointment
from stridewell.clinic.gaitlab import analysis
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.notes.models import VisitNote
from stridewell.programme.models import WEEKDAYS
from tests.clinic.gaitlab_helpers import fake_core, fake_report, make_clip
from tests.clinic.test_browser import browser, phone, sign_in  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("STRIDEWELL_JOURNEY_SHOTS", "/tmp"))
PASSWORD = "correct-horse-battery"


def shot(page, name: str) -> None:  # noqa: ANN001
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"journey-{name}.png"), full_page=True)


@pytest.fixture
def care(clinic, make_patient, settings, tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    """Pia is seen by Alice today; she has a signed note, a programme, a shared gait report, scores."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(analysis, "_core", lambda: fake_core([]))
    monkeypatch.setattr(analysis, "_write_report", fake_report)
    alice = get_user_model().objects.create_user("alice@clinic.example", PASSWORD, role="practitioner",
                                                 first_name="Alice", last_name="Physio")
    clinic.alice.user = alice
    clinic.alice.save()
    pia = make_patient("Pia")
    london = clinic.london.zone
    today = timezone.localdate()
    for hour, status, start_day in ((9, "completed", today - timedelta(days=21)), (15, "booked", today),
                                    (10, "booked", today + timedelta(days=14))):
        start = datetime.combine(start_day, time(hour), tzinfo=london)
        Appointment.objects.create(patient=pia, practitioner=clinic.alice, location=clinic.london,
                                   service=clinic.follow_up, start=start, end=start + timedelta(minutes=30),
                                   blocked_until=start + timedelta(minutes=40), status=status)
    VisitNote.objects.create(patient=pia, author=alice, visit_date=today - timedelta(days=21),
                             subjective="Pain on stairs and after long runs, 5/10.",
                             objective="Pain on step-down; hip abductors 4/5.",
                             treatment="Soft tissue work to the lateral thigh.",
                             assessment="Patellofemoral pain, moderately irritable.",
                             plan="Home programme, review in 3 weeks.", signed_at=timezone.now())
    web = Client()
    web.force_login(alice)
    assert web.post(f"/staff/patients/{pia.pk}/programme/new/", {
        "condition": "patellofemoral_pain", "phase": "1", "irritability": "moderate",
        "days_available": list(WEEKDAYS), "pain_limit": ""}).status_code == 302
    assert web.post(f"/staff/patients/{pia.pk}/programme/publish/", {"note": "Little and often."}).status_code == 302
    clip = make_clip(tmp_path / "clip.mp4", seconds=1.0, level=120).read_bytes()
    resp = web.post(f"/staff/patients/{pia.pk}/gait/", {
        "video": SimpleUploadedFile("run.mp4", clip, content_type="video/mp4"), "view": "side"})
    assert resp.status_code == 302, resp.content.decode()[:1000]
    report = GaitReport.objects.get(patient=pia)
    assert web.post(f"/staff/patients/{pia.pk}/gait/{report.pk}/",
                    {"summary": "Take shorter, quicker steps.", "share": "1"}).status_code == 302
    questionnaire_submit(patient=pia, instrument_id="nprs", responses={"pain": 6}, entered_by=pia.user,
                         taken_on=today - timedelta(days=21))
    questionnaire_submit(patient=pia, instrument_id="nprs", responses={"pain": 3}, entered_by=pia.user,
                         taken_on=today - timedelta(days=15))
    mine = Client()
    mine.force_login(pia.user)
    for back, (during, morning) in enumerate([(4, 3), (3, 2), (3, 1)]):
        day = (today - timedelta(days=4 - back)).isoformat()
        mine.post("/my/programme/pain/", {"pain": str(during), "when": "during", "day": day})
        mine.post("/my/programme/pain/", {"pain": str(morning), "when": "morning", "day": day})
    return {"alice": alice, "pia": pia, "report": report}


def _login(page, base: str, email: str) -> None:  # noqa: ANN001
    sign_in(page, base, email, PASSWORD)


def _no_sideways_scroll(page) -> None:  # noqa: ANN001
    wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 1, f"the page scrolls sideways by {wide}px on a phone"


def test_clinician_goes_from_the_day_view_to_the_chart_and_its_sections(live_server, phone, care):  # noqa: F811
    page = phone
    _login(page, live_server.url, "alice@clinic.example")
    page.goto(live_server.url + "/staff/day/")
    shot(page, "clinician-1-day")
    _no_sideways_scroll(page)
    page.get_by_role("link", name=care["pia"].name).first.click()
    page.get_by_role("heading", name=care["pia"].name, level=1).wait_for()
    shot(page, "clinician-2-chart")
    page.get_by_role("link", name="Visit notes (SOAP)").click()
    page.get_by_text("Patellofemoral pain, moderately irritable.").wait_for()
    page.locator("#notes").screenshot(path=str(SHOTS / "journey-clinician-3-note.png"))
    page.get_by_role("link", name="Exercise programme").first.click()
    page.locator("#programme").screenshot(path=str(SHOTS / "journey-clinician-4-programme.png"))
    page.get_by_role("link", name="Running gait analysis").first.click()
    page.locator("#gait").screenshot(path=str(SHOTS / "journey-clinician-5-gait.png"))
    page.goto(live_server.url + f"/staff/patients/{care['pia'].pk}/gait/{care['report'].pk}/")
    page.get_by_text("Take shorter, quicker steps.").first.wait_for()
    shot(page, "clinician-6-gait-report")
    _no_sideways_scroll(page)


def test_patient_goes_from_their_page_to_exercises_questionnaire_and_bookings(live_server, phone, care):  # noqa: F811
    page = phone
    _login(page, live_server.url, care["pia"].user.email)
    page.goto(live_server.url + "/my/")
    shot(page, "patient-1-portal")
    _no_sideways_scroll(page)
    page.get_by_role("link", name="Open today's exercises").click()
    page.wait_for_load_state()
    shot(page, "patient-2-exercises")
    _no_sideways_scroll(page)
    page.go_back()
    page.get_by_role("link", name="Pain rating 0-10").first.click()
    page.wait_for_load_state()
    shot(page, "patient-3-questionnaire")
    _no_sideways_scroll(page)
    page.goto(live_server.url + "/my/")
    page.get_by_role("link", name="Upcoming appointments").click()
    page.get_by_role("link", name=re.compile(r"^Details of Follow-up")).first.click()
    page.get_by_role("heading", name="Follow-up").wait_for()
    shot(page, "patient-4-booking")
    page.goto(live_server.url + "/my/#progress")
    page.locator("#progress").screenshot(path=str(SHOTS / "journey-patient-5-progress.png"))


def test_visitor_sees_outcomes_classes_and_education_and_a_new_patient_is_asked_for_the_intake(
        live_server, phone, clinic, make_patient, class_session, settings):  # noqa: F811
    from django.core.cache import cache

    settings.OUTCOMES_MIN_PATIENTS = 2
    cache.clear()
    today = timezone.localdate()
    for name, (before, after) in {"Ann": (7, 2), "Ben": (5, 5), "Cas": (6, 3)}.items():
        p = make_patient(name)
        for days, value in ((40, before), (5, after)):
            questionnaire_submit(patient=p, instrument_id="nprs", responses={"pain": value}, entered_by=p.user,
                                 taken_on=today - timedelta(days=days))
    class_session(capacity=6, hours_ahead=30)
    page = phone
    page.goto(live_server.url + "/")
    page.get_by_text("2 of 3 patients").wait_for()
    shot(page, "visitor-1-home")
    _no_sideways_scroll(page)
    page.get_by_role("link", name="All education pages").click()
    page.wait_for_load_state()
    shot(page, "visitor-2-learn")
    cache.clear()
    # A new patient books a first visit: the confirmation asks for the knee questions.
    pia = make_patient("Nia")
    start = datetime.combine(clinic.day, time(10), tzinfo=clinic.london.zone)
    appt = Appointment.objects.create(patient=pia, practitioner=clinic.alice, location=clinic.london,
                                      service=clinic.initial, start=start, end=start + timedelta(minutes=45),
                                      blocked_until=start + timedelta(minutes=60), status="booked")
    _login(page, live_server.url, pia.user.email)
    page.goto(live_server.url + f"/my/bookings/{appt.pk}/?new=1")
    page.get_by_role("link", name="Answer the knee questions now").wait_for()
    shot(page, "patient-0-first-visit")
    page.get_by_role("link", name="Answer the knee questions now").click()
    page.get_by_role("button", name="Start").wait_for()
