"""What every reader returns, and the small helpers they share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from stridewell.load.models import RUNNING, Session

_SPORTS = {
    "run": RUNNING, "running": RUNNING, "treadmill": RUNNING, "trail_running": RUNNING,
    "9": RUNNING, "biking": "cycling", "bike": "cycling", "cycling": "cycling", "ride": "cycling",
    "1": "cycling", "swim": "swimming", "swimming": "swimming", "walk": "walking",
    "walking": "walking", "hike": "walking", "hiking": "walking",
}


@dataclass(frozen=True)
class ReadOutcome:
    """Sessions read from one file, with notes on damage that was worked around."""

    sessions: tuple[Session, ...]
    notes: tuple[str, ...] = ()


def sport_name(raw: object) -> str:
    """Return our sport name for a file's sport label (FIT enum, TCX Sport, GPX type)."""
    text = str(raw).strip().lower().replace(" ", "_") if raw is not None else ""
    return _SPORTS.get(text, text or "unknown")


@dataclass
class Track:
    """Running totals over track points, for files with no summary (or to fill one in)."""

    first: datetime | None = None
    last: datetime | None = None
    distance_m: float | None = None
    ascent_m: float = 0.0
    hr_sum: float = 0.0
    hr_n: int = 0
    hr_max: float = 0.0
    cad_sum: float = 0.0
    cad_n: int = 0
    points: int = 0
    timed: int = 0
    _alt: float | None = None

    def add(self, when: datetime | None, dist: float | None, alt: float | None,
            hr: float | None, cad: float | None) -> None:
        """Fold one point into the totals (None values are skipped)."""
        self.points += 1
        if when is not None:
            self.timed += 1
            if self.first is None or when < self.first:
                self.first = when
            if self.last is None or when > self.last:
                self.last = when
        if dist is not None and (self.distance_m is None or dist > self.distance_m):
            self.distance_m = dist
        if alt is not None:
            if self._alt is not None and alt > self._alt:
                self.ascent_m += alt - self._alt
            self._alt = alt
        if hr:
            self.hr_sum += hr
            self.hr_n += 1
            self.hr_max = max(self.hr_max, hr)
        if cad:
            self.cad_sum += cad
            self.cad_n += 1

    @property
    def elapsed_s(self) -> float:
        """Return seconds from first to last timed point (0 without times)."""
        if self.first is None or self.last is None:
            return 0.0
        return (self.last - self.first).total_seconds()

    @property
    def avg_hr(self) -> float | None:
        """Return the mean heart rate over points that have one."""
        return self.hr_sum / self.hr_n if self.hr_n else None

    @property
    def avg_cadence(self) -> float | None:
        """Return the mean cadence over points that have one, as stored in the file."""
        return self.cad_sum / self.cad_n if self.cad_n else None
