"""Each red-flag rule on its own: a benign runner plus only the answers that should raise it."""

from __future__ import annotations

from typing import Any

import pytest

from stridewell.assess import screen
from stridewell.assess.red_flags import red_flag_rules

BENIGN: dict[str, Any] = {
    "age": 30,
    "sex": "female",
    "sports": ["road_running"],
    "weekly_running_km": 30,
    "onset": "gradual",
    "pain_locations": ["around_kneecap"],
    "aggravating": ["stairs_down", "squatting"],
}


def flags(**changes: Any) -> dict[str, str]:
    """Red flags raised for the benign runner with these answers changed: id -> urgency."""
    return {f.id: f.urgency for f in screen(BENIGN | changes).red_flags}


INJURED = {"onset": "sudden", "trauma": True, "days_since_injury": 2}


def test_benign_runner_raises_no_red_flag() -> None:
    assert flags() == {}


def test_ottawa_age_55_or_more_after_a_fresh_injury_needs_same_day_xray() -> None:
    assert flags(**INJURED, age=55)["ottawa_knee_rule"] == "same_day"


def test_ottawa_does_not_apply_more_than_7_days_after_injury() -> None:
    assert "ottawa_knee_rule" not in flags(**(INJURED | {"days_since_injury": 8}), age=60)


@pytest.mark.parametrize(
    "finding",
    [
        {"isolated_patellar_tenderness": True},
        {"fibular_head_tenderness": True},
        {"can_flex_90": False},
    ],
)
def test_ottawa_examination_criteria_each_raise_it(finding: dict[str, bool]) -> None:
    assert "ottawa_knee_rule" in flags(**INJURED, exam=finding)


def test_ottawa_weight_bearing_needs_both_at_injury_and_now() -> None:
    assert "ottawa_knee_rule" in flags(
        **INJURED, bore_weight_after_injury=False, exam={"can_walk_4_steps": False}
    )
    assert "ottawa_knee_rule" not in flags(
        **INJURED, bore_weight_after_injury=False, exam={"can_walk_4_steps": True}
    )


def test_deformity_after_injury_suggests_fracture() -> None:
    assert flags(**INJURED, deformity=True)["suspected_fracture"] == "same_day"


def test_hot_red_knee_with_fever_is_an_emergency() -> None:
    assert flags(hot_red_knee=True, fever=True)["septic_joint"] == "emergency"


def test_hot_red_knee_after_an_injection_is_an_emergency_even_without_fever() -> None:
    assert flags(hot_red_knee=True, recent_injection_or_surgery=True)["septic_joint"] == "emergency"


def test_measured_fever_with_a_warm_knee_raises_septic_joint() -> None:
    assert "septic_joint" in flags(exam={"temperature_c": 38.6, "warm_joint": True})


def test_focal_bony_tenderness_with_painful_hop_suggests_bone_stress_injury() -> None:
    raised = flags(exam={"focal_bony_tenderness": True, "hop_test_painful": True})
    assert raised["bone_stress_injury"] == "urgent"


def test_worsening_pain_on_walking_after_a_load_spike_suggests_bone_stress_injury() -> None:
    raised = flags(
        pain_worsening_progressively=True, aggravating=["walking"], recent_load_increase=True
    )
    assert "bone_stress_injury" in raised


def test_worsening_pain_alone_without_a_risk_does_not_raise_bone_stress() -> None:
    assert "bone_stress_injury" not in flags(pain_worsening_progressively=True)


def test_groin_pain_with_painful_hop_in_an_adult_runner_suggests_femoral_neck_fracture() -> None:
    raised = flags(pain_locations=["hip_or_groin"], exam={"hop_test_painful": True})
    assert raised["femoral_neck_stress_fracture"] == "same_day"


def test_calf_swelling_after_long_travel_raises_dvt_same_day() -> None:
    assert flags(calf_pain_or_swelling=True, dvt_risk_factors=["long_travel"])["dvt"] == "same_day"


def test_calf_pain_without_any_risk_or_sign_does_not_raise_dvt() -> None:
    assert "dvt" not in flags(calf_pain_or_swelling=True)


def test_breathlessness_or_chest_pain_is_an_emergency() -> None:
    assert flags(breathless_or_chest_pain=True)["pulmonary_embolism"] == "emergency"


def test_constant_night_pain_raises_tumour_screen() -> None:
    assert flags(night_pain="constant")["tumour"] == "urgent"


