"""Session load (sRPE, TRIMP, duration), acute:chronic ratios, Foster monotony and strain,
and fitness/fatigue: values worked out by hand (the arithmetic is written in each test)."""

from __future__ import annotations

import math

import pytest

from stridewell.load import (
    Athlete,
    analyse,
    choose_basis,
    daily_loads,
    ewma_acwr,
    findings,
    fitness_fatigue,
    load_thresholds,
    monotony,
    session_load,
    strain,
    trimp,
    uncoupled_acwr,
)
from tests.load.history import MONDAY, day, run

TH = load_thresholds()

# --- session load: RPE, else TRIMP, else duration -------------------------------------


def test_session_rpe_load_is_rpe_times_minutes() -> None:
    assert session_load(run(0, 8, 45, rpe=6)) == 270  # Foster 2001: 6 x 45


def test_trimp_for_a_man_at_half_heart_rate_reserve() -> None:
    # dHR = (130 - 60) / (200 - 60) = 0.5; 60 x 0.5 x 0.64 x e^(1.92 x 0.5) = 50.14
    man = Athlete(hr_max=200, hr_rest=60, sex="male")
    assert trimp(60, 130, man, TH) == pytest.approx(60 * 0.5 * 0.64 * math.exp(0.96))
    assert trimp(60, 130, man, TH) == pytest.approx(50.14, abs=0.01)


def test_trimp_for_a_woman_uses_b_167_and_unknown_sex_the_mean() -> None:
    woman = Athlete(hr_max=200, hr_rest=60, sex="female")
    assert trimp(60, 130, woman, TH) == pytest.approx(19.2 * math.exp(1.67 * 0.5))
    assert trimp(60, 130, Athlete(), TH) == pytest.approx(19.2 * math.exp(1.795 * 0.5))


def test_trimp_uses_the_runners_own_heart_rates() -> None:
    # dHR = (150 - 50) / (190 - 50) = 0.714; 30 min
    own = Athlete(hr_max=190, hr_rest=50, sex="male")
    x = 100 / 140
    assert trimp(30, 150, own, TH) == pytest.approx(30 * x * 0.64 * math.exp(1.92 * x))


def test_session_without_rpe_uses_trimp_and_without_heart_rate_minutes() -> None:
    assert session_load(run(0, 8, 60, hr=130)) == pytest.approx(19.2 * math.exp(1.795 * 0.5))
    assert session_load(run(0, 8, 45)) == 45


def test_one_basis_for_the_whole_history() -> None:
    assert choose_basis([run(0, rpe=5, hr=140), run(1, rpe=6)]) == "rpe"
    assert choose_basis([run(0, rpe=5, hr=140), run(1, hr=150)]) == "trimp"
    assert choose_basis([run(0, rpe=5, hr=140), run(1)]) == "duration"
    # on the duration basis an RPE session counts its minutes, not RPE x minutes
    assert session_load(run(0, minutes=40, rpe=5), "duration") == 40


def test_daily_loads_sum_a_day_and_leave_rest_days_at_zero() -> None:
    history = [run(0, minutes=30), run(0, minutes=20, hour=18), run(2, minutes=45)]
    assert daily_loads(history, MONDAY, day(3), "duration") == [50, 0, 45, 0]


# --- acute:chronic ratio, context only ---------------------------------------------------

def test_ewma_acwr_of_a_steady_load_after_28_days() -> None:
    # EWMA_t = l x L + (1 - l) x EWMA_(t-1) from 0: after n days L x (1 - (1 - l)^n);
    # acute l = 2/8 = 0.25, chronic l = 2/29; the L cancels in the ratio
    ratios = ewma_acwr([60.0] * 28, TH)
    assert ratios[:27] == [None] * 27
    assert ratios[27] == pytest.approx((1 - 0.75 ** 28) / (1 - (27 / 29) ** 28))
    assert ratios[27] == pytest.approx(1.156, abs=1e-3)


def test_ewma_acwr_is_not_shown_when_the_21_days_before_the_last_week_are_empty() -> None:
    loads = [60.0] * 7 + [0.0] * 21 + [60.0] * 7  # a three-week break, then a week back
    ratios = ewma_acwr(loads, TH)
    assert ratios[27] is not None and ratios[34] is None


