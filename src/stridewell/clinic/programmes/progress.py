"""Where the runner is now: the pain rule applied session by session, the run plan, adherence.

Nothing here writes. The state is worked out again from the logs each time (a replay), so a
score corrected later, or a morning score added a day late, can never apply a step twice.

How the core's decision is applied to the published programme:

- regress: one set fewer on every exercise of the current phase (never below one set);
- progress after a step back: one set back on, towards the prescribed dose;
- progress at the prescribed dose: the runner adds load as the core's review says, and the
  clinician is told the runner may be ready for the next phase (they check its criteria);
- after any change, the next step up waits for the rule's number of sessions at the new dose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from stridewell import programme as core
from stridewell.clinic.programmes.models import (
    Programme,
    ProgrammeVersion,
    RunLog,
    RunPlan,
    SessionLog,
)
from stridewell.clinic.programmes.services import run_plan_of, version_of


@dataclass(frozen=True)
class Step:
    """The decision after one logged session and what it changed."""

    day: date
    action: str
    explanation: str
    applied: str = ""
    see_clinician: bool = False
    changed: bool = False


@dataclass(frozen=True)
class ProgrammeState:
    """The published programme as it stands after the pain log, and the steps that led there."""

    programme: core.Programme
    prescribed: core.Programme
    sets_off: int
    steps: tuple[Step, ...]
    ready_for_phase: int | None
    pain_log: tuple[core.PainEntry, ...]

    @property
    def now(self) -> Step | None:
        """Return the decision after the latest logged session, or None before any."""
        return self.steps[-1] if self.steps else None

    @property
    def changes(self) -> tuple[Step, ...]:
        """Return the steps that changed the dose or told the clinician (newest last)."""
        return tuple(s for s in self.steps if s.changed)


def with_sets_off(programme: core.Programme, sets_off: int) -> core.Programme:
    """Return `programme` with `sets_off` sets fewer on each exercise of its current phase (at least 1)."""
    if sets_off <= 0:
        return programme
    out = programme
    for p in programme.phase.prescriptions:
        sets = max(1, p.dose.sets - sets_off)
        if sets != p.dose.sets:
            out = core.set_dose(
                out, programme.current_phase, p.exercise_id, replace(p.dose, sets=sets)
            )
    notes = programme.adjustments + (
        f"Phase {programme.current_phase}: {sets_off} set(s) fewer on each exercise because the pain "
        "rule said to step back.",
    )
    return replace(out, adjustments=notes)


def _can_drop_a_set(programme: core.Programme, sets_off: int) -> bool:
    return any(p.dose.sets - sets_off > 1 for p in programme.phase.prescriptions)


def pain_entries(sessions: list[SessionLog]) -> list[core.PainEntry]:
    """Return the core's pain entries for the sessions that have a pain-during score."""
    return [
        core.PainEntry(s.day, s.pain_during, s.pain_next_morning)
        for s in sessions
        if s.pain_during is not None
    ]


def programme_state(programme: Programme, version: ProgrammeVersion) -> ProgrammeState:
    """Return the published version with the pain rule applied to every session logged under it."""
    prescribed = version_of(version)
    rule = prescribed.pain_rule
    sessions = [s for s in programme.sessions.order_by("day") if s.pain_during is not None]
    log = pain_entries(sessions)
    sets_off, since, ready = 0, 0, None
    steps: list[Step] = []
    for i, session in enumerate(sessions):
        if session.version_id != version.id:
            continue  # earlier versions' sessions count for the trend, not for this version's steps
        since += 1
        current = with_sets_off(prescribed, sets_off)
        result = core.review(current, log[: i + 1])
        step = Step(
            session.day,
            result.action,
            result.explanation,
            see_clinician=result.decision.see_clinician,
        )
        if result.action == "regress":
            if _can_drop_a_set(prescribed, sets_off):
                sets_off += 1
                step = replace(
                    step, changed=True, applied="We have taken one set off each exercise."
                )
            else:
                step = replace(
                    step,
                    changed=True,
                    see_clinician=True,
                    applied=(
                        "Each exercise is down to one set already: use the easier versions and talk to "
                        "your physiotherapist."
                    ),
                )
            since, ready = 0, None
        elif result.action == "progress" and since < rule.sessions_to_progress:
            step = replace(
                step,
                action="hold",
                explanation=(
                    f"Keep the current dose: it changed recently, and we want {rule.sessions_to_progress} sessions "
                    f"within the limits at this dose before the next step ({since} so far)."
                ),
            )
        elif result.action == "progress" and sets_off > 0:
            sets_off -= 1
            since = 0
            step = replace(step, changed=True, applied="We have put one set back on each exercise.")
        elif result.action == "progress":
            since = 0
            ready = result.next_phase
            applied = (
                f"Your physiotherapist has been told you may be ready for phase {ready}."
                if ready
                else "You are in the last phase: keep it going."
            )
            step = replace(step, changed=True, applied=applied)
        steps.append(step)
    return ProgrammeState(
        with_sets_off(prescribed, sets_off), prescribed, sets_off, tuple(steps), ready, tuple(log)
    )


