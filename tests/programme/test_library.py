"""Library integrity: every exercise has what a handout needs and every link resolves."""

import pytest

from stridewell.programme import CONDITIONS, load_findings, load_library, load_protocols
from stridewell.programme.library import Library

LIB = load_library()


def test_library_holds_at_least_fifty_exercises() -> None:
    assert len(LIB) >= 50


def test_every_progression_and_regression_link_resolves() -> None:
    assert LIB.broken_links() == []


def test_links_never_point_to_the_exercise_itself() -> None:
    assert [e.id for e in LIB.values() if e.id in (e.progression, e.regression)] == []


def test_following_regressions_always_ends() -> None:
    for ex in LIB.values():
        seen = {ex.id}
        while ex.regression:
            ex = LIB[ex.regression]
            assert ex.id not in seen, f"regression loop through {ex.id}"
            seen.add(ex.id)


@pytest.mark.parametrize("ex", list(LIB.values()), ids=list(LIB))
def test_each_exercise_has_what_a_handout_needs(ex) -> None:  # type: ignore[no-untyped-def]
    assert ex.name and ex.purpose, "name and purpose"
    assert len(ex.cues) >= 2 and all(c.strip().endswith(".") for c in ex.cues)
    assert ex.safety and ex.source, "safety note and a source for the dose"
    assert 1 <= ex.difficulty <= 5
    assert ex.dose.describe()
    assert ex.dose.reps or ex.dose.hold_s or ex.dose.summary, "a dose a person can follow"
    assert set(ex.phases) <= {1, 2, 3, 4}
    assert 1 <= len(ex.illustration.poses) <= 3


def test_every_category_of_the_issue_is_covered() -> None:
    categories = {e.category for e in LIB.values()}
    assert {"strength", "flexibility", "balance", "plyometric", "running"} <= categories


def test_target_muscles_named_by_the_issue_are_all_trained() -> None:
    targets = " ".join(t for e in LIB.values() for t in e.targets).lower()
    for muscle in ("quadriceps", "hamstrings", "gastrocnemius", "glute", "gluteus medius"):
        assert muscle in targets, muscle
    stretched = " ".join(t for e in LIB.values() if e.category == "flexibility"
                         for t in e.targets).lower()
    for muscle in ("quadriceps", "hamstrings", "gastrocnemius", "it band"):
        assert muscle in stretched, muscle


def test_every_condition_has_exercises_in_its_first_phase() -> None:
    for condition in CONDITIONS:
        assert sum(e.suits(condition, 1) for e in LIB.values()) >= 5, condition


def test_protocol_and_finding_choices_name_real_exercises() -> None:
    for proto in load_protocols().values():
        for phase in proto.phases:
            for slot in phase.slots:
                assert set(slot.choose) <= set(LIB), (proto.id, slot.role)
        for note in proto.conditions.values():
            assert set(note.avoid) <= set(LIB)
    for fid, finding in load_findings().items():
        assert set(finding.add) <= set(LIB), fid


def test_first_choice_of_each_protocol_slot_suits_that_condition_and_phase() -> None:
    for proto in load_protocols().values():
        condition = proto.condition if proto.condition != "general" else "meniscal"
        for phase in proto.phases:
            for slot in phase.slots:
                ex = LIB[slot.choose[0]]
                assert ex.suits(condition, phase.number), (proto.id, phase.number, ex.id)


def test_duplicate_exercise_ids_are_rejected() -> None:
    ex = LIB["quad_set"]
    with pytest.raises(ValueError, match="duplicate"):
        Library((ex, ex))


def test_easier_walks_down_the_regression_chain() -> None:
    assert LIB.easier("bulgarian_split_squat", 2).id == "bodyweight_squat"
    assert LIB.easier("quad_set", 3).id == "quad_set"
