"""Activity files for the training-load web tests: real files from the shared corpus and small
hand-made TCX runs whose numbers a person can check."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

from django.utils import timezone

from tests.conftest import DATA

ACTIVITIES = DATA / "activities"
FITPARSE = ACTIVITIES / "python-fitparse" / "tests" / "files"
REAL_RUNS = {  # three real runs in three formats/devices, and their dates
    "fenix2-run.fit": FITPARSE / "activity-small-fenix2-run.fit",
    "2013-02-06-12-11-14.fit": FITPARSE / "2013-02-06-12-11-14.fit",
    "no_hr.tcx": ACTIVITIES / "python-tcxparser" / "tests" / "files" / "no_hr.tcx",
}
BROKEN = (
    ACTIVITIES / "fitparse-rs" / "fitparser" / "tests" / "fixtures" / "DeveloperData.fit"
)  # no times
SETTINGS = FITPARSE / "Settings.fit"  # a FIT file that holds no workout


def real_export() -> bytes:
    """Return a Garmin-style export zip: the three real runs, one broken file, one settings file, junk."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, path in REAL_RUNS.items():
            zf.writestr(f"DI_CONNECT/DI-Connect-Fitness-Uploaded-Files/{name}", path.read_bytes())
        zf.writestr(
            "DI_CONNECT/DI-Connect-Fitness-Uploaded-Files/DeveloperData.fit", BROKEN.read_bytes()
        )
        zf.writestr("DI_CONNECT/DI-Connect-Device/Settings.fit", SETTINGS.read_bytes())
        zf.writestr("__MACOSX/._fenix2-run.fit", b"junk")
    return buf.getvalue()


def tcx_run(day: date, km: float, minutes: float, hour: int = 7) -> bytes:
    """Return a one-lap TCX run: `km` kilometres in `minutes` minutes, starting at `hour`:00 UTC on `day`."""
    start = f"{day.isoformat()}T{hour:02d}:00:00Z"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{start}</Id><Lap StartTime="{start}">'
        f"<TotalTimeSeconds>{minutes * 60:.0f}</TotalTimeSeconds><DistanceMeters>{km * 1000:.0f}</DistanceMeters>"
        f"</Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def spiky_history(today: date | None = None) -> tuple[bytes, date]:
    """Return a zip of 12 runs ending two days ago: eleven of 5 km in 30 min over six weeks, then 10 km in
    60 min — 100% longer than the longest run of the 30 days before (Frandsen 2025's top band)."""
    today = today or timezone.localdate()
    buf = io.BytesIO()
    days = [today - timedelta(days=n) for n in (41, 38, 34, 31, 27, 24, 20, 17, 13, 10, 6)]
    with zipfile.ZipFile(buf, "w") as zf:
        for d in days:
            zf.writestr(f"export/{d.isoformat()}.tcx", tcx_run(d, 5.0, 30))
        zf.writestr("export/long.tcx", tcx_run(today - timedelta(days=2), 10.0, 60))
    return buf.getvalue(), today - timedelta(days=2)
