"""Camera view (side, rear, front), running direction and camera-side leg, found once per clip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from stridewell.gait.keypoints import FloatArray, Keypoints

View = Literal["side", "rear", "front"]
Side = Literal["left", "right"]

SIDE_WIDTH_RATIO = 0.35  # hip and shoulder width / trunk length below this = side view


@dataclass(frozen=True)
class ViewInfo:
    """The clip's view, the runner's facing in the image (+1 = image right) and near leg."""

    view: View
    facing: int
    near_side: Side
    width_ratio: float


def _nanmedian(x: FloatArray) -> float:
    x = x[np.isfinite(x)]
    return float(np.median(x)) if len(x) else float("nan")


def _width_ratio(kp: Keypoints) -> float:
    mid_sh = (kp.point("left_shoulder") + kp.point("right_shoulder")) / 2
    mid_hip = (kp.point("left_hip") + kp.point("right_hip")) / 2
    trunk = np.linalg.norm(mid_sh - mid_hip, axis=1)
    hips = np.abs(kp.point("left_hip")[:, 0] - kp.point("right_hip")[:, 0])
    shoulders = np.abs(kp.point("left_shoulder")[:, 0] - kp.point("right_shoulder")[:, 0])
    return _nanmedian((hips + shoulders) / 2 / trunk)


def facing_direction(kp: Keypoints) -> int:
    """Return +1 when the runner faces image right, -1 when image left (whole-clip vote).

    Votes once per clip from toe-ahead-of-heel and nose-ahead-of-ears, as one frame's
    toe-heel order flips in late swing (Sports2D issue #35).
    """
    votes = []
    for s in ("left", "right"):
        votes.append(_nanmedian(kp.point(f"{s}_foot_index")[:, 0] - kp.point(f"{s}_heel")[:, 0]))
    ears = (kp.point("left_ear")[:, 0] + kp.point("right_ear")[:, 0]) / 2
    votes.append(_nanmedian(kp.point("nose")[:, 0] - ears))
    total = float(np.nansum(np.sign(votes)))
    if total == 0:
        total = float(np.nansum(votes))
    return 1 if total >= 0 else -1


def detect_view(kp: Keypoints, forced: View | None = None) -> ViewInfo:
    """Return the ViewInfo of a clip; `forced` overrides the view the geometry suggests."""
    ratio = _width_ratio(kp)
    if forced is not None:
        view: View = forced
    elif np.isfinite(ratio) and ratio >= SIDE_WIDTH_RATIO:
        # BlazePose names sides from the body: the runner's left hip shows on the image
        # left when we see their back, on the image right when they face us.
        order = _nanmedian(kp.point("left_hip")[:, 0] - kp.point("right_hip")[:, 0])
        view = "rear" if order < 0 else "front"
    else:
        view = "side"
    near: Side = "left"
    leg = ("hip", "knee", "ankle", "heel")
    vis = {s: float(np.nanmean([kp.vis(f"{s}_{p}") for p in leg])) for s in ("left", "right")}
    if vis["right"] > vis["left"]:
        near = "right"
    return ViewInfo(view, facing_direction(kp), near, ratio)
