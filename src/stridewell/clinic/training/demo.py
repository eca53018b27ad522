"""Demo training history: ten weeks of a runner with patellofemoral pain, imported through the real
importer from small TCX files, and the plan their physiotherapist attached."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from stridewell.clinic.training.models import TrainingSession
from stridewell.clinic.training.services import training_import_files, training_plan_attach
from stridewell.load import Goal

# (days before today, sport, km, minutes, average heart rate): about 35 km a week, a long run that
# jumped from 11 to 16 km (the spike before the knee pain), then cut back to 3 x 5 km and building.
_WEEKS = [
    [(1, 8, 48), (3, 8, 47), (5, 8, 48), (6, 11, 68)],
    [(1, 8, 48), (3, 8, 47), (5, 8, 46), (6, 11, 67)],
    [(1, 8, 47), (2, 8, 48), (4, 9, 53), (6, 12, 72)],
    [(1, 8, 47), (3, 9, 53), (5, 8, 47), (6, 16, 100)],
    [(1, 8, 49), (3, 6, 38)],
    [(1, 5, 31), (3, 5, 31), (5, 5, 30)],
    [(1, 5, 30), (3, 5, 30), (5, 5.5, 33)],
    [(1, 5, 30), (3, 5.5, 33), (5, 6, 36)],
    [(0, 5.5, 33), (2, 6, 36), (4, 6.5, 39)],
]


def _tcx(start: str, sport: str, km: float, minutes: float, hr: int) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
        f'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}">'
        f"<TotalTimeSeconds>{minutes * 60:.0f}</TotalTimeSeconds><DistanceMeters>{km * 1000:.0f}</DistanceMeters>"
        f"<AverageHeartRateBpm><Value>{hr}</Value></AverageHeartRateBpm></Lap></Activity></Activities>"
        f"</TrainingCenterDatabase>"
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def demo_training_create(patient, clinician) -> int:  # noqa: ANN001
    """Import the demo history for `patient` and attach a plan by `clinician`; returns sessions added."""
    if TrainingSession.objects.filter(patient=patient).exists():
        return 0
    today = timezone.localdate()
    first = _monday(today) - timedelta(weeks=len(_WEEKS) - 1)
    with tempfile.TemporaryDirectory(prefix="demo-training-") as work:
        folder = Path(work) / "garmin-export"
        folder.mkdir()
        for w, runs in enumerate(_WEEKS):
            for offset, km, minutes in runs:
                day = first + timedelta(weeks=w, days=offset)
                if day >= today:
                    continue
                hr = 150 if km > 10 else 142
                (folder / f"{day.isoformat()}-run.tcx").write_text(
                    _tcx(f"{day.isoformat()}T07:00:00Z", "Running", km, minutes, hr)
                )
            pilates = first + timedelta(weeks=w, days=2)
            if pilates < today:
                (folder / f"{pilates.isoformat()}-pilates.tcx").write_text(
                    _tcx(f"{pilates.isoformat()}T18:00:00Z", "Other", 0, 45, 105)
                )
        imp = training_import_files(
            patient=patient, by=patient.user, folder=folder, name="garmin-export.zip"
        )
    training_plan_attach(
        patient=patient,
        by=clinician,
        goal=Goal(weekly_min=180),
        start=today,
        step_min=10,
        note="Keep every run at an easy, chatty pace. The long run grows slowly: no more jumps "
        "like the 16 km run before your knee started hurting.",
    )
    return imp.sessions_added
