"""Small synthetic video files made at test time with PyAV (never committed)."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np


def write_clip(
    path: Path, frames: Iterable[np.ndarray], fps: int = 30, pts_s: Iterable[float] | None = None
) -> Path:
    """Write RGB frames as an H.264 MP4; `pts_s` gives each frame's own time (variable rate)."""
    times = iter(pts_s) if pts_s is not None else None
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
        stream.pix_fmt = "yuv420p"
        stream.codec_context.time_base = Fraction(1, 1000)
        for i, img in enumerate(frames):
            if i == 0:
                stream.width, stream.height = img.shape[1], img.shape[0]
            frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(img), format="rgb24")
            frame.time_base = Fraction(1, 1000)
            frame.pts = int(round(1000 * (next(times) if times else i / fps)))
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


def real_frames(clip: Path, seconds: float) -> list[np.ndarray]:
    """Return the first `seconds` of the real clip as RGB frames."""
    frames = []
    with av.open(str(clip)) as c:
        for f in c.decode(video=0):
            if f.time is not None and f.time >= seconds:
                break
            frames.append(f.to_ndarray(format="rgb24"))
    return frames
