"""Compare two scores of the same questionnaire against its minimal important difference."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from stridewell.assess.errors import AnswerError
from stridewell.assess.scoring import ScaleScore, Score

__all__ = ["Change", "ScaleChange", "changes_from_baseline", "compare"]

Direction = Literal["better", "worse", "no_important_change", "not_comparable"]


@dataclass(frozen=True)
class ScaleChange:
    """Change on one scale: `important` is True when it reaches the MID, None if not comparable."""

    scale_id: str
    name: str
    before: float | None
    after: float | None
    difference: float | None
    mid: float
    mid_source: str
    important: bool | None
    direction: Direction


@dataclass(frozen=True)
class Change:
    """Change between two dates of one questionnaire, one entry per scale."""

    instrument_id: str
    scales: tuple[ScaleChange, ...]
    before_date: date | None = None
    after_date: date | None = None

    @property
    def important(self) -> bool:
        """Return True when any scale changed by at least its minimal important difference."""
        return any(sc.important for sc in self.scales)

    def scale(self, scale_id: str) -> ScaleChange:
        """Return the change on one scale; raises KeyError if there is no such scale."""
        for sc in self.scales:
            if sc.scale_id == scale_id:
                return sc
        raise KeyError(scale_id)


def compare(before: Score, after: Score) -> Change:
    """Return the change from `before` to `after`, judged against each scale's MID.

    A change is important when |after - before| >= MID (same units as the scale). Direction
    accounts for scales where lower is better (pain 0-10). Raises AnswerError for scores of
    different questionnaires, or for the global rating of change, which is a change already.
    """
    if before.instrument_id != after.instrument_id:
        raise AnswerError(
            "Only scores of the same questionnaire can be compared",
            [f"got {before.instrument_id} and {after.instrument_id}"],
        )
    if before.instrument_id == "groc":
        raise AnswerError(
            "The global rating of change already measures change; read each rating on its own"
        )
    scales = tuple(
        _scale_change(b, after.scale(b.scale_id), before.higher_is_better) for b in before.scales
    )
    return Change(before.instrument_id, scales, before.taken_on, after.taken_on)


def changes_from_baseline(scores: Sequence[Score]) -> tuple[Change, ...]:
    """Return the change of each later score from the first (a trend over visits, oldest first)."""
    if not scores:
        return ()
    return tuple(compare(scores[0], later) for later in scores[1:])


def _scale_change(b: ScaleScore, a: ScaleScore, higher_is_better: bool) -> ScaleChange:
    if b.value is None or a.value is None:
        return ScaleChange(
            b.scale_id,
            b.name,
            b.value,
            a.value,
            None,
            b.mid,
            b.mid_source,
            None,
            "not_comparable",
        )
    diff = a.value - b.value
    # A tiny tolerance so that a KOOS change of exactly 10.0 computed from means counts.
    important = abs(diff) >= b.mid - 1e-9
    gain = diff if higher_is_better else -diff
    direction: Direction = (
        "no_important_change" if not important else ("better" if gain > 0 else "worse")
    )
    return ScaleChange(
        b.scale_id, b.name, b.value, a.value, diff, b.mid, b.mid_source, important, direction
    )
