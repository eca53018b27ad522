"""The intake and examination forms in plain words: which answer goes in which short step.

The answer set itself (fields, types, bounds, allowed values) belongs to the core
(`stridewell.assess.ScreeningAnswers`); this module only words the questions for a patient and
groups them so that each step fits on a phone screen. A test checks that every answer of the
core appears in exactly one step, so a field added to the core cannot silently go unasked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["EXAM_GROUPS", "STEPS", "Question", "Step", "step"]


@dataclass(frozen=True)
class Question:
    """One question of a step.

    kind: "number", "choice" (one of the core's values), "scale" (0-10), "multi" (several of the
    core's values), "yesno" (one yes/no answer) or "tick" (a list of yes/no answers asked as
    "tick any that apply"; `options` maps each answer's field name to its wording).
    """

    name: str
    kind: str
    label: str
    help: str = ""
    options: dict[str, str] = field(default_factory=dict)
    required: bool = False
    group: str = ""  # a sub-heading shown before the question (e.g. "If an injury started it")


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    intro: str
    questions: tuple[Question, ...]

    def fields(self) -> list[str]:
        """Return the answer-set fields this step asks about."""
        out: list[str] = []
        for q in self.questions:
            out += list(q.options) if q.kind == "tick" else [q.name]
        return out


_PAIN_SCALE = "0 means no pain, 10 the worst pain you can imagine."

STEPS: tuple[Step, ...] = (
    Step(
        "about",
        "About you and your running",
        "A few questions about you and the sport you do.",
        (
            Question("age", "number", "How old are you?", "In years.", required=True),
            Question(
                "sex",
                "choice",
                "Sex",
                options={
                    "female": "Female",
                    "male": "Male",
                    "other": "Other",
                    "not_said": "I would rather not say",
                },
            ),
            Question(
                "sports",
                "multi",
                "Which sports do you do?",
                "Tick all that apply.",
                options={
                    "road_running": "Running on roads",
                    "trail_running": "Trail or off-road running",
                    "track": "Track running",
                    "jumping_sport": "A jumping sport (basketball, volleyball and the like)",
                    "pivoting_sport": "A sport with quick turns (football, netball, tennis and the like)",
                    "cycling": "Cycling",
                    "other": "Something else",
                },
            ),
            Question(
                "weekly_running_km",
                "number",
                "About how many kilometres do you run in a normal week?",
                "Write 0 if you are not running at the moment.",
            ),
            Question(
                "recent_load_increase",
                "yesno",
                "In the weeks before the pain began, did your training go up quickly?",
                "For example more distance, faster runs, more hills, or a new plan.",
            ),
        ),
    ),
    Step(
        "story",
        "How it started",
        "Tell us how the knee pain began.",
        (
            Question(
                "onset",
                "choice",
                "How did the pain start?",
                required=True,
                options={
                    "gradual": "Slowly, over days or weeks",
                    "sudden": "Suddenly, at one moment",
                },
            ),
            Question(
                "symptom_weeks",
                "number",
                "How many weeks ago did it start?",
                "A rough number is fine.",
            ),
            Question("both_knees", "yesno", "Do both knees hurt?"),
            Question(
                "trauma",
                "yesno",
                "Did an injury start it?",
                "A fall, a twist, a knock or a bad landing.",
            ),
            Question(
                "days_since_injury",
                "number",
                "How many days ago was the injury?",
                group="If an injury started it",
            ),
            Question(
                "mechanism",
                "choice",
                "What happened?",
                group="If an injury started it",
                options={
                    "twist_on_planted_foot": "I twisted with my foot on the ground",
                    "landing": "A landing from a jump",
                    "direct_blow": "A knock to the front of the knee",
                    "blow_to_outside_of_knee": "A knock to the outer side",
                    "blow_to_inside_of_knee": "A knock to the inner side",
                    "hyperextension": "The knee bent backwards too far",
                    "fall": "A fall",
                    "other": "Something else",
                },
            ),
            Question(
                "heard_pop",
                "yesno",
                "Did you feel or hear a pop when it happened?",
                group="If an injury started it",
            ),
            Question(
                "bore_weight_after_injury",
                "yesno",
                "Could you walk on the leg straight after the injury?",
                group="If an injury started it",
            ),
            Question(
                "deformity",
                "yesno",
                "Did the knee or leg look out of shape?",
                group="If an injury started it",
            ),
            Question(
                "can_bear_weight_now",
                "yesno",
                "Can you walk on the leg now?",
                "Limping counts as yes.",
            ),
        ),
    ),
    Step(
        "pain",
        "Where it hurts",
        "Where the pain is and how strong it is.",
        (
            Question(
                "pain_locations",
                "multi",
                "Where does it hurt?",
                "Tick every place that hurts. The numbers match the drawing.",
                options={
                    "around_kneecap": "1. Around or behind the kneecap",
                    "kneecap_lower_tip": "2. At the bottom tip of the kneecap",
                    "patellar_tendon": "3. Along the tendon below the kneecap",
                    "either_side_of_patellar_tendon": "4. On either side of that tendon",
                    "shin_bump_below_kneecap": "5. On the bony bump at the top of the shin",
                    "inside_edge_of_kneecap": "6. Just inside the kneecap, on the inner side",
                    "inside_joint_line": "7. On the inner side, along the joint",
                    "inside_below_joint_line": "8. On the inner shin, a few centimetres below the joint",
                    "outside_above_joint_line": "9. On the outer side, a little above the joint",
                    "outside_joint_line": "10. On the outer side, along the joint",
                    "back_of_knee": "11. At the back of the knee",
                    "back_outside_of_knee": "12. At the back, on the outer corner",
                    "whole_knee": "All over the knee",
                    "calf": "13. In the calf",
                    "thigh": "14. In the thigh",
                    "hip_or_groin": "In the hip or groin",
                },
            ),
            Question(
                "pain_now", "scale", "How strong is the pain right now?", _PAIN_SCALE, required=True
            ),
            Question(
                "pain_worst",
                "scale",
                "How strong was the pain at its worst in the past week?",
                _PAIN_SCALE,
                required=True,
            ),
        ),
    ),
    Step(
        "when",
        "What brings it on",
        "What makes the pain worse, and when it comes.",
        (
            Question(
                "aggravating",
                "multi",
                "What makes it worse?",
                "Tick all that apply.",
                options={
                    "stairs_up": "Going up stairs",
                    "stairs_down": "Going down stairs",
                    "squatting": "Squatting",
                    "prolonged_sitting": "Sitting a long time with the knee bent",
                    "rising_from_sitting": "Getting up from a chair",
                    "jumping": "Jumping or hopping",
                    "running": "Running",
                    "downhill_running": "Running downhill",
                    "kneeling": "Kneeling",
                    "pivoting": "Turning or twisting on the leg",
                    "prolonged_standing": "Standing a long time",
                    "walking": "Walking",
                    "lying_on_side": "Lying on my side",
                    "cycling": "Cycling",
                },
            ),
            Question(
                "pain_pattern",
                "tick",
                "Which of these are true for you?",
                "Tick any that apply.",
                options={
                    "pain_at_set_distance": "When I run, the pain starts at about the same point each time",
                    "warms_up": "The pain eases once I have warmed up, but is worse afterwards or the next day",
                    "pain_worsening_progressively": "The pain keeps getting worse and now comes when walking or resting",
                    "rest_pain": "It hurts when I am resting",
                },
            ),
            Question(
                "night_pain",
                "choice",
                "Does the knee hurt at night?",
                options={
                    "none": "No",
                    "on_moving": "Only when I move or turn over",
                    "constant": "Yes, it aches through the night",
                },
            ),
            Question(
                "morning_stiffness_minutes",
                "number",
                "In the morning, for how many minutes is the knee stiff?",
                "Write 0 if it is not stiff.",
            ),
        ),
    ),
    Step(
        "knee",
        "How the knee behaves",
        "Swelling, catching and other things the knee does.",
        (
            Question(
                "swelling",
                "choice",
                "Has the knee swollen up?",
                options={
                    "none": "No",
                    "within_2_hours": "Yes, within 2 hours of an injury",
                    "within_24_hours": "Yes, over the day after an injury",
                    "comes_and_goes": "It comes and goes",
                },
            ),
            Question(
                "locking",
                "choice",
                "Does the knee catch or get stuck?",
                options={
                    "none": "No",
                    "catching": "It catches now and then, but I can carry on",
                    "stuck": "It gets stuck and I cannot straighten it",
                },
            ),
            Question(
                "knee_signs",
                "tick",
                "Do you notice any of these?",
                "Tick any that apply.",
                options={
                    "hot_red_knee": "The knee is hot and red",
                    "giving_way": "The knee gives way under me",
                    "kneecap_slipped": "My kneecap has slipped out of place",
                    "clicking_or_snapping": "A painful click or snap",
                    "grinding": "Grinding when I move the knee",
                    "limp": "I am limping",
                },
            ),
        ),
    ),
    Step(
        "health",
        "Your general health",
        "These questions look for problems that need a doctor rather than a physiotherapist. Most people tick none.",
        (
            Question(
                "health_now",
                "tick",
                "Do you have any of these now?",
                "Tick any that apply.",
                options={
                    "fever": "A fever or high temperature",
                    "unwell": "Feeling generally unwell",
                    "calf_pain_or_swelling": "Pain or swelling in the calf",
                    "breathless_or_chest_pain": "New shortness of breath or chest pain",
                    "numbness_or_tingling": "Numbness or pins and needles in the leg",
                    "foot_weak_or_drop": "A weak foot, or the foot slaps down when I walk",
                    "foot_cold_or_pale": "A cold or pale foot",
                    "exertional_calf_symptoms": "Calf cramps or tingling when running that stop when I rest",
                    "bladder_bowel_or_saddle_numbness": "New trouble controlling my bladder or bowel, or numbness between the legs",
                    "back_pain": "Back pain",
                    "several_joints_affected": "Other joints that are swollen or painful",
                    "pain_out_of_proportion": "Pain far worse than the injury seems to explain",
                    "skin_colour_or_temperature_change": "The skin of the leg has changed colour or temperature",
                    "weight_loss": "Weight loss I cannot explain",
                    "lump": "A lump I can feel (not the knee swelling itself)",
                },
            ),
            Question(
                "health_history",
                "tick",
                "Does any of this apply to you?",
                "Tick any that apply.",
                options={
                    "recent_injection_or_surgery": "An injection into the knee or a knee operation in the last few months",
                    "infection_risk": "Diabetes, a weak immune system, injecting drugs, or a cut or wound near the knee",
                    "cancer_history": "Cancer, now or in the past",
                    "overweight": "A doctor has told me I am overweight for my age",
                },
            ),
            Question(
                "dvt_risk_factors",
                "multi",
                "In the last three months, have you had any of these?",
                "Tick any that apply.",
                options={
                    "long_travel": "A long journey (over 4 hours) sitting down",
                    "recent_surgery": "An operation",
                    "immobilised": "Time in bed, in a cast, or unable to walk",
                    "oestrogen": "The contraceptive pill or hormone therapy",
                    "previous_clot": "A blood clot (at any time in the past)",
                    "active_cancer": "Treatment for cancer",
                    "pregnancy": "Pregnancy, or a baby in the last few weeks",
                },
            ),
            Question(
                "bone_health_risks",
                "multi",
                "Bone health",
                "Tick any that apply.",
                options={
                    "previous_bone_stress_injury": "I have had a stress fracture before",
                    "missed_periods": "My periods have stopped or come irregularly",
                    "low_energy_intake": "I often eat less than my training needs",
                    "low_body_weight": "My body weight is low",
                    "low_vitamin_d": "I have been told my vitamin D is low",
                },
            ),
        ),
    ),
)


INJURY_GROUP = "If an injury started it"

# Numbered spots on the knee drawing (templates/assessments/_knee_map.html): number, x, y.
KNEE_MAP_MARKS: tuple[tuple[int, int, int], ...] = (
    (1, 80, 88),
    (2, 80, 119),
    (3, 80, 139),
    (4, 60, 141),
    (4, 100, 141),
    (5, 80, 161),
    (6, 106, 90),
    (7, 116, 126),
    (8, 108, 163),
    (9, 45, 104),
    (10, 44, 127),
    (11, 250, 132),
    (12, 281, 118),
    (13, 250, 192),
    (14, 80, 45),
)


def step(slug: str) -> Step | None:
    """Return the step with this slug, or None."""
    return next((s for s in STEPS if s.slug == slug), None)


# Examination findings grouped as a clinician works through them (field names of the core's Examination).
EXAM_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "After an injury (Ottawa knee rule, fracture)",
        (
            "can_walk_4_steps",
            "can_flex_90",
            "isolated_patellar_tenderness",
            "fibular_head_tenderness",
            "focal_bony_tenderness",
            "straight_leg_raise_possible",
            "extension_blocked",
        ),
    ),
    ("Swelling and infection", ("effusion", "warm_joint", "temperature_c")),
    (
        "Kneecap and tendon",
        (
            "squat_reproduces_pain",
            "patellar_facet_tenderness",
            "patellar_apprehension",
            "decline_squat_pain_lower_tip",
            "tender_lower_tip_of_kneecap",
            "tender_shin_bump",
            "hoffa_test_positive",
            "tender_medial_plica",
            "hop_test_painful",
        ),
    ),
    (
        "Joint line and ligaments",
        (
            "joint_line_tenderness",
            "meniscal_test_positive",
            "lachman_positive",
            "collateral_laxity",
            "tender_posterolateral_corner",
            "bony_crepitus_or_enlargement",
        ),
    ),
    (
        "Outer and inner side",
        ("tender_outer_femoral_epicondyle", "noble_test_positive", "tender_pes_anserine"),
    ),
    (
        "Hip, nerves and circulation",
        (
            "hip_rotation_painful_or_limited",
            "nerve_tension_positive",
            "neuro_deficit",
            "distal_pulses_reduced",
            "calf_tenderness",
            "calf_swelling_3cm",
            "pitting_oedema",
        ),
    ),
)
