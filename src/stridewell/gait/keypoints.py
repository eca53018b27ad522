"""Keypoint time series in the BlazePose 33-landmark layout, whatever tool produced them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

LANDMARKS: tuple[str, ...] = (
    "nose",
    "left_eye_inner",
    "left_eye",
    "left_eye_outer",
    "right_eye_inner",
    "right_eye",
    "right_eye_outer",
    "left_ear",
    "right_ear",
    "mouth_left",
    "mouth_right",
    "left_shoulder",
    "right_shoulder",
    "left_elbow",
    "right_elbow",
    "left_wrist",
    "right_wrist",
    "left_pinky",
    "right_pinky",
    "left_index",
    "right_index",
    "left_thumb",
    "right_thumb",
    "left_hip",
    "right_hip",
    "left_knee",
    "right_knee",
    "left_ankle",
    "right_ankle",
    "left_heel",
    "right_heel",
    "left_foot_index",
    "right_foot_index",
)
INDEX: dict[str, int] = {name: i for i, name in enumerate(LANDMARKS)}

# Lines drawn on the annotated video (pairs of landmark names).
SKELETON: tuple[tuple[str, str], ...] = tuple(
    (f"{s}_{a}", f"{s}_{b}")
    for s in ("left", "right")
    for a, b in (
        ("shoulder", "hip"),
        ("hip", "knee"),
        ("knee", "ankle"),
        ("ankle", "heel"),
        ("heel", "foot_index"),
        ("ankle", "foot_index"),
        ("shoulder", "elbow"),
        ("elbow", "wrist"),
    )
) + (("left_shoulder", "right_shoulder"), ("left_hip", "right_hip"))


@dataclass(frozen=True, eq=False)
class Keypoints:
    """2D keypoints per frame: `xy` (T, 33, 2) image pixels, y down; NaN where unknown.

    `visibility` (T, 33) is 0-1; `times` (T,) seconds from the first frame; `width` and
    `height` are the image size in pixels (after rotation); `source` names the producer.
    """

    xy: FloatArray
    visibility: FloatArray
    times: FloatArray
    width: int
    height: int
    source: str

    def __post_init__(self) -> None:
        n = len(self.times)
        if self.xy.shape != (n, len(LANDMARKS), 2) or self.visibility.shape != (n, len(LANDMARKS)):
            raise ValueError(f"keypoint arrays do not match {n} frames of 33 landmarks")

    @property
    def n_frames(self) -> int:
        """Return the number of frames."""
        return len(self.times)

    def point(self, name: str) -> FloatArray:
        """Return the (T, 2) track of one landmark by name."""
        return self.xy[:, INDEX[name], :]

    def vis(self, name: str) -> FloatArray:
        """Return the (T,) visibility of one landmark by name."""
        return self.visibility[:, INDEX[name]]


def empty_keypoints(times: FloatArray, width: int, height: int, source: str) -> Keypoints:
    """Return keypoints with every landmark unknown (NaN, visibility 0) at `times`."""
    n = len(times)
    return Keypoints(
        xy=np.full((n, len(LANDMARKS), 2), np.nan),
        visibility=np.zeros((n, len(LANDMARKS))),
        times=np.asarray(times, dtype=float),
        width=width,
        height=height,
        source=source,
    )
