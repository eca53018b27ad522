"""Written clinical cases of runners' knee pain (tests/assess/cases/*.json), each with its
known diagnosis: the right condition must rank first or second, and every red flag the case
carries must be raised. Cases without red flags must raise none (no false alarms)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from stridewell.assess import CONDITIONS, screen

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


RANKED = [p for p in CASES if load(p)["expected_condition"] is not None]


def test_there_are_at_least_20_cases_and_their_conditions_exist() -> None:
    assert len(CASES) >= 20 and len(RANKED) >= 20
    for path in CASES:
        expected = load(path)["expected_condition"]
        assert expected is None or expected in CONDITIONS, path.name


@pytest.mark.parametrize("path", RANKED, ids=lambda p: p.stem)
def test_known_diagnosis_ranks_first_or_second(path: Path) -> None:
    # Cases whose diagnosis is only a red flag (DVT, septic joint, tumour, acute fracture)
    # carry expected_condition null and are checked by the red-flag test below.
    case = load(path)
    result = screen(case["answers"])
    top = [c.id for c in result.conditions[:2]]
    assert case["expected_condition"] in top, f"{case['story']}\nranked: {top}"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_red_flags_are_raised_exactly_where_the_case_has_them(path: Path) -> None:
    case = load(path)
    raised = {f.id for f in screen(case["answers"]).red_flags}
    missing = set(case["expected_red_flags"]) - raised
    assert not missing, f"{case['story']}\nnot raised: {missing}"
    if not case["expected_red_flags"]:
        assert not raised, f"false alarm: {raised}"
