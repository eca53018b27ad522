"""Screening behaviour a clinician relies on: disclaimer, evidence both ways, blank findings,
next tests, bad input, the condition ids other modules key off, and the documented schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from stridewell.assess import (
    CONDITIONS,
    AnswerError,
    DataFileError,
    answer_schema,
    parse_answers,
    screen,
)
from stridewell.assess.rules import parse_test

RUNNER: dict[str, Any] = {
    "age": 30,
    "onset": "gradual",
    "pain_locations": ["around_kneecap"],
    "aggravating": ["squatting", "stairs_down"],
}


def test_every_result_says_it_is_not_a_diagnosis_even_without_findings() -> None:
    result = screen({"age": 40, "onset": "gradual"})
    assert "not a diagnosis" in result.disclaimer
    assert result.conditions == () or all(c.supporting for c in result.conditions)
    assert any("No pain location" in n for n in result.notes)


def test_condition_ids_include_those_the_programme_generator_uses() -> None:
    needed = {
        "patellofemoral_pain",
        "patellar_tendinopathy",
        "itb_syndrome",
        "meniscal",
        "ligament",
        "knee_osteoarthritis",
        "osgood_schlatter",
        "sinding_larsen_johansson",
        "pes_anserine",
        "plica",
        "fat_pad",
    }
    assert needed <= set(CONDITIONS)
    assert CONDITIONS["itb_syndrome"] == "Iliotibial band syndrome"
    assert all(key.islower() and " " not in key for key in CONDITIONS)


def test_swelling_counts_against_patellofemoral_pain_and_is_shown_as_contradicting() -> None:
    plain = screen(RUNNER).conditions[0]
    swollen = screen(RUNNER | {"swelling": "within_24_hours"}).conditions
    pfp = next(c for c in swollen if c.id == "patellofemoral_pain")
    assert pfp.score == plain.score - 1.5
    assert [e.answer for e in pfp.contradicting] == ["Swelling: within 24 hours"]
    assert "Swelling makes joint pathology more likely" in pfp.contradicting[0].note


def test_blank_examination_findings_count_neither_way() -> None:
    blank = screen(RUNNER | {"exam": {}}).conditions[0]
    assert blank.score == screen(RUNNER).conditions[0].score


def test_positive_squat_test_raises_the_score_and_is_no_longer_suggested() -> None:
    before = screen(RUNNER).conditions[0]
    after = screen(RUNNER | {"exam": {"squat_reproduces_pain": True}}).conditions[0]
    assert after.score == before.score + 2
    assert any(t.startswith("Squat or step-down") for t in before.examine_next)
    assert not any(t.startswith("Squat or step-down") for t in after.examine_next)


def test_examine_next_covers_the_leading_alternatives() -> None:
    lower_tip = RUNNER | {
        "pain_locations": ["around_kneecap", "kneecap_lower_tip"],
        "aggravating": ["jumping", "squatting"],
    }
    tests = screen(lower_tip).examine_next
    assert any("decline squat" in t for t in tests)
    assert any("Squat or step-down" in t for t in tests)


def test_an_adult_condition_is_not_offered_for_a_child_and_the_hip_note_is_given() -> None:
    child = screen(
        {
            "age": 12,
            "onset": "gradual",
            "pain_locations": ["shin_bump_below_kneecap"],
            "aggravating": ["kneeling"],
        }
    )
    assert child.conditions[0].id == "osgood_schlatter"
    assert "knee_osteoarthritis" not in [c.id for c in child.conditions]
    assert any("examine the hip" in n for n in child.notes)


def test_unknown_answer_field_is_refused_by_name() -> None:
    with pytest.raises(AnswerError, match="'pain_location' is not a known answer"):
        parse_answers({"age": 30, "onset": "gradual", "pain_location": ["calf"]})


def test_out_of_range_and_wrong_choice_are_each_reported() -> None:
    with pytest.raises(AnswerError) as info:
        screen({"age": 300, "onset": "gradual", "pain_locations": ["elbow"]})
    problems = " | ".join(info.value.problems)
    assert "'age': Input should be less than or equal to 100 (got 300)" in problems
    assert "'pain_locations.0'" in problems and "'elbow'" in problems


def test_a_rule_naming_an_answer_that_does_not_exist_fails_when_loaded() -> None:
    with pytest.raises(DataFileError, match="no answer called 'exam.lachman'"):
        parse_test("exam.lachman is true")
    with pytest.raises(DataFileError, match="does not fit"):
        parse_test("pain_locations has elbow")


def test_schema_file_shipped_with_the_package_matches_the_answer_model() -> None:
    shipped = Path(__file__).parents[2] / "src/stridewell/assess/data"
    on_disk = json.loads((shipped / "screening-answers.schema.json").read_text(encoding="utf-8"))
    assert on_disk == answer_schema(), "regenerate: stridewell screen --schema > that file"


def test_schema_documents_the_knee_map_regions() -> None:
    description = answer_schema()["properties"]["pain_locations"]["description"]
    assert "kneecap_lower_tip = at the lower tip of the kneecap" in description
