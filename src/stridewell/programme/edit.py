"""Clinician edits to a programme: swap, add or remove an exercise, or change a dose.

Each edit returns a new programme (they are frozen) with that phase's week re-planned, and
records what changed in `adjustments`, so the handout and the patient see the edit.
"""

from __future__ import annotations

from dataclasses import replace

from stridewell.programme.generator import plan_week
from stridewell.programme.library import Dose, load_library
from stridewell.programme.models import Phase, Prescription, Programme

__all__ = ["add_exercise", "remove_exercise", "set_dose", "swap_exercise"]


def _phase(programme: Programme, number: int) -> Phase:
    if not 1 <= number <= len(programme.phases):
        raise ValueError(f"phase must be 1..{len(programme.phases)}, got {number}")
    return programme.phases[number - 1]


def _with_phase(programme: Programme, phase: Phase, prescriptions: tuple[Prescription, ...],
                note: str) -> Programme:
    new = replace(phase, prescriptions=prescriptions,
                  week=plan_week(prescriptions, programme.days_available))
    phases = tuple(new if p.number == phase.number else p for p in programme.phases)
    return replace(programme, phases=phases, adjustments=(*programme.adjustments, note))


def _index(phase: Phase, exercise_id: str) -> int:
    for i, p in enumerate(phase.prescriptions):
        if p.exercise_id == exercise_id:
            return i
    raise KeyError(f"{exercise_id} is not in phase {phase.number}")


def swap_exercise(programme: Programme, phase: int, old_id: str, new_id: str) -> Programme:
    """Return the programme with `old_id` replaced by library exercise `new_id` (its dose)."""
    ph = _phase(programme, phase)
    new_ex = load_library()[new_id]
    i = _index(ph, old_id)
    old = ph.prescriptions[i]
    swapped = replace(old, exercise_id=new_ex.id, name=new_ex.name, dose=new_ex.dose)
    items = (*ph.prescriptions[:i], swapped, *ph.prescriptions[i + 1:])
    return _with_phase(programme, ph, items,
                       f"Phase {phase}: clinician swapped {old.name} for {new_ex.name}.")


def add_exercise(programme: Programme, phase: int, exercise_id: str, role: str = "Added",
                 dose: Dose | None = None) -> Programme:
    """Return the programme with a library exercise added to `phase` (its own dose by default)."""
    ph = _phase(programme, phase)
    ex = load_library()[exercise_id]
    if any(p.exercise_id == exercise_id for p in ph.prescriptions):
        raise ValueError(f"{exercise_id} is already in phase {phase}")
    item = Prescription(ex.id, ex.name, role, dose or ex.dose, "added by your clinician")
    return _with_phase(programme, ph, (*ph.prescriptions, item),
                       f"Phase {phase}: clinician added {ex.name}.")


def remove_exercise(programme: Programme, phase: int, exercise_id: str) -> Programme:
    """Return the programme without `exercise_id` in `phase`."""
    ph = _phase(programme, phase)
    i = _index(ph, exercise_id)
    gone = ph.prescriptions[i]
    items = (*ph.prescriptions[:i], *ph.prescriptions[i + 1:])
    return _with_phase(programme, ph, items, f"Phase {phase}: clinician removed {gone.name}.")


def set_dose(programme: Programme, phase: int, exercise_id: str, dose: Dose) -> Programme:
    """Return the programme with a new dose for `exercise_id` in `phase`."""
    ph = _phase(programme, phase)
    i = _index(ph, exercise_id)
    item = replace(ph.prescriptions[i], dose=dose)
    items = (*ph.prescriptions[:i], item, *ph.prescriptions[i + 1:])
    return _with_phase(programme, ph, items,
                       f"Phase {phase}: clinician set {item.name} to {dose.describe()}.")
