"""Background jobs record progress and outcome; uploads are checked before anything is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stridewell.clinic.jobs import services
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.uploads import ACTIVITY, VIDEO, Kind, UploadRejected, store_upload

pytestmark = pytest.mark.django_db


def _counting_handler(job, progress):
    for i in range(4):
        progress((i + 1) / 4, f"file {i + 1} of 4")
    if job.params.get("fail") == "user":
        raise services.JobError("The export holds no activities. Export them again with 'all activities'.")
    if job.params.get("fail") == "bug":
        raise ZeroDivisionError("oops")
    return {"url": "/done/", "files": 4}


services.register("test_count", _counting_handler)


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("runner@example.org", "x" * 12)


def test_a_job_runs_in_the_worker_and_reports_its_result(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_create(kind="test_count", owner=user, input_name="export.zip")
    job.refresh_from_db()
    assert job.status == "done" and job.percent == 100 and job.result == {"url": "/done/", "files": 4}
    assert job.attempts == 1


def test_a_user_error_is_shown_as_written_and_a_bug_as_a_plain_apology(user):
    job = Job.objects.create(kind="test_count", owner=user, params={"fail": "user"})
    services.job_run(str(job.id))
    job.refresh_from_db()
    assert job.status == "failed" and "Export them again" in job.error
    job = Job.objects.create(kind="test_count", owner=user, params={"fail": "bug"})
    services.job_run(str(job.id))
    job.refresh_from_db()
    assert job.status == "failed" and "Something went wrong on our side" in job.error
    assert "ZeroDivision" not in job.error


def test_a_job_left_running_by_a_killed_worker_is_run_again_once(user, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    job = Job.objects.create(kind="test_count", owner=user, status="running", attempts=1,
                             heartbeat_at=timezone.now() - timedelta(minutes=5))
    alive = Job.objects.create(kind="test_count", owner=user, status="running", attempts=1,
                               heartbeat_at=timezone.now())
    assert services.jobs_resume_interrupted() == 1  # the one still beating belongs to a live worker
    alive.refresh_from_db()
    assert alive.status == "running"
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 2
    assert services.job_run(str(job.id)) == "done"  # running a finished job again does nothing
    job.refresh_from_db()
    assert job.attempts == 2


def test_the_status_page_is_only_for_the_owner(client, user, django_user_model):
    job = Job.objects.create(kind="test_count", owner=user)
    client.force_login(user)
    assert client.get(f"/jobs/{job.id}/").status_code == 200
    assert client.get(f"/jobs/{job.id}/status.json").json()["status"] == "queued"
    client.force_login(django_user_model.objects.create_user("other@example.org", "x" * 12))
    assert client.get(f"/jobs/{job.id}/").status_code == 404


def test_uploads_are_checked_by_name_size_and_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(UploadRejected, match="not a watch export"):
        store_upload(SimpleUploadedFile("notes.docx", b"PK\x03\x04rest"), ACTIVITY, "t")
    with pytest.raises(UploadRejected, match="does not look like"):
        store_upload(SimpleUploadedFile("export.zip", b"MZ\x90\x00 an exe"), ACTIVITY, "t")
    with pytest.raises(UploadRejected, match="empty"):
        store_upload(SimpleUploadedFile("run.fit", b""), ACTIVITY, "t")
    tiny = Kind("a test file", (".mp4",), lambda h: True, max_bytes=10)
    with pytest.raises(UploadRejected, match="limit is"):
        store_upload(SimpleUploadedFile("clip.mp4", b"x" * 11), tiny, "t")
    with pytest.raises(UploadRejected, match="does not look like"):
        store_upload(SimpleUploadedFile("clip.mp4", b"just some text, not a video"), VIDEO, "t")
    assert not any(tmp_path.rglob("*.*"))  # nothing stored half-way


def test_a_hostile_file_name_cannot_choose_where_the_file_lands(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    path = store_upload(SimpleUploadedFile("../../etc/passwd.gpx", b"<?xml version='1.0'?><gpx/>"), ACTIVITY, "t")
    assert path.parent == tmp_path / "t" and path.suffix == ".gpx" and "passwd" not in path.name
    assert Path(path).read_bytes().startswith(b"<?xml")
