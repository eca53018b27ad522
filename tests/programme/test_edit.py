"""Clinician edits keep the programme consistent and say what changed."""

from dataclasses import replace

import pytest

from stridewell.programme import (
    ProgrammeInputs,
    add_exercise,
    build_programme,
    programme_from_json,
    programme_to_json,
    remove_exercise,
    set_dose,
    swap_exercise,
)

PROG = build_programme(ProgrammeInputs(condition="patellofemoral_pain",
                                       days_available=("mon", "wed", "fri")))


def scheduled(prog, phase: int) -> set[str]:  # type: ignore[no-untyped-def]
    return {i for d in prog.phases[phase - 1].week for i in d.exercise_ids}


def test_swap_replaces_the_exercise_everywhere_in_that_phase_and_notes_it() -> None:
    edited = swap_exercise(PROG, 1, "wall_sit", "spanish_squat")
    ids = [p.exercise_id for p in edited.phases[0].prescriptions]
    assert ids[0] == "spanish_squat" and "wall_sit" not in scheduled(edited, 1)
    assert "spanish_squat" in scheduled(edited, 1)
    assert edited.adjustments[-1] == "Phase 1: clinician swapped Wall sit for Spanish squat."
    assert edited.phases[1:] == PROG.phases[1:]


def test_add_and_remove_update_the_week() -> None:
    added = add_exercise(PROG, 2, "calf_stretch", role="Calf")
    assert "calf_stretch" in scheduled(added, 2)
    removed = remove_exercise(added, 2, "calf_stretch")
    assert "calf_stretch" not in scheduled(removed, 2)
    with pytest.raises(ValueError):
        add_exercise(added, 2, "calf_stretch")


def test_set_dose_changes_only_that_exercise_and_survives_json() -> None:
    first = PROG.phases[0].prescriptions[0]
    lighter = replace(first.dose, sets=2, hold_s=20)
    edited = set_dose(PROG, 1, first.exercise_id, lighter)
    assert edited.phases[0].prescriptions[0].dose == lighter
    assert edited.phases[0].prescriptions[1:] == PROG.phases[0].prescriptions[1:]
    assert programme_from_json(programme_to_json(edited)) == edited


def test_editing_an_exercise_not_in_the_phase_or_a_missing_phase_fails_clearly() -> None:
    with pytest.raises(KeyError):
        remove_exercise(PROG, 1, "drop_jump")
    with pytest.raises(ValueError):
        swap_exercise(PROG, 9, "wall_sit", "quad_set")
