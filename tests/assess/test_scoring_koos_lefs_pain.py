"""KOOS, KOOS-PF, LEFS, pain 0-10 and global rating of change against hand-worked scores."""

from __future__ import annotations

import pytest

from stridewell.assess import AnswerError, compare, instrument, score


def all_boxes(instrument_id: str, points: int) -> dict[str, object]:
    """Every item answered with the option scoring `points` (0 = no problem in KOOS)."""
    out: dict[str, object] = {}
    for it in instrument(instrument_id).items:
        out[it.id] = next(o.value for o in it.options if o.points == points)
    return out


def test_koos_no_problems_scores_100_on_all_five_subscales() -> None:
    result = score("koos", all_boxes("koos", 0))
    assert [s.value for s in result.scales] == [100, 100, 100, 100, 100]
    assert [s.scale_id for s in result.scales] == ["symptoms", "pain", "adl", "sport_rec", "qol"]


def test_koos_extreme_problems_score_0_on_all_five_subscales() -> None:
    assert [s.value for s in score("koos", all_boxes("koos", 4)).scales] == [0, 0, 0, 0, 0]


def test_koos_being_always_able_to_straighten_fully_is_the_best_answer() -> None:
    # The two "can you fully straighten / bend" items list their boxes always -> never.
    best = all_boxes("koos", 0) | {"s4_straighten_fully": "always", "s5_bend_fully": "always"}
    assert score("koos", best).scale("symptoms").value == 100
    never = best | {"s4_straighten_fully": "never"}
    # one item at 4 points among 7: 100 - (4/7) * 25 = 85.71
    assert score("koos", never).scale("symptoms").value == pytest.approx(100 - 4 / 7 * 25)


def test_koos_pain_subscale_with_weekly_pain_and_mild_twisting_pain_is_91_7() -> None:
    answers = all_boxes("koos", 0) | {"p1_how_often": "weekly", "p2_twist": "mild"}
    # (2 + 1) / 9 items = 0.333 mean; 100 - 0.333 * 25 = 91.67
    assert score("koos", answers).scale("pain").value == pytest.approx(91.6667, abs=1e-3)


def test_koos_sport_subscale_needs_three_of_five_items() -> None:
    base = {k: v for k, v in all_boxes("koos", 0).items() if not k.startswith("sp")}
    two = score("koos", base | {"sp1_squat": "severe", "sp2_run": "moderate"})
    sport = two.scale("sport_rec")
    assert sport.value is None
    assert "2 of 5 items answered, the rule needs 3" in sport.note
    three = score(
        "koos", base | {"sp1_squat": "severe", "sp2_run": "moderate", "sp5_kneel": "none"}
    )
    # mean of answered items (3 + 2 + 0) / 3 = 1.667; 100 - 1.667 * 25 = 58.33
    assert three.scale("sport_rec").value == pytest.approx(58.333, abs=1e-3)
    assert not three.complete
    assert three.missing_items == ("sp3_jump", "sp4_twist")


def test_koos_other_subscales_are_still_scored_when_one_cannot_be() -> None:
    answers = {k: v for k, v in all_boxes("koos", 0).items() if not k.startswith("q")}
    result = score("koos", answers)
    assert result.scale("qol").value is None
    assert result.scale("pain").value == 100


def test_koos_subscale_change_of_10_points_is_important() -> None:
    before = score("koos", all_boxes("koos", 0) | {"sp1_squat": "moderate", "sp2_run": "moderate"})
    after = score("koos", all_boxes("koos", 0))
    # before: (2 + 2) / 5 = 0.8; 100 - 0.8 * 25 = 80
    change = compare(before, after).scale("sport_rec")
    assert (change.before, change.after, change.important) == (80, 100, True)
    assert compare(before, after).scale("pain").important is False


def test_koos_pf_all_mild_scores_75() -> None:
    assert score("koos_pf", all_boxes("koos_pf", 1)).value == 75


def test_koos_pf_is_scored_from_six_items_and_not_from_five() -> None:
    six = {f"pf{n}": "mild" if n != 2 and n != 3 else "rarely" for n in range(1, 7)}
    result = score("koos_pf", six)
    assert result.value == 75 and not result.complete
    five = {k: v for k, v in six.items() if k != "pf6"}
    assert score("koos_pf", five).value is None


def test_koos_pf_change_needs_16_4_points() -> None:
    mild = score("koos_pf", all_boxes("koos_pf", 1))  # 75
    none = score("koos_pf", all_boxes("koos_pf", 0))  # 100
    assert compare(mild, none).important
    one_better = all_boxes("koos_pf", 1) | {
        "pf1": "none",
        "pf4": "none",
        "pf5": "none",
        "pf6": "none",
        "pf7": "none",
        "pf8": "none",
        "pf9": "none",
    }
    # 7 items improve by one point: mean 4/11; 100 - 4/11 * 25 = 90.9, a change of 15.9 < 16.4
    assert not compare(mild, score("koos_pf", one_better)).important


