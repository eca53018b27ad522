"""Training history in a patient's export (sessions, imports, plans) and its erasure."""

from __future__ import annotations

from datetime import datetime

from stridewell.clinic.training.models import TrainingImport, TrainingPlan, TrainingSession
from stridewell.clinic.training.services import training_erase

_SESSION_FIELDS = (
    "sport",
    "sub_sport",
    "start",
    "utc_offset_min",
    "elapsed_s",
    "moving_s",
    "distance_m",
    "ascent_m",
    "avg_hr",
    "max_hr",
    "cadence_spm",
    "rpe",
    "device",
    "source",
    "content_hash",
    "index",
    "notes",
)


def export_training(patient):  # noqa: ANN001, ANN201
    """Return the patient's training sessions, imports and plans as one dict row (no files: uploads are
    deleted once read, and the jobs app exports any still waiting)."""
    sessions = [
        {f: getattr(s, f) for f in _SESSION_FIELDS}
        for s in TrainingSession.objects.filter(patient=patient).order_by("start", "id")
    ]
    imports = [
        {
            "file": i.file_name,
            "created_at": i.created_at,
            "files_seen": i.files_seen,
            "files_read": i.files_read,
            "files_known": i.files_known,
            "sessions_added": i.sessions_added,
            "problems": i.problems,
        }
        for i in TrainingImport.objects.filter(patient=patient)
    ]
    plans = [
        {
            "created_at": p.created_at,
            "created_by": str(p.created_by),
            "goal_weekly_min": p.goal_weekly_min,
            "goal_weekly_km": p.goal_weekly_km,
            "race_date": p.race_date,
            "step_min": p.step_min,
            "start": p.start,
            "note": p.note,
            "withdrawn_at": p.withdrawn_at,
            "plan": p.plan,
        }
        for p in TrainingPlan.objects.filter(patient=patient).select_related("created_by")
    ]
    return [{"sessions": sessions, "imports": imports, "plans": plans}], []


def erase_training(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Erase the patient's watch data; plans younger than the retention cut-off stay."""
    return training_erase(patient, cutoff)
