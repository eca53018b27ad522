"""Uploads and background jobs in a patient's export, and their erasure."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from stridewell.clinic.jobs.models import Job


def export_jobs(patient):  # noqa: ANN001, ANN201
    """Return the patient's uploads (as jobs) and the uploaded files themselves."""
    jobs = list(Job.objects.filter(patient=patient))
    rows = [{"kind": j.kind, "file": j.input_name, "status": j.status, "created_at": j.created_at,
             "error": j.error} for j in jobs]
    return rows, [Path(j.input_path) for j in jobs if j.input_path]


def erase_jobs(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Delete the patient's uploaded files and job records."""
    jobs = list(Job.objects.filter(patient=patient))
    for j in jobs:
        if j.input_path:
            Path(j.input_path).unlink(missing_ok=True)
    return Job.objects.filter(pk__in=[j.pk for j in jobs]).delete()[0]
