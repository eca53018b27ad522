"""Pose backends behind one Protocol, and the loop that turns a video into Keypoints."""

from __future__ import annotations

import os
import threading
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


MIN_SEGMENT_S = 3.0  # below this a second pose model costs more to start than it saves


def pose_workers(backend: PoseBackend | None, duration_s: float) -> int:
    """Return how many BlazePose models to run side by side: one per core, at most two.

    One MediaPipe graph keeps about one core busy and releases the GIL while it runs, so on two
    cores two graphs, each on its own half of the clip, take half the time (bench/gait.py). A
    backend passed in by the caller is one object with its own state, so it runs alone.
    """
    if backend is not None:
        return 1
    return max(1, min(2, os.cpu_count() or 1, int(duration_s // MIN_SEGMENT_S)))


Row = tuple[float, FloatArray, FloatArray]


def _pose_segment(
    path: str | Path,
    model: PoseBackend,
    width: int,
    max_side: int | None,
    span: tuple[float | None, float | None],
    on_frame: Callable[[float, NDArray[np.uint8]], None] | None,
    done: list[int],
) -> list[Row]:
    """Return (time, (33, 2) pixels, (33,) visibility) for each frame of one span of the clip."""
    rows: list[Row] = []
    prev: FloatArray | None = None
    for t, rgb in prefetch_frames(path, max_side=max_side, start_s=span[0], stop_s=span[1]):
        if on_frame is not None:
            on_frame(t, rgb)
        person = choose_runner(model.detect(rgb), prev)
        if person is None:
            rows.append((t, np.full((len(LANDMARKS), 2), np.nan), np.zeros(len(LANDMARKS))))
        else:
            prev = person[0] * (width / rgb.shape[1])
            rows.append((t, prev, person[1]))
        done[0] += 1
    return rows


def extract_keypoints(
    path: str | Path,
    backend: PoseBackend | None = None,
    *,
    max_side: int | None = None,
    progress: Progress | None = None,
    on_frame: Callable[[float, NDArray[np.uint8]], None] | None = None,
    workers: int | None = None,
) -> tuple[Keypoints, VideoInfo]:
    """Return the runner's keypoints for every frame of a video (full-resolution pixels).

    `max_side` lets the model see a smaller picture (coordinates are scaled back);
    `on_frame` sees each decoded picture (for brightness checks) without a second decode,
    from the worker threads and not in time order when `workers` > 1 (pose_workers decides
    by default). `progress` is only called from the caller's thread.
    """
    info = probe(path)
    n = 1 if backend is not None else workers or pose_workers(None, info.duration_s)
    cuts = [None, *(info.duration_s * i / n for i in range(1, n)), None]
    spans = list(zip(cuts[:-1], cuts[1:], strict=True))
    models: list[PoseBackend] = [backend] if backend is not None else []
    done, results, failures = [0], [list[Row]() for _ in spans], list[BaseException]()

    def run(i: int) -> None:
        try:
            results[i] = _pose_segment(
                path, models[i], info.width, max_side, spans[i], on_frame, done
            )
        except BaseException as exc:  # raised again in the caller's thread
            failures.append(exc)

    try:
        while len(models) < n:
            models.append(BlazePoseBackend())
        threads = [threading.Thread(target=run, args=(i,), name=f"pose-{i}") for i in range(n)]
        for th in threads:
            th.start()
        for th in threads:
            while th.is_alive():
                th.join(0.2)
                if progress is not None and info.n_frames:
                    progress("pose", min(1.0, done[0] / info.n_frames))
    finally:
        if backend is None:
            for m in models:
                m.close()
    if failures:
        raise failures[0]
    rows = [r for part in results for r in part]
    kp = Keypoints(
        xy=np.array([r[1] for r in rows]).reshape(-1, len(LANDMARKS), 2),
        visibility=np.array([r[2] for r in rows]).reshape(-1, len(LANDMARKS)),
        times=np.array([r[0] for r in rows], dtype=float),
        width=info.width,
        height=info.height,
        source=models[0].name,
    )
    return kp, info
