"""Review a running programme against the pain log: what to change next, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stridewell.programme.library import load_library
from stridewell.programme.models import Programme
from stridewell.programme.pain import Action, Decision, PainEntry, decide

__all__ = ["ProgrammeReview", "review"]

ACSM_STEP = ("Add 2-10% load when you can do 1-2 reps more than the target in the last set "
             "(ACSM 2009, MSSE 41:687-708).")


@dataclass(frozen=True)
class ProgrammeReview:
    """The pain decision applied to the programme: the action, what it means, and options."""

    action: Action
    explanation: str
    decision: Decision
    easier: tuple[tuple[str, str], ...] = ()
    next_phase: int | None = None
    next_phase_criteria: tuple[str, ...] = ()


def review(programme: Programme, pain_log: Sequence[PainEntry]) -> ProgrammeReview:
    """Return what to do next with the programme given the pain log (pain-monitoring model)."""
    decision = decide(pain_log, programme.pain_rule)
    phase = programme.phase
    if decision.action == "regress":
        lib = load_library()
        easier = tuple((lib[p.exercise_id].name, lib[lib[p.exercise_id].regression].name)
                       for p in phase.prescriptions if lib[p.exercise_id].regression)
        text = (f"{decision.explanation} Next session: one set fewer or less load, or swap to "
                "the easier version of the exercises that hurt.")
        return ProgrammeReview("regress", text, decision, easier=easier)
    if decision.action == "hold":
        return ProgrammeReview("hold", decision.explanation, decision)
    if phase.number < len(programme.phases):
        text = (f"{decision.explanation} {ACSM_STEP} Move to phase {phase.number + 1} once "
                "every criterion for this phase is met; your clinician confirms.")
        return ProgrammeReview("progress", text, decision, next_phase=phase.number + 1,
                               next_phase_criteria=phase.advance_when)
    text = f"{decision.explanation} {ACSM_STEP} This is the last phase: keep it going."
    return ProgrammeReview("progress", text, decision, next_phase_criteria=phase.advance_when)