def test_lefs_no_difficulty_scores_80_and_unable_scores_0() -> None:
    assert score("lefs", all_boxes("lefs", 4)).value == 80
    assert score("lefs", all_boxes("lefs", 0)).value == 0


def test_lefs_half_items_easy_and_half_moderate_scores_60() -> None:
    ids = [it.id for it in instrument("lefs").items]
    answers = {i: ("none" if n < 10 else "moderate") for n, i in enumerate(ids)}
    assert score("lefs", answers).value == 10 * 4 + 10 * 2


def test_lefs_with_a_missing_item_is_refused() -> None:
    answers = all_boxes("lefs", 4) | {"hopping": None}
    with pytest.raises(AnswerError, match="unanswered: hopping"):
        score("lefs", answers)


def test_lefs_change_of_9_points_is_important_and_8_is_not() -> None:
    ids = [it.id for it in instrument("lefs").items]
    base = score("lefs", {i: ("a_little" if n < 9 else "none") for n, i in enumerate(ids)})  # 71
    assert base.value == 71
    assert compare(base, score("lefs", all_boxes("lefs", 4))).important
    eight = score("lefs", {i: ("a_little" if n < 8 else "none") for n, i in enumerate(ids)})
    assert not compare(eight, score("lefs", all_boxes("lefs", 4))).important


def test_pain_drop_of_2_points_is_important_and_1_point_is_not() -> None:
    seven, five, six = (score("nprs", {"pain": p}) for p in (7, 5, 6))
    assert compare(seven, five).scale("total").direction == "better"
    assert compare(seven, six).scale("total").direction == "no_important_change"
    assert compare(five, seven).scale("total").direction == "worse"


def test_pain_above_10_is_refused() -> None:
    with pytest.raises(AnswerError, match="choose a whole number from 0 to 10"):
        score("nprs", {"pain": 11})


def test_global_rating_of_plus_3_is_an_important_improvement() -> None:
    assert score("groc", {"change": 3}).interpretation.startswith("important improvement")
    assert score("groc", {"change": 2}).interpretation.startswith("no important change")
    assert score("groc", {"change": -5}).interpretation.startswith("important worsening")


def test_global_ratings_are_not_compared_with_each_other() -> None:
    with pytest.raises(AnswerError, match="already measures change"):
        compare(score("groc", {"change": 1}), score("groc", {"change": 4}))


def test_scores_of_different_questionnaires_are_not_compared() -> None:
    with pytest.raises(AnswerError, match="same questionnaire"):
        compare(score("nprs", {"pain": 3}), score("lefs", all_boxes("lefs", 4)))


def test_unknown_questionnaire_lists_the_known_ones() -> None:
    with pytest.raises(AnswerError, match="Unknown questionnaire 'womac'.*kujala"):
        score("womac", {})


def test_empty_answers_are_refused() -> None:
    with pytest.raises(AnswerError, match="no answers were given"):
        score("koos", {})


def test_every_instrument_lists_items_with_labels_and_options_for_a_form() -> None:
    from stridewell.assess import instruments

    for inst in instruments():
        assert inst.citation and inst.items
        for item in inst.items:
            assert item.label and len(item.options) >= 2
        for sc in inst.scales:
            assert sc.mid > 0 and sc.mid_source


def test_trend_over_visits_compares_each_visit_with_the_first() -> None:
    from stridewell.assess import changes_from_baseline

    visits = [score("nprs", {"pain": p}) for p in (8, 7, 5)]
    trend = changes_from_baseline(visits)
    assert [c.scale("total").difference for c in trend] == [-1, -3]
    assert [c.important for c in trend] == [False, True]


def test_change_carries_the_dates_of_the_two_visits() -> None:
    from datetime import date

    first = score("nprs", {"pain": 6}, taken_on=date(2026, 1, 5))
    later = score("nprs", {"pain": 3}, taken_on=date(2026, 2, 16))
    change = compare(first, later)
    assert (change.before_date, change.after_date) == (date(2026, 1, 5), date(2026, 2, 16))
    assert change.important


def test_koos_pf_no_problems_scores_100_and_extreme_problems_0() -> None:
    assert score("koos_pf", all_boxes("koos_pf", 0)).value == 100
    assert score("koos_pf", all_boxes("koos_pf", 4)).value == 0


@pytest.mark.parametrize(("instrument_id", "item"), [("nprs", "pain"), ("groc", "change")])
def test_single_item_scales_score_their_ends_and_refuse_a_blank(
    instrument_id: str, item: str
) -> None:
    ends = [o.value for o in instrument(instrument_id).item(item).options]
    assert [score(instrument_id, {item: v}).value for v in (ends[0], ends[-1])] == [
        ends[0],
        ends[-1],
    ]
    with pytest.raises(AnswerError, match="no answers were given"):
        score(instrument_id, {item: None})
