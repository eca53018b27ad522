"""Gait fixtures: the real clip, RBDS motion capture, and one real BlazePose run per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from stridewell.gait import (
    GaitAnalysis,
    Keypoints,
    Markers,
    read_marker_table,
    read_pose_json,
)


@pytest.fixture(scope="session")
def clip(shared_data: Path) -> Path:
    """Return the real 12 s treadmill side-view clip."""
    return shared_data / "gait" / "treadmill_side_clip" / "male_side.mp4"


@pytest.fixture(scope="session")
def rbds(shared_data: Path) -> Path:
    """Return the RBDS motion-capture folder."""
    return shared_data / "gait" / "rbds_mocap"


@pytest.fixture(scope="session")
def clip_landmarks(shared_data: Path) -> Keypoints:
    """Return the precomputed full-resolution BlazePose landmarks of the real clip."""
    path = shared_data / "gait" / "treadmill_side_clip" / "male_side.blazepose_full_DERIVED.json"
    return read_pose_json(path, width=720, height=1280)


@pytest.fixture(scope="session")
def rbds_run(rbds: Path) -> Markers:
    """Return RBDS001's 2.5 m/s treadmill markers (150 Hz)."""
    return read_marker_table(rbds / "RBDS001runT25markers.txt")


@pytest.fixture(scope="session")
def rbds_static(rbds: Path) -> Markers:
    """Return RBDS001's standing trial markers."""
    return read_marker_table(rbds / "RBDS001static.txt")


@pytest.fixture(scope="session")
def clip_result(clip: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[GaitAnalysis, Path]:
    """Run the whole pipeline (real BlazePose, annotated video, HTML and PDF) once per session."""
    from stridewell.report.gait import analyse_and_report

    out = tmp_path_factory.mktemp("clip")
    stages: list[str] = []
    analysis, _ = analyse_and_report(clip, out, progress=lambda s, f: stages.append(s))
    assert "pose" in stages and "report" in stages
    return analysis, out
