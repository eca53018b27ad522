"""Contact events on RBDS001 seen by a virtual side camera, scored against force-plate events."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from stridewell.gait import Markers, analyse_keypoints, side_camera_keypoints

FORCE_CADENCE = 156.8  # steps/min from the 77 force-plate contacts (SOURCES.md)


def _force_events(rbds: Path) -> list[dict[str, str]]:
    return list(csv.DictReader((rbds / "RBDS001runT25_force_events_DERIVED.csv").open()))


def _errors_ms(
    rbds: Path, run: Markers, static: Markers, fps: float
) -> tuple[np.ndarray, np.ndarray, int]:
    kp = side_camera_keypoints(run, static, fps=fps, noise_px=1.5, seed=1)
    a = analyse_keypoints(kp)
    events = _force_events(rbds)
    ic, to = [], []
    for s in a.steps:
        side = "R" if s.side == "right" else "L"
        truth = min(
            (e for e in events if e["side"] == side),
            key=lambda e: abs(float(e["ic_time_s"]) - s.ic_time),
        )
        ic.append(s.ic_time - float(truth["ic_time_s"]))
        to.append(s.to_time - float(truth["to_time_s"]))
    return 1000 * np.array(ic), 1000 * np.array(to), len(a.steps)


@pytest.mark.parametrize("fps", [30, 60, 120])
def test_contacts_match_force_plate_within_one_frame_on_average(rbds, rbds_run, rbds_static, fps):
    ic, to, n = _errors_ms(rbds, rbds_run, rbds_static, fps)
    frame_ms = 1000 / fps
    assert n == 77  # every force-plate contact found, none invented
    assert abs(np.mean(ic)) < max(frame_ms / 2, 5)
    assert abs(np.mean(to)) < frame_ms
    assert np.percentile(np.abs(ic), 95) < 35
    assert np.percentile(np.abs(to), 95) < 35


def test_cadence_at_30fps_is_within_half_a_step_of_force_plate(rbds_run, rbds_static):
    a = analyse_keypoints(side_camera_keypoints(rbds_run, rbds_static, fps=30, noise_px=1.5))
    assert a.cadence.method.startswith("120 / mean stride")
    assert abs(a.cadence.steps_per_min - FORCE_CADENCE) < 0.5
    assert abs(a.cadence.spectral - FORCE_CADENCE) < 1.0


def test_contact_time_reported_at_120fps_is_near_force_plate_276ms(rbds_run, rbds_static):
    a = analyse_keypoints(side_camera_keypoints(rbds_run, rbds_static, fps=120, noise_px=1.5))
    ct = [s.contact_time for s in a.steps if s.contact_time is not None]
    assert len(ct) == 77
    assert abs(np.mean(ct) - 276) < 15  # within about two frames at 120 fps
    duty = [s.duty_factor for s in a.steps if s.duty_factor is not None]
    assert 30 < np.mean(duty) < 40  # 276 ms of a 765 ms stride = 36 %


def test_contact_time_is_withheld_at_30fps_with_a_reason(rbds_run, rbds_static):
    a = analyse_keypoints(side_camera_keypoints(rbds_run, rbds_static, fps=30))
    assert all(s.contact_time is None and s.duty_factor is None for s in a.steps)
    assert any("120 fps" in n and "33 ms" in n for n in a.notes)


def test_vertical_oscillation_matches_pelvis_markers(rbds_run, rbds_static):
    # mocap ground truth: 95 +- 5 mm pelvis excursion per step; leg length from the same projection
    a = analyse_keypoints(side_camera_keypoints(rbds_run, rbds_static, fps=60, px_per_mm=1.0))
    vo = np.mean([s.vertical_oscillation for s in a.steps if s.vertical_oscillation is not None])
    t = rbds_static.tracks
    gtr, knee, ankle = (np.nanmean(t[f"R.{n}"], axis=0)[:2] for n in ("GTR", "Knee", "Ankle"))
    leg_mm = np.linalg.norm(gtr - knee) + np.linalg.norm(knee - ankle)  # about 858 mm
    assert abs(vo / 100 * leg_mm - 95) < 10
