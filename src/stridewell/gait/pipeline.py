"""analyse_video: the entry point a CLI command or a web background task calls."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from stridewell.gait.analysis import GaitAnalysis, analyse_keypoints
from stridewell.gait.keypoints import Keypoints
from stridewell.gait.norms import load_norms
from stridewell.gait.pose import PoseBackend, Progress, extract_keypoints
from stridewell.gait.quality import check_brightness, check_person, check_video
from stridewell.gait.smoothing import clean
from stridewell.gait.video import probe
from stridewell.gait.view import View

POSE_MAX_SIDE = 640  # BlazePose crops to 256 px; a smaller picture converts faster (bench/gait.py)
VIDEO_MAX_SIDE = 640  # the annotated video's longer side (write_annotated's default)
KEEP_FRAMES_BYTES = 600 * 2**20  # keep decoded pictures for the video below this, else decode again
Frame = tuple[float, NDArray[np.uint8]]


class _Frames:
    """Collects the pose pass's pictures for the annotated video, and samples brightness.

    Pose workers call it from their threads, each on its own part of the clip, so pictures
    arrive out of order: `in_order()` sorts them by time once the pose pass is over.
    """

    def __init__(self, n_frames: int, keep: bool) -> None:
        self.keep, self.n_frames = keep, n_frames
        self.frames: list[Frame] = []
        self.luma: dict[int, float] = {}

    def __call__(self, t: float, rgb: NDArray[np.uint8]) -> None:
        half_second = int(t * 2)  # about two samples per second
        if half_second not in self.luma:
            self.luma[half_second] = float(rgb[::8, ::8].mean())
        if self.keep:
            too_big = max(rgb.shape[:2]) > VIDEO_MAX_SIDE  # the video would be drawn smaller
            if too_big or rgb.nbytes * self.n_frames > KEEP_FRAMES_BYTES:
                self.keep, self.frames = False, []
            else:
                self.frames.append((t, rgb))

    def in_order(self) -> None:
        """Sort the kept pictures by time."""
        self.frames.sort(key=lambda frame: frame[0])

    def mean_luma(self) -> float:
        return float(np.median(list(self.luma.values()))) if self.luma else 0.0


def analyse_video(
    path: str | Path,
    *,
    view: View | None = None,
    out_dir: str | Path | None = None,
    progress: Progress | None = None,
    backend: PoseBackend | None = None,
    annotate: bool = True,
    pose_max_side: int | None = POSE_MAX_SIDE,
    meanwhile: Callable[[GaitAnalysis], None] | None = None,
) -> GaitAnalysis:
    """Return the GaitAnalysis of a running video; with `out_dir`, also write its files.

    Files: analysis.json (every metric, per step and summarised), keypoints.npz and, when
    `annotate`, annotated.mp4. `progress(stage, fraction)` is called as work advances;
    `meanwhile(analysis)` runs while the annotated video is encoded (e.g. to write a report).
    Raises GaitInputError (with filming advice) for anything that cannot be analysed.
    """
    norms = load_norms()
    info = probe(path)
    check_video(info, norms)
    same_size = pose_max_side is None or pose_max_side >= VIDEO_MAX_SIDE
    seen = _Frames(info.n_frames, keep=annotate and out_dir is not None and same_size)
    raw, info = extract_keypoints(
        path, backend, max_side=pose_max_side, progress=progress, on_frame=seen
    )
    seen.in_order()
    check_brightness(seen.mean_luma(), norms)
    check_person(raw, norms)
    kp = clean(raw)
    result = replace(
        analyse_keypoints(kp, view=view, norms=norms, smooth=False), source=Path(path).name
    )
    if out_dir is None:
        if meanwhile is not None:
            meanwhile(result)
        return result
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {"keypoints": str(out / "keypoints.npz"), "json": str(out / "analysis.json")}
    np.savez_compressed(files["keypoints"], xy=raw.xy, visibility=raw.visibility, times=raw.times)
    if annotate:
        files["video"] = str(out / "annotated.mp4")
    result = replace(result, files=files)
    Path(files["json"]).write_text(json.dumps(result.to_dict(), indent=1))
    _write_video_while(meanwhile, result, path, kp, seen, progress)
    if progress is not None:
        progress("done", 1.0)
    return result


def _write_video_while(
    meanwhile: Callable[[GaitAnalysis], None] | None,
    result: GaitAnalysis,
    path: str | Path,
    kp: Keypoints,
    seen: _Frames,
    progress: Progress | None,
) -> None:
    """Encode the annotated video in a thread (x264 releases the GIL) while `meanwhile` runs.

    `progress` is only ever called from this (the caller's) thread: a web job's progress
    writes to the database, and a second thread would need its own connection and meet a
    locked SQLite table. The encoder posts its progress here and this thread passes it on.
    """
    from stridewell.gait.annotate import write_annotated

    if "video" not in result.files:
        if meanwhile is not None:
            meanwhile(result)
        return
    facing = result.view.facing if result.view.view == "side" else 1
    failure: list[BaseException] = []
    latest: list[float] = []

    def work() -> None:
        try:
            write_annotated(
                path,
                result.files["video"],
                kp,
                result.steps,
                facing,
                max_side=VIDEO_MAX_SIDE,
                progress=lambda stage, fraction: latest.append(fraction),
                frames=seen.frames if seen.keep else None,
            )
        except BaseException as exc:  # re-raised in the caller's thread below
            failure.append(exc)

    thread = threading.Thread(target=work, name="gait-annotated-video")
    thread.start()
    try:
        if meanwhile is not None:
            meanwhile(result)
    finally:
        reported = -1.0
        while True:
            alive = thread.is_alive()  # read first: once it is False, `latest` is complete
            if progress is not None and latest and latest[-1] > reported:
                reported = latest[-1]
                progress("video", reported)
            if not alive:
                break
            thread.join(0.25)
    seen.frames = []  # the pictures are no longer needed; free them before returning
    if failure:
        raise failure[0]
