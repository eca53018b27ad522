"""Recovery: which sessions are hard, gaps between hard sessions, days since the last one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from stridewell.load.config import Thresholds, load_thresholds
from stridewell.load.loadmodel import Athlete
from stridewell.load.models import Session


@dataclass(frozen=True)
class HardGap:
    """Two hard or long sessions whose starts are `hours` apart, under the recovery rule."""

    first: Session
    second: Session
    hours: float


def is_hard(s: Session, athlete: Athlete | None = None, th: Thresholds | None = None) -> bool:
    """Return True when a session is hard or long.

    Hard: session RPE >= 7 (CR10), or average heart rate >= 80% of heart-rate reserve,
    or moving time >= 90 min (all editable in thresholds.toml). Without RPE and heart
    rate only the duration test can fire.
    """
    th = th or load_thresholds()
    athlete = athlete or Athlete()
    if s.moving_min >= th.value("recovery.long_min"):
        return True
    if s.rpe is not None:
        return s.rpe >= th.value("recovery.hard_rpe")
    if s.avg_hr:
        hr_max = athlete.hr_max or th.value("trimp.hr_max")
        hr_rest = athlete.hr_rest or th.value("trimp.hr_rest")
        reserve = (s.avg_hr - hr_rest) / (hr_max - hr_rest) * 100
        return reserve >= th.value("recovery.hard_hrr")
    return False


def hard_gaps(sessions: Sequence[Session], athlete: Athlete | None = None,
              th: Thresholds | None = None) -> list[HardGap]:
    """Return consecutive hard sessions that started less than 48 h apart (start to start).

    Legs of one multisport file (same content hash) count as one session, not a gap.
    """
    th = th or load_thresholds()
    limit = th.value("recovery.hours")
    hard = sorted((s for s in sessions if is_hard(s, athlete, th)), key=lambda s: s.start)
    out = []
    for a, b in zip(hard, hard[1:], strict=False):
        if a.content_hash and a.content_hash == b.content_hash:
            continue
        hours = (b.start - a.start).total_seconds() / 3600
        if hours < limit:
            out.append(HardGap(a, b, hours))
    return out


def days_since_hard(sessions: Sequence[Session], as_of: datetime,
                    athlete: Athlete | None = None, th: Thresholds | None = None) -> float | None:
    """Return days from the start of the last hard session to `as_of` (None if there is none)."""
    hard = [s.start for s in sessions if is_hard(s, athlete, th) and s.start <= as_of]
    return (as_of - max(hard)).total_seconds() / 86400 if hard else None
