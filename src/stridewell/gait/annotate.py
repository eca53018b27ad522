"""Annotated video: skeleton, knee angles and contact markers drawn on the runner (PyAV out)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import av
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

from stridewell.gait import geometry as g
from stridewell.gait.keypoints import INDEX, SKELETON, FloatArray, Keypoints
from stridewell.gait.metrics import Step
from stridewell.gait.video import iter_frames

COLOURS = {"left": (255, 170, 0), "right": (0, 200, 255), "centre": (240, 240, 240)}
MARK_S = 0.1  # how long a contact marker stays on screen


def _side(name: str) -> str:
    return "left" if name.startswith("left") else "right" if name.startswith("right") else "centre"


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:
        return ImageFont.load_default()


def _events_at(t: float, steps: tuple[Step, ...]) -> list[tuple[str, str]]:
    out = []
    for s in steps:
        if 0 <= t - s.ic_time < MARK_S:
            out.append((s.side, "contact"))
        if 0 <= t - s.to_time < MARK_S:
            out.append((s.side, "toe-off"))
    return out


def draw_frame(
    img: Image.Image,
    xy: FloatArray,
    knee: dict[str, float],
    events: list[tuple[str, str]],
    scale: float,
) -> None:
    """Draw skeleton, knee angles and this moment's contact events on one PIL image."""
    d = ImageDraw.Draw(img)
    w = max(2, int(4 * scale))
    p = xy * scale
    for a, b in SKELETON:
        pa, pb = p[INDEX[a]], p[INDEX[b]]
        if np.isfinite(pa).all() and np.isfinite(pb).all():
            d.line([tuple(pa), tuple(pb)], fill=COLOURS[_side(a)], width=w)
    font = _font(max(14, int(32 * scale)))
    for side, angle in knee.items():
        k = p[INDEX[f"{side}_knee"]]
        if np.isfinite(k).all() and np.isfinite(angle):
            d.text(
                (k[0] + 3 * w, k[1] - 4 * w),
                f"{angle:.0f}°",
                fill=COLOURS[side],
                font=font,
                stroke_width=2,
                stroke_fill=(0, 0, 0),
            )
    for side, kind in events:
        f = p[INDEX[f"{side}_foot_index" if kind == "toe-off" else f"{side}_heel"]]
        if np.isfinite(f).all():
            r = 6 * w
            d.ellipse([f[0] - r, f[1] - r, f[0] + r, f[1] + r], outline=(255, 60, 60), width=w)
            d.text(
                (f[0] - r, f[1] + r),
                f"{side} {kind}",
                fill=(255, 60, 60),
                font=font,
                stroke_width=2,
                stroke_fill=(0, 0, 0),
            )


def write_annotated(
    video: str | Path,
    out: str | Path,
    kp: Keypoints,
    steps: tuple[Step, ...],
    facing: int,
    *,
    max_side: int = 640,
    progress: Callable[[str, float], None] | None = None,
    frames: Iterable[tuple[float, NDArray[np.uint8]]] | None = None,
) -> Path:
    """Write an H.264 MP4 of the clip with the skeleton, knee flexion and events drawn; returns it.

    `kp` must be the cleaned keypoints in full-resolution pixels on the clip's frame times;
    `frames` (time, picture) kept from the pose pass save decoding the video a second time.
    """
    s = g.sagittal(kp, facing)
    knees = {side: g.knee_flexion(s, side) for side in ("left", "right")}
    out = Path(out)
    fps = max(1, round((len(kp.times) - 1) / max(kp.times[-1] - kp.times[0], 1e-6)))
    with av.open(str(out), "w") as container:
        stream = container.add_stream(
            "libx264", rate=fps, options={"preset": "ultrafast", "crf": "26"}
        )
        stream.pix_fmt = "yuv420p"
        source = frames if frames is not None else iter_frames(video, max_side=max_side)
        for i, (t, rgb) in enumerate(source):
            if i == 0:
                stream.width, stream.height = rgb.shape[1], rgb.shape[0]
            j = int(np.argmin(np.abs(kp.times - t)))
            img = Image.fromarray(rgb)
            draw_frame(
                img,
                kp.xy[j],
                {k: float(v[j]) for k, v in knees.items()},
                _events_at(t, steps),
                rgb.shape[1] / kp.width,
            )
            frame = av.VideoFrame.from_ndarray(np.asarray(img), format="rgb24")
            container.mux(stream.encode(frame))
            if progress is not None:
                progress("video", min(1.0, (i + 1) / len(kp.times)))
        container.mux(stream.encode())
    return out
