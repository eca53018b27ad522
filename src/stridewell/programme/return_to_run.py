"""The walk-run return-to-run plan: entry criteria, levels, a dated schedule, and advancement.

Levels and rules come from `data/return_to_run.toml` (time-based walk-run levels; rules from
the University of Delaware progression, Capin & Snyder-Mackler 2018, Ann Jt 3:40, and the
military standard programme, Trials 2023). Each step is decided from the runner's pain log
with the pain-monitoring model (`stridewell.programme.pain`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from stridewell.programme.datafiles import read_data
from stridewell.programme.pain import Action, Decision, PainEntry, PainRule, decide

__all__ = [
    "EntryCheck",
    "PlannedRun",
    "Readiness",
    "ReturnToRunPlan",
    "RunDecision",
    "RunLevel",
    "RunRules",
    "advance",
    "check_entry",
    "entry_criteria",
    "replay",
    "return_to_run_plan",
    "run_rules",
    "walk_run_levels",
]


@dataclass(frozen=True)
class RunLevel:
    """One walk-run level; all durations in minutes."""

    number: int
    run_min: int
    repeats: int
    walk_min: int = 0
    warm_up_walk_min: int = 0

    @property
    def total_run_min(self) -> int:
        """Return the minutes of running in one session at this level."""
        return self.run_min * self.repeats

    @property
    def total_min(self) -> int:
        """Return the minutes of the whole session (walking and running)."""
        return self.warm_up_walk_min + (self.walk_min + self.run_min) * self.repeats

    def describe(self) -> str:
        """Return the session in words, e.g. '3 x (walk 4 min, run 1 min), 15 min in all'."""
        if self.walk_min:
            body = f"{self.repeats} x (walk {self.walk_min} min, run {self.run_min} min)"
        else:
            body = f"run {self.run_min} min"
        if self.warm_up_walk_min:
            body = f"walk {self.warm_up_walk_min} min, then {body}"
        return f"{body}, {self.total_min} min in all"


@dataclass(frozen=True)
class RunRules:
    """Advancement rules; pain scores are NPRS 0-10."""

    runs_per_week: int
    max_runs_per_week: int
    rest_day_between_runs: bool
    repeats_per_level: int
    max_levels_per_7_days: int
    progress_pain_at_most: int
    max_pain_during: int
    sources: tuple[str, ...]

    def pain_rule(self) -> PainRule:
        """Return the pain-monitoring rule used to judge a run."""
        return PainRule(
            max_during=self.max_pain_during,
            progress_at_most=self.progress_pain_at_most,
            sessions_to_progress=self.repeats_per_level,
        )


@dataclass(frozen=True)
class Readiness:
    """What the clinician found when checking readiness to run (pain scores NPRS 0-10)."""

    pain_free_walk_min: int
    pain_free_daily_activities: bool
    swelling: bool
    single_leg_squat_pain: int
    hop_pain: int
    bone_stress_injury: bool = False
    medical_clearance: bool = False


@dataclass(frozen=True)
class EntryCheck:
    """Whether the runner may start, with each criterion met or unmet in words."""

    ready: bool
    met: tuple[str, ...]
    unmet: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlannedRun:
    """One dated run in the plan if every session goes well."""

    day: date
    level: int
    description: str
    run_min: int
    total_min: int


@dataclass(frozen=True)
class ReturnToRunPlan:
    """A walk-run plan and where the runner is in it (`current_level` counts from 1)."""

    condition: str
    entry: EntryCheck
    levels: tuple[RunLevel, ...]
    rules: RunRules
    notes: tuple[str, ...]
    sessions: tuple[PlannedRun, ...]
    current_level: int = 1
    level_since: date | None = None
    level_changes: tuple[date, ...] = ()

    @property
    def level(self) -> RunLevel:
        """Return the level the runner is on now."""
        return self.levels[self.current_level - 1]


@dataclass(frozen=True)
class RunDecision:
    """The step to take next, why, and the plan after taking it."""

    action: Action
    explanation: str
    plan: ReturnToRunPlan
    pain: Decision
    complete: bool = False
    see_clinician: bool = False


@cache
def _data() -> dict[str, Any]:
    return read_data("return_to_run.toml")


def walk_run_levels() -> tuple[RunLevel, ...]:
    """Return the walk-run levels from `data/return_to_run.toml`, validated."""
    rows = _data()["levels"]
    levels = tuple(RunLevel(number=i + 1, **row) for i, row in enumerate(rows))
    for lv in levels:
        if lv.run_min <= 0 or lv.repeats <= 0 or lv.walk_min < 0:
            raise ValueError(f"return_to_run.toml: level {lv.number} has a bad duration")
    return levels


def run_rules() -> RunRules:
    """Return the advancement rules from `data/return_to_run.toml`, validated."""
    raw = dict(_data()["rules"])
    raw["sources"] = tuple(raw["sources"])
    rules = RunRules(**raw)
    if not 1 <= rules.runs_per_week <= rules.max_runs_per_week <= 7:
        raise ValueError("return_to_run.toml: runs_per_week must be 1..max_runs_per_week")
    return rules


def _criteria(readiness: Readiness | None) -> list[tuple[bool, str]]:
    entry = _data()["entry"]
    limit = int(entry["min_pain_free_walk_min"])
    most = int(entry["max_test_pain"])
    r = readiness or Readiness(0, False, True, 10, 10)
    criteria = [
        (r.pain_free_walk_min >= limit,
         f"brisk walking for {limit} minutes without pain, and no pain the next day"),
        (r.pain_free_daily_activities, "daily activities, stairs included, without pain"),
        (not r.swelling, "no swelling in the knee"),
        (r.single_leg_squat_pain <= most, f"single-leg squat with pain {most}/10 or less"),
        (r.hop_pain <= most, f"10 single-leg hops with pain {most}/10 or less"),
    ]
    if readiness is None or readiness.bone_stress_injury:
        criteria.append((r.medical_clearance, "medical clearance after a bone stress injury"))
    return criteria


def entry_criteria() -> tuple[str, ...]:
    """Return the entry criteria for running in words (the last applies after bone stress)."""
    return tuple(text for _, text in _criteria(None))


def check_entry(readiness: Readiness) -> EntryCheck:
    """Return which entry criteria for running are met (consensus criteria, clinical.md 3.5)."""
    criteria = _criteria(readiness)
    met = tuple(text for ok, text in criteria if ok)
    unmet = tuple(text for ok, text in criteria if not ok)
    return EntryCheck(not unmet, met, unmet, tuple(_data()["entry"]["sources"]))


def _run_days(start: date, runs_per_week: int, count: int) -> list[date]:
    offsets = {1: (0,), 2: (0, 3), 3: (0, 2, 4)}.get(runs_per_week)
    if offsets is None:  # four a week cannot avoid back-to-back days: run every other day
        return [start + timedelta(days=2 * i) for i in range(count)]
    return [start + timedelta(days=7 * (i // len(offsets)) + offsets[i % len(offsets)])
            for i in range(count)]


def _schedule(levels: Sequence[RunLevel], rules: RunRules, start: date,
              runs_per_week: int) -> tuple[PlannedRun, ...]:
    runs: list[PlannedRun] = []
    days = iter(_run_days(start, runs_per_week, 10 * len(levels) * rules.repeats_per_level))
    changes: list[date] = []
    index, done = 0, 0
    while index < len(levels):
        day = next(days)
        if done >= rules.repeats_per_level:
            recent = [c for c in changes if (day - c).days < 7]
            if len(recent) < rules.max_levels_per_7_days:
                index, done = index + 1, 0
                changes.append(day)
                if index == len(levels):
                    break
        lv = levels[index]
        runs.append(PlannedRun(day, lv.number, lv.describe(), lv.total_run_min, lv.total_min))
        done += 1
    return tuple(runs)


def return_to_run_plan(
    readiness: Readiness,
    *,
    start: date,
    condition: str = "general",
    runs_per_week: int | None = None,
) -> ReturnToRunPlan:
    """Return a walk-run plan starting on `start`, with its entry check and dated sessions."""
    rules = run_rules()
    per_week = rules.runs_per_week if runs_per_week is None else runs_per_week
    per_week = max(1, min(per_week, rules.max_runs_per_week))
    levels = walk_run_levels()
    notes = _data()["notes"]
    entry = check_entry(readiness)
    return ReturnToRunPlan(
        condition=condition,
        entry=entry,
        levels=levels,
        rules=rules,
        notes=tuple(notes.get(condition, [])) + tuple(notes["all"]),
        sessions=_schedule(levels, rules, start, per_week) if entry.ready else (),
        level_since=start if entry.ready else None,
    )


def _at_level(plan: ReturnToRunPlan, log: Sequence[PainEntry]) -> list[PainEntry]:
    since = plan.level_since
    return [e for e in log if since is None or e.day >= since]


def _moved(plan: ReturnToRunPlan, level: int, today: date) -> ReturnToRunPlan:
    return replace(plan, current_level=level, level_since=today,
                   level_changes=plan.level_changes + (today,))


def advance(
    plan: ReturnToRunPlan,
    pain_log: Sequence[PainEntry],
    today: date | None = None,
    load_warnings: Sequence[str] = (),
) -> RunDecision:
    """Return the next step (progress, hold or regress a level) judged from the pain log.

    `load_warnings` are plain-language warnings from the training-load guard (a spike, a fast
    weekly ramp); any warning turns a step up into a hold, because the runner is already
    adding load some other way.
    """
    decision = _advance(plan, pain_log, today)
    if decision.action == "progress" and load_warnings:
        why = ("Stay on this level: the training-load guard warns: "
               + "; ".join(load_warnings) + ".")
        return replace(decision, action="hold", explanation=why, plan=plan, complete=False)
    return decision


def _advance(
    plan: ReturnToRunPlan, pain_log: Sequence[PainEntry], today: date | None
) -> RunDecision:
    log = sorted(pain_log, key=lambda e: e.day)
    rules = plan.rules
    pain = decide(log, rules.pain_rule())
    if not plan.entry.ready:
        why = "Not ready to run yet; still to reach: " + "; ".join(plan.entry.unmet) + "."
        return RunDecision("hold", why, plan, pain)
    today = today or (log[-1].day + timedelta(days=1) if log else date.today())
    if pain.action == "regress":
        return _step_back(plan, pain, today)
    here = _at_level(plan, log)
    lv = plan.current_level
    if len(here) < rules.repeats_per_level:
        return RunDecision("hold", (
            f"Repeat level {lv} ({len(here)} of {rules.repeats_per_level} sessions done): "
            "each level is done at least twice before moving on."), plan, pain)
    if rules.rest_day_between_runs and _back_to_back(here):
        return RunDecision("hold", (
            f"Stay on level {lv}: leave a rest day between runs, then repeat it."), plan, pain)
    calm = all(e.during <= rules.progress_pain_at_most for e in here[-rules.repeats_per_level:])
    if not calm:
        return RunDecision("hold", (
            f"Stay on level {lv}: pain was acceptable but above "
            f"{rules.progress_pain_at_most}/10 in a recent run."), plan, pain)
    recent = [c for c in plan.level_changes if (today - c).days < 7]
    if len(recent) >= rules.max_levels_per_7_days:
        return RunDecision("hold", (
            f"Stay on level {lv}: you have already moved up {len(recent)} levels this week."),
            plan, pain)
    if lv == len(plan.levels):
        return RunDecision("progress", (
            "Plan complete: you ran the last level comfortably. Build up your weekly running "
            "slowly from here."), plan, pain, complete=True)
    return RunDecision("progress", (
        f"Move up to level {lv + 1} ({plan.levels[lv].describe()}): the last "
        f"{rules.repeats_per_level} runs stayed at {rules.progress_pain_at_most}/10 or less "
        "and settled by the next morning."), _moved(plan, lv + 1, today), pain)


def _back_to_back(entries: Sequence[PainEntry]) -> bool:
    return any((b.day - a.day).days < 2 for a, b in zip(entries, entries[1:], strict=False))


def _step_back(plan: ReturnToRunPlan, pain: Decision, today: date) -> RunDecision:
    lv = plan.current_level
    if lv == 1:
        text = (f"{pain.explanation} You are on the first level: walk only for now and "
                "ask your clinician before running again.")
        return RunDecision("regress", text, plan, pain, see_clinician=True)
    text = (f"{pain.explanation} Go back to level {lv - 1} "
            f"({plan.levels[lv - 2].describe()}).")
    return RunDecision("regress", text, _moved(plan, lv - 1, today), pain,
                       see_clinician=pain.see_clinician)


def replay(
    plan: ReturnToRunPlan, pain_log: Sequence[PainEntry]
) -> tuple[ReturnToRunPlan, tuple[RunDecision, ...]]:
    """Return the plan after applying `advance` run by run through the log, and each decision."""
    log = sorted(pain_log, key=lambda e: e.day)
    decisions = []
    for i, entry in enumerate(log):
        decision = advance(plan, log[: i + 1], today=entry.day + timedelta(days=1))
        plan = decision.plan
        decisions.append(decision)
    return plan, tuple(decisions)
