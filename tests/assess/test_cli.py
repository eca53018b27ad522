"""The `stridewell screen` and `stridewell score` commands, driven through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from stridewell.assess import ScreeningAnswers
from stridewell.cli import app

runner = CliRunner()
CASES = Path(__file__).parent / "cases"


def write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_screen_schema_prints_the_json_schema_of_the_answer_set() -> None:
    result = runner.invoke(app, ["screen", "--schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"age", "onset"} <= set(schema["required"])
    assert "pain_locations" in schema["properties"]


def test_screen_from_a_case_file_prints_red_flags_before_conditions() -> None:
    path = CASES / "22_tibial_plateau_stress_fracture.json"
    result = runner.invoke(app, ["screen", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "not a diagnosis" in out
    assert out.index("RED FLAGS") < out.index("Likely conditions")
    assert "Bone stress injury" in out


def test_screen_json_output_carries_disclaimer_and_ranked_ids(tmp_path: Path) -> None:
    answers = {
        "age": 25,
        "onset": "gradual",
        "pain_locations": ["outside_above_joint_line"],
        "pain_at_set_distance": True,
    }
    result = runner.invoke(
        app, ["screen", "--json", "--answers", write(tmp_path, "a.json", answers)]
    )
    data = json.loads(result.output)
    assert data["conditions"][0]["id"] == "itb_syndrome"
    assert data["red_flags"] == [] and "not a diagnosis" in data["disclaimer"]


def test_screen_with_a_misspelt_answer_names_it_without_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", {"age": 30, "onset": "slowly", "pain_location": []})
    result = runner.invoke(app, ["screen", "--answers", path])
    assert result.exit_code == 1
    assert "'onset': Input should be 'gradual' or 'sudden'" in result.output
    assert "'pain_location' is not a known answer" in result.output
    assert "Traceback" not in result.output


def test_screen_with_broken_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"age": 30,,}', encoding="utf-8")
    result = runner.invoke(app, ["screen", "--answers", str(path)])
    assert result.exit_code == 1
    assert "not valid JSON (line 1, column 12" in result.output


def test_screen_with_a_missing_file_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "--answers", str(tmp_path / "nope.json")])
    assert result.exit_code == 1 and "no such file" in result.output


def test_screen_asks_the_questions_in_the_terminal() -> None:
    typed = {
        "age": "280\n28",  # out of range, asked again
        "onset": "gradual",
        "pain_locations": "around_kneecap, kneee",  # a typo is asked again
        "aggravating": "stairs_down, squatting, prolonged_sitting",
        "both_knees": "y",
    }
    lines = []
    for name in ScreeningAnswers.model_fields:
        if name == "exam" or name in {
            "days_since_injury",
            "mechanism",
            "heard_pop",
            "bore_weight_after_injury",
        }:
            continue
        lines.append(typed.get(name, ""))
        if name == "pain_locations":
            lines.append("around_kneecap")
    lines.append("n")  # no examination findings
    result = runner.invoke(app, ["screen"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Not a choice: kneee" in result.output
    assert "Not accepted: Input should be less than or equal to 100" in result.output
    assert "1. Patellofemoral pain" in result.output


def test_score_prints_the_total_and_the_change_against_a_baseline(tmp_path: Path) -> None:
    before = write(tmp_path, "before.json", {"pain": 7})
    after = write(tmp_path, "after.json", {"pain": 6})
    result = runner.invoke(app, ["score", "nprs", "--answers", after, "--baseline", before])
    assert result.exit_code == 0, result.output
    assert "Pain: 6.0 of 0-10" in result.output
    assert "does not reach the minimal important difference of 1.16" in result.output


def test_score_koos_marks_a_subscale_not_scored_under_the_half_rule(tmp_path: Path) -> None:
    path = write(tmp_path, "k.json", {"sp1_squat": "mild", "p1_how_often": "never"})
    result = runner.invoke(app, ["score", "koos", "--answers", path])
    assert result.exit_code == 0, result.output
    assert "Sport and recreation: not scored: 1 of 5 items answered, the rule needs 3" in (
        result.output
    )
    assert "Incomplete: unanswered" in result.output


def test_score_with_an_invalid_answer_exits_1_with_the_reason(tmp_path: Path) -> None:
    path = write(tmp_path, "v.json", {"q1_sitting": "lots"})
    result = runner.invoke(app, ["score", "visa_p", "--answers", path])
    assert result.exit_code == 1
    assert "q1_sitting" in result.output and "'lots' is not an option" in result.output
    assert "Traceback" not in result.output


def test_score_unknown_instrument_lists_the_known_ones(tmp_path: Path) -> None:
    result = runner.invoke(app, ["score", "oxford", "--answers", write(tmp_path, "a.json", {})])
    assert result.exit_code == 1 and "known: kujala, visa_p" in result.output


def test_score_items_lists_ids_and_option_values_for_writing_an_answers_file() -> None:
    result = runner.invoke(app, ["score", "visa_p", "--items"])
    assert result.exit_code == 0
    assert "q8b_pain_can_finish" in result.output and "over_15_min=20" in result.output


def test_score_a_json_array_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["score", "nprs", "--answers", write(tmp_path, "a.json", [7])])
    assert result.exit_code == 1 and "expected a JSON object of answers, got list" in result.output
