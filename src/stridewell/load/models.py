"""Frozen dataclasses that go in and out of the load core."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

RUNNING = "running"
ProblemKind = Literal["rejected", "salvaged", "not_activity", "duplicate", "known", "unsupported"]


@dataclass(frozen=True)
class Session:
    """One activity, normalised: SI units, start time-zone aware (UTC), source and hash.

    `utc_offset_min` is the device's local offset when the file records it (FIT
    `activity.local_timestamp`), else 0; days and weeks are counted in that local time.
    Cadence is in steps/min for running (FIT and TCX store strides/min; we double them).
    `rpe` is the CR10 session RPE (0-10) when the watch asked for it (FIT `workout_rpe`/10).
    """

    sport: str
    start: datetime
    elapsed_s: float
    moving_s: float
    distance_m: float | None = None
    ascent_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    cadence_spm: float | None = None
    rpe: float | None = None
    sub_sport: str | None = None
    utc_offset_min: int = 0
    source: str = ""
    content_hash: str = ""
    index: int = 0
    device: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Return a stable id: content hash plus the session's index in its file."""
        return f"{self.content_hash[:20]}-{self.index}"

    @property
    def is_run(self) -> bool:
        """Return True for running sessions (road, trail, treadmill, track)."""
        return self.sport == RUNNING

    @property
    def local_start(self) -> datetime:
        """Return the start in the device's local time (naive wall-clock)."""
        return (self.start + timedelta(minutes=self.utc_offset_min)).replace(tzinfo=None)

    @property
    def day(self) -> date:
        """Return the local calendar day the session started on."""
        return self.local_start.date()

    @property
    def moving_min(self) -> float:
        """Return moving time in minutes."""
        return self.moving_s / 60.0

    @property
    def distance_km(self) -> float:
        """Return distance in km (0 when the file has none)."""
        return (self.distance_m or 0.0) / 1000.0

    def label(self) -> str:
        """Return a short human label, e.g. 'run on Tue 4 Mar 2025 (8.2 km, 45 min)'."""
        d = self.local_start
        size = f"{self.distance_km:.1f} km, " if self.distance_m else ""
        return f"{self.sport} on {d:%a} {d.day} {d:%b %Y} ({size}{self.moving_min:.0f} min)"


@dataclass(frozen=True)
class ImportProblem:
    """A file (or part of one) that did not import cleanly, and why in plain words."""

    source: str
    kind: ProblemKind
    reason: str


@dataclass(frozen=True)
class Progress:
    """Progress of an import, passed to the callback after each file."""

    done: int
    total: int
    source: str
    bytes_read: int


@dataclass(frozen=True)
class ImportResult:
    """What an import read: new sessions, per-file problems, counts and new hashes."""

    sessions: tuple[Session, ...]
    problems: tuple[ImportProblem, ...]
    files_seen: int
    files_parsed: int
    bytes_parsed: int
    new_hashes: dict[str, str] = field(default_factory=dict)

    @property
    def rejected(self) -> tuple[ImportProblem, ...]:
        """Return problems that kept a whole file out (not duplicates or known files)."""
        keep = ("rejected", "not_activity", "unsupported")
        return tuple(p for p in self.problems if p.kind in keep)
