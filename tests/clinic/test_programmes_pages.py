"""Exercise programmes on the web: the clinician builds, edits and publishes; the patient exercises and logs pain."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.booking import services as booking
from stridewell.clinic.programmes import services
from stridewell.clinic.programmes.models import (
    ExerciseDone,
    Programme,
    ProgrammeVersion,
    SessionLog,
)
from stridewell.programme.models import WEEKDAYS

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(clinic, make_patient):
    User = get_user_model()
    alice = User.objects.create_user(
        "alice@clinic.example", "x" * 12, role="practitioner", first_name="Alice"
    )
    clinic.alice.user = alice
    clinic.alice.save()
    bob = User.objects.create_user("bob@clinic.example", "x" * 12, role="practitioner")
    clinic.bob.user = bob
    clinic.bob.save()
    patient, other = make_patient("Pia"), make_patient("Oscar")
    booking.appointment_hold(
        service=clinic.follow_up,
        location=clinic.london,
        practitioner=clinic.alice,
        start=clinic.at(10),
        token="t",
    )
    booking.appointment_confirm(token="t", patient=patient)
    return {"alice": alice, "bob": bob, "patient": patient, "other": other}


def section(kind: str, user, patient) -> str:
    """Return this app's chart or portal section as `user` sees it (the whole pages also carry other apps')."""
    from django.test import RequestFactory  # noqa: PLC0415

    from stridewell.clinic.programmes.presentation import render_chart, render_portal  # noqa: PLC0415

    request = RequestFactory().get("/")
    request.user = user
    return (render_chart if kind == "chart" else render_portal)(request, patient)


def today_code() -> str:
    return WEEKDAYS[timezone.localdate().weekday()]


def build(
    client, patient, condition: str = "patellofemoral_pain", days: list[str] | None = None, **extra
):
    """Post the generate form as the clinician; returns the new draft."""
    data = {
        "condition": condition,
        "phase": "1",
        "irritability": "moderate",
        "days_available": days or [today_code()],
        "pain_limit": "",
        **extra,
    }
    resp = client.post(f"/staff/patients/{patient.pk}/programme/new/", data)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    return Programme.objects.filter(patient=patient).first()


def publish(client, patient, note: str = "") -> None:
    resp = client.post(f"/staff/patients/{patient.pk}/programme/publish/", {"note": note})
    assert resp.status_code == 302


def phase1_ids(programme: Programme) -> list[str]:
    programme.refresh_from_db()
    return [p.exercise_id for p in services.draft_of(programme).phases[0].prescriptions]


def test_generate_edit_publish_then_the_patient_sees_todays_exercises(client, people):
    patient = people["patient"]
    client.force_login(people["alice"])
    assert (
        client.get(f"/staff/patients/{patient.pk}/programme/").status_code == 302
    )  # nothing yet: build one
    page = client.get(f"/staff/patients/{patient.pk}/programme/new/")
    assert page.status_code == 200 and "Build an exercise programme" in page.content.decode()
    programme = build(client, patient, findings=["weak_hip_abductors"], equipment=["band"])
    assert AuditEvent.objects.filter(
        action="create", what="exercise programme", patient=patient
    ).exists()
    first = phase1_ids(programme)
    assert len(first) >= 3
    url = f"/staff/patients/{patient.pk}/programme/"
    html = client.get(url).content.decode()
    assert "Draft." in html and "Publish to the patient" in html

    # remove, add, swap, change a dose
    client.post(url + "edit/", {"op": "remove", "phase": "1", "exercise": first[0]})
    assert first[0] not in phase1_ids(programme)
    client.post(url + "edit/", {"op": "add", "phase": "1", "new": "double_calf_raise"})
    assert "double_calf_raise" in phase1_ids(programme)
    client.post(
        url + "edit/",
        {"op": "swap", "phase": "1", "exercise": "double_calf_raise", "new": "wall_sit"},
    )
    ids = phase1_ids(programme)
    assert "wall_sit" in ids and "double_calf_raise" not in ids
    dose_url = f"{url}phase/1/wall_sit/"
    assert client.get(dose_url).status_code == 200
    resp = client.post(
        dose_url,
        {
            "sets": "4",
            "reps": "",
            "hold_s": "40",
            "rest_s": "90",
            "per_week": "3",
            "load": "body weight",
        },
    )
    assert resp.status_code == 302
    programme.refresh_from_db()
    wall = next(
        p
        for p in services.draft_of(programme).phases[0].prescriptions
        if p.exercise_id == "wall_sit"
    )
    assert (wall.dose.sets, wall.dose.hold_s, wall.dose.rest_s) == (4, 40, 90)

    # not visible until published
    client.force_login(patient.user)
    assert client.get("/my/programme/").status_code == 404
    client.force_login(people["alice"])
    publish(client, patient, "first version")
    client.force_login(patient.user)
    html = client.get("/my/programme/").content.decode()
    assert "Wall sit" in html and "4 x 40 s hold" in html and "<svg" in html
    assert 'Mark <span class="visually-hidden">Wall sit </span>as done' in html
    assert "How to do it" in html and "Safety" in html
    assert "/learn/" in html
    portal = section("portal", patient.user, patient)
    assert "Wall sit" in portal and "0 of 4 done today" in portal


def test_republish_keeps_history_and_the_patient_sees_only_the_newest(client, people):
    patient = people["patient"]
    client.force_login(people["alice"])
    programme = build(client, patient)
    publish(client, patient)
    resp = client.post(f"/staff/patients/{patient.pk}/programme/publish/")
    assert (
        resp.status_code == 302 and ProgrammeVersion.objects.count() == 1
    )  # nothing changed: no new version
    victim = phase1_ids(programme)[0]
    client.post(
        f"/staff/patients/{patient.pk}/programme/edit/",
        {"op": "remove", "phase": "1", "exercise": victim},
    )
    client.force_login(patient.user)
    name = services.version_of(ProgrammeVersion.objects.get()).phase.prescriptions[0].name
    assert (
        name in client.get("/my/programme/").content.decode()
    )  # the unpublished removal is not shown
    client.force_login(people["alice"])
    publish(client, patient, "removed one")
    assert list(programme.versions.values_list("number", flat=True)) == [2, 1]
    assert client.get(f"/staff/patients/{patient.pk}/programme/versions/1/").status_code == 200
    client.force_login(patient.user)
    assert name not in client.get("/my/programme/").content.decode()


def test_a_draft_is_404_for_the_patient_everywhere(client, people):
    patient = people["patient"]
    client.force_login(people["alice"])
    build(client, patient)
    client.force_login(patient.user)
    for url in ("/my/programme/", "/my/programme/handout/", "/my/programme/handout.pdf"):
        assert client.get(url).status_code == 404, url
    assert (
        client.post("/my/programme/tick/", {"exercise": "wall_sit", "done": "1"}).status_code == 404
    )
    assert (
        client.post(
            "/my/programme/pain/",
            {"pain": "3", "when": "during", "day": timezone.localdate().isoformat()},
        ).status_code
        == 404
    )
    # the patient cannot reach the draft through the clinician's pages either
    for url in ("", "handout/", "handout.pdf"):
        assert client.get(f"/staff/patients/{patient.pk}/programme/{url}").status_code == 404
    assert "not shared an exercise programme" in section("portal", patient.user, patient)


def test_ticking_off_and_logging_pain(client, people):
    patient = people["patient"]
    client.force_login(people["alice"])
    programme = build(client, patient)
    publish(client, patient)
    client.force_login(patient.user)
    ex = phase1_ids(programme)[0]
    resp = client.post("/my/programme/tick/", {"exercise": ex, "done": "1"})
    assert resp.status_code == 302 and resp["Location"].endswith(f"#ex-{ex}")
    client.post("/my/programme/tick/", {"exercise": ex, "done": "1"})  # a double tap ticks once
    assert ExerciseDone.objects.filter(exercise_id=ex).count() == 1
    html = client.get("/my/programme/").content.decode()
    assert re.search(r"1 of \d+ done today", html)
    client.post("/my/programme/tick/", {"exercise": ex, "done": "0"})
    assert not ExerciseDone.objects.exists()
    resp = client.post(
        "/my/programme/tick/", {"exercise": "no_such_exercise", "done": "1"}, follow=True
    )
    assert "not in your programme" in resp.content.decode()

    today = timezone.localdate()
    resp = client.post(
        "/my/programme/pain/",
        {"pain": "3", "when": "during", "day": today.isoformat()},
        follow=True,
    )
    assert "Pain score saved" in resp.content.decode()
    assert SessionLog.objects.get(day=today).pain_during == 3
    for bad in (
        {"pain": "11", "when": "during", "day": today.isoformat()},
        {"pain": "", "when": "during", "day": today.isoformat()},
        {"pain": "2", "when": "during", "day": (today + timedelta(days=1)).isoformat()},
        {"pain": "2", "when": "during", "day": (today - timedelta(days=30)).isoformat()},
        {"pain": "x", "when": "sideways", "day": "yesterday"},
    ):
        resp = client.post("/my/programme/pain/", bad, follow=True)
        assert resp.status_code == 200 and 'class="msg error"' in resp.content.decode(), bad
    assert SessionLog.objects.get(day=today).pain_during == 3
    # a morning score needs the session's score first
    resp = client.post(
        "/my/programme/pain/",
        {"pain": "1", "when": "morning", "day": (today - timedelta(days=2)).isoformat()},
        follow=True,
    )
    assert "Log the pain during that session first" in resp.content.decode()


def _log(client, day, during: int, morning: int | None) -> str:
    client.post(
        "/my/programme/pain/", {"pain": str(during), "when": "during", "day": day.isoformat()}
    )
    if morning is not None:
        client.post(
            "/my/programme/pain/", {"pain": str(morning), "when": "morning", "day": day.isoformat()}
        )
    return client.get("/my/programme/").content.decode()


@pytest.fixture
def published(client, people):
    """A published knee-cap pain programme (limit 5/10 during; step up after 3 sessions at 2/10 or less)."""
    client.force_login(people["alice"])
    build(client, people["patient"], days=list(WEEKDAYS))
    publish(client, people["patient"])
    client.force_login(people["patient"].user)
    return people["patient"]


def _first_sets() -> int:
    return services.version_of(ProgrammeVersion.objects.get()).phase.prescriptions[0].dose.sets


def test_three_calm_sessions_that_settle_overnight_step_up(client, people, published):
    today = timezone.localdate()
    # 2/10 during, 1/10 next morning, three times: every rule kept, at or below the 2/10 ceiling
    html = _log(client, today - timedelta(days=6), 2, 1)
    assert "Keep going" in html and "only 1 session(s) logged" in html
    _log(client, today - timedelta(days=4), 2, 1)
    html = _log(client, today - timedelta(days=2), 2, 1)
    assert "Step up" in html and "may be ready for phase 2" in html
    client.force_login(people["alice"])
    chart = section("chart", people["alice"], published)
    assert "may be ready for phase 2" in chart and "<svg" in chart
    client.post(f"/staff/patients/{published.pk}/programme/move-phase/", {"phase": "2"})
    assert ProgrammeVersion.objects.first().number == 2
    client.force_login(published.user)
    assert "phase 2 of 3" in client.get("/my/programme/").content.decode()


def test_acceptable_pain_above_the_ceiling_holds(client, published):
    today = timezone.localdate()
    for k in (6, 4):
        _log(client, today - timedelta(days=k), 2, 1)
    # 4/10 during is within the 5/10 limit but above the 2/10 ceiling for stepping up
    html = _log(client, today - timedelta(days=2), 4, 2)
    assert "Keep going" in html and "not yet at 2/10 or less" in html
    assert "Step up" not in html


def test_pain_above_the_limit_steps_back_and_calm_sessions_put_the_set_back(client, published):
    today = timezone.localdate()
    sets = _first_sets()
    assert sets >= 2
    html = _log(client, today - timedelta(days=6), 7, None)  # 7/10 during: above the agreed 5/10
    assert (
        "Step back" in html
        and "pain during the last session was 7/10, above the agreed 5/10" in html
    )
    assert "We have taken one set off each exercise" in html
    assert f"{sets - 1} x" in html
    for k in (5, 4):
        html = _log(client, today - timedelta(days=k), 1, 0)
        assert "Keep going" in html
    html = _log(client, today - timedelta(days=3), 1, 0)
    assert "Step up" in html and "We have put one set back on each exercise" in html


def test_a_morning_that_does_not_settle_steps_back(client, published):
    today = timezone.localdate()
    html = _log(client, today - timedelta(days=1), 3, 5)  # 5/10 next morning: not back to 2/10
    assert "Step back" in html and "not back to 2/10 or less" in html


def test_clinician_sees_adherence_and_pain_trend(client, people, published):
    today = timezone.localdate()
    ex = phase1_ids(Programme.objects.get())[0]
    client.post("/my/programme/tick/", {"exercise": ex, "done": "1"})
    _log(client, today, 2, None)
    client.force_login(people["alice"])
    chart = section("chart", people["alice"], published)
    assert "Adherence" in chart and "Sessions done / planned" in chart
    assert re.search(r"</span>1 / [1-7]</td>", chart)
    assert "Pain trend" in chart and "<svg" in chart


def test_handout_is_a_real_pdf_for_a4_and_letter(client, people, published):
    import pypdfium2 as pdfium  # noqa: PLC0415

    sizes = {}
    for size in ("a4", "letter"):
        resp = client.get(f"/my/programme/handout.pdf?size={size}")
        assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
        assert resp.content.startswith(b"%PDF")
        width, height = pdfium.PdfDocument(resp.content)[0].get_size()
        sizes[size] = (round(width), round(height))
    assert sizes == {"a4": (595, 842), "letter": (612, 792)}
    assert client.get("/my/programme/handout.pdf?size=tabloid").status_code == 404
    html = client.get("/my/programme/handout/").content.decode()
    assert "Your knee exercise programme" in html


def test_education_pages_are_public(client):
    html = client.get("/learn/").content.decode()
    assert "Knee pain and running" in html
    links = re.findall(r'href="(/learn/[a-z0-9-]+/)"', html)
    assert len(links) >= 8
    for url in links:
        page = client.get(url)
        assert page.status_code == 200 and "Sources" in page.content.decode(), url
    assert client.get("/learn/no-such-page/").status_code == 404


def test_walk_run_plan_advances_only_when_the_pain_rule_allows(client, people):
    patient = people["patient"]
    client.force_login(people["alice"])
    programme = build(client, patient, days=list(WEEKDAYS))
    publish(client, patient)
    base = f"/staff/patients/{patient.pk}/programme/"
    readiness = {
        "pain_free_walk_min": "30",
        "pain_free_daily_activities": "on",
        "single_leg_squat_pain": "1",
        "hop_pain": "1",
        "start": (timezone.localdate() - timedelta(days=8)).isoformat(),
        "runs_per_week": "3",
    }
    client.post(base + "run-plan/", readiness, follow=True)
    assert not programme.run_plans.exists()  # phase 1 does not allow running yet
    client.post(base + "move-phase/", {"phase": "3"})
    client.post(base + "run-plan/", readiness)
    assert programme.run_plans.count() == 1
    client.force_login(patient.user)
    html = client.get("/my/programme/").content.decode()
    assert "walk-run plan" in html and "Level 1 of" in html
    today = timezone.localdate()

    def run(k: int, during: int, morning: int | None) -> str:
        day = (today - timedelta(days=k)).isoformat()
        client.post("/my/programme/run/", {"pain": str(during), "when": "during", "day": day})
        if morning is not None:
            client.post("/my/programme/run/", {"pain": str(morning), "when": "morning", "day": day})
        return client.get("/my/programme/").content.decode()

    run(7, 1, 0)
    html = run(5, 4, 1)  # 4/10: acceptable, but above 2/10, so the level is not passed
    assert "Level 1 of" in html and "Stay on level 1" in html
    html = run(3, 1, 0)
    assert "Level 1 of" in html
    html = run(1, 1, 0)
    assert "Level 2 of" in html and "Move up to level 2" in html
    client.force_login(people["alice"])
    assert "Level 2 of" in section("chart", people["alice"], patient)


@pytest.mark.parametrize("who", ["bob", "other"])
def test_another_practitioner_or_patient_gets_404_on_every_programme_url(client, people, who):
    patient = people["patient"]
    client.force_login(people["alice"])
    programme = build(client, patient, days=list(WEEKDAYS))
    publish(client, patient)
    ex = phase1_ids(programme)[0]
    user = people["bob"] if who == "bob" else people["other"].user
    client.force_login(user)
    base = f"/staff/patients/{patient.pk}/programme/"
    gets = ["", "new/", f"phase/1/{ex}/", "handout/", "handout.pdf", "versions/1/"]
    posts = ["new/", "edit/", f"phase/1/{ex}/", "publish/", "discard/", "move-phase/", "run-plan/"]
    for url in gets:
        assert client.get(base + url).status_code == 404, url
    for url in posts:
        assert (
            client.post(base + url, {"op": "remove", "phase": "1", "exercise": ex}).status_code
            == 404
        ), url
    # the patient's own pages only ever show their own programme: another patient has none
    for url in ("/my/programme/", "/my/programme/handout/", "/my/programme/handout.pdf"):
        assert client.get(url).status_code == 404
    assert ProgrammeVersion.objects.count() == 1 and len(phase1_ids(programme)) >= 3


def test_programme_rows_are_in_the_patient_export_and_erased_after_retention(
    client, people, published
):
    from stridewell.clinic.patients import records  # noqa: PLC0415

    _log(client, timezone.localdate(), 2, None)
    client.post(
        "/my/programme/tick/", {"exercise": phase1_ids(Programme.objects.get())[0], "done": "1"}
    )
    exporter, eraser = (
        records._EXPORTERS["exercise_programmes"],
        records._ERASERS["exercise_programmes"],
    )
    rows, files = exporter(published)
    assert rows[0]["versions"][0]["number"] == 1 and rows[0]["sessions"][0]["pain_during"] == 2
    assert len(rows[0]["sessions"][0]["exercises_done"]) == 1 and files == []
    assert (
        eraser(published, timezone.now() - timedelta(days=1)) == 0
    )  # inside the retention period: kept
    assert (
        eraser(published, timezone.now() + timedelta(days=1)) == 4
    )  # programme, version, session, tick
    assert not Programme.objects.exists()


def test_condition_is_prefilled_from_the_latest_screening_when_there_is_one(
    client, people, monkeypatch
):
    from stridewell.clinic.assessments import selectors  # noqa: PLC0415

    monkeypatch.setattr(selectors, "latest_condition_id", lambda patient: "itb_syndrome")
    client.force_login(people["alice"])
    html = client.get(f"/staff/patients/{people['patient'].pk}/programme/new/").content.decode()
    assert re.search(r'value="itb_syndrome"[^>]*selected', html)
    monkeypatch.setattr(selectors, "latest_condition_id", lambda patient: "bone_stress_injury")
    html = client.get(f"/staff/patients/{people['patient'].pk}/programme/new/").content.decode()
    condition_select = html.split('name="condition"')[1].split("</select>")[0]
    assert "choose the condition" in html and "selected" not in condition_select


def test_bad_generate_input_gets_a_message_and_saves_nothing(client, people):
    client.force_login(people["alice"])
    resp = client.post(
        f"/staff/patients/{people['patient'].pk}/programme/new/",
        {"condition": "broken_leg", "phase": "9", "irritability": "extreme"},
    )
    assert resp.status_code == 200 and 'class="msg error"' in resp.content.decode()
    assert not Programme.objects.exists()


def test_the_whole_chart_and_portal_pages_carry_the_programme_sections(client, people, published):
    _log(client, timezone.localdate(), 2, None)
    portal = client.get("/my/").content.decode()
    assert "Your exercises today" in portal and "Open today's exercises" in portal
    client.force_login(people["alice"])
    chart = client.get(f"/staff/patients/{published.pk}/").content.decode()
    assert "Exercise programme" in chart and "Adherence" in chart and "Pain trend" in chart
    client.force_login(people["bob"])
    assert client.get(f"/staff/patients/{published.pk}/").status_code == 404


def test_every_programme_page_view_is_audited(client, people, published):
    AuditEvent.objects.all().delete()
    client.get("/my/programme/")
    client.get("/my/programme/handout.pdf")
    client.force_login(people["alice"])
    client.get(f"/staff/patients/{published.pk}/programme/")
    seen = set(AuditEvent.objects.values_list("user_label", "action", "what"))
    patient_email = published.user.email
    assert (patient_email, "view", "exercise programme") in seen
    assert (patient_email, "export", "programme handout") in seen
    assert ("alice@clinic.example", "view", "exercise programme") in seen


def test_a_stored_programme_the_core_cannot_read_gives_a_message_not_an_error(client, people, published):
    ProgrammeVersion.objects.update(body='{"condition": "patellofemoral_pain"}')
    resp = client.get("/my/programme/")
    assert resp.status_code == 409 and "can no longer read" in resp.content.decode()
    assert "can no longer read" in section("portal", published.user, published)
    client.force_login(people["alice"])
    Programme.objects.update(draft="not json")
    resp = client.get(f"/staff/patients/{published.pk}/programme/")
    assert resp.status_code == 409 and "Build a new programme" in resp.content.decode()
    assert "can no longer read" in section("chart", people["alice"], published)
    assert client.get(f"/staff/patients/{published.pk}/programme/new/").status_code == 200
