"""Decoding a clip in segments (for pose models side by side) gives exactly the whole clip."""

from __future__ import annotations

import numpy as np

from stridewell.gait.pose import pose_workers
from stridewell.gait.video import iter_frames
from tests.gait.clips import write_clip


def test_two_halves_of_the_real_clip_are_its_frames_with_the_same_times(clip):
    whole = list(iter_frames(clip, 320))
    first = list(iter_frames(clip, 320, stop_s=6.0))
    second = list(iter_frames(clip, 320, start_s=6.0))
    assert len(first) == len(second) == 180  # 12 s at 30 fps, cut at 6 s
    assert second[0][0] == 6.0  # times still count from the clip's first frame
    joined = first + second
    assert [t for t, _ in joined] == [t for t, _ in whole]
    assert all(np.array_equal(a, b) for (_, a), (_, b) in zip(joined, whole, strict=True))


def test_a_variable_frame_rate_clip_splits_on_true_times(tmp_path):
    times = [0.0, 0.033, 0.050, 0.100, 0.108, 0.150, 0.2, 0.25]
    path = write_clip(tmp_path / "vfr.mp4", [np.full((64, 48, 3), 100, np.uint8)] * 8, pts_s=times)
    first = [t for t, _ in iter_frames(path, stop_s=0.1)]
    second = [t for t, _ in iter_frames(path, start_s=0.1)]
    assert np.allclose(first, times[:3], atol=0.002)
    assert np.allclose(second, times[3:], atol=0.002)


def test_two_pose_models_on_two_cores_and_one_for_a_short_clip_or_a_given_backend(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert pose_workers(None, 12.0) == 2
    assert pose_workers(None, 4.0) == 1  # too short to pay for starting a second model
    assert pose_workers(object(), 12.0) == 1  # type: ignore[arg-type]
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert pose_workers(None, 12.0) == 1
