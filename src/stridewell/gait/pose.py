"""Pose backends behind one Protocol, and the loop that turns a video into Keypoints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from stridewell.gait.keypoints import LANDMARKS, FloatArray, Keypoints
from stridewell.gait.video import VideoInfo, prefetch_frames, probe

Progress = Callable[[str, float], None]
Person = tuple[FloatArray, FloatArray]  # (33, 2) pixels, (33,) visibility


class PoseBackend(Protocol):
    """Anything that finds people in an RGB image and returns 33 BlazePose-layout landmarks each."""

    name: str

    def detect(self, rgb: NDArray[np.uint8]) -> list[Person]:
        """Return every person found: ((33, 2) pixel coordinates, (33,) visibility 0-1)."""
        ...

    def close(self) -> None:
        """Release the model."""
        ...


class BlazePoseBackend:
    """MediaPipe BlazePose full (model_complexity=1), the model bundled in mediapipe 0.10.21.

    BlazePose tracks one person per clip: the most prominent one, which is the runner in a
    clinic clip. Reference: Bazarevsky et al. 2020, arXiv:2006.10204.
    """

    name = "blazepose_full"

    def __init__(self) -> None:
        import mediapipe as mp  # type: ignore[import-untyped]

        self._pose: Any = mp.solutions.pose.Pose(
            static_image_mode=False,
            model_complexity=1,
            smooth_landmarks=True,
            min_detection_confidence=0.5,
            min_tracking_confidence=0.5,
        )

    def detect(self, rgb: NDArray[np.uint8]) -> list[Person]:
        """Return zero or one person with pixel coordinates of the 33 landmarks."""
        result = self._pose.process(rgb)
        if result.pose_landmarks is None:
            return []
        h, w = rgb.shape[:2]
        lm = result.pose_landmarks.landmark
        xy = np.array([[p.x * w, p.y * h] for p in lm], dtype=float)
        vis = np.array([p.visibility for p in lm], dtype=float)
        return [(xy, vis)]

    def close(self) -> None:
        """Release the MediaPipe graph."""
        self._pose.close()


def choose_runner(people: list[Person], previous: FloatArray | None) -> Person | None:
    """Return the person to follow: nearest to the last frame's runner, else the tallest."""
    if not people:
        return None
    if previous is not None and np.isfinite(previous).any():
        centre = np.nanmean(previous, axis=0)
        return min(people, key=lambda p: float(np.linalg.norm(np.nanmean(p[0], axis=0) - centre)))
    return max(people, key=lambda p: float(np.ptp(p[0][:, 1])))


def extract_keypoints(
    path: str | Path,
    backend: PoseBackend | None = None,
    *,
    max_side: int | None = None,
    progress: Progress | None = None,
    on_frame: Callable[[float, NDArray[np.uint8]], None] | None = None,
) -> tuple[Keypoints, VideoInfo]:
    """Return the runner's keypoints for every frame of a video (full-resolution pixels).

    `max_side` lets the model see a smaller picture (coordinates are scaled back);
    `on_frame` sees each decoded picture (for brightness checks) without a second decode.
    """
    info = probe(path)
    own = backend is None
    model: PoseBackend = BlazePoseBackend() if backend is None else backend
    times: list[float] = []
    xys: list[FloatArray] = []
    viss: list[FloatArray] = []
    prev: FloatArray | None = None
    try:
        for t, rgb in prefetch_frames(path, max_side=max_side):
            scale = info.width / rgb.shape[1]
            if on_frame is not None:
                on_frame(t, rgb)
            person = choose_runner(model.detect(rgb), prev)
            times.append(t)
            if person is None:
                xys.append(np.full((len(LANDMARKS), 2), np.nan))
                viss.append(np.zeros(len(LANDMARKS)))
            else:
                prev = person[0] * scale
                xys.append(prev)
                viss.append(person[1])
            if progress is not None and info.n_frames:
                progress("pose", min(1.0, len(times) / info.n_frames))
    finally:
        if own:
            model.close()
    kp = Keypoints(
        xy=np.array(xys).reshape(-1, len(LANDMARKS), 2),
        visibility=np.array(viss).reshape(-1, len(LANDMARKS)),
        times=np.array(times, dtype=float),
        width=info.width,
        height=info.height,
        source=model.name,
    )
    return kp, info
