"""The screening answer set: history a patient gives, and examination findings a clinician adds.

Validated with pydantic because it comes from outside (a web form, a JSON file, the
terminal). Unknown fields are refused so that a typo cannot silently drop an answer.
`answer_schema()` is the documented JSON Schema of this set.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Activity",
    "Examination",
    "PainLocation",
    "LOCATION_LABELS",
    "ScreeningAnswers",
    "answer_schema",
]

PainLocation = Literal[
    "around_kneecap",
    "kneecap_lower_tip",
    "patellar_tendon",
    "shin_bump_below_kneecap",
    "outside_above_joint_line",
    "outside_joint_line",
    "inside_joint_line",
    "inside_edge_of_kneecap",
    "inside_below_joint_line",
    "either_side_of_patellar_tendon",
    "back_of_knee",
    "back_outside_of_knee",
    "calf",
    "whole_knee",
    "thigh",
    "hip_or_groin",
]
Activity = Literal[
    "stairs_up",
    "stairs_down",
    "squatting",
    "prolonged_sitting",
    "rising_from_sitting",
    "jumping",
    "running",
    "downhill_running",
    "kneeling",
    "pivoting",
    "prolonged_standing",
    "walking",
    "lying_on_side",
    "cycling",
]
Sport = Literal[
    "road_running", "trail_running", "track", "jumping_sport", "pivoting_sport", "cycling", "other"
]
DvtRisk = Literal[
    "long_travel",
    "recent_surgery",
    "immobilised",
    "oestrogen",
    "previous_clot",
    "active_cancer",
    "pregnancy",
]
BoneRisk = Literal[
    "previous_bone_stress_injury",
    "missed_periods",
    "low_energy_intake",
    "low_body_weight",
    "low_vitamin_d",
]
Mechanism = Literal[
    "twist_on_planted_foot",
    "landing",
    "direct_blow",
    "blow_to_outside_of_knee",
    "blow_to_inside_of_knee",
    "hyperextension",
    "fall",
    "other",
]

LOCATION_LABELS: dict[str, str] = {
    "around_kneecap": "around or behind the kneecap",
    "kneecap_lower_tip": "at the lower tip of the kneecap",
    "patellar_tendon": "along the tendon below the kneecap",
    "shin_bump_below_kneecap": "on the bony bump at the top of the shin",
    "outside_above_joint_line": "outside of the knee, 2-3 cm above the joint line",
    "outside_joint_line": "outer joint line",
    "inside_joint_line": "inner joint line",
    "inside_edge_of_kneecap": "just inside the kneecap, above the joint line",
    "inside_below_joint_line": "inner shin, 2-5 cm below the joint line",
    "either_side_of_patellar_tendon": "either side of the tendon below the kneecap",
    "back_of_knee": "back of the knee",
    "back_outside_of_knee": "back-outer corner of the knee",
    "calf": "calf",
    "whole_knee": "the whole knee",
    "thigh": "thigh",
    "hip_or_groin": "hip or groin",
}

_STRICT = ConfigDict(extra="forbid", frozen=True)


def _flag(title: str) -> Any:
    return Field(default=False, title=title)


def _finding(title: str) -> Any:
    return Field(default=None, title=title)


class Examination(BaseModel):
    """Findings a clinician records; None means not examined (neither for nor against)."""

    model_config = _STRICT

    effusion: bool | None = _finding("Effusion on examination")
    warm_joint: bool | None = _finding("Knee warm to touch")
    temperature_c: float | None = Field(default=None, ge=30, le=44, title="Body temperature (°C)")
    can_flex_90: bool | None = _finding("Can bend the knee to 90°")
    can_walk_4_steps: bool | None = _finding("Can take 4 steps now (limping allowed)")
    isolated_patellar_tenderness: bool | None = _finding("Tenderness of the kneecap only")
    fibular_head_tenderness: bool | None = _finding("Tenderness at the head of the fibula")
    straight_leg_raise_possible: bool | None = _finding("Can lift the straight leg")
    extension_blocked: bool | None = _finding("Full straightening blocked (springy block)")
    squat_reproduces_pain: bool | None = _finding("Squat or step-down reproduces the pain")
    patellar_facet_tenderness: bool | None = _finding("Tender under the kneecap edges")
    decline_squat_pain_lower_tip: bool | None = _finding(
        "Single-leg decline squat hurts at the kneecap's lower tip"
    )
    tender_lower_tip_of_kneecap: bool | None = _finding("Tender at the kneecap's lower tip")
    tender_shin_bump: bool | None = _finding("Tender, prominent bump below the kneecap")
    tender_outer_femoral_epicondyle: bool | None = _finding(
        "Tender on the outer thigh bone bump above the joint line"
    )
    noble_test_positive: bool | None = _finding("Noble compression test reproduces pain")
    joint_line_tenderness: bool | None = _finding("Tender along the joint line")
    meniscal_test_positive: bool | None = _finding("McMurray or Thessaly test positive")
    lachman_positive: bool | None = _finding("Lachman test shows laxity")
    collateral_laxity: bool | None = _finding("Valgus or varus stress shows laxity or pain")
    patellar_apprehension: bool | None = _finding("Apprehension when the kneecap is pushed out")
    tender_pes_anserine: bool | None = _finding("Tender 2-5 cm below the inner joint line")
    tender_medial_plica: bool | None = _finding("Tender cord on the inner side of the kneecap")
    hoffa_test_positive: bool | None = _finding("Hoffa test reproduces pain")
    tender_posterolateral_corner: bool | None = _finding("Tender at the back-outer corner")
    bony_crepitus_or_enlargement: bool | None = _finding("Bony enlargement or coarse crepitus")
    focal_bony_tenderness: bool | None = _finding("Focal tenderness on bone")
    hop_test_painful: bool | None = _finding("Single-leg hopping is painful")
    hip_rotation_painful_or_limited: bool | None = _finding(
        "Hip internal rotation painful or limited"
    )
    nerve_tension_positive: bool | None = _finding("Slump or femoral nerve test reproduces pain")
    distal_pulses_reduced: bool | None = _finding("Foot pulses reduced or absent")
    neuro_deficit: bool | None = _finding("Loss of strength, feeling or reflexes")
    calf_tenderness: bool | None = _finding("Tender along the deep calf veins")
    calf_swelling_3cm: bool | None = _finding("Calf 3 cm or more larger than the other")
    pitting_oedema: bool | None = _finding("Pitting oedema in the painful leg")


class ScreeningAnswers(BaseModel):
    """Everything the screening uses. Only age and onset are required; the rest defaults to
    'no' or 'none', so a short form still screens, with less to go on."""

    model_config = _STRICT

    age: int = Field(ge=4, le=100, title="Age in years")
    sex: Literal["female", "male", "other", "not_said"] = Field("not_said", title="Sex")
    sports: list[Sport] = Field(default_factory=list, title="Sports")
    weekly_running_km: float = Field(0, ge=0, le=400, title="Running per week (km)")
    recent_load_increase: bool = _flag("Training rose quickly before the pain began")
    onset: Literal["gradual", "sudden"] = Field(title="How the pain began")
    symptom_weeks: float = Field(0, ge=0, le=1000, title="Weeks since the pain began")
    both_knees: bool = _flag("Both knees hurt")
    trauma: bool = _flag("An injury started it")
    days_since_injury: int | None = Field(None, ge=0, title="Days since the injury")
    mechanism: Mechanism | None = Field(None, title="How the injury happened")
    heard_pop: bool = _flag("Felt or heard a pop at injury")
    bore_weight_after_injury: bool = Field(True, title="Could walk straight after the injury")
    can_bear_weight_now: bool = Field(True, title="Can walk on the leg now")
    deformity: bool = _flag("The knee or leg looks out of shape")
    pain_locations: list[PainLocation] = Field(
        default_factory=list,
        title="Where it hurts",
        description="Regions of the knee map: "
        + "; ".join(f"{k} = {v}" for k, v in LOCATION_LABELS.items()),
    )
    pain_now: int = Field(0, ge=0, le=10, title="Pain now (0-10)")
    pain_worst: int = Field(0, ge=0, le=10, title="Worst pain in the past week (0-10)")
    aggravating: list[Activity] = Field(default_factory=list, title="What makes it worse")
    pain_at_set_distance: bool = _flag("Pain starts at about the same point in each run")
    warms_up: bool = _flag("Pain eases once warmed up, worse afterwards or next day")
    pain_worsening_progressively: bool = _flag("Pain steadily worse, now with walking or rest")
    swelling: Literal["none", "within_2_hours", "within_24_hours", "comes_and_goes"] = Field(
        "none", title="Swelling"
    )
    hot_red_knee: bool = _flag("Knee hot and red")
    locking: Literal["none", "catching", "stuck"] = Field(
        "none", title="Catching, or stuck unable to straighten"
    )
    giving_way: bool = _flag("Knee gives way")
    kneecap_slipped: bool = _flag("Kneecap has slipped or dislocated")
    clicking_or_snapping: bool = _flag("Painful click or snap")
    grinding: bool = _flag("Grinding on movement")
    night_pain: Literal["none", "on_moving", "constant"] = Field("none", title="Pain at night")
    rest_pain: bool = _flag("Pain at rest")
    morning_stiffness_minutes: int = Field(0, ge=0, le=1440, title="Morning stiffness (minutes)")
    fever: bool = _flag("Fever")
    unwell: bool = _flag("Feeling generally unwell")
    recent_injection_or_surgery: bool = _flag("Knee injection or operation in the past months")
    infection_risk: bool = _flag("Diabetes, weak immunity, drug injection or a skin wound")
    calf_pain_or_swelling: bool = _flag("Calf pain or swelling")
    dvt_risk_factors: list[DvtRisk] = Field(default_factory=list, title="Clot risk factors")
    breathless_or_chest_pain: bool = _flag("New breathlessness or chest pain")
    weight_loss: bool = _flag("Unexplained weight loss")
    lump: bool = _flag("A lump or mass")
    cancer_history: bool = _flag("Cancer now or in the past")
    numbness_or_tingling: bool = _flag("Numbness or tingling in the leg")
    foot_weak_or_drop: bool = _flag("Foot weak or dropping")
    foot_cold_or_pale: bool = _flag("Foot cold or pale")
    exertional_calf_symptoms: bool = _flag("Calf cramps or tingling on running that stop at rest")
    bladder_bowel_or_saddle_numbness: bool = _flag(
        "New bladder or bowel trouble, or numbness between the legs"
    )
    back_pain: bool = _flag("Back pain")
    limp: bool = _flag("Limping")
    overweight: bool = _flag("Overweight for age")
    bone_health_risks: list[BoneRisk] = Field(default_factory=list, title="Bone health risks")
    several_joints_affected: bool = _flag("Other joints swollen or painful")
    pain_out_of_proportion: bool = _flag("Pain far beyond what the injury explains")
    skin_colour_or_temperature_change: bool = _flag("Skin colour or temperature changes")
    exam: Examination | None = Field(None, title="Examination findings (clinician)")


def answer_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of `ScreeningAnswers`, for forms and integrations."""
    schema = ScreeningAnswers.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://stridewell.example/schemas/screening-answers.json"
    return schema
