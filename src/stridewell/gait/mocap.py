"""Motion capture to video-like keypoints: a virtual side camera over real marker data.

Joint centres the running trial lacks (greater trochanter, knee, ankle) are carried from the
standing trial through the thigh and shank marker clusters (rigid fit, Soederkvist & Wedin
1993), then every point is projected orthographically onto the sagittal plane, as a camera
far to the runner's right would see it.
"""

from __future__ import annotations

import numpy as np

from stridewell.gait.keypoints import INDEX, FloatArray, Keypoints, empty_keypoints
from stridewell.gait.readers import Markers

CLUSTERS = {
    "thigh": (
        "Thigh.Top.Lateral",
        "Thigh.Bottom.Lateral",
        "Thigh.Top.Medial",
        "Thigh.Bottom.Medial",
    ),
    "shank": (
        "Shank.Top.Lateral",
        "Shank.Bottom.Lateral",
        "Shank.Top.Medial",
        "Shank.Bottom.Medial",
    ),
}
# landmark suffix -> (cluster, static marker) for points carried from the standing trial
CARRIED = {"hip": ("thigh", "GTR"), "knee": ("thigh", "Knee"), "ankle": ("shank", "Ankle")}
PELVIS = ("R.ASIS", "L.ASIS", "R.PSIS", "L.PSIS")


def _rigid(static_pts: FloatArray, moving_pts: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Return (R, t) per frame so that moving ~ R @ static + t (SVD least squares)."""
    cs = static_pts.mean(axis=0)
    cm = moving_pts.mean(axis=1)  # (T, 3)
    h = np.einsum("ki,tkj->tij", static_pts - cs, moving_pts - cm[:, None, :])
    u, _, vt = np.linalg.svd(h)
    v = np.transpose(vt, (0, 2, 1))
    ut = np.transpose(u, (0, 2, 1))
    d = np.sign(np.linalg.det(v @ ut))
    diag = np.tile(np.eye(3), (len(d), 1, 1))
    diag[:, 2, 2] = d
    rot = v @ diag @ ut
    t = cm - np.einsum("tij,j->ti", rot, cs)
    return rot, t


def carry_static_point(run: Markers, static: Markers, side: str, point: str) -> FloatArray:
    """Return the (T, 3) track of a static-trial marker carried by its segment cluster."""
    cluster, static_name = CARRIED[point]
    names = [f"{side}.{n}" for n in CLUSTERS[cluster]]
    s_pts = np.array([np.nanmean(static.tracks[n], axis=0) for n in names])
    m_pts = np.stack([run.tracks[n] for n in names], axis=1)
    rot, t = _rigid(s_pts, m_pts)
    target = np.nanmean(static.tracks[f"{side}.{static_name}"], axis=0)
    out: FloatArray = np.einsum("tij,j->ti", rot, target) + t
    return out


def side_camera_keypoints(
    run: Markers,
    static: Markers,
    *,
    fps: float | None = None,
    noise_px: float = 0.0,
    seed: int = 0,
    px_per_mm: float = 0.5,
) -> Keypoints:
    """Return the RBDS-style marker trial as BlazePose-layout keypoints seen from the right.

    X (forward) becomes image x, Y (up) becomes image -y; `fps` resamples to a camera rate,
    `noise_px` adds Gaussian pixel noise like a pose model's jitter.
    """
    step = 1 if fps is None else run.rate / fps
    idx = np.round(np.arange(0, run.n_frames - 0.5, step)).astype(int)
    times = idx / run.rate
    points: dict[str, FloatArray] = {}
    for side, word in (("R", "right"), ("L", "left")):
        for part in CARRIED:
            points[f"{word}_{part}"] = carry_static_point(run, static, side, part)
        points[f"{word}_heel"] = run.tracks[f"{side}.Heel.Bottom"]
        points[f"{word}_foot_index"] = (run.tracks[f"{side}.MT1"] + run.tracks[f"{side}.MT5"]) / 2
    height = 2200 * px_per_mm
    kp = empty_keypoints(times, width=int(4000 * px_per_mm), height=int(height), source="mocap")
    rng = np.random.default_rng(seed)
    for name, track in points.items():
        xy = np.column_stack([track[idx, 0] * px_per_mm, height - track[idx, 1] * px_per_mm])
        kp.xy[:, INDEX[name], :] = xy + rng.normal(0.0, noise_px, xy.shape)
        kp.visibility[:, INDEX[name]] = 1.0
    return kp


def pelvis_height_mm(run: Markers) -> FloatArray:
    """Return the mean height (mm) of the four pelvis markers per frame."""
    out: FloatArray = np.mean([run.tracks[n][:, 1] for n in PELVIS], axis=0)
    return out


def standing_foot_angles(static: Markers) -> dict[str, float]:
    """Return each foot's heel-to-toe angle (deg) in the standing trial, as the side camera sees it.

    Altman & Davis (2012) subtract this from the angle at contact to get the foot-strike angle.
    """
    from stridewell.gait.geometry import foot_angle, sagittal

    s = sagittal(side_camera_keypoints(static, static), facing=1)
    return {side: float(np.nanmean(foot_angle(s, side))) for side in ("left", "right")}
