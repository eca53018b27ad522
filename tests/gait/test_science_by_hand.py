"""Geometry, cadence and classification checked against values worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from stridewell.gait import geometry as g
from stridewell.gait.events import Contact, cadence_from_contacts, spectral_cadence
from stridewell.gait.keypoints import INDEX, empty_keypoints
from stridewell.gait.metrics import classify_strike
from stridewell.gait.norms import load_norms, parse_norms
from stridewell.gait.smoothing import lowpass, resample_uniform


def _pts(**named: tuple[float, float]) -> g.Sagittal:
    return g.Sagittal({k: np.array([v], dtype=float) for k, v in named.items()})


def test_straight_leg_is_zero_knee_flexion_and_a_right_angle_is_ninety():
    straight = _pts(right_hip=(0, 2), right_knee=(0, 1), right_ankle=(0, 0))
    bent = _pts(right_hip=(0, 1), right_knee=(0, 0), right_ankle=(-1, 0))
    assert g.knee_flexion(straight, "right")[0] == pytest.approx(0.0)
    assert g.knee_flexion(bent, "right")[0] == pytest.approx(90.0)


def test_toes_up_foot_is_a_positive_angle_and_ankle_ahead_of_knee_a_positive_shank_angle():
    s = _pts(left_heel=(0, 0), left_foot_index=(1, 1), left_knee=(0, 1), left_ankle=(1, 0))
    assert g.foot_angle(s, "left")[0] == pytest.approx(45.0)
    assert g.shank_angle(s, "left")[0] == pytest.approx(45.0)


def test_runner_facing_image_left_is_turned_to_run_forward():
    kp = empty_keypoints(np.array([0.0]), 100, 100, "hand")
    kp.xy[0, 29] = (50, 90)  # left heel
    kp.xy[0, 31] = (40, 90)  # left toe, further left in the image
    s = g.sagittal(kp, facing=-1)
    assert g.foot_angle(s, "left")[0] == pytest.approx(0.0)
    assert s["left_foot_index"][0, 0] > s["left_heel"][0, 0]


def test_knee_inward_of_the_hip_ankle_line_reads_as_positive_valgus():
    kp = empty_keypoints(np.array([0.0]), 100, 100, "hand")
    # seen from behind: left hip at x=40, right hip at x=60; left knee pushed 10 px toward x=60
    for name, xy in {
        "left_hip": (40, 0),
        "right_hip": (60, 0),
        "left_knee": (50, 50),
        "left_ankle": (40, 100),
    }.items():
        kp.xy[0, INDEX[name]] = xy
    angle = 2 * np.degrees(np.arctan(10 / 50))  # the bend at the knee, worked by hand: 22.6 deg
    assert g.knee_fppa(kp, "left")[0] == pytest.approx(angle)
    kp.xy[0, INDEX["left_knee"]] = (30, 50)
    assert g.knee_fppa(kp, "left")[0] == pytest.approx(-angle)


def test_cadence_is_120_over_mean_stride_not_median_of_frame_gaps():
    # left every 0.70 s, right offset by 0.35 s: stride 0.70 s -> 120 / 0.70 = 171.43 steps/min
    contacts = [
        Contact(side, t0 + k * 0.70, t0 + k * 0.70 + 0.25, 0, 0)
        for side, t0 in (("left", 0.0), ("right", 0.35))
        for k in range(10)
    ]
    cadence, stride, n = cadence_from_contacts(contacts)
    assert cadence == pytest.approx(120 / 0.70)
    assert stride == pytest.approx(0.70) and n == 18


def test_one_missed_contact_does_not_halve_the_cadence():
    contacts = [Contact("left", k * 0.70, k * 0.70 + 0.25, 0, 0) for k in range(10) if k != 4]
    cadence, _, n = cadence_from_contacts(contacts)
    assert cadence == pytest.approx(120 / 0.70) and n == 7


def test_spectral_cadence_finds_a_1_4_hz_stride_as_168_steps_per_minute():
    t = np.arange(0, 10, 1 / 30)
    assert spectral_cadence(np.sin(2 * np.pi * 1.4 * t), 30.0) == pytest.approx(168.0, abs=0.3)


@pytest.mark.parametrize(
    ("fsa", "cls"),
    [
        (8.1, "rearfoot"),
        (8.0, "midfoot"),
        (-1.6, "midfoot"),
        (-1.7, "forefoot"),
        (20.0, "rearfoot"),
    ],
)
def test_foot_strike_class_follows_altman_and_davis_thresholds(fsa, cls):
    assert classify_strike(fsa, load_norms()) == cls


def test_zero_lag_filter_keeps_a_slow_wave_in_place_and_leaves_gaps_as_gaps():
    t = np.arange(0, 4, 1 / 60)
    x = np.sin(2 * np.pi * 1.5 * t)
    y = lowpass(x, 60.0, 10.0)
    assert np.argmax(y[:40]) == np.argmax(x[:40])  # no phase shift
    x[100:110] = np.nan
    assert np.isnan(lowpass(x, 60.0, 10.0)[100:110]).all()


def test_variable_frame_rate_is_resampled_to_even_time_steps():
    times = np.array([0.0, 0.020, 0.075, 0.100, 0.140, 0.170, 0.200])
    kp = empty_keypoints(times, 10, 10, "hand")
    kp.xy[:, 0, 0] = times * 100  # moves 100 px/s
    kp.visibility[:] = 1
    even = resample_uniform(kp)
    assert np.allclose(np.diff(even.times), 0.2 / 6)
    assert np.allclose(even.xy[:, 0, 0], even.times * 100)


def test_every_norm_has_unit_and_source_and_a_broken_file_is_refused():
    norms = load_norms()
    assert all(n.unit and n.source for n in norms.metrics.values())
    bad = {
        "metrics": {
            "x": {
                "label": "x",
                "unit": "deg",
                "kind": "normative",
                "source": "s",
                "low": 5.0,
                "high": 1.0,
            }
        }
    }
    with pytest.raises(ValueError, match="low must be below high"):
        parse_norms(bad)
    with pytest.raises(ValueError, match="lacks"):
        parse_norms({"metrics": {"x": {"label": "x", "unit": "deg", "kind": "normative"}}})


def _person(x: float, top: float, bottom: float) -> tuple[np.ndarray, np.ndarray]:
    """A stand-in person: 33 landmarks spread from `top` to `bottom` pixels at column `x`."""
    ys = np.linspace(top, bottom, 33)
    return np.column_stack([np.full(33, x), ys]), np.ones(33)


def test_with_no_runner_yet_the_tallest_person_in_view_is_followed():
    from stridewell.gait.pose import choose_runner

    passer_by = _person(100, 300, 500)  # 200 px tall, further from the camera
    runner = _person(400, 100, 700)  # 600 px tall
    chosen = choose_runner([passer_by, runner], previous=None)
    assert chosen is not None and chosen[0][0, 0] == 400


def test_once_followed_the_runner_is_kept_even_when_someone_taller_walks_in():
    from stridewell.gait.pose import choose_runner

    runner_now = _person(410, 120, 520)  # moved 10 px since the last frame
    walker = _person(800, 50, 750)  # taller, but far from where the runner was
    previous = _person(400, 120, 520)[0]
    chosen = choose_runner([walker, runner_now], previous=previous)
    assert chosen is not None and chosen[0][0, 0] == 410
    assert choose_runner([], previous=previous) is None
