"""thresholds.toml: every number has a unit and a source, and bad edits are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from stridewell.load import ThresholdsError, load_thresholds, progression_plan
from stridewell.load.plan import Base, Goal
from tests.load.history import day, thresholds_with


def test_packaged_thresholds_carry_unit_kind_and_source() -> None:
    th = load_thresholds()
    assert th.value("spike.moderate") == 10 and th.value("weekly.change") == 30
    assert th.value("pmc.fitness") == 42 and th.value("pmc.fatigue") == 7
    for key, c in th.constants.items():
        assert c.unit and c.source and c.kind in ("evidence", "convention", "model"), key
    assert "Frandsen" in th.get("spike.moderate").source
    assert "Nielsen" in th.get("weekly.change").source


def test_a_number_without_a_source_is_refused_by_name(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "src/stridewell/load/thresholds.toml").read_text()
    bad = tmp_path / "t.toml"
    bad.write_text(text.replace(
        'source = "Frandsen JSB et al. 2025, Br J Sports Med 59:1203-1210: >100% HRR', 'x = "'))
    with pytest.raises(ThresholdsError, match=r"spike.high: every number needs a source"):
        load_thresholds(bad)


def test_unreadable_or_invalid_thresholds_files_get_a_message(tmp_path: Path) -> None:
    with pytest.raises(ThresholdsError, match="cannot read thresholds file"):
        load_thresholds(tmp_path / "missing.toml")
    (tmp_path / "bad.toml").write_text("[spike\n")
    with pytest.raises(ThresholdsError, match="not valid TOML"):
        load_thresholds(tmp_path / "bad.toml")


def test_contradictory_values_are_refused() -> None:
    with pytest.raises(ThresholdsError, match="spike.moderate must be below spike.high"):
        thresholds_with(spike__moderate=150)
    with pytest.raises(ThresholdsError, match="lighter_every"):
        thresholds_with(plan__lighter_every=12)


def test_a_lighter_week_every_third_week_when_configured() -> None:
    th = thresholds_with(plan__lighter_every=3)
    p = progression_plan(Base(60, 25, 6.0), Goal(weekly_min=100), start=day(21), thresholds=th)
    # 70, 80, lighter 64 (80% of 80), back to 80, 90, lighter 72, back to 90, 100
    assert [w.run_min for w in p.weeks] == [70, 80, 64, 80, 90, 72, 90, 100]
    assert [w.number for w in p.weeks if w.lighter] == [3, 6]