# ---- return to run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunState:
    """The walk-run plan after replaying the logged runs, with the decision after each."""

    plan: core.ReturnToRunPlan
    runs: tuple[RunLog, ...]
    decisions: tuple[core.RunDecision, ...]
    complete: bool

    @property
    def now(self) -> core.RunDecision | None:
        """Return the decision after the latest run, or None before any."""
        return self.decisions[-1] if self.decisions else None


def run_state(plan: RunPlan) -> RunState:
    """Return the plan replayed through the logged runs (the core's `replay`)."""
    start = run_plan_of(plan)
    runs = tuple(plan.runs.order_by("day"))
    log = [core.PainEntry(r.day, r.pain_during, r.pain_next_morning) for r in runs]
    now, decisions = core.replay(start, log)
    return RunState(now, runs, decisions, any(d.complete for d in decisions))


def run_phase_allows(programme: core.Programme) -> bool:
    """Return True when the programme's current phase is one where running may start."""
    first = programme.return_to_run_phase
    return first is not None and programme.current_phase >= first


# ---- today's list and adherence -------------------------------------------------------------


def next_session_day(programme: core.Programme, after: date) -> date | None:
    """Return the next day after `after` with exercises planned, or None when the week is empty."""
    for k in range(1, 8):
        day = after + timedelta(days=k)
        if core.exercises_on(programme, day):
            return day
    return None


@dataclass(frozen=True)
class WeekAdherence:
    """One Monday-to-Sunday week: sessions planned, sessions with any exercise ticked, exercises."""

    week_start: date
    planned: int
    done: int
    exercises_planned: int
    exercises_done: int


def adherence(programme: Programme, today: date, weeks: int = 8) -> list[WeekAdherence]:
    """Return sessions done against planned, week by week since publication (newest last).

    Each day counts against the version in force that day, so a republished plan does not
    rewrite what was planned before it.
    """
    from django.utils import timezone

    versions = sorted(programme.versions.all(), key=lambda v: v.number)
    in_force = [(timezone.localtime(v.published_at).date(), version_of(v)) for v in versions]
    first = in_force[0][0]
    sessions = {s.day: s for s in programme.sessions.prefetch_related("done")}
    start = max(
        first - timedelta(days=first.weekday()),
        today - timedelta(days=today.weekday() + 7 * (weeks - 1)),
    )
    out = []
    week = start
    while week <= today:
        planned = done = ex_planned = ex_done = 0
        for k in range(7):
            day = week + timedelta(days=k)
            if day < first or day > today:
                continue
            plan = [p for since, p in in_force if since <= day][-1]
            todays = core.exercises_on(plan, day)
            session = sessions.get(day)
            ticked = {d.exercise_id for d in session.done.all()} if session else set()
            if todays:
                planned += 1
                ex_planned += len(todays)
            if ticked:
                done += 1
                ex_done += len(ticked)
        out.append(WeekAdherence(week, planned, done, ex_planned, ex_done))
        week += timedelta(days=7)
    return out
