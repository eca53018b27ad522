"""Gait analysis use cases: upload a video, analyse it in the background, review and share the report."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from stridewell.clinic.gaitlab.analysis import CoreOutput, CoreUnavailable, run_core
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.services import JobError, job_create
from stridewell.clinic.jobs.uploads import VIDEO, display_name, store_upload

JOB_KIND = "gait_analysis"
UPLOAD_FOLDER = "gait/uploads"
MAX_TEXT = 5000


class ReportLocked(Exception):
    """A change that is not allowed in the report's current state; the message says why."""


def _media() -> Path:
    return Path(settings.MEDIA_ROOT)


def _relative(path: Path | None) -> str:
    return str(path.relative_to(_media())) if path else ""


def gait_upload(*, patient, by, upload, view: str) -> Job:  # noqa: ANN001
    """Store an uploaded running video and queue its analysis; returns the job.

    Raises UploadRejected (name, size or content wrong) before anything is stored.
    """
    if view not in GaitReport.View.values:
        view = GaitReport.View.DETECT
    path = store_upload(upload, VIDEO, UPLOAD_FOLDER)
    try:
        return job_create(kind=JOB_KIND, owner=by, patient=patient, input_path=str(path),
                          input_name=display_name(upload.name), params={"view": view})
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def result_url(report: GaitReport, owner_id: int | None) -> str:
    """Return the page to show when an analysis ends: the patient's list for a patient upload."""
    if owner_id is not None and owner_id == report.patient.user_id:
        return reverse("gaitlab:my") + f"?sent={report.pk}"
    return reverse("gaitlab:review", args=[report.patient_id, report.pk])


def _link_or_copy(src: Path, dst: Path) -> None:
    # A hard link keeps one copy of a large video on disk while the job and the report each own a name.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _moved(path: Path | None, staging: Path, final: Path) -> Path | None:
    return final / path.relative_to(staging) if path else None


def analysis_job(job: Job, progress: Callable[[float, str], None]) -> dict[str, Any]:
    """Analyse the job's video and save a draft GaitReport; returns {"url", "report_id"}.

    Safe to run again: a report already made for the job is returned as it is, and files from an
    interrupted run are removed first. A video the core cannot analyse ends the job with the core's
    advice, and nothing of it is kept.
    """
    from stridewell.gait.errors import GaitInputError

    existing = GaitReport.objects.filter(job=job).select_related("patient").first()
    if existing is not None:
        return {"url": result_url(existing, job.owner_id), "report_id": existing.pk}
    staging = _media() / "gait" / "staging" / str(job.id)
    final = _media() / "gait" / "reports" / str(job.id)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(final, ignore_errors=True)
    video = Path(job.input_path)
    if not job.input_path or not video.is_file():
        raise JobError("The uploaded video is no longer here. Please upload it again.")
    view = job.params.get("view") or GaitReport.View.DETECT
    progress(0.01, "Starting the analysis")
    try:
        output = run_core(video, view=None if view == GaitReport.View.DETECT else view, out_dir=staging / "out",
                          progress=progress)
    except GaitInputError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        video.unlink(missing_ok=True)
        raise JobError(str(exc)) from exc
    except CoreUnavailable as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise JobError("Video analysis is not available on this server yet. The video is kept; please ask "
                       "the clinic to try again later.") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress(0.97, "Saving the report")
    try:
        report = _save_report(job=job, output=output, video=video, staging=staging, final=final, view=view)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(final, ignore_errors=True)
        raise
    return {"url": result_url(report, job.owner_id), "report_id": report.pk}


def _save_report(*, job: Job, output: CoreOutput, video: Path, staging: Path, final: Path, view: str) -> GaitReport:
    # Files that leave the clinic in a data export get names unique to this report.
    prefix = f"gait-{timezone.localdate():%Y%m%d}-{str(job.id)[:8]}"
    kept_video = staging / f"{prefix}-video{video.suffix.lower()}"
    _link_or_copy(video, kept_video)
    annotated, pdf = output.annotated, output.pdf
    if annotated is not None:
        annotated = annotated.rename(staging / f"{prefix}-annotated{annotated.suffix.lower()}")
    if pdf is not None:
        pdf = pdf.rename(staging / f"{prefix}-report.pdf")
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staging, final)

    def rel(p: Path | None) -> str:
        return _relative(_moved(p, staging, final))

    with transaction.atomic():
        return GaitReport.objects.create(
            patient=job.patient, uploaded_by=job.owner, job=job, video_name=job.input_name,
            view_requested=view, view=output.view[:10], folder=_relative(final), video_file=rel(kept_video),
            annotated_file=rel(annotated), html_file=rel(output.html), pdf_file=rel(pdf),
            plot_files=[rel(p) for p in output.plots], result=output.result)


def gait_report_review(*, report: GaitReport, by, finding_texts: dict[str, str], summary: str) -> GaitReport:  # noqa: ANN001
    """Save the clinician's wording of the findings and their summary; returns the report."""
    clean = {k: v.strip()[:MAX_TEXT] for k, v in finding_texts.items() if v and v.strip()}
    report.finding_texts, report.summary, report.edited_by = clean, summary.strip()[:MAX_TEXT], by
    report.save(update_fields=["finding_texts", "summary", "edited_by", "updated_at"])
    return report


def gait_report_share(*, report: GaitReport, by) -> GaitReport:  # noqa: ANN001
    """Let the patient see the report (and its PDF); returns the report."""
    if report.shared:
        raise ReportLocked("This report is already shared with the patient.")
    report.status, report.shared_at, report.shared_by = GaitReport.Status.SHARED, timezone.now(), by
    report.save(update_fields=["status", "shared_at", "shared_by", "updated_at"])
    return report


def gait_report_unshare(*, report: GaitReport, by) -> GaitReport:  # noqa: ANN001, ARG001
    """Take a shared report back to draft, hidden from the patient again; returns the report."""
    if not report.shared:
        raise ReportLocked("This report is not shared.")
    report.status, report.shared_at, report.shared_by = GaitReport.Status.DRAFT, None, None
    report.save(update_fields=["status", "shared_at", "shared_by", "updated_at"])
    return report


def gait_report_files(report: GaitReport) -> list[Path]:
    """Return the absolute paths of the report's video, annotated video and PDF (what an export holds)."""
    names = (report.video_file, report.annotated_file, report.pdf_file)
    return [report.path(p) for p in names if p and report.path(p).is_file()]


def gait_report_delete_files(report: GaitReport) -> None:
    """Remove the report's private folder; returns nothing."""
    if report.folder:
        shutil.rmtree(report.path(report.folder), ignore_errors=True)
