"""Stick-figure geometry checked by hand, and every library illustration renders."""

import math
import xml.etree.ElementTree as ET

import pytest

from stridewell.programme import illustration_svg, load_library
from stridewell.programme.figure import (
    FOREARM,
    HEAD_R,
    SHANK,
    THIGH,
    TRUNK,
    UPPER_ARM,
    Illustration,
    Pose,
    solve,
)

LIB = load_library()


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-6)


def test_standing_figure_stacks_ankle_knee_hip_and_neck_vertically() -> None:
    pts = solve(Pose(), "side")
    for joint in ("knee_l", "ankle_l", "neck", "head"):
        assert close(pts[joint][0], 0.0), joint
    assert close(pts["pelvis"][1] - pts["knee_l"][1], THIGH)
    assert close(pts["knee_l"][1] - pts["ankle_l"][1], SHANK)
    assert close(pts["neck"][1] - pts["pelvis"][1], TRUNK)


def test_lowest_point_of_every_pose_rests_on_the_floor() -> None:
    for preset in ("stand", "supine", "prone", "side_lying", "quadruped", "kneel"):
        pts = solve(Pose(preset=preset), "side")
        lowest = min(min(y for _, y in pts.values()), pts["head"][1] - HEAD_R)
        assert close(lowest, 0.0), preset


def test_lift_raises_the_whole_figure_off_the_floor() -> None:
    ground = solve(Pose(), "side")
    jump = solve(Pose(lift=0.15), "side")
    assert close(jump["pelvis"][1] - ground["pelvis"][1], 0.15)


def test_hip_flexed_90_degrees_points_the_thigh_forward_horizontally() -> None:
    pts = solve(Pose(hip_l=90), "side")
    dx = pts["knee_l"][0] - pts["hip_l"][0]
    dy = pts["knee_l"][1] - pts["hip_l"][1]
    assert close(dx, THIGH) and close(dy, 0.0)


def test_knee_bent_90_degrees_points_the_shin_backwards_when_standing() -> None:
    pts = solve(Pose(knee_l=90), "side")
    assert close(pts["ankle_l"][0] - pts["knee_l"][0], -SHANK)


def test_elbow_bends_forward_and_arm_hangs_by_the_side() -> None:
    pts = solve(Pose(elbow_l=90), "side")
    assert close(pts["neck"][1] - pts["elbow_l"][1], UPPER_ARM)
    assert close(pts["hand_l"][0] - pts["elbow_l"][0], FOREARM)


def test_lying_on_the_back_puts_head_left_and_toes_up() -> None:
    pts = solve(Pose(preset="supine"), "side")
    assert pts["head"][0] < pts["pelvis"][0] < pts["ankle_l"][0]
    assert pts["toe_l"][1] > pts["heel_l"][1]


def test_front_view_abduction_moves_the_leg_away_from_the_midline() -> None:
    still = solve(Pose(), "front")
    out = solve(Pose(hip_l=30), "front")
    assert out["ankle_l"][0] < still["ankle_l"][0] < still["pelvis"][0]


@pytest.mark.parametrize("ex", list(LIB.values()), ids=list(LIB))
def test_every_library_illustration_renders_to_valid_svg(ex) -> None:  # type: ignore[no-untyped-def]
    svg = illustration_svg(ex.illustration, height_px=120, title=ex.name)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert root.get("height") == "120"
    lines = [el for el in root.iter() if el.tag.endswith("line")]
    assert len(lines) >= 13 * len(ex.illustration.poses), "a full stick figure per pose"
    assert "nan" not in svg and "inf" not in svg


def test_highlighted_segment_is_drawn_in_the_accent_colour() -> None:
    ill = Illustration(view="side", poses=(Pose(),), highlight=("thigh_l",))
    assert "#d9480f" in illustration_svg(ill)
    assert "#d9480f" not in illustration_svg(Illustration(view="side", poses=(Pose(),)))


def test_title_is_escaped_in_the_svg() -> None:
    ill = Illustration(view="side", poses=(Pose(),))
    svg = illustration_svg(ill, title="<Knee & hip>")
    assert "&lt;Knee &amp; hip&gt;" in svg
    ET.fromstring(svg)
