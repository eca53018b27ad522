"""`stridewell gait analyse` through typer's CliRunner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from stridewell.cli import app


def test_cli_refuses_a_text_file_with_filming_advice_and_exit_code_2(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_text("not a video")
    result = CliRunner().invoke(app, ["gait", "analyse", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "Cannot analyse this video" in result.output
    assert "What to film instead" in result.output
    assert "Traceback" not in result.output


def test_cli_rejects_an_unknown_view(tmp_path):
    result = CliRunner().invoke(app, ["gait", "analyse", "x.mp4", "--view", "top"])
    assert result.exit_code == 2 and "side, rear or front" in result.output


def test_cli_json_on_the_real_clip_holds_every_metric(clip, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["gait", "analyse", str(clip), "--out", str(out), "--json", "--no-annotate", "--no-pdf"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["view"]["view"] == "side"
    assert {s["metric"] for s in data["summary"]} >= {"knee_flexion_ic", "foot_strike_angle"}
    assert (out / "report.html").exists() and not (out / "report.pdf").exists()
