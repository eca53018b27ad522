"""The whole pipeline on the real treadmill clip: real BlazePose, video, JSON, HTML and PDF."""

from __future__ import annotations

import json

import av
import numpy as np

from stridewell.gait import analyse_keypoints
from stridewell.report.render import pdf_to_pngs


def test_real_clip_is_a_side_view_of_a_runner_facing_left_with_left_leg_near(clip_result):
    a, _ = clip_result
    assert a.view.view == "side" and a.view.facing == -1 and a.view.near_side == "left"
    assert a.fps == 30.0 and 11.9 < a.duration_s < 12.0


def test_real_clip_cadence_agrees_between_stride_and_spectral_estimates(clip_result):
    a, _ = clip_result
    # the reference counted 17 heel strikes per foot in 12 s: about 170 steps/min
    assert 164 < a.cadence.steps_per_min < 174
    assert abs(a.cadence.from_strides - a.cadence.spectral) < 1.5
    assert 30 <= len(a.steps) <= 35
    sides = [s.side for s in a.steps]
    assert (
        sum(x != y for x, y in zip(sides, sides[1:], strict=False)) >= len(sides) - 4
    )  # alternate


def test_real_clip_withholds_contact_time_at_30fps_and_reports_metrics_with_sources(clip_result):
    a, _ = clip_result
    assert all(s.contact_time is None for s in a.steps)
    near = {s.metric: s for s in a.summary if s.side == "left"}
    assert 0 < near["knee_flexion_ic"].mean < 25
    assert near["knee_flexion_peak"].mean > near["knee_flexion_ic"].mean
    assert -5 < near["trunk_lean"].mean < 15
    assert all(n.source for n in a.norms)


def test_real_clip_json_holds_every_step_and_summary(clip_result):
    a, out = clip_result
    data = json.loads((out / "analysis.json").read_text())
    assert len(data["steps"]) == len(a.steps)
    assert {"knee_flexion_ic", "foot_strike", "overstride"} <= set(data["steps"][0])
    assert data["cadence"]["steps_per_min"] == a.cadence.steps_per_min
    assert data["files"]["video"].endswith("annotated.mp4")


def test_annotated_video_has_every_frame_with_drawing_on_it(clip_result, clip):
    _, out = clip_result
    with av.open(str(out / "annotated.mp4")) as c:
        frames = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
    assert len(frames) == 360
    h, w = frames[0].shape[:2]
    assert (h, w) == (640, 360)  # portrait kept upright
    # the left leg is drawn in orange: strongly red-over-blue pixels appear in the legs' region
    orange = (frames[100][..., 0] > 200) & (frames[100][..., 2] < 80) & (frames[100][..., 1] > 120)
    assert orange[h // 2 :].sum() > 50


def test_report_pdf_renders_pages_with_findings_and_plots(clip_result, tmp_path):
    _, out = clip_result
    html = (out / "report.html").read_text()
    assert "Measurements" in html and "<svg" in html and "steps/min" in html
    pages = pdf_to_pngs((out / "report.pdf").read_bytes(), tmp_path, scale=0.5)
    assert 2 <= len(pages) <= 5


def test_pose_at_640px_matches_full_resolution_landmarks(clip_result, clip_landmarks):
    """The bench infers at 640 px on the long side; the precomputed landmarks used full size."""
    a, out = clip_result
    ours = np.load(out / "keypoints.npz")["xy"]
    ref = clip_landmarks.xy
    joints = [23, 25, 27, 29, 31]  # left hip, knee, ankle, heel, toe (the near leg)
    diff = np.linalg.norm(ours[:, joints] - ref[:, joints], axis=-1)
    assert np.nanmedian(diff) < 8  # pixels in a 720 x 1280 frame
    b = analyse_keypoints(clip_landmarks)
    assert abs(a.cadence.steps_per_min - b.cadence.steps_per_min) < 1.5


def test_step_times_on_the_real_clip_do_not_alternate_between_two_contact_methods(
    clip_landmarks,
):
    """At 30 fps a step of about 0.36 s (168 steps/min) is 11 frames. Taking some contacts of a
    foot from its height and others from its forward peak made the near foot's steps read
    0.27 and 0.42 s in turn, and its angles at contact swing by 25 deg; one method per foot
    keeps every step within about a frame of the mean."""
    a = analyse_keypoints(clip_landmarks)
    for side in ("left", "right"):
        steps = [s.step_time for s in a.steps if s.side == side and s.step_time]
        assert np.std(steps) < 0.03, (side, steps)
        assert max(abs(t - np.mean(steps)) for t in steps) < 1.5 / 30
