"""Gait reports in a patient's export (with their video, annotated video, PDF and plots) and erasure."""

from __future__ import annotations

from datetime import datetime

from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.gaitlab.services import gait_report_delete_files, gait_report_files


def export_gait(patient):  # noqa: ANN001, ANN201
    """Return the patient's gait reports as rows, and every file they keep."""
    reports = list(GaitReport.objects.filter(patient=patient).select_related("uploaded_by"))
    rows = [{"id": r.pk, "created_at": r.created_at, "uploaded_by": str(r.uploaded_by), "video": r.video_name,
             "view": r.view, "status": r.status, "shared_at": r.shared_at, "summary": r.summary,
             "finding_texts": r.finding_texts, "result": r.result} for r in reports]
    return rows, [p for r in reports for p in gait_report_files(r)]


def erase_gait(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Delete gait reports (and their files) made before the retention cut-off; younger ones are kept."""
    old = list(GaitReport.objects.filter(patient=patient, created_at__lt=cutoff))
    for report in old:
        gait_report_delete_files(report)
    return GaitReport.objects.filter(pk__in=[r.pk for r in old]).delete()[0]
