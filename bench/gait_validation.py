"""Gait validation: our events, foot strike and knee angles against motion-capture ground truth.

RBDS001 (Fukuchi et al. 2017, PeerJ 5:e3298; CC BY 4.0) runs on an instrumented treadmill; its
markers are projected onto a virtual side camera at 30/60/120 fps with 1.5 px noise and fed
through the same event and metric code that video keypoints take. Printed tables:
  1. initial contact (IC) and toe-off (TO) timing error against force-plate events (vGRF 50 N)
  2. cadence against the force plate
  3. foot-strike class against RBDSinfo's strike-index labels
  4. knee flexion (2D side projection) against RBDS001's 3D angles and the 46-runner norms;
     and the real clip's knee angles (stored BlazePose landmarks) against the same norms
Run: .venv/bin/python bench/gait_validation.py   (no pose model; about half a minute)
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np

from stridewell.gait import (
    analyse_keypoints,
    load_norms,
    read_c3d,
    read_marker_table,
    read_pose_json,
    side_camera_keypoints,
    standing_foot_angles,
)
from stridewell.gait.readers import read_angle_column, read_knee_norm_angles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "gait"
RBDS = DATA / "rbds_mocap"
FORCE_CADENCE = 156.8  # steps/min from the 77 force-plate contacts (SOURCES.md)


def _force_events() -> list[dict[str, str]]:
    return list(csv.DictReader((RBDS / "RBDS001runT25_force_events_DERIVED.csv").open()))


def _stats(ms: np.ndarray) -> str:
    return (
        f"{np.mean(ms):+.1f} | {np.std(ms):.1f} | {np.median(np.abs(ms)):.1f} "
        f"| {np.percentile(np.abs(ms), 95):.1f}"
    )


def events_table(run, static) -> None:  # noqa: ANN001
    """Print IC/TO error against the force plate, contact time and cadence per frame rate."""
    events = _force_events()
    print(
        "| fps | contacts found / force plate | IC error mean (ms) | SD | median abs | 95th abs "
        "| TO error mean (ms) | SD | median abs | 95th abs | contact time (ms) "
        "| cadence (steps/min) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    truth_ct = np.mean([1000 * (float(e["to_time_s"]) - float(e["ic_time_s"])) for e in events])
    for fps in (30, 60, 120):
        a = analyse_keypoints(side_camera_keypoints(run, static, fps=fps, noise_px=1.5, seed=1))
        ic, to = [], []
        for s in a.steps:
            side = "R" if s.side == "right" else "L"
            truth = min(
                (e for e in events if e["side"] == side),
                key=lambda e: abs(float(e["ic_time_s"]) - s.ic_time),
            )
            ic.append(1000 * (s.ic_time - float(truth["ic_time_s"])))
            to.append(1000 * (s.to_time - float(truth["to_time_s"])))
        ct = [s.contact_time for s in a.steps if s.contact_time is not None]
        ct_text = f"{np.mean(ct):.0f} vs {truth_ct:.0f}" if ct else "withheld (< 120 fps)"
        print(
            f"| {fps} | {len(a.steps)} / {len(events)} | {_stats(np.array(ic))} "
            f"| {_stats(np.array(to))} | {ct_text} "
            f"| {a.cadence.steps_per_min:.1f} vs {FORCE_CADENCE} |"
        )


def _label(subject: str, column: str) -> str:
    rows = csv.DictReader((RBDS / "RBDSinfo.txt").open(), delimiter="\t")
    return next(r[column] for r in rows if r["Subject"] == subject)


def foot_strike_table(run25, static) -> None:  # noqa: ANN001
    """Print our foot-strike classes per contact against the data set's strike-index labels."""
    standing = standing_foot_angles(static)
    print(
        "| trial | side | label (strike index) | our classes per contact | agree | "
        "foot-strike angle (deg, mean ± SD) |"
    )
    print("|---|---|---|---|---:|---:|")
    for name, run, speed in (
        ("RBDS001 2.5 m/s", run25, "25"),
        ("RBDS001 3.5 m/s", read_c3d(RBDS / "RBDS001runT35.c3d"), "35"),
    ):
        a = analyse_keypoints(
            side_camera_keypoints(run, static, fps=60), standing_foot_angle=standing
        )
        for side, col in (("right", "RFSI"), ("left", "LFSI")):
            label = _label("1", col + speed).lower()
            steps = [s for s in a.steps if s.side == side and s.foot_strike]
            classes = Counter(s.foot_strike for s in steps)
            agree = classes.get(label, 0) / max(len(steps), 1)
            fsa = [s.foot_strike_angle for s in steps]
            counts = ", ".join(f"{k} {v}" for k, v in classes.most_common())
            print(
                f"| {name} | {side} | {label} | {counts} | {100 * agree:.0f} % "
                f"| {np.mean(fsa):.1f} ± {np.std(fsa):.1f} |"
            )


def _processed(column: str) -> np.ndarray:
    return read_angle_column(RBDS / "RBDS001processed.txt", column)


def knee_table(run, static) -> None:  # noqa: ANN001
    """Print knee flexion at contact and peak in stance: ours (2D) vs 3D vs the 46-runner norms."""
    a = analyse_keypoints(side_camera_keypoints(run, static, fps=60))
    norms = load_norms().metrics
    ic_n, peak_n = read_knee_norm_angles(RBDS / "BMC_RIC_angles")
    print(
        "| knee flexion (deg) | side | ours, 2D side view (mean ± SD) | RBDS001 3D | "
        "ours − 3D | 46 runners (mean ± SD) | our usual range |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    for metric, label, norm_vals, pick in (
        ("knee_flexion_ic", "at contact", ic_n, lambda c: c[0]),
        ("knee_flexion_peak", "peak in stance", peak_n, lambda c: c[:40].max()),
    ):
        for side, col in (("right", "RkneeAngZ25"), ("left", "LkneeAngZ25")):
            ours = np.array([getattr(s, metric) for s in a.steps if s.side == side])
            truth = float(pick(_processed(col)))
            print(
                f"| {label} | {side} | {np.mean(ours):.1f} ± {np.std(ours):.1f} | {truth:.1f} "
                f"| {np.mean(ours) - truth:+.1f} | {np.mean(norm_vals):.1f} ± "
                f"{np.std(norm_vals):.1f} | {norms[metric].range_text()} |"
            )
    clip = read_pose_json(
        DATA / "treadmill_side_clip" / "male_side.blazepose_full_DERIVED.json",
        width=720,
        height=1280,
    )
    c = analyse_keypoints(clip)
    near = c.view.near_side
    for metric, label in (("knee_flexion_ic", "at contact"), ("knee_flexion_peak", "peak")):
        vals = np.array(
            [getattr(s, metric) for s in c.steps if s.side == near and getattr(s, metric)]
        )
        print(
            f"| real clip, {label} | {near} (near) | {np.mean(vals):.1f} ± {np.std(vals):.1f} "
            f"| – | – | – | {norms[metric].range_text()} |"
        )


def main() -> None:
    """Print the three validation tables."""
    run = read_marker_table(RBDS / "RBDS001runT25markers.txt")
    static = read_marker_table(RBDS / "RBDS001static.txt")
    print("RBDS001, 2.5 m/s treadmill, 30 s; markers projected to a side camera, 1.5 px noise\n")
    events_table(run, static)
    print()
    foot_strike_table(run, static)
    print()
    knee_table(run, static)


if __name__ == "__main__":
    main()
