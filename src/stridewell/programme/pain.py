"""The pain-monitoring model: decide hold, progress or regress from a runner's pain log.

The model follows Thomeé 1997 (Phys Ther 77:1690-1703) as used by Silbernagel et al. 2007
(Am J Sports Med 35:897-906): (1) pain during activity may reach the agreed level (5/10 by
default), (2) pain after activity must settle by the next morning, (3) pain must not get
worse from week to week. Breaking any rule means less load next time; keeping all of them
means the load can stay or rise. Tendinopathy protocols use a stricter ceiling of 3/10
for moving on (Malliaras 2015, JOSPT 45:887-898; Breda 2021, BJSM 55:501-509).

All pain scores are on the 0-10 numeric rating scale (NPRS). How we apply the rules (our
implementation choices, thresholds in `data/pain_rules.toml`):

- "settled" means the next-morning score is within the safe zone (0-2) or back to the
  resting pain logged before the session;
- "worse week to week" compares the mean of each session's worst score (during or next
  morning) over the last 7 days with the 7 days before; a rise of 1 point or more counts;
- a step up needs 3 sessions in a row at or below the progression ceiling, each with its
  next-morning score logged; pain of 8/10 or more, or two unsettled mornings in a row, also
  advises contacting the clinician.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from statistics import fmean
from typing import Any, Literal

from stridewell.programme.datafiles import read_data

__all__ = [
    "Action",
    "Decision",
    "PainEntry",
    "PainRule",
    "RuleCheck",
    "WeekSummary",
    "decide",
    "rule_for",
    "weekly_summary",
]

Action = Literal["progress", "hold", "regress"]

THOMEE_SILBERNAGEL = (
    "Pain-monitoring model: Thomeé 1997, Phys Ther 77:1690-1703; "
    "Silbernagel et al. 2007, Am J Sports Med 35:897-906."
)


@dataclass(frozen=True)
class PainEntry:
    """One logged session: pain (0-10) during it and the next morning.

    `before` is the usual resting pain before the session; when it is given, "settled by
    next morning" means the morning score is back to it (or within the 0-2 safe zone).
    """

    day: date
    during: int
    next_morning: int | None = None
    before: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        for name in ("during", "next_morning", "before"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 10:
                raise ValueError(f"{name} pain must be 0-10 (NPRS), got {value}")


@dataclass(frozen=True)
class PainRule:
    """The agreed limits; scores are NPRS 0-10, `window_days` is the length of a 'week'."""

    max_during: int = 5
    settled_level: int = 2
    progress_at_most: int = 2
    sessions_to_progress: int = 3
    weekly_worsening: float = 1.0
    window_days: int = 7
    see_clinician_at: int = 8
    source: str = THOMEE_SILBERNAGEL

    def __post_init__(self) -> None:
        if not 0 <= self.progress_at_most <= self.max_during <= 10:
            raise ValueError("need 0 <= progress_at_most <= max_during <= 10")
        if self.sessions_to_progress < 1 or self.window_days < 1:
            raise ValueError("sessions_to_progress and window_days must be at least 1")


@dataclass(frozen=True)
class RuleCheck:
    """One rule of the model applied to the log: whether it held and why."""

    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class Decision:
    """What to do with the load next session, with the checks behind it in plain words."""

    action: Action
    explanation: str
    checks: tuple[RuleCheck, ...] = field(default_factory=tuple)
    see_clinician: bool = False
    source: str = THOMEE_SILBERNAGEL


@cache
def _rules_data() -> dict[str, Any]:
    return read_data("pain_rules.toml")


def rule_for(condition: str) -> PainRule:
    """Return the pain rule for `condition` from `data/pain_rules.toml` (tendons: 3/10 ceiling)."""
    data = _rules_data()
    base = dict(data["default"])
    extra = dict(data.get("conditions", {}).get(condition, {}))
    source_extra = extra.pop("source_extra", "")
    base.update(extra)
    if source_extra:
        base["source"] = f"{base['source']} {source_extra}"
    return PainRule(**base)


def _settled(entry: PainEntry, rule: PainRule) -> bool | None:
    if entry.next_morning is None:
        return None
    limit = rule.settled_level if entry.before is None else max(entry.before, rule.settled_level)
    return entry.next_morning <= limit


def _check_during(latest: PainEntry, rule: PainRule) -> RuleCheck:
    ok = latest.during <= rule.max_during
    verb = "within" if ok else "above"
    return RuleCheck(
        "pain during",
        ok,
        f"pain during the last session was {latest.during}/10, {verb} the agreed "
        f"{rule.max_during}/10",
    )


def _check_morning(latest: PainEntry, rule: PainRule) -> RuleCheck:
    settled = _settled(latest, rule)
    if settled is None:
        return RuleCheck("settled next morning", True, "no next-morning score logged yet")
    target = f"{rule.settled_level}/10 or less"
    if latest.before is not None and latest.before > rule.settled_level:
        target = f"{latest.before}/10 as before the session"
    if settled:
        return RuleCheck(
            "settled next morning", True,
            f"next morning pain was {latest.next_morning}/10, back to {target}",
        )
    return RuleCheck(
        "settled next morning", False,
        f"next morning pain was {latest.next_morning}/10, not back to {target}",
    )


def _week_means(log: Sequence[PainEntry], rule: PainRule) -> tuple[float, float] | None:
    end = log[-1].day
    this_start = end - timedelta(days=rule.window_days - 1)
    last_start = this_start - timedelta(days=rule.window_days)

    def score(e: PainEntry) -> float:
        return float(max(e.during, e.next_morning if e.next_morning is not None else 0))

    this = [score(e) for e in log if this_start <= e.day <= end]
    last = [score(e) for e in log if last_start <= e.day < this_start]
    if not this or not last:
        return None
    return fmean(last), fmean(this)


def _check_week(log: Sequence[PainEntry], rule: PainRule) -> RuleCheck:
    means = _week_means(log, rule)
    if means is None:
        return RuleCheck("not worse week to week", True, "less than two weeks logged so far")
    last, this = means
    worse = this - last >= rule.weekly_worsening
    detail = (
        f"this week's average worst pain is {this:.1f}/10 against {last:.1f}/10 "
        f"the week before"
    )
    return RuleCheck("not worse week to week", not worse, detail)


def _ready_to_progress(log: Sequence[PainEntry], rule: PainRule) -> tuple[bool, str]:
    recent = list(log[-rule.sessions_to_progress:])
    if len(recent) < rule.sessions_to_progress:
        return False, (
            f"only {len(log)} session(s) logged; we want {rule.sessions_to_progress} "
            "in a row within the limits before stepping up"
        )
    if any(e.next_morning is None for e in recent):
        return False, (
            "pain looks calm, but the next-morning score of a recent session is missing; "
            "log it before stepping up"
        )
    calm = all(e.during <= rule.progress_at_most and _settled(e, rule) for e in recent)
    if not calm:
        return False, (
            f"pain is acceptable but not yet at {rule.progress_at_most}/10 or less in each of "
            f"the last {rule.sessions_to_progress} sessions"
        )
    return True, (
        f"the last {rule.sessions_to_progress} sessions all stayed at "
        f"{rule.progress_at_most}/10 or less and settled by the next morning"
    )


def decide(pain_log: Sequence[PainEntry], rule: PainRule | None = None) -> Decision:
    """Return hold, progress or regress for the next session, with the reasons in plain words."""
    rule = rule or PainRule()
    if not pain_log:
        return Decision("hold", "Nothing logged yet: keep the current dose and log your pain.",
                        source=rule.source)
    log = sorted(pain_log, key=lambda e: e.day)
    latest = log[-1]
    checks = (_check_during(latest, rule), _check_morning(latest, rule), _check_week(log, rule))
    broken = [c for c in checks if not c.passed]
    worst = max(latest.during, latest.next_morning or 0)
    see = worst >= rule.see_clinician_at or _unsettled_streak(log, rule) >= 2
    if broken:
        text = "Step back: " + "; ".join(c.detail for c in broken) + "."
        if see:
            text += " Contact your clinician before the next session."
        return Decision("regress", text, checks, see, rule.source)
    ready, why = _ready_to_progress(log, rule)
    if ready:
        return Decision("progress", f"Step up: {why}.", checks, False, rule.source)
    return Decision("hold", f"Keep the current dose: {why}.", checks, False, rule.source)


def _unsettled_streak(log: Sequence[PainEntry], rule: PainRule) -> int:
    streak = 0
    for entry in reversed(log):
        if _settled(entry, rule) is False:
            streak += 1
        else:
            break
    return streak


@dataclass(frozen=True)
class WeekSummary:
    """Pain over one Monday-to-Sunday week: sessions logged and mean scores (NPRS 0-10)."""

    week_start: date
    sessions: int
    mean_during: float
    mean_next_morning: float | None


def weekly_summary(pain_log: Sequence[PainEntry]) -> tuple[WeekSummary, ...]:
    """Return the pain trend week by week (Monday starts), oldest first, for the clinician."""
    weeks: dict[date, list[PainEntry]] = {}
    for entry in pain_log:
        weeks.setdefault(entry.day - timedelta(days=entry.day.weekday()), []).append(entry)
    out = []
    for start in sorted(weeks):
        entries = weeks[start]
        mornings = [e.next_morning for e in entries if e.next_morning is not None]
        out.append(WeekSummary(start, len(entries), round(fmean(e.during for e in entries), 2),
                               round(fmean(mornings), 2) if mornings else None))
    return tuple(out)
