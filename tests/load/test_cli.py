"""`stridewell load import`, `load report --html` and `load plan` through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from stridewell.cli import app
from stridewell.load import write_store
from tests.load.history import day, run

cli = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return cli.invoke(app, ["load", *args])


def _spiky_store(folder: Path) -> Path:
    # three weeks of 5 km runs, then a 12 km run (+140% over the 30-day longest)
    sessions = [run(7 * w + d, 5, 30) for w in range(3) for d in (1, 3, 6)] + [run(22, 12, 70)]
    write_store(folder, sessions, {})
    return folder


def test_import_reads_files_prints_a_summary_the_problems_and_skips_known_files(
        tmp_path: Path, activities: Path) -> None:
    store = tmp_path / "store"
    bad = tmp_path / "broken.fit"
    bad.write_bytes(b"\x0e\x10not a fit file at all")
    folder = activities / "python-tcxparser"
    first = invoke("import", str(folder), str(bad), str(tmp_path / "missing.zip"),
                   "--store", str(store))
    assert first.exit_code == 0, first.output
    assert "Import summary" in first.output and "new sessions" in first.output
    assert "broken.fit" in first.output and "not a FIT file" in first.output
    assert "no such file or folder" in first.output
    assert (store / "sessions.json").exists()
    again = invoke("import", str(folder), "--store", str(store))
    assert again.exit_code == 0, again.output
    line = next(ln for ln in again.output.splitlines() if "already imported" in ln)
    assert line.split()[-2] == "3"  # the three TCX files, hashed and skipped
    assert "Traceback" not in first.output + again.output


def test_import_prints_the_warnings_of_the_whole_history(tmp_path: Path,
                                                         activities: Path) -> None:
    store = _spiky_store(tmp_path / "store")
    out = invoke("import", str(activities / "python-tcxparser"), "--store", str(store),
                 "--warnings", "3")
    assert out.exit_code == 0, out.output
    assert "Warnings of the last 8 weeks" in out.output and "140%" in out.output
    assert "Instead:" in out.output and "Evidence:" in out.output


def test_report_writes_html_with_the_four_plots_and_the_warnings(tmp_path: Path) -> None:
    store = _spiky_store(tmp_path / "store")
    html = tmp_path / "out" / "load.html"
    out = invoke("report", "--html", str(html), "--store", str(store), "--runner", "Jo",
                 "--hr-max", "190", "--hr-rest", "50")
    assert out.exit_code == 0, out.output
    text = html.read_text()
    assert text.count("<svg") == 4
    for title in ("Weekly running volume", "Each run against its single-run limit",
                  "Acute:chronic load ratio", "Fitness, fatigue and form"):
        assert title in text
    assert "140% more than the longest run" in text and "Frandsen" in text
    assert "Jo" in text and "Thresholds used" in text


def test_report_can_write_a_pdf_beside_the_html(tmp_path: Path) -> None:
    store = _spiky_store(tmp_path / "store")
    out = invoke("report", "--html", str(tmp_path / "r.html"), "--pdf", "--store", str(store))
    assert out.exit_code == 0, out.output
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "message"), [
    (["--as-of", "yesterday"], "YYYY-MM-DD"),
    (["--hr-max", "110", "--hr-rest", "115"], "resting heart rate must be below"),
    (["--hr-max", "400"], "--hr-max"),
])
def test_report_bad_options_get_a_message_not_a_traceback(
        tmp_path: Path, args: list[str], message: str) -> None:
    store = _spiky_store(tmp_path / "store")
    out = invoke("report", "--html", str(tmp_path / "r.html"), "--store", str(store), *args)
    assert out.exit_code == 2 and message in out.output
    assert out.exception is None or isinstance(out.exception, SystemExit)


def test_report_before_any_import_says_what_to_do(tmp_path: Path) -> None:
    out = invoke("report", "--html", str(tmp_path / "r.html"), "--store", str(tmp_path / "s"))
    assert out.exit_code == 2 and "run `stridewell load import PATH` first" in out.output


def test_report_into_a_folder_path_is_an_error_message(tmp_path: Path) -> None:
    store = _spiky_store(tmp_path / "store")
    out = invoke("report", "--html", str(tmp_path), "--store", str(store))
    assert out.exit_code == 2 and "cannot write the report" in out.output
    assert isinstance(out.exception, SystemExit)


def test_damaged_store_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "sessions.json").write_text("{not json")
    for args in (["report", "--html", str(tmp_path / "r.html")], ["plan", "--minutes", "60"]):
        out = invoke(*args, "--store", str(tmp_path))
        assert out.exit_code == 2 and "cannot read the session store" in out.output
        assert isinstance(out.exception, SystemExit)


def test_plan_prints_weeks_from_the_imported_base(tmp_path: Path) -> None:
    store = _spiky_store(tmp_path / "store")
    start = day(28).isoformat()
    out = invoke("plan", "--minutes", "120", "--start", start, "--store", str(store))
    assert out.exit_code == 0, out.output
    assert "Progression plan" in out.output and "(lighter)" in out.output
    assert "long run" in out.output and "cross-training" in out.output
    assert "Base:" in out.output


@pytest.mark.parametrize(("args", "message"), [
    ([], "give a goal"),
    (["--minutes", "90", "--step", "15"], "between 5 and 10"),
    (["--race", "2020-01-01"], "before the plan starts"),
    (["--race", "01/05/2026"], "YYYY-MM-DD"),
    (["--minutes", "-5"], "--minutes"),
    (["--km", "0"], "--km"),
])
def test_plan_bad_goals_get_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    store = _spiky_store(tmp_path / "store")
    out = invoke("plan", *args, "--start", day(28).isoformat(), "--store", str(store))
    assert out.exit_code == 2 and message in out.output, out.output
    assert isinstance(out.exception, SystemExit)


def test_plan_distance_goal_without_any_history_asks_for_minutes(tmp_path: Path) -> None:
    out = invoke("plan", "--km", "20", "--store", str(tmp_path / "empty"))
    assert out.exit_code == 2 and "give the goal in minutes" in out.output
