"""Gait web pages with a stand-in core: upload, analysis job, review, sharing, access, files, export.

The real pipeline on the real clip runs once in test_gaitlab_pipeline.py; here a fake core writes
small files so each behaviour of the web surface is checked in well under a second.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.gaitlab import analysis, services
from stridewell.clinic.gaitlab.files import byte_range
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.services import job_run
from stridewell.clinic.patients.records import patient_erase, patient_export_zip
from stridewell.gait.errors import GaitInputError
from tests.clinic.gaitlab_helpers import fake_core, fake_report, make_clip, people

pytestmark = pytest.mark.django_db
_capture = None


@pytest.fixture
def world(clinic, make_patient, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    calls: list[Path] = []
    monkeypatch.setattr(analysis, "_core", lambda: fake_core(calls))
    monkeypatch.setattr(analysis, "_write_report", fake_report)
    w = people(clinic, make_patient)
    w["calls"] = calls
    w["clip"] = make_clip(tmp_path / "clip.mp4", seconds=1.0, level=120).read_bytes()
    return w


@pytest.fixture(autouse=True)
def _run_jobs_on_commit(django_capture_on_commit_callbacks):  # noqa: ANN001, ANN202
    """Jobs are queued when the request's transaction commits; run them there, as a worker would."""
    global _capture
    _capture = django_capture_on_commit_callbacks
    yield


def _upload(client, url: str, data: bytes, name: str = "run.mp4", view: str = "side"):  # noqa: ANN001, ANN202
    with _capture(execute=True):
        return client.post(url, {"video": SimpleUploadedFile(name, data, content_type="video/mp4"), "view": view})


def _report_by(client, w, who: str = "alice") -> GaitReport:  # noqa: ANN001
    client.force_login(w[who])
    resp = _upload(client, f"/staff/patients/{w['pia'].pk}/gait/", w["clip"])
    assert resp.status_code == 302 and "/jobs/" in resp["Location"]
    return GaitReport.objects.get()


def test_a_clinician_upload_is_analysed_in_the_background_and_the_job_leads_to_the_review(client, world):
    report = _report_by(client, world)
    job = Job.objects.get()
    assert job.status == "done" and job.result["url"] == f"/staff/patients/{world['pia'].pk}/gait/{report.pk}/"
    assert report.status == "draft" and report.view == "side" and report.uploaded_by == world["alice"]
    assert report.result["cadence"]["steps_per_min"] == 162.0 and report.result["files"] == {"video": "annotated.mp4"}
    for rel in (report.video_file, report.annotated_file, report.pdf_file, *report.plot_files):
        assert report.path(rel).is_file() and rel.startswith("gait/reports/")
    assert not (Path(report.path("gait/staging"))).exists() or not any(report.path("gait/staging").iterdir())
    html = client.get(job.result["url"]).content.decode()
    assert "Few steps per minute" in html and "162 steps/min" in html and "<video" in html and "Save and share" in html


def test_a_text_file_named_mp4_is_refused_at_upload_and_nothing_is_kept(client, world, settings):
    client.force_login(world["alice"])
    resp = _upload(client, f"/staff/patients/{world['pia'].pk}/gait/", b"hello, I am not a video\n" * 10)
    html = resp.content.decode()
    assert resp.status_code == 200 and "does not look like a video" in html
    assert not Job.objects.exists() and not GaitReport.objects.exists()
    uploads = Path(settings.MEDIA_ROOT) / "gait" / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def test_a_video_the_core_refuses_ends_the_job_with_its_message_and_keeps_nothing(client, world, monkeypatch,
                                                                                   settings):
    def refuse(path, *, view=None, out_dir=None, progress=None):  # noqa: ANN001, ANN202
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        (Path(out_dir) / "half.mp4").write_bytes(b"half made")
        raise GaitInputError("The video is too dark to see the runner.")

    monkeypatch.setattr(analysis, "_core", lambda: refuse)
    client.force_login(world["pia"].user)
    resp = _upload(client, "/my/gait/", world["clip"])
    job = Job.objects.get()
    assert job.status == "failed" and job.error.startswith("The video is too dark to see the runner.")
    assert "Film the runner from the side" in job.error  # the core's advice comes with it
    page = client.get(resp["Location"]).content.decode()
    assert "too dark to see the runner" in page
    assert not GaitReport.objects.exists()
    left = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert left == []


def test_running_the_job_twice_keeps_one_report(client, world):
    report = _report_by(client, world)
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status="running")
    job_run(str(job.pk))
    assert GaitReport.objects.get().pk == report.pk and len(world["calls"]) == 1


def test_an_interrupted_run_is_cleaned_and_redone(client, world, settings):
    client.force_login(world["alice"])
    video = services.store_upload(SimpleUploadedFile("r.mp4", world["clip"]), services.VIDEO, services.UPLOAD_FOLDER)
    job = Job.objects.create(kind=services.JOB_KIND, owner=world["alice"], patient=world["pia"],
                             input_path=str(video), input_name="r.mp4", params={"view": "detect"})
    stale = Path(settings.MEDIA_ROOT) / "gait" / "staging" / str(job.id) / "out"
    stale.mkdir(parents=True)
    (stale / "old-annotated.mp4").write_bytes(b"from a killed worker")
    job_run(str(job.pk))
    report = GaitReport.objects.get()
    assert "old-annotated" not in report.annotated_file and not stale.exists()