def test_a_lump_raises_tumour_screen() -> None:
    assert "tumour" in flags(lump=True)


def test_night_pain_on_moving_alone_is_not_a_tumour_flag() -> None:
    assert "tumour" not in flags(night_pain="on_moving")


def test_weight_loss_with_rest_pain_raises_tumour_screen() -> None:
    assert "tumour" in flags(weight_loss=True, rest_pain=True)


def test_knee_stuck_unable_to_straighten_is_an_urgent_referral() -> None:
    assert flags(locking="stuck")["locked_knee"] == "urgent"
    assert "locked_knee" in flags(exam={"extension_blocked": True})


def test_catching_alone_is_not_a_locked_knee() -> None:
    assert "locked_knee" not in flags(locking="catching")


def test_swelling_within_2_hours_of_injury_raises_haemarthrosis() -> None:
    assert flags(**(INJURED | {"days_since_injury": 10}), swelling="within_2_hours") == {
        "acute_haemarthrosis": "urgent"
    }


def test_cold_pale_foot_is_an_emergency() -> None:
    assert flags(foot_cold_or_pale=True)["neurovascular_compromise"] == "emergency"


def test_foot_drop_after_injury_is_an_emergency() -> None:
    raised = flags(**(INJURED | {"days_since_injury": 10}), foot_weak_or_drop=True)
    assert raised["neurovascular_compromise"] == "emergency"


def test_calf_symptoms_on_running_that_stop_at_rest_need_vascular_assessment() -> None:
    assert flags(exertional_calf_symptoms=True)["exertional_vascular"] == "urgent"


def test_teenager_with_painful_hip_rotation_needs_same_day_hip_xray() -> None:
    assert flags(age=12, exam={"hip_rotation_painful_or_limited": True}) == {
        "adolescent_hip_referral": "same_day"
    }


def test_teenager_limping_with_thigh_pain_raises_hip_referral() -> None:
    assert "adolescent_hip_referral" in flags(age=13, limp=True, pain_locations=["thigh"])


def test_adult_with_painful_hip_rotation_is_not_the_adolescent_rule() -> None:
    assert "adolescent_hip_referral" not in flags(exam={"hip_rotation_painful_or_limited": True})


def test_no_straight_leg_raise_after_injury_suggests_extensor_rupture() -> None:
    raised = flags(**INJURED, exam={"straight_leg_raise_possible": False})
    assert raised["extensor_mechanism_rupture"] == "urgent"


def test_bladder_or_saddle_symptoms_are_an_emergency() -> None:
    assert flags(bladder_bowel_or_saddle_numbness=True)["cauda_equina"] == "emergency"


def test_several_swollen_joints_need_medical_review() -> None:
    assert flags(several_joints_affected=True)["inflammatory_arthritis"] == "soon"


def test_long_morning_stiffness_with_swelling_needs_medical_review() -> None:
    raised = flags(morning_stiffness_minutes=90, swelling="comes_and_goes")
    assert "inflammatory_arthritis" in raised


def test_pain_out_of_proportion_with_skin_changes_suggests_crps() -> None:
    assert flags(pain_out_of_proportion=True, skin_colour_or_temperature_change=True)["crps"] == (
        "soon"
    )


def test_every_rule_in_the_data_file_is_tested_here() -> None:
    source = open(__file__, encoding="utf-8").read()
    untested = [r.id for r in red_flag_rules() if f'"{r.id}"' not in source]
    assert untested == []


def test_red_flags_come_most_urgent_first_with_reasons_and_source() -> None:
    result = screen(BENIGN | {"lump": True, "breathless_or_chest_pain": True})
    assert [f.id for f in result.red_flags] == ["pulmonary_embolism", "tumour"]
    assert result.urgency == "emergency" and result.refer_to_doctor
    tumour = result.red_flags[1]
    assert tumour.reasons == ("A lump or mass: yes",)
    assert tumour.source and tumour.action


def test_back_of_knee_pain_on_the_pill_without_swelling_is_not_a_dvt_flag() -> None:
    assert "dvt" not in flags(pain_locations=["back_of_knee"], dvt_risk_factors=["oestrogen"])
    raised = flags(
        pain_locations=["back_of_knee"], dvt_risk_factors=["oestrogen"], swelling="comes_and_goes"
    )
    assert "dvt" in raised


def test_fever_with_a_knee_that_swells_after_long_runs_is_not_called_septic() -> None:
    assert "septic_joint" not in flags(fever=True, swelling="comes_and_goes")