def test_uncoupled_acwr_last_week_over_the_three_weeks_before() -> None:
    # 21 days at 30 then 7 days at 60: mean 60 / mean 30 = 2.0 (the week is not in the base)
    ratios = uncoupled_acwr([30.0] * 21 + [60.0] * 7, TH)
    assert ratios[:27] == [None] * 27 and ratios[27] == 2.0
    assert uncoupled_acwr([0.0] * 21 + [60.0] * 7, TH)[27] is None


def test_high_acwr_is_context_and_never_a_warning_on_its_own() -> None:
    # 3 weeks of 20 min a day then a week of 60 min a day (each day one run without distance)
    history = [run(i, None, 20) for i in range(21)] + [run(i, None, 60) for i in range(21, 28)]
    (f,) = [f for f in findings(analyse(history)) if f.rule == "acwr"]
    assert f.severity == "context" and "did not predict injury" in f.message


# --- Foster monotony and strain with rest days as zeros ---------------------------------

def test_monotony_counts_rest_days_as_zeros() -> None:
    # k equal training days and 7 - k rest days: mean / SD = sqrt(k / (7 - k))
    assert monotony([60, 0, 60, 0, 60, 0, 60], TH) == pytest.approx(math.sqrt(4 / 3))
    assert monotony([40, 40, 0, 40, 40, 40, 0], TH) == pytest.approx(math.sqrt(5 / 2))
    six = monotony([30, 30, 30, 30, 30, 30, 0], TH)
    assert six == pytest.approx(math.sqrt(6))  # 2.449; leaving the rest day out gives SD 0


def test_strain_is_weekly_load_times_monotony() -> None:
    assert strain([60, 0, 60, 0, 60, 0, 60], TH) == pytest.approx(240 * math.sqrt(4 / 3))


def test_monotony_of_identical_days_is_capped_and_a_blank_week_has_none() -> None:
    assert monotony([30] * 7, TH) == 10
    assert monotony([0] * 7, TH) is None and strain([0] * 7, TH) is None


def test_six_equal_days_in_a_week_is_high_monotony_in_the_findings() -> None:
    history = [run(i, None, 30) for i in range(6)]  # Mon-Sat 30 min, Sunday off
    a = analyse(history, as_of=day(6))
    assert a.week_loads[0].monotony == pytest.approx(math.sqrt(6))
    assert a.week_loads[0].strain == pytest.approx(180 * math.sqrt(6))
    (f,) = [f for f in findings(a) if f.rule == "monotony"]
    assert f.severity == "moderate" and f.value == "monotony 2.4"


def test_five_equal_days_is_a_low_monotony_warning() -> None:
    history = [run(i, None, 40) for i in (0, 1, 3, 4, 5)]
    (f,) = [f for f in findings(analyse(history, as_of=day(6))) if f.rule == "monotony"]
    assert f.severity == "low" and f.value == "monotony 1.6"  # sqrt(5/2) = 1.58


# --- fitness / fatigue (42 / 7 days, lambda = 1 - e^(-1/N)) ----------------------------

def test_fitness_and_fatigue_of_one_session() -> None:
    pts = fitness_fatigue([100.0, 0.0, 0.0], MONDAY, TH)
    assert pts[0].fitness == pytest.approx(100 * (1 - math.exp(-1 / 42)))  # 2.35
    assert pts[0].fatigue == pytest.approx(100 * (1 - math.exp(-1 / 7)))  # 13.31
    assert pts[0].form == 0  # form is yesterday's fitness - fatigue
    assert pts[1].form == pytest.approx(pts[0].fitness - pts[0].fatigue)  # -10.96
    assert pts[2].fitness == pytest.approx(pts[0].fitness * math.exp(-2 / 42))


def test_steady_load_reaches_63pct_in_one_time_constant() -> None:
    # after n days at L from 0: L x (1 - e^(-n/N)); n = N gives L x (1 - 1/e) = 0.632 L
    pts = fitness_fatigue([60.0] * 42, MONDAY, TH)
    assert pts[41].fitness == pytest.approx(60 * (1 - 1 / math.e))
    assert pts[6].fatigue == pytest.approx(60 * (1 - 1 / math.e))
    assert pts[41].day == day(41)


def test_ramp_is_fitness_change_over_seven_days() -> None:
    pts = fitness_fatigue([60.0] * 14, MONDAY, TH)
    # 60 x (1 - e^(-14/42)) - 60 x (1 - e^(-7/42)) = 60 x (e^(-7/42) - e^(-14/42))
    assert pts[13].ramp == pytest.approx(60 * (math.exp(-7 / 42) - math.exp(-14 / 42)))
