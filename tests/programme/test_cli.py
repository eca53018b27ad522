"""`stridewell programme build` and `decide` through typer's CliRunner."""

import json
from pathlib import Path

from typer.testing import CliRunner

from stridewell.cli import app
from stridewell.programme import programme_from_json

runner = CliRunner()


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_build_prints_the_programme_and_writes_html_pdf_and_json(tmp_path: Path) -> None:
    answers = write(tmp_path, "answers.json", {
        "condition": "itb_syndrome", "phase": 2, "findings": ["tight_calves"],
        "equipment": ["band"], "days_available": 3, "patient_name": "Jo"})
    result = runner.invoke(app, ["programme", "build", "--answers", str(answers),
                                 "--out", str(tmp_path), "--page-size", "Letter"])
    assert result.exit_code == 0, result.output
    assert "IT band syndrome: hip abductor strengthening" in result.output
    assert "<- now" in result.output
    assert (tmp_path / "programme.pdf").read_bytes().startswith(b"%PDF")
    assert "size: Letter" in (tmp_path / "programme.html").read_text()
    stored = programme_from_json((tmp_path / "programme.json").read_text())
    assert stored.current_phase == 2


def test_build_rejects_invalid_answers_with_a_readable_message(tmp_path: Path) -> None:
    answers = write(tmp_path, "bad.json", {"condition": "tennis_elbow"})
    result = runner.invoke(app, ["programme", "build", "--answers", str(answers),
                                 "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid answers" in result.output


def test_decide_explains_a_regress_from_a_pain_log(tmp_path: Path) -> None:
    log = write(tmp_path, "log.json", [
        {"day": "2026-03-02", "during": 2, "next_morning": 1},
        {"day": "2026-03-04", "during": 6, "next_morning": 3}])
    result = runner.invoke(app, ["programme", "decide", "--log", str(log)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("REGRESS")
    assert "[broken] pain during" in result.output


def test_decide_rejects_pain_scores_outside_0_to_10(tmp_path: Path) -> None:
    log = write(tmp_path, "log.json", [{"day": "2026-03-02", "during": 12}])
    result = runner.invoke(app, ["programme", "decide", "--log", str(log)])
    assert result.exit_code == 2


READY = {"pain_free_walk_min": 30, "pain_free_daily_activities": True, "swelling": False,
         "single_leg_squat_pain": 1, "hop_pain": 2}


def test_return_to_run_prints_dated_levels_and_where_the_runner_is(tmp_path: Path) -> None:
    ready = write(tmp_path, "ready.json", READY)
    log = write(tmp_path, "runs.json", [{"day": "2026-03-02", "during": 1, "next_morning": 0},
                                        {"day": "2026-03-04", "during": 0, "next_morning": 0}])
    result = runner.invoke(app, ["programme", "return-to-run", "--readiness", str(ready),
                                 "--start", "2026-03-02", "--condition", "itb_syndrome",
                                 "--log", str(log)])
    assert result.exit_code == 0, result.output
    assert "2026-03-02  level  1  3 x (walk 4 min, run 1 min)" in result.output
    assert "downhill" in result.output
    assert "Now on level 2" in result.output


def test_return_to_run_says_what_is_missing_when_not_ready(tmp_path: Path) -> None:
    ready = write(tmp_path, "ready.json", {**READY, "swelling": True})
    result = runner.invoke(app, ["programme", "return-to-run", "--readiness", str(ready),
                                 "--start", "2026-03-02"])
    assert result.exit_code == 1
    assert "no swelling in the knee" in result.output


def test_schema_lists_every_answer_field_and_the_condition_ids() -> None:
    result = runner.invoke(app, ["programme", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert {"condition", "phase", "irritability", "findings", "equipment",
            "days_available"} <= set(schema["properties"])
    assert "itb_syndrome" in result.output
