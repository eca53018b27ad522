"""Training-load web pages: upload real watch files, import in the background, dashboard, plan, access.

Jobs run as a worker would, when the request's transaction commits (see the gaitlab tests).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.services import job_run
from stridewell.clinic.patients.records import patient_erase, patient_export_zip
from stridewell.clinic.training import services
from stridewell.clinic.training.forms import next_monday
from stridewell.clinic.training.models import (
    TrainingFile,
    TrainingImport,
    TrainingPlan,
    TrainingSession,
)
from tests.clinic.gaitlab_helpers import people
from tests.clinic.training_helpers import REAL_RUNS, real_export, spiky_history

pytestmark = pytest.mark.django_db
_capture = None


@pytest.fixture
def world(clinic, make_patient, settings, tmp_path, shared_data):  # noqa: ANN001, ANN201, ARG001
    settings.MEDIA_ROOT = tmp_path / "media"
    w = people(clinic, make_patient)
    w["desk"] = get_user_model().objects.create_user(
        "desk@clinic.example", "x" * 12, role="front_desk"
    )
    return w


@pytest.fixture(autouse=True)
def _run_jobs_on_commit(django_capture_on_commit_callbacks):  # noqa: ANN001, ANN202
    global _capture
    _capture = django_capture_on_commit_callbacks
    yield


def _upload(client, url: str, data: bytes, name: str = "export.zip"):  # noqa: ANN001, ANN202
    with _capture(execute=True):
        return client.post(url, {"export": SimpleUploadedFile(name, data)})


def _patient_upload(client, w, data: bytes, name: str = "export.zip"):  # noqa: ANN001, ANN202
    client.force_login(w["pia"].user)
    resp = _upload(client, "/my/training/", data, name)
    assert resp.status_code == 302 and "/jobs/" in resp["Location"], resp.content.decode()[:2000]
    return resp


def test_a_real_export_imports_its_runs_and_reports_the_broken_file_by_name(
    client, world, settings
):
    _patient_upload(client, world, real_export(), "garmin-export.zip")
    job = Job.objects.get()
    assert job.status == "done", job.error
    imp = TrainingImport.objects.get()
    assert job.result["url"] == f"/my/training/?imported={imp.pk}#imports"
    assert imp.files_seen == 5 and imp.sessions_added == 3 and imp.files_known == 0
    assert TrainingSession.objects.filter(patient=world["pia"], sport="running").count() == 3
    broken = {p["source"]: p for p in imp.problems}
    dev = broken[
        "garmin-export.zip › DI_CONNECT/DI-Connect-Fitness-Uploaded-Files/DeveloperData.fit"
    ]
    assert dev["kind"] == "rejected" and "no times" in dev["reason"]
    assert (
        broken["garmin-export.zip › DI_CONNECT/DI-Connect-Device/Settings.fit"]["kind"]
        == "not_activity"
    )
    fenix = TrainingSession.objects.get(source__endswith="fenix2-run.fit")
    assert (
        fenix.start.year == 2015
        and 9.0 < fenix.distance_m / 1000 < 9.1
        and len(fenix.content_hash) == 64
    )
    # The upload is gone once read; the history keeps totals only.
    assert job.input_path == "" or not Path(job.input_path).exists()
    assert not any(p.is_file() for p in (Path(settings.MEDIA_ROOT) / "training").rglob("*"))
    html = client.get(job.result["url"]).content.decode()
    assert "Imported garmin-export.zip: 3 new sessions" in html
    assert (
        "3 sessions (3 runs)" in html
        and "DeveloperData.fit" in html
        and "Could not be read" in html
    )
    assert "Not a workout" in html and "__MACOSX" not in html


def test_the_job_reports_progress_file_by_file(world):
    path = services.store_upload(
        SimpleUploadedFile("export.zip", real_export()), services.ACTIVITY, services.UPLOAD_FOLDER
    )
    job = Job.objects.create(
        kind=services.JOB_KIND,
        owner=world["pia"].user,
        patient=world["pia"],
        input_path=str(path),
        input_name="export.zip",
    )
    seen: list[tuple[float, str]] = []
    services.import_job(job, lambda f, m: seen.append((f, m)))
    reads = [m for _, m in seen if m.startswith("Read ")]
    assert reads[0].startswith("Read 1 of 5 files: export.zip › DI_CONNECT/")
    assert reads[-1].startswith("Read 5 of 5 files")
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] < 1.0


def test_sending_the_same_export_again_adds_nothing_and_skips_known_files(client, world):
    _patient_upload(client, world, real_export())
    _patient_upload(client, world, real_export())
    first, second = TrainingImport.objects.order_by("id")
    assert TrainingSession.objects.count() == 3 and second.sessions_added == 0
    # The three runs and the settings file are known by their content; the broken file is read again.
    assert second.files_known == 4 and second.files_read == 1
    assert [p["kind"] for p in second.problems] == ["rejected"]
    # The same run sent on its own, under another name, is known too.
    _patient_upload(client, world, REAL_RUNS["no_hr.tcx"].read_bytes(), "my-run.tcx")
    third = TrainingImport.objects.order_by("id").last()
    assert third.sessions_added == 0 and third.files_known == 1
    assert TrainingFile.objects.filter(patient=world["pia"]).count() == 5


def test_a_gzipped_activity_file_is_imported(client, world):
    import gzip

    _patient_upload(client, world, gzip.compress(REAL_RUNS["no_hr.tcx"].read_bytes()), "run.tcx.gz")
    assert TrainingSession.objects.get().source == "run.tcx.gz"


def test_the_dashboard_shows_the_spike_warning_with_its_evidence_and_the_plots(client, world):
    data, long_day = spiky_history()
    _patient_upload(client, world, data, "strava.zip")
    html = client.get("/my/training/").content.decode()
    assert "12 sessions (12 runs)" in html
    assert "One run much longer than usual" in html and "100% longer" in html
    assert "Frandsen" in html and "at most 5.5 km here" in html  # 5 km + 10%
    assert html.count("<svg") == 4 and 'role="img"' in html
    assert "Week by week" in html
    assert AuditEvent.objects.filter(
        patient=world["pia"], what="training dashboard", action="view"
    ).exists()


def test_a_text_file_named_fit_is_refused_and_nothing_is_kept(client, world, settings):
    client.force_login(world["pia"].user)
    resp = _upload(client, "/my/training/", b"hello, I am not a watch file\n" * 10, "run.fit")
    assert resp.status_code == 200 and "does not look like" in resp.content.decode()
    assert not Job.objects.exists()
    folder = Path(settings.MEDIA_ROOT) / "training"
    assert not folder.exists() or not any(folder.rglob("*.*"))


def test_a_zip_that_unpacks_to_too_much_is_refused_before_the_worker_sees_it(
    client, world, monkeypatch
):
    monkeypatch.setattr(services, "MAX_MEMBER_BYTES", 1000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.fit", b"\0" * 5000)
    client.force_login(world["pia"].user)
    resp = _upload(client, "/my/training/", buf.getvalue())
    assert resp.status_code == 200 and "unpacks to far more" in resp.content.decode()
    assert not Job.objects.exists()


def test_running_the_job_twice_keeps_one_import(client, world):
    _patient_upload(client, world, real_export())
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status="running")
    assert job_run(str(job.pk)) == "done"
    assert TrainingImport.objects.count() == 1 and TrainingSession.objects.count() == 3


def test_the_clinician_sees_the_dashboard_from_the_chart_and_attaches_a_plan(client, world):
    data, _ = spiky_history()
    _patient_upload(client, world, data)
    pia = world["pia"]
    client.force_login(world["alice"])
    chart = client.get(f"/staff/patients/{pia.pk}/").content.decode()
    assert "Training load" in chart and f"/staff/patients/{pia.pk}/training/" in chart
    assert "One run much longer than usual" in chart
    html = client.get(f"/staff/patients/{pia.pk}/training/").content.decode()
    assert "100% longer" in html and "Make a progression plan" in html
    blank = client.get(f"/staff/patients/{pia.pk}/training/plan/").content.decode()
    assert (
        f'value="{next_monday().isoformat()}"' in blank
    )  # a date input needs an ISO date to show it
    form = {
        "goal": "minutes",
        "weekly_min": "90",
        "start": timezone.localdate().isoformat(),
        "step_min": "10",
        "note": "Keep it easy.",
    }
    preview = client.post(f"/staff/patients/{pia.pk}/training/plan/", {**form, "preview": "1"})
    assert preview.status_code == 200 and "Week 1" in preview.content.decode()
    assert not TrainingPlan.objects.exists()
    resp = client.post(f"/staff/patients/{pia.pk}/training/plan/", {**form, "attach": "1"})
    assert resp.status_code == 302
    plan = TrainingPlan.objects.get()
    assert (
        plan.created_by == world["alice"]
        and plan.goal_weekly_min == 90
        and plan.note == "Keep it easy."
    )
    # Base: five runs of 30 min and one of 60 in the 21 days before today = 210 min / 3 = 70 min a week;
    # then +10 a week: 80, 90 (the goal).
    assert plan.plan["base"]["weekly_min"] == pytest.approx(70.0)
    assert [w["run_min"] for w in plan.plan["weeks"]] == [80, 90]
    assert AuditEvent.objects.filter(what="training plan", action="create", patient=pia).exists()
    client.force_login(pia.user)
    mine = client.get("/my/training/").content.decode()
    assert "Your plan from Alice" in mine and "Keep it easy." in mine and "This week:" in mine
    assert "80 min of running in all" in mine
    portal = client.get("/my/").content.decode()
    assert "Running this week:" in portal and "/my/training/" in portal
    client.force_login(world["alice"])
    client.post(f"/staff/patients/{pia.pk}/training/plan/{plan.pk}/withdraw/")
    client.force_login(pia.user)
    assert "Your plan from" not in client.get("/my/training/").content.decode()


def test_a_distance_goal_without_distances_is_explained_not_crashed(client, world):
    client.force_login(world["alice"])
    resp = client.post(
        f"/staff/patients/{world['pia'].pk}/training/plan/",
        {
            "goal": "km",
            "weekly_km": "30",
            "start": timezone.localdate().isoformat(),
            "step_min": "10",
            "attach": "1",
        },
    )
    assert resp.status_code == 200 and "give the goal in minutes" in resp.content.decode()
    assert not TrainingPlan.objects.exists()


def test_a_step_over_ten_minutes_is_refused(client, world):
    client.force_login(world["alice"])
    resp = client.post(
        f"/staff/patients/{world['pia'].pk}/training/plan/",
        {
            "goal": "minutes",
            "weekly_min": "90",
            "start": timezone.localdate().isoformat(),
            "step_min": "20",
            "attach": "1",
        },
    )
    assert resp.status_code == 200 and not TrainingPlan.objects.exists()


@pytest.mark.parametrize("who", ["oscar", "bob", "desk"])
def test_others_get_404_on_the_patients_training_pages(client, world, who):
    _patient_upload(client, world, real_export())
    pia = world["pia"]
    TrainingPlan.objects.create(
        patient=pia,
        created_by=world["alice"],
        step_min=5,
        start=timezone.localdate(),
        plan={"weeks": []},
    )
    user = world[who].user if who == "oscar" else world[who]
    client.force_login(user)
    base = f"/staff/patients/{pia.pk}/training/"
    for url in (base, base + "plan/", base + f"plan/{TrainingPlan.objects.get().pk}/withdraw/"):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"goal": "minutes", "weekly_min": "90"}).status_code == 404, url
    assert TrainingPlan.objects.get().withdrawn_at is None
    if who == "oscar":  # their own page shows only their own (empty) history
        html = client.get("/my/training/").content.decode()
        assert (
            "fenix2" not in html and "Nothing imported yet" not in html or "sessions (" not in html
        )


def test_the_patient_cannot_attach_a_plan_to_themselves(client, world):
    client.force_login(world["pia"].user)
    resp = client.post(
        f"/staff/patients/{world['pia'].pk}/training/plan/",
        {
            "goal": "minutes",
            "weekly_min": "90",
            "start": timezone.localdate().isoformat(),
            "step_min": "10",
            "attach": "1",
        },
    )
    assert resp.status_code == 404 and not TrainingPlan.objects.exists()


def test_export_holds_the_sessions_and_erasure_removes_them(client, world):
    _patient_upload(client, world, real_export())
    pia = world["pia"]
    with zipfile.ZipFile(io.BytesIO(patient_export_zip(pia))) as zf:
        record = json.loads(zf.read("record.json"))
    training = record["training"][0]
    assert len(training["sessions"]) == 3 and training["imports"][0]["sessions_added"] == 3
    assert {s["sport"] for s in training["sessions"]} == {"running"}
    counts = patient_erase(pia, now=timezone.now() + timedelta(days=1))
    assert counts["training"] >= 3
    assert not TrainingSession.objects.filter(patient=pia).exists()
    assert not TrainingImport.objects.filter(patient=pia).exists()


def test_the_patient_removes_an_upload_and_its_sessions_and_can_send_it_again(client, world):
    _patient_upload(client, world, real_export())
    imp = TrainingImport.objects.get()
    html = client.get("/my/training/").content.decode()
    assert "Remove export.zip" in html and "The last 3 activities" in html
    # Another patient cannot remove it: the id is looked up among their own uploads only.
    client.force_login(world["oscar"].user)
    assert client.post("/my/training/", {"delete_import": imp.pk}).status_code == 404
    assert TrainingSession.objects.count() == 3
    client.force_login(world["pia"].user)
    resp = client.post("/my/training/", {"delete_import": imp.pk})
    assert resp.status_code == 302
    assert not TrainingSession.objects.exists() and not TrainingFile.objects.exists()
    assert AuditEvent.objects.filter(what="training upload", action="delete").exists()
    _patient_upload(client, world, real_export())
    assert TrainingSession.objects.count() == 3


def test_a_race_date_plan_runs_up_to_a_lighter_race_week(client, world):
    data, _ = spiky_history()
    _patient_upload(client, world, data)
    client.force_login(world["alice"])
    start = next_monday()
    race = start + timedelta(weeks=5, days=5)  # a Saturday in the sixth plan week
    resp = client.post(
        f"/staff/patients/{world['pia'].pk}/training/plan/",
        {
            "goal": "race",
            "race_date": race.isoformat(),
            "start": start.isoformat(),
            "step_min": "5",
            "attach": "1",
        },
    )
    assert resp.status_code == 302
    weeks = TrainingPlan.objects.get().plan["weeks"]
    assert (
        len(weeks) == 6
        and weeks[-1]["lighter"]
        and weeks[-1]["start"] == (race - timedelta(days=5)).isoformat()
    )
    # +5 min a week from the base (the runs of the 3 weeks before the start), the race week lighter.
    base = TrainingPlan.objects.get().plan["base"]["weekly_min"]
    assert [w["run_min"] for w in weeks[:3]] == [
        round(base + 5),
        round(base + 10),
        round(base + 15),
    ]
