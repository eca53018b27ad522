"""The real clip through upload, background job, the real gait core and the report pages; and a black clip.

The real analysis (BlazePose on 12 s of video) takes about half a minute on two cores, so it runs once
for this module and its output is kept for the browser tests that follow in the same run.
"""

from __future__ import annotations

import json
from pathlib import Path

import av
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stridewell.clinic.gaitlab import services
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.jobs.models import Job
from tests.clinic.gaitlab_helpers import REAL_CLIP, make_clip, people, remember_real_output

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def world(clinic, make_patient, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    real_run_core = services.run_core

    def run_and_remember(video, *, view, out_dir, progress, **kw):  # noqa: ANN001, ANN003, ANN202
        output = real_run_core(video, view=view, out_dir=out_dir, progress=progress, **kw)
        (out_dir / "result.json").write_text(json.dumps(output.result))
        remember_real_output(out_dir)
        return output

    monkeypatch.setattr(services, "run_core", run_and_remember)
    return people(clinic, make_patient)


def _upload(client, url, path: Path, capture):  # noqa: ANN001, ANN202
    with capture(execute=True):
        return client.post(url, {"video": SimpleUploadedFile(path.name, path.read_bytes(), "video/mp4"),
                                 "view": "detect"})


@pytest.mark.skipif(not REAL_CLIP.exists(), reason="the shared real clip is not on this machine")
def test_the_real_clip_is_analysed_into_a_report_with_a_running_cadence(
        client, world, django_capture_on_commit_callbacks):
    client.force_login(world["alice"])
    resp = _upload(client, f"/staff/patients/{world['pia'].pk}/gait/", REAL_CLIP, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert job.status == "done", job.error
    report = GaitReport.objects.get()
    assert resp["Location"] == f"/jobs/{job.id}/" or str(job.id) in resp["Location"]
    spm = report.result["cadence"]["steps_per_min"]
    assert 150 <= spm <= 200  # a runner's cadence, not a walker's (about 100-120) or a sprinter's
    assert report.view == "side" and len(report.result["steps"]) >= 12
    annotated = report.path(report.annotated_file)
    with av.open(str(annotated)) as c:  # browsers play H.264 in MP4
        assert c.streams.video[0].codec_context.name == "h264" and c.streams.video[0].frames > 300
    assert report.path(report.pdf_file).read_bytes().startswith(b"%PDF")
    assert len(report.plot_files) == 2 and all(report.path(p).read_text().lstrip().startswith("<") for p in report.plot_files)
    html = client.get(job.result["url"]).content.decode()
    assert f"{spm:.0f} steps/min" in html and "Heel ahead of hip at contact" in html
    part = client.get(f"/staff/patients/{world['pia'].pk}/gait/{report.pk}/files/annotated.mp4", HTTP_RANGE="bytes=0-1023")
    assert part.status_code == 206 and len(b"".join(part.streaming_content)) == 1024


def test_a_black_clip_ends_the_job_with_the_cores_message_and_keeps_nothing(
        client, world, tmp_path, settings, django_capture_on_commit_callbacks):
    clip = make_clip(tmp_path / "dark.mp4", seconds=5.0, size=(180, 320), level=0)
    client.force_login(world["pia"].user)
    resp = _upload(client, "/my/gait/", clip, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert job.status == "failed" and "too dark" in job.error and "well-lit" in job.error
    page = client.get(resp["Location"]).content.decode()
    assert "too dark to see the runner" in page and "Traceback" not in page
    assert not GaitReport.objects.exists()
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []
