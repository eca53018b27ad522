"""Checks that a clip can be analysed, each failing with a message saying what to film instead."""

from __future__ import annotations

import numpy as np

from stridewell.gait.errors import GaitInputError
from stridewell.gait.keypoints import Keypoints
from stridewell.gait.norms import Norms
from stridewell.gait.video import VideoInfo

FEET = (
    "left_heel",
    "right_heel",
    "left_foot_index",
    "right_foot_index",
    "left_ankle",
    "right_ankle",
)


def check_video(info: VideoInfo, norms: Norms) -> None:
    """Raise GaitInputError when the clip is too short or its frame rate too low."""
    if info.duration_s < norms.value("filming", "min_duration_s"):
        raise GaitInputError(
            f"The clip lasts {info.duration_s:.1f} s, too short to see several steps.",
            "Film 10-20 seconds of steady running (at least 8 steps with each foot).",
            code="too_short",
        )
    if 0 < info.fps < norms.value("frame_rate", "minimum_fps"):
        raise GaitInputError(
            f"The clip has {info.fps:.0f} frames per second, too few to follow running legs.",
            "Film at 30 frames per second or more; slow motion (120 or 240 fps) is best.",
            code="low_fps",
        )


def check_brightness(mean_luma: float, norms: Norms) -> None:
    """Raise GaitInputError when the picture is too dark (mean luma 0-255)."""
    if mean_luma < norms.value("filming", "min_mean_luma"):
        raise GaitInputError(
            f"The video is too dark to see the runner (mean brightness {mean_luma:.0f} of 255).",
            "Film in daylight or a well-lit room, with the light behind the camera, not behind "
            "the runner.",
            code="too_dark",
        )


def check_person(kp: Keypoints, norms: Norms) -> None:
    """Raise GaitInputError when no runner is found, the runner is too small or cut off."""
    found = np.isfinite(kp.xy[:, 0, 0]) & (kp.visibility.max(axis=1) > 0.5)
    if found.mean() < norms.value("filming", "min_detected_fraction"):
        raise GaitInputError(
            f"No runner was found in {100 * (1 - found.mean()):.0f} % of the frames.",
            "Keep one runner in view the whole time, side-on, 3-4 m from a camera held steady at "
            "hip height.",
            code="no_person",
        )
    ys = kp.xy[found, :, 1]
    body = np.nanpercentile(np.nanmax(ys, axis=1) - np.nanmin(ys, axis=1), 50) / kp.height
    if body < norms.value("filming", "min_body_height_fraction"):
        raise GaitInputError(
            f"The runner fills only {100 * body:.0f} % of the frame height, too small to measure.",
            "Move the camera closer (about 3 m for a treadmill) so head to feet fill about two "
            "thirds of the picture.",
            code="too_small",
        )
    feet = np.array([kp.vis(n)[found] for n in FEET])
    xy = np.array([kp.point(n)[found] for n in FEET])
    inside = (xy[..., 1] < kp.height) & (xy[..., 0] > 0) & (xy[..., 0] < kp.width)
    if np.mean((feet > 0.5) & inside) < 0.4:
        raise GaitInputError(
            "The runner's feet are out of the picture or hidden for most of the clip.",
            "Frame the whole body with some floor below the feet; nothing should hide the near "
            "leg.",
            code="cut_off",
        )


def check_steps(n_contacts: int, norms: Norms) -> None:
    """Raise GaitInputError when too few foot contacts were found to measure anything."""
    if n_contacts < norms.value("filming", "min_steps"):
        raise GaitInputError(
            f"Only {n_contacts} foot contacts could be found.",
            "Film 10-20 seconds of steady running from the side, whole body in view, so that at "
            "least 8 steps of each foot can be seen.",
            code="too_few_steps",
        )
