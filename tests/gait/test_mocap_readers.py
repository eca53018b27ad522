"""Motion capture enters the same pipeline: TRC and C3D readers, foot-strike class vs labels."""

from __future__ import annotations

import csv
from collections import Counter

import numpy as np

from stridewell.gait import (
    analyse_keypoints,
    read_c3d,
    read_trc,
    side_camera_keypoints,
    standing_foot_angles,
)
from stridewell.gait.readers import write_trc


def _label(rbds, subject: str, column: str) -> str:
    rows = csv.DictReader((rbds / "RBDSinfo.txt").open(), delimiter="\t")
    return next(r[column] for r in rows if r["Subject"] == subject)


def test_trc_round_trip_gives_the_same_contacts(tmp_path, rbds_run, rbds_static):
    path = tmp_path / "rbds001.trc"
    write_trc(rbds_run, path)
    back = read_trc(path)
    assert back.rate == rbds_run.rate and set(back.tracks) == set(rbds_run.tracks)
    a = analyse_keypoints(side_camera_keypoints(back, rbds_static, fps=60))
    b = analyse_keypoints(side_camera_keypoints(rbds_run, rbds_static, fps=60))
    assert [s.ic_time for s in a.steps] == [s.ic_time for s in b.steps]


def test_c3d_trial_at_3_5ms_runs_through_the_pipeline(rbds, rbds_static):
    run = read_c3d(rbds / "RBDS001runT35.c3d")
    assert run.rate == 150 and run.n_frames == 4500
    a = analyse_keypoints(side_camera_keypoints(run, rbds_static, fps=60))
    # 30 s of running at 3.5 m/s: cadence rises with speed above the 156.8 of 2.5 m/s
    assert 160 < a.cadence.steps_per_min < 185
    assert abs(a.cadence.steps_per_min - a.cadence.spectral) < 1.5
    assert len(a.steps) > 0.9 * a.cadence.steps_per_min / 2


def test_forefoot_runner_is_never_called_a_heel_striker(rbds, rbds_run, rbds_static):
    """RBDSinfo labels RBDS001 forefoot (strike index) on both sides at 2.5 and 3.5 m/s.

    Our foot-strike angle (Altman & Davis 2012, standing-calibrated) puts this runner at the
    forefoot/midfoot border: no contact may be classed rearfoot, and most must not be.
    """
    assert _label(rbds, "1", "RFSI25") == _label(rbds, "1", "LFSI25") == "Forefoot"
    standing = standing_foot_angles(rbds_static)
    for run in (rbds_run, read_c3d(rbds / "RBDS001runT35.c3d")):
        a = analyse_keypoints(
            side_camera_keypoints(run, rbds_static, fps=60), standing_foot_angle=standing
        )
        classes = Counter(s.foot_strike for s in a.steps)
        assert classes["rearfoot"] == 0
        fsa = np.mean([s.foot_strike_angle for s in a.steps])
        assert fsa < 8.0 - 4.0  # well clear of the rearfoot threshold