def test_a_draft_is_404_for_the_patient_and_visible_with_its_pdf_after_sharing(client, world):
    report = _report_by(client, world)
    pia = world["pia"].user
    client.force_login(pia)
    assert client.get(f"/my/gait/{report.pk}/").status_code == 404
    assert client.get(f"/my/gait/{report.pk}/files/report.pdf").status_code == 404
    assert "Running report" not in client.get("/my/gait/").content.decode()
    client.force_login(world["alice"])
    resp = client.post(f"/staff/patients/{world['pia'].pk}/gait/{report.pk}/", {
        "summary": "Good running. One thing to work on.", "finding_0": "Take quicker, shorter steps.",
        "finding_1": "", "share": "1"})
    assert resp.status_code == 302
    report.refresh_from_db()
    assert report.shared and report.shared_by == world["alice"] and report.finding_texts == {
        "cadence_low": "Take quicker, shorter steps."}
    client.force_login(pia)
    html = client.get(f"/my/gait/{report.pk}/").content.decode()
    assert "Take quicker, shorter steps." in html and "One thing to work on." in html
    assert "Land with the foot under you." in html  # the untouched finding keeps its automatic wording
    pdf = client.get(f"/my/gait/{report.pk}/files/report.pdf?download=1")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert "Running report" in client.get("/my/").content.decode()  # portal section
    client.force_login(world["alice"])
    client.post(f"/staff/patients/{world['pia'].pk}/gait/{report.pk}/unshare/")
    client.force_login(pia)
    assert client.get(f"/my/gait/{report.pk}/").status_code == 404


def test_the_chart_lists_reports_with_key_numbers(client, world):
    report = _report_by(client, world)
    html = client.get(f"/staff/patients/{world['pia'].pk}/").content.decode()
    assert f"/gait/{report.pk}/" in html and "162 steps/min" in html and "25.0% of leg length" in html
    assert "heel first" in html and "11.0°" in html and "Draft" in html


@pytest.mark.parametrize("who", ["bob", "oscar"])
def test_another_practitioner_or_patient_gets_404_on_every_gait_url(client, world, who):
    report = _report_by(client, world)
    GaitReport.objects.filter(pk=report.pk).update(status="shared")
    user = world["oscar"].user if who == "oscar" else world[who]
    client.force_login(user)
    pk, r = world["pia"].pk, report.pk
    urls = [f"/staff/patients/{pk}/gait/", f"/staff/patients/{pk}/gait/{r}/",
            f"/staff/patients/{pk}/gait/{r}/unshare/", f"/my/gait/{r}/"]
    urls += [f"/staff/patients/{pk}/gait/{r}/files/{n}" for n in report.file_names()]
    urls += [f"/my/gait/{r}/files/{n}" for n in report.file_names()]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code in (404, 405), url
    assert client.post(f"/staff/patients/{pk}/gait/{r}/", {"summary": "x", "share": "1"}).status_code == 404
    report.refresh_from_db()
    assert report.summary == ""


def test_the_video_is_served_in_byte_ranges_so_it_can_seek(client, world):
    report = _report_by(client, world)
    url = f"/staff/patients/{world['pia'].pk}/gait/{report.pk}/files/annotated.mp4"
    data = report.path(report.annotated_file).read_bytes()
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes" and whole["Content-Type"] == "video/mp4"
    assert b"".join(whole.streaming_content) == data
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert b"".join(part.streaming_content) == data[100:200]
    tail = client.get(url, HTTP_RANGE="bytes=-50")
    assert b"".join(tail.streaming_content) == data[-50:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(data)}-").status_code == 416
    # Only the first request of a playing video is written to the audit trail.
    assert AuditEvent.objects.filter(what="gait report file annotated.mp4").count() == 1
    assert client.get(f"/staff/patients/{world['pia'].pk}/gait/{report.pk}/files/..%2Fsecret").status_code == 404


@pytest.mark.parametrize("header,expected", [
    ("bytes=0-", (0, 999)), ("bytes=10-20", (10, 20)), ("bytes=990-5000", (990, 999)), ("bytes=-10", (990, 999)),
    ("bytes=1000-", "bad"), ("bytes=5-2", "bad"), ("bytes=0-1,5-6", None), ("items=0-1", None), ("", None)])
def test_byte_range_parsing(header, expected):
    assert byte_range(header, 1000) == expected


def test_export_holds_the_report_and_its_files_and_erasure_keeps_recent_reports(client, world):
    report = _report_by(client, world)
    data = zipfile.ZipFile(io.BytesIO(patient_export_zip(world["pia"])))
    record = json.loads(data.read("record.json"))
    assert record["gait_reports"][0]["result"]["cadence"]["steps_per_min"] == 162.0
    names = data.namelist()
    assert any(n.startswith("files/gait_reports/") and n.endswith("-report.pdf") for n in names)
    assert any(n.startswith("files/gait_reports/") and n.endswith("-video.mp4") for n in names)
    patient_erase(world["pia"])
    assert GaitReport.objects.filter(pk=report.pk).exists()  # inside the retention period
    from datetime import timedelta

    from django.utils import timezone

    GaitReport.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=365 * 9))
    folder = report.path(report.folder)
    patient_erase(world["pia"])
    assert not GaitReport.objects.exists() and not folder.exists()


def test_a_patient_upload_waits_for_the_clinician_before_the_patient_sees_it(client, world):
    client.force_login(world["pia"].user)
    page = client.get("/my/gait/").content.decode()
    assert "How to film a running video" in page and "whole body" in page
    resp = _upload(client, "/my/gait/", world["clip"], view="detect")
    job = Job.objects.get()
    report = GaitReport.objects.get()
    assert job.result["url"] == f"/my/gait/?sent={report.pk}" and resp.status_code == 302
    assert report.uploaded_by == world["pia"].user and report.status == "draft"
    page = client.get(job.result["url"]).content.decode()
    assert "Your physiotherapist will look at it" in page and "1 video waiting" in page
    assert client.get(f"/my/gait/{report.pk}/").status_code == 404
