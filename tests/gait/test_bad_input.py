"""Bad input ends in a clear message saying what to film instead; never a traceback."""

from __future__ import annotations

import av
import numpy as np
import pytest
from PIL import Image

from stridewell.gait import GaitInputError, analyse_video, probe
from stridewell.gait.video import iter_frames
from tests.gait.clips import real_frames, write_clip


def _refused(path, code: str) -> GaitInputError:
    with pytest.raises(GaitInputError) as info:
        analyse_video(path, annotate=False)
    assert info.value.code == code, str(info.value)
    assert info.value.advice  # always says what to film instead
    return info.value


def test_text_file_named_mp4_is_refused_as_not_a_video(tmp_path):
    path = tmp_path / "notes.mp4"
    path.write_text("this is not a video")
    err = _refused(path, "unreadable")
    assert ".mp4 or .mov" in err.advice


def test_missing_file_is_named(tmp_path):
    assert "gone.mp4" in str(_refused(tmp_path / "gone.mp4", "not_found"))


def test_still_photo_is_refused_with_a_request_for_video(tmp_path):
    path = tmp_path / "photo.png"
    Image.fromarray(np.full((64, 48, 3), 128, np.uint8)).save(path)
    assert "10-20 seconds" in _refused(path, "still_image").advice


def test_one_second_clip_is_too_short(tmp_path):
    path = write_clip(tmp_path / "short.mp4", [np.full((64, 48, 3), 128, np.uint8)] * 30)
    assert "10-20 seconds" in _refused(path, "too_short").advice


def test_ten_fps_clip_asks_for_a_higher_frame_rate(tmp_path):
    path = write_clip(tmp_path / "slow.mp4", [np.full((64, 48, 3), 128, np.uint8)] * 50, fps=10)
    assert "30 frames per second" in _refused(path, "low_fps").advice


def test_black_clip_is_too_dark(tmp_path):
    path = write_clip(tmp_path / "black.mp4", [np.zeros((96, 64, 3), np.uint8)] * 150)
    assert "light" in _refused(path, "too_dark").advice


def test_empty_room_has_no_runner(tmp_path):
    rng = np.random.default_rng(0)
    frames = [rng.integers(90, 160, (96, 64, 3), dtype=np.uint8) for _ in range(150)]
    assert "one runner" in _refused(write_clip(tmp_path / "room.mp4", frames), "no_person").advice


def test_runner_far_away_is_too_small(tmp_path, clip):
    frames = []
    for f in real_frames(clip, 5.0):
        canvas = np.full((1280, 720, 3), 140, np.uint8)
        canvas[640:1280, 360:720] = f[
            ::2, ::2
        ]  # half size: head to feet about a quarter of the height
        frames.append(canvas)
    err = _refused(write_clip(tmp_path / "far.mp4", frames), "too_small")
    assert "closer" in err.advice


def test_runner_with_feet_out_of_frame_is_cut_off(tmp_path, clip):
    frames = [f[:1020] for f in real_frames(clip, 5.0)]  # the feet are below row 1100
    assert "whole body" in _refused(write_clip(tmp_path / "cut.mp4", frames), "cut_off").advice


def test_runner_frozen_in_one_frame_gives_too_few_steps(tmp_path, clip):
    still = real_frames(clip, 0.1)[0]
    err = _refused(write_clip(tmp_path / "frozen.mp4", [still] * 150), "too_few_steps")
    assert "8 steps" in err.advice


def test_variable_frame_rate_clip_keeps_true_frame_times(tmp_path):
    times = [0.0, 0.033, 0.050, 0.100, 0.108, 0.150, 0.2, 0.25]
    path = write_clip(tmp_path / "vfr.mp4", [np.full((64, 48, 3), 100, np.uint8)] * 8, pts_s=times)
    got = [t for t, _ in iter_frames(path)]
    assert np.allclose(got, times, atol=0.002)
    assert probe(path).width == 48 and probe(path).height == 64


def test_real_clip_cut_short_in_copying_says_so(tmp_path, clip):
    path = tmp_path / "cut.mp4"
    path.write_bytes(clip.read_bytes()[:600_000])  # the index (moov) sits at the end of the file
    err = _refused(path, "unreadable")
    assert "cut short" in err.problem and ".mp4 or .mov" in err.advice


def test_clip_with_damaged_pictures_is_called_damaged(tmp_path, clip):
    data = bytearray(clip.read_bytes())
    start = data.find(b"mdat") + 64
    rng = np.random.default_rng(0)
    data[start : start + 900_000] = rng.integers(0, 256, 900_000, dtype=np.uint8).tobytes()
    path = tmp_path / "damaged.mp4"
    path.write_bytes(bytes(data))
    err = _refused(path, "corrupt")
    assert "damaged" in err.problem and "original clip" in err.advice


def test_sound_recording_is_refused_as_having_no_video(tmp_path):
    path = tmp_path / "voice-memo.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=44100)
        for i in range(40):
            frame = av.AudioFrame.from_ndarray(
                np.zeros((1, 1024), np.float32), format="fltp", layout="mono"
            )
            frame.sample_rate, frame.pts = 44100, i * 1024
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    assert "no video" in _refused(path, "no_video").problem


def test_empty_file_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "empty.mov"
    path.write_bytes(b"")
    assert ".mp4 or .mov" in _refused(path, "unreadable").advice
