"""AKPS (Kujala) and VISA-P against scores worked out by hand from the published weights."""

from __future__ import annotations

import pytest

from stridewell.assess import AnswerError, compare, instrument, score


def kujala_answers(pick: str) -> dict[str, object]:
    """Every item answered with its best ('first') or worst ('last') option."""
    index = 0 if pick == "first" else -1
    return {it.id: it.options[index].value for it in instrument("kujala").items}


def test_kujala_all_best_answers_score_100() -> None:
    assert score("kujala", kujala_answers("first")).value == 100


def test_kujala_all_worst_answers_score_0() -> None:
    assert score("kujala", kujala_answers("last")).value == 0


def test_kujala_typical_runner_with_patellofemoral_pain_scores_81() -> None:
    answers = {
        "limp": "none",  # 5
        "support": "full_no_pain",  # 5
        "walking": "unlimited",  # 5
        "stairs": "slight_pain_descending",  # 8
        "squatting": "each_painful",  # 3
        "running": "pain_after_2km",  # 8
        "jumping": "slight_difficulty",  # 7
        "prolonged_sitting": "must_straighten",  # 4
        "pain": "slight_occasional",  # 8
        "swelling": "none",  # 10
        "patellar_movements": "none",  # 10
        "thigh_atrophy": "slight",  # 3
        "flexion_deficiency": "none",  # 5
    }
    assert score("kujala", answers).value == 81


def test_kujala_with_an_unanswered_item_is_refused_and_names_it() -> None:
    answers = kujala_answers("first")
    del answers["jumping"]
    with pytest.raises(AnswerError, match="unanswered: jumping"):
        score("kujala", answers)


def test_kujala_unknown_option_names_the_item_and_the_allowed_values() -> None:
    answers = kujala_answers("first") | {"limp": "sometimes"}
    with pytest.raises(
        AnswerError, match="limp .*'sometimes' is not an option.*slight_or_periodic"
    ):
        score("kujala", answers)


def test_kujala_change_of_5_points_is_below_the_10_point_mid_and_20_is_above() -> None:
    before = score(
        "kujala", kujala_answers("first") | {"stairs": "unable", "jumping": "slight_difficulty"}
    )
    after = score("kujala", kujala_answers("first") | {"jumping": "constant_pain"})
    assert (before.value, after.value) == (87, 92)
    assert not compare(before, after).important
    worse = score("kujala", kujala_answers("first") | {"stairs": "unable", "running": "unable"})
    change = compare(worse, score("kujala", kujala_answers("first")))
    assert change.scale("total").difference == 20
    assert change.scale("total").direction == "better"


VISA_BEST = {
    "q1_sitting": 10,
    "q2_stairs_down": 10,
    "q3_straighten_unloaded": 10,
    "q4_lunge": 10,
    "q5_squat": 10,
    "q6_hops": 10,
    "q7_activity": "full_at_previous",
    "q8a_no_pain": "over_15_min",
}


def test_visa_p_symptom_free_athlete_scores_100() -> None:
    assert score("visa_p", VISA_BEST).value == 100


def test_visa_p_worst_answers_score_0() -> None:
    worst = {k: 0 for k in VISA_BEST if k.startswith("q") and k[1] in "123456"}
    worst |= {"q7_activity": "none", "q8c_pain_stops": "nil"}
    assert score("visa_p", worst).value == 0


def test_visa_p_mixed_answers_with_branch_b_score_48() -> None:
    answers = {
        "q1_sitting": 4,
        "q2_stairs_down": 6,
        "q3_straighten_unloaded": 9,
        "q4_lunge": 5,
        "q5_squat": 7,
        "q6_hops": 3,  # 34
        "q7_activity": "modified",  # 4
        "q8b_pain_can_finish": "6_10_min",  # 10
    }
    assert score("visa_p", answers).value == 48


def test_visa_p_branch_caps_item_8_at_30_20_or_10() -> None:
    base = {k: v for k, v in VISA_BEST.items() if k != "q8a_no_pain"}
    longest = "over_15_min"
    assert score("visa_p", base | {"q8a_no_pain": longest}).value == 100
    assert score("visa_p", base | {"q8b_pain_can_finish": longest}).value == 90
    assert score("visa_p", base | {"q8c_pain_stops": longest}).value == 80


def test_visa_p_two_branches_of_item_8_are_refused() -> None:
    with pytest.raises(AnswerError, match="answer only one of q8a_no_pain"):
        score("visa_p", VISA_BEST | {"q8c_pain_stops": "nil"})


def test_visa_p_without_any_branch_of_item_8_is_refused() -> None:
    answers = {k: v for k, v in VISA_BEST.items() if k != "q8a_no_pain"}
    with pytest.raises(AnswerError, match="unanswered: q8"):
        score("visa_p", answers)


def test_visa_p_numbers_sent_as_text_by_a_web_form_are_accepted() -> None:
    answers = {k: (str(v) if isinstance(v, int) else v) for k, v in VISA_BEST.items()}
    assert score("visa_p", answers).value == 100


def test_visa_p_out_of_range_answer_says_which_numbers_are_allowed() -> None:
    with pytest.raises(
        AnswerError, match="q6_hops .*11 is not an option; choose a whole number from 0 to 10"
    ):
        score("visa_p", VISA_BEST | {"q6_hops": 11})


def test_visa_p_change_of_13_points_is_important_and_12_is_not() -> None:
    before = score("visa_p", VISA_BEST | {"q8a_no_pain": "1_5_min", "q6_hops": 4})  # 100-23-6 = 71
    assert before.value == 71
    plus_13 = score("visa_p", VISA_BEST | {"q8a_no_pain": "6_10_min"})  # 100 - 16
    plus_12 = score("visa_p", VISA_BEST | {"q8a_no_pain": "6_10_min", "q6_hops": 9})
    assert (plus_13.value, plus_12.value) == (84, 83)
    assert compare(before, plus_13).important
    assert not compare(before, plus_12).important


def test_a_wrong_weight_in_a_data_file_is_caught_when_it_loads() -> None:
    import tomllib
    from importlib import resources

    from stridewell.assess import DataFileError
    from stridewell.assess.instruments import _build, _check

    text = (resources.files("stridewell.assess") / "data/instruments/kujala.toml").read_text()
    raw = tomllib.loads(text.replace("points = 10 },", "points = 11 },", 1))
    with pytest.raises(DataFileError, match="items span 0.0-101.0, but the published range"):
        _check(_build(raw))
