"""Pose data for exercise illustrations: joint angles, presets, props, and the joint solver.

A pose gives joint angles in degrees for a 2D stick figure seen from the side ('side' view:
flexion angles) or from the front ('front' view: abduction angles). The figure faces +x.
Angles not given come from the pose's preset (standing, lying on the back, ...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Literal

from pydantic import ConfigDict

__all__ = ["JOINTS", "Illustration", "Point", "Pose", "Prop", "solve"]

Point = tuple[float, float]
View = Literal["side", "front"]
PropKind = Literal[
    "box", "wall", "dumbbell", "band", "ball", "roller", "strap", "wedge", "bike", "mat",
]
Preset = Literal["stand", "supine", "prone", "side_lying", "quadruped", "sit", "kneel",
                 "half_kneel", "long_sit"]

JOINTS = (
    "pelvis", "neck", "head", "shoulder_l", "shoulder_r", "elbow_l", "elbow_r", "hand_l",
    "hand_r", "hip_l", "hip_r", "knee_l", "knee_r", "ankle_l", "ankle_r", "heel_l", "heel_r",
    "toe_l", "toe_r",
)

# Segment lengths as a fraction of standing height, roughly after the segment-length figure
# in Winter, Biomechanics and Motor Control of Human Movement, 4th ed., 2009 (Fig. 4.1, after
# Drillis and Contini): thigh 0.245, shank 0.246, upper arm 0.186. The drawing rounds the
# rest: the forearm includes part of the hand and the foot is a little short, for clarity.
TRUNK, THIGH, SHANK, UPPER_ARM, FOREARM, FOOT, HEAD_R = 0.30, 0.245, 0.246, 0.186, 0.20, 0.13, 0.06
HIP_HALF, SHOULDER_HALF = 0.055, 0.10

_PRESETS: dict[str, dict[str, float]] = {
    "stand": {},
    "supine": {"trunk": -90},
    "prone": {"trunk": 90, "shoulder_l": 170, "shoulder_r": 170},
    "side_lying": {"trunk": -90, "shoulder_l": 180},
    "quadruped": {"trunk": 90, "hip_l": 90, "hip_r": 90, "knee_l": 90, "knee_r": 90,
                  "shoulder_l": 90, "shoulder_r": 90, "ankle_l": 90, "ankle_r": 90},
    "sit": {"hip_l": 90, "hip_r": 90, "knee_l": 90, "knee_r": 90},
    "long_sit": {"hip_l": 90, "hip_r": 90, "shoulder_l": 60, "shoulder_r": 60},
    "kneel": {"knee_l": 90, "knee_r": 90, "ankle_l": 90, "ankle_r": 90},
    "half_kneel": {"hip_l": 90, "knee_l": 90, "hip_r": -10, "knee_r": 80, "ankle_r": 90},
}


@dataclass(frozen=True)
class Prop:
    """Equipment drawn at a joint, shifted by `dx` (`to`: band end; `height`: fixed box height)."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    kind: PropKind
    at: str
    to: str | None = None
    size: float = 0.0
    height: float = 0.0
    dx: float = 0.0


@dataclass(frozen=True)
class Pose:
    """Joint angles in degrees; None means 'as in the preset' (0 when the preset is silent)."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    preset: Preset = "stand"
    trunk: float | None = None
    hip_l: float | None = None
    hip_r: float | None = None
    knee_l: float | None = None
    knee_r: float | None = None
    ankle_l: float | None = None
    ankle_r: float | None = None
    shoulder_l: float | None = None
    shoulder_r: float | None = None
    elbow_l: float | None = None
    elbow_r: float | None = None
    lift: float = 0.0
    props: tuple[Prop, ...] = ()

    def angle(self, name: str) -> float:
        """Return the angle `name` in degrees, falling back to the preset, then 0."""
        value = getattr(self, name)
        if value is not None:
            return float(value)
        return _PRESETS[self.preset].get(name, 0.0)


ANGLE_NAMES = tuple(f.name for f in fields(Pose) if f.name not in {"preset", "lift", "props"})


@dataclass(frozen=True)
class Illustration:
    """How to draw an exercise: the view, one to three poses, and segments to highlight."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    view: View
    poses: tuple[Pose, ...]
    highlight: tuple[str, ...] = ()


def _unit(deg: float) -> Point:
    rad = math.radians(deg)
    return (math.sin(rad), math.cos(rad))


def _add(p: Point, v: Point, k: float) -> Point:
    return (p[0] + k * v[0], p[1] + k * v[1])


def _rot(d: Point, ref: Point, deg: float) -> Point:
    """Turn direction `d` by `deg` towards `ref` (both unit vectors, ref at +90 deg to d)."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c * d[0] + s * ref[0], c * d[1] + s * ref[1])


def _leg(pose: Pose, side: str, hip: Point, down: Point, out: Point,
         view: View) -> dict[str, Point]:
    thigh = _rot(down, out, pose.angle(f"hip_{side}"))
    knee = _add(hip, thigh, THIGH)
    t_front = (-thigh[1], thigh[0]) if view == "side" else out
    bend = pose.angle(f"knee_{side}")
    shank = _rot(thigh, t_front, -bend) if view == "side" else _rot(thigh, out, -bend)
    ankle = _add(knee, shank, SHANK)
    s_front = (-shank[1], shank[0])
    if view == "front":
        s_front = out
    foot = _rot(s_front, shank, pose.angle(f"ankle_{side}"))
    heel = _add(_add(ankle, shank, 0.03), foot, -0.03)
    return {f"hip_{side}": hip, f"knee_{side}": knee, f"ankle_{side}": ankle,
            f"heel_{side}": heel, f"toe_{side}": _add(heel, foot, FOOT if view == "side" else 0.06)}


def _arm(pose: Pose, side: str, shoulder: Point, down: Point, out: Point) -> dict[str, Point]:
    arm = _rot(down, out, pose.angle(f"shoulder_{side}"))
    elbow = _add(shoulder, arm, UPPER_ARM)
    fore = _rot(arm, (-arm[1], arm[0]), pose.angle(f"elbow_{side}"))
    return {f"shoulder_{side}": shoulder, f"elbow_{side}": elbow,
            f"hand_{side}": _add(elbow, fore, FOREARM)}


def solve(pose: Pose, view: View) -> dict[str, Point]:
    """Return every joint's (x, y) with the lowest point on the floor (y = 0), y upwards."""
    up = _unit(pose.angle("trunk"))
    down = (-up[0], -up[1])
    side_vec = (up[1], -up[0])  # the facing side in side view, screen-right in front view
    pelvis: Point = (0.0, 0.0)
    neck = _add(pelvis, up, TRUNK)
    pts: dict[str, Point] = {"pelvis": pelvis, "neck": neck, "head": _add(neck, up, HEAD_R + 0.02)}
    for side, sign in (("l", 1.0), ("r", -1.0)):
        if view == "side":
            hip, shoulder, out = pelvis, neck, side_vec
        else:
            hip = _add(pelvis, side_vec, -sign * HIP_HALF)
            shoulder = _add(neck, side_vec, -sign * SHOULDER_HALF)
            out = (-sign * side_vec[0], -sign * side_vec[1])
        pts.update(_leg(pose, side, hip, down, out, view))
        pts.update(_arm(pose, side, shoulder, down, out))
    floor = min(min(y for _, y in pts.values()), pts["head"][1] - HEAD_R)
    shift = pose.lift - floor
    return {k: (x, y + shift) for k, (x, y) in pts.items()}
