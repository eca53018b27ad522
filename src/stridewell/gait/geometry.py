"""Planar geometry on keypoint tracks: a runner-aligned frame and joint and segment angles."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stridewell.gait.keypoints import FloatArray, Keypoints


@dataclass(frozen=True, eq=False)
class Sagittal:
    """Side-view tracks in a runner frame: `fwd` along the running direction, `up` against gravity.

    Every track is (T, 2) as (fwd, up) in pixels; `mid_hip` and `mid_shoulder` average both sides.
    """

    points: dict[str, FloatArray]

    def __getitem__(self, name: str) -> FloatArray:
        return self.points[name]


def sagittal(kp: Keypoints, facing: int, floor_deg: float = 0.0) -> Sagittal:
    """Return the tracks turned so the runner runs toward +fwd along the floor and up is +up.

    `floor_deg` rotates the frame so a camera rolled by that angle reads as level.
    """
    names = ("hip", "knee", "ankle", "heel", "foot_index", "shoulder")
    c, s_ = np.cos(np.radians(-floor_deg)), np.sin(np.radians(-floor_deg))
    pts: dict[str, FloatArray] = {}
    for side in ("left", "right"):
        for n in names:
            p = kp.point(f"{side}_{n}")
            f, u = facing * p[:, 0], -p[:, 1]
            pts[f"{side}_{n}"] = np.column_stack([c * f - s_ * u, s_ * f + c * u])
    pts["mid_hip"] = _mid(pts["left_hip"], pts["right_hip"])
    pts["mid_shoulder"] = _mid(pts["left_shoulder"], pts["right_shoulder"])
    return Sagittal(pts)


def _mid(a: FloatArray, b: FloatArray) -> FloatArray:
    """Return the midpoint of two tracks, or the one that is known where the other is not."""
    out: FloatArray = np.where(np.isnan(a), b, np.where(np.isnan(b), a, (a + b) / 2))
    return out


def inner_angle(a: FloatArray, b: FloatArray, c: FloatArray) -> FloatArray:
    """Return the angle ABC in degrees (0-180) per frame for (T, 2) tracks."""
    u, v = a - b, c - b
    cos = np.sum(u * v, axis=-1) / (np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1))
    out: FloatArray = np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))
    return out


def knee_flexion(s: Sagittal, side: str) -> FloatArray:
    """Return sagittal knee flexion (deg, 0 = straight) per frame: 180 - hip-knee-ankle angle."""
    return 180.0 - inner_angle(s[f"{side}_hip"], s[f"{side}_knee"], s[f"{side}_ankle"])


def foot_angle(s: Sagittal, side: str) -> FloatArray:
    """Return the heel-to-toe line's angle above horizontal (deg, + = toes up) per frame."""
    d = s[f"{side}_foot_index"] - s[f"{side}_heel"]
    out: FloatArray = np.degrees(np.arctan2(d[:, 1], d[:, 0]))
    return out


def shank_angle(s: Sagittal, side: str) -> FloatArray:
    """Return the shank's angle from vertical (deg, + = ankle ahead of knee) per frame."""
    d = s[f"{side}_ankle"] - s[f"{side}_knee"]
    out: FloatArray = np.degrees(np.arctan2(d[:, 0], -d[:, 1]))
    return out


def trunk_lean(s: Sagittal) -> FloatArray:
    """Return the hip-to-shoulder line's angle from vertical (deg, + = leaning forward)."""
    d = s["mid_shoulder"] - s["mid_hip"]
    out: FloatArray = np.degrees(np.arctan2(d[:, 0], d[:, 1]))
    return out


def leg_length(s: Sagittal, side: str) -> float:
    """Return the median hip-knee plus knee-ankle length (pixels) over the clip."""
    thigh = np.linalg.norm(s[f"{side}_hip"] - s[f"{side}_knee"], axis=1)
    shank = np.linalg.norm(s[f"{side}_knee"] - s[f"{side}_ankle"], axis=1)
    total = thigh + shank
    total = total[np.isfinite(total)]
    return float(np.median(total)) if len(total) else float("nan")


def pelvic_tilt(kp: Keypoints, stance: str) -> FloatArray:
    """Return the frontal pelvic angle (deg, + = the hip opposite `stance` lower) per frame."""
    other = "right" if stance == "left" else "left"
    a, b = kp.point(f"{stance}_hip"), kp.point(f"{other}_hip")
    out: FloatArray = np.degrees(np.arctan2(b[:, 1] - a[:, 1], np.abs(b[:, 0] - a[:, 0])))
    return out


def knee_fppa(kp: Keypoints, side: str) -> FloatArray:
    """Return the frontal-plane knee projection angle (deg, + = knee inward, valgus) per frame."""
    other = "right" if side == "left" else "left"
    hip, knee, ankle = (kp.point(f"{side}_{n}") for n in ("hip", "knee", "ankle"))
    bend = 180.0 - inner_angle(hip, knee, ankle)
    # where the knee sits relative to the hip-ankle line, toward the other hip = inward
    frac = (knee[:, 1] - hip[:, 1]) / (ankle[:, 1] - hip[:, 1])
    line_x = hip[:, 0] + frac * (ankle[:, 0] - hip[:, 0])
    medial = np.sign(kp.point(f"{other}_hip")[:, 0] - hip[:, 0])
    out: FloatArray = np.where((knee[:, 0] - line_x) * medial >= 0, bend, -bend)
    return out


def value_at(x: FloatArray, index: float) -> float:
    """Return x linearly interpolated at a fractional frame index (NaN outside)."""
    i = int(np.floor(index))
    if i < 0 or i + 1 >= len(x):
        return float("nan")
    f = index - i
    return float(x[i] * (1 - f) + x[i + 1] * f)


def peak_between(x: FloatArray, start: float, end: float) -> float:
    """Return the maximum of x between two fractional indices (ends interpolated)."""
    inner = x[int(np.ceil(start)) : int(np.floor(end)) + 1]
    vals = np.concatenate([inner, [value_at(x, start), value_at(x, end)]])
    vals = vals[np.isfinite(vals)]
    return float(vals.max()) if len(vals) else float("nan")
