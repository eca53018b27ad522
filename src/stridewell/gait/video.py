"""Video reading with PyAV: rotation metadata, true frame times from pts, portrait or landscape."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from numpy.typing import NDArray

from stridewell.gait.errors import GaitInputError

IMAGE_FORMATS = {"image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe", "gif"}


@dataclass(frozen=True)
class VideoInfo:
    """What a video file holds: display size after rotation, rotation (deg), fps, duration (s)."""

    path: str
    width: int
    height: int
    rotation: int
    fps: float
    duration_s: float
    n_frames: int
    codec: str


def _open(path: Path) -> av.container.InputContainer:
    if not path.is_file():
        raise GaitInputError(f"The file {path.name} was not found.", code="not_found")
    try:
        return av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise GaitInputError(
            f"{path.name} could not be opened as a video: it is another kind of file, or it was "
            "cut short while being copied or sent.",
            "Send the clip as it came from the phone camera (an .mp4 or .mov file), and wait "
            "until the copy or upload has finished.",
            code="unreadable",
        ) from exc


def probe(path: str | Path) -> VideoInfo:
    """Return the VideoInfo of a file, or raise GaitInputError when it is no usable video."""
    path = Path(path)
    container = _open(path)
    with container:
        if not container.streams.video:
            raise GaitInputError(
                f"{path.name} holds no video track.",
                "Send the clip as it came from the phone camera: an .mp4 or .mov file.",
                code="no_video",
            )
        stream = container.streams.video[0]
        fmt = container.format.name
        rate = float(stream.average_rate or stream.guessed_rate or 0)
        tb = stream.time_base or 0
        duration = float(stream.duration * tb) if stream.duration else 0.0
        if not duration and container.duration:
            duration = container.duration / 1e6
        n = stream.frames or int(round(duration * rate))
        if fmt in IMAGE_FORMATS or n <= 1:
            raise GaitInputError(
                f"{path.name} is a still image, not a video.",
                "Film a video of 10-20 seconds of steady running.",
                code="still_image",
            )
        rotation = _first_rotation(container)
    w, h = stream.codec_context.width, stream.codec_context.height
    if rotation % 180:
        w, h = h, w
    return VideoInfo(str(path), w, h, rotation, rate, duration, n, stream.codec_context.name)


def _first_rotation(container: av.container.InputContainer) -> int:
    try:
        frame = next(container.decode(video=0))
    except (StopIteration, av.error.FFmpegError) as exc:
        raise GaitInputError(
            "No picture could be decoded from the file; it may be damaged or cut short.",
            "Copy the original clip from the phone again and send it unchanged.",
            code="corrupt",
        ) from exc
    return int(getattr(frame, "rotation", 0) or 0) % 360


def iter_frames(
    path: str | Path,
    max_side: int | None = None,
    *,
    start_s: float | None = None,
    stop_s: float | None = None,
) -> Iterator[tuple[float, NDArray[np.uint8]]]:
    """Yield (time in s from the first frame, RGB image upright) for every decodable frame.

    Times come from each frame's pts, so variable-frame-rate phone clips keep true timing.
    `max_side` scales the decoded picture so its longer side is at most that many pixels.
    `start_s` / `stop_s` keep the frames with start_s <= time < stop_s (times still count from
    the clip's first frame), seeking to the key frame before `start_s` rather than decoding
    from the beginning, so that segments of one clip can be decoded side by side.
    """
    container = _open(Path(path))
    with container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        tb = stream.time_base or 0
        t0: float | None = None
        if start_s:
            t0 = _first_time(container, stream)
            if t0 is not None and tb:
                try:
                    container.seek(int((t0 + start_s) / tb), stream=stream, backward=True)
                except av.error.FFmpegError:  # no index to seek by: decode from the start
                    container.seek(0, stream=stream, backward=True)
        try:
            for frame in container.decode(stream):
                if frame.pts is None:
                    continue
                t = float(frame.pts * tb)
                t0 = t if t0 is None else t0
                if start_s and t - t0 < start_s:
                    continue
                if stop_s is not None and t - t0 >= stop_s:
                    return
                yield t - t0, _upright(frame, max_side)
        except av.error.FFmpegError as exc:
            if t0 is None:
                raise GaitInputError(
                    "The video could not be decoded; it may be damaged.",
                    "Copy the original clip from the phone again and send it unchanged.",
                    code="corrupt",
                ) from exc


def _first_time(
    container: av.container.InputContainer, stream: av.video.VideoStream
) -> float | None:
    """Return the pts time (s) of the first decodable frame, as iter_frames counts from it."""
    try:
        for frame in container.decode(stream):
            if frame.pts is not None:
                return float(frame.pts * (stream.time_base or 0))
    except av.error.FFmpegError:
        return None
    return None


def _upright(frame: av.VideoFrame, max_side: int | None) -> NDArray[np.uint8]:
    w, h = frame.width, frame.height
    if max_side and max(w, h) > max_side:
        scale = max_side / max(w, h)
        w, h = int(round(w * scale / 2) * 2), int(round(h * scale / 2) * 2)
        img = np.asarray(frame.to_ndarray(format="rgb24", width=w, height=h), dtype=np.uint8)
    else:
        img = np.asarray(frame.to_ndarray(format="rgb24"), dtype=np.uint8)
    rotation = int(getattr(frame, "rotation", 0) or 0) % 360
    # PyAV reports the display-matrix angle counter-clockwise; np.rot90 turns counter-clockwise.
    if rotation:
        img = np.rot90(img, k=rotation // 90)
    # Decoded rows are padded (a 360 px row is 1104 bytes, not 1080): a strided view costs
    # its users an element-by-element copy (PIL's fromarray: 3.4 ms a frame, not 0.1 ms).
    return np.ascontiguousarray(img)


def prefetch_frames(
    path: str | Path,
    max_side: int | None = None,
    depth: int = 16,
    *,
    start_s: float | None = None,
    stop_s: float | None = None,
) -> Iterator[tuple[float, NDArray[np.uint8]]]:
    """Yield what iter_frames yields, decoded ahead in a thread so decoding overlaps the caller.

    PyAV releases the GIL while decoding, so on two cores the pose model and the decoder run
    side by side. Errors in the decoder are raised here, in the caller's thread.
    """
    q: queue.Queue[tuple[float, NDArray[np.uint8]] | BaseException | None] = queue.Queue(depth)
    stop = threading.Event()

    def work() -> None:
        try:
            for item in iter_frames(path, max_side, start_s=start_s, stop_s=stop_s):
                if stop.is_set():
                    return
                q.put(item)
            q.put(None)
        except BaseException as exc:  # handed to the consumer, which raises it
            q.put(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    try:
        while (item := q.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while thread.is_alive():
            try:
                q.get_nowait()
            except queue.Empty:
                thread.join(0.05)
