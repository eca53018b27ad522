"""analyse_video: the entry point a CLI command or a web background task calls."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from stridewell.gait.analysis import GaitAnalysis, analyse_keypoints
from stridewell.gait.norms import load_norms
from stridewell.gait.pose import PoseBackend, Progress, extract_keypoints
from stridewell.gait.quality import check_brightness, check_person, check_video
from stridewell.gait.smoothing import clean
from stridewell.gait.video import probe
from stridewell.gait.view import View

POSE_MAX_SIDE = (
    640  # BlazePose crops to 256 px anyway; a smaller picture decodes and converts faster
)


def analyse_video(
    path: str | Path,
    *,
    view: View | None = None,
    out_dir: str | Path | None = None,
    progress: Progress | None = None,
    backend: PoseBackend | None = None,
    annotate: bool = True,
    pose_max_side: int | None = POSE_MAX_SIDE,
) -> GaitAnalysis:
    """Return the GaitAnalysis of a running video; with `out_dir`, also write its files.

    Files: analysis.json (every metric, per step and summarised), keypoints.npz and, when
    `annotate`, annotated.mp4. `progress(stage, fraction)` is called as work advances.
    Raises GaitInputError (with filming advice) for anything that cannot be analysed.
    """
    norms = load_norms()
    info = probe(path)
    check_video(info, norms)
    luma: list[float] = []

    def sample(t: float, rgb: NDArray[np.uint8]) -> None:
        if len(luma) < 1 + t * 2:  # about two samples per second
            luma.append(float(rgb[::8, ::8].mean()))

    raw, info = extract_keypoints(
        path, backend, max_side=pose_max_side, progress=progress, on_frame=sample
    )
    check_brightness(float(np.median(luma)) if luma else 0.0, norms)
    check_person(raw, norms)
    kp = clean(raw)
    result = analyse_keypoints(kp, view=view, norms=norms, smooth=False)
    result = replace(result, source=Path(path).name)
    if out_dir is None:
        return result
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {"keypoints": str(out / "keypoints.npz")}
    np.savez_compressed(files["keypoints"], xy=raw.xy, visibility=raw.visibility, times=raw.times)
    if annotate:
        from stridewell.gait.annotate import write_annotated

        facing = result.view.facing if result.view.view == "side" else 1
        files["video"] = str(
            write_annotated(
                path, out / "annotated.mp4", kp, result.steps, facing, progress=progress
            )
        )
    files["json"] = str(out / "analysis.json")
    result = replace(result, files=files)
    Path(files["json"]).write_text(json.dumps(result.to_dict(), indent=1))
    if progress is not None:
        progress("done", 1.0)
    return result
