"""Gait benchmark: end-to-end analysis of the real clip against the bare pose loop, same run.

Prints a table of seconds and seconds per second of video for:
  bare pose loop, full size  - PyAV decode + BlazePose full on every frame at 720x1280
  bare pose loop, 640 px     - the same with the picture scaled to 640 px on its long side
  pose as the pipeline runs it - extract_keypoints: 640 px, decoding ahead in a thread, and
                               one BlazePose model per core (at most two), each on its own
                               part of the clip
  whole analysis + report    - analyse_video (pose at 640 px, events, metrics, annotated video)
                               plus the HTML and PDF report, as `stridewell gait analyse` runs it
and how far the 640 px landmarks sit from the full-size ones (near leg, pixels).
Each row is the best of --repeat runs (default 3), taken in turn so that load from other work
on the machine falls on all rows alike; the load average is printed before and after.
Run: .venv/bin/python bench/gait.py [VIDEO] [--repeat N]
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("GLOG_minloglevel", "2")
ROOT = Path(__file__).resolve().parent.parent
CLIP = ROOT.parent / "shared" / "data" / "gait" / "treadmill_side_clip" / "male_side.mp4"


def bare_pose_loop(video: Path, max_side: int | None) -> tuple[float, object]:
    """Return (seconds, (T, 33, 2) pixels) for a plain decode-then-BlazePose loop, model load in."""
    import numpy as np

    from stridewell.gait import BlazePoseBackend
    from stridewell.gait.video import iter_frames

    t0 = time.perf_counter()
    model = BlazePoseBackend()
    xy = []
    for _, rgb in iter_frames(video, max_side=max_side):
        people = model.detect(rgb)
        scale = 720 / rgb.shape[1]
        xy.append(people[0][0] * scale if people else np.full((33, 2), np.nan))
    model.close()
    return time.perf_counter() - t0, np.array(xy)


def pipeline_pose(video: Path) -> float:
    """Return the seconds extract_keypoints takes (the pipeline's pose pass alone)."""
    from stridewell.gait.pipeline import POSE_MAX_SIDE
    from stridewell.gait.pose import extract_keypoints

    t0 = time.perf_counter()
    extract_keypoints(video, max_side=POSE_MAX_SIDE)
    return time.perf_counter() - t0


def whole_analysis(video: Path, out: Path) -> tuple[float, dict[str, float]]:
    """Return (seconds, seconds per stage) for analyse_and_report with annotated video and PDF."""
    from stridewell.report.gait import analyse_and_report

    marks: dict[str, float] = {}
    t0 = time.perf_counter()

    def progress(stage: str, fraction: float) -> None:
        marks.setdefault(stage, time.perf_counter() - t0)
        marks[stage + "_end"] = time.perf_counter() - t0

    analyse_and_report(video, out, progress=progress)
    total = time.perf_counter() - t0
    pose_end, report = marks.get("pose_end", 0.0), marks.get("report", total)
    report_end, done = marks.get("report_end", total), marks.get("done", total)
    stages = {
        "pose (640 px, decoding ahead, a model per core)": pose_end,
        "checks, events, metrics, findings, JSON": report - pose_end,
        "report HTML + PDF + plots (annotated video encodes alongside)": report_end - report,
        "annotated video still encoding after the report": done - report_end,
    }
    return total, stages


def main() -> None:
    """Print the benchmark table."""
    import argparse

    import numpy as np

    from stridewell.gait import probe

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("video", nargs="?", type=Path, default=CLIP)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    video: Path = args.video
    info = probe(video)
    import stridewell.report.gait  # noqa: F401  (imports are not part of the timed work)

    load_before = os.getloadavg()
    runs: dict[str, list[float]] = {"full": [], "small": [], "pipeline": [], "whole": []}
    best_stages: dict[str, float] = {}
    for _ in range(args.repeat):
        s, full_kp = bare_pose_loop(video, None)
        runs["full"].append(s)
        s, small_kp = bare_pose_loop(video, 640)
        runs["small"].append(s)
        runs["pipeline"].append(pipeline_pose(video))
        with tempfile.TemporaryDirectory() as tmp:
            s, stages = whole_analysis(video, Path(tmp))
        if not runs["whole"] or s < min(runs["whole"]):
            best_stages = stages
        runs["whole"].append(s)
    load_after = os.getloadavg()
    full_s, small_s, e2e_s = (min(runs[k]) for k in ("full", "small", "whole"))
    dur = info.duration_s
    print(
        f"clip: {video.name}, {info.width}x{info.height}, {info.fps:.0f} fps, {dur:.1f} s, "
        f"{info.n_frames} frames; cores: {os.cpu_count()}; best of {args.repeat} runs; "
        f"load average (1, 5, 15 min) before {load_before[0]:.2f} {load_before[1]:.2f} "
        f"{load_before[2]:.2f}, after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}"
    )
    print()
    print("| run | seconds (best) | all runs | s per s of video | frames/s | vs bare loop 640 px |")
    print("|---|---:|---|---:|---:|---:|")
    for name, key in (
        ("bare pose loop, full size", "full"),
        ("bare pose loop, 640 px", "small"),
        ("pose as the pipeline runs it", "pipeline"),
        ("whole analysis + report", "whole"),
    ):
        s = min(runs[key])
        every = " / ".join(f"{x:.2f}" for x in runs[key])
        print(
            f"| {name} | {s:.2f} | {every} | {s / dur:.3f} | {info.n_frames / s:.1f} "
            f"| {s / small_s:.2f}x |"
        )
    print()
    print(f"whole analysis vs bare loop at full size: {e2e_s / full_s:.2f}x")
    print(f"whole analysis vs the pipeline's own pose pass: {e2e_s / min(runs['pipeline']):.2f}x")
    print()
    print("| stage of the best whole analysis | seconds |")
    print("|---|---:|")
    for k, v in best_stages.items():
        print(f"| {k} | {v:.2f} |")
    joints = [23, 25, 27, 29, 31]
    d = np.linalg.norm(small_kp[:, joints] - full_kp[:, joints], axis=-1)  # type: ignore[index]
    print()
    print(
        f"near-leg landmarks, 640 px vs full size: median {np.nanmedian(d):.1f} px, "
        f"95th percentile {np.nanpercentile(d, 95):.1f} px (frame height {info.height} px)"
    )


if __name__ == "__main__":
    main()
