"""Session load and the daily load models: acute:chronic ratio, monotony/strain, fitness/fatigue."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from stridewell.load.config import Thresholds, load_thresholds
from stridewell.load.models import Session

Basis = Literal["rpe", "trimp", "duration"]
Sex = Literal["male", "female", "unspecified"]


@dataclass(frozen=True)
class Athlete:
    """What the load model needs to know about the runner (heart rates in beats/min)."""

    hr_max: float | None = None
    hr_rest: float | None = None
    sex: Sex = "unspecified"


def trimp(minutes: float, avg_hr: float, athlete: Athlete, th: Thresholds) -> float:
    """Return Banister TRIMP: t x dHR x a x e^(b x dHR), dHR = (HRavg-HRrest)/(HRmax-HRrest).

    t in minutes; a = 0.64, b = 1.92 (men) or 1.67 (women), the mean of the two when sex
    is not given. Morton, Fitz-Clarke & Banister 1990, J Appl Physiol 69:1171; as in
    GoldenCheetah TRIMPPoints.cpp. Unknown HRmax/HRrest default to 200/60 (Runalyze).
    """
    hr_max = athlete.hr_max or th.value("trimp.hr_max")
    hr_rest = athlete.hr_rest or th.value("trimp.hr_rest")
    ratio = min(1.0, max(0.0, (avg_hr - hr_rest) / (hr_max - hr_rest)))
    b = {"male": th.value("trimp.b_male"), "female": th.value("trimp.b_female")}.get(
        athlete.sex, (th.value("trimp.b_male") + th.value("trimp.b_female")) / 2)
    return minutes * ratio * th.value("trimp.a") * math.exp(b * ratio)


def choose_basis(sessions: Sequence[Session]) -> Basis:
    """Return the best load basis that every session supports: RPE, else TRIMP, else duration.

    One basis for the whole history keeps the series on one scale: mixing RPE, TRIMP and
    minutes distorts fitness and fatigue (GoldenCheetah #1496, Runalyze #1287).
    """
    if sessions and all(s.rpe is not None for s in sessions):
        return "rpe"
    if sessions and all(s.avg_hr for s in sessions):
        return "trimp"
    return "duration"


def session_load(s: Session, basis: Basis | None = None, athlete: Athlete | None = None,
                 th: Thresholds | None = None) -> float:
    """Return one session's load (arbitrary units) on `basis`, or the best the session allows.

    rpe: CR10 RPE x moving minutes (Foster C et al. 2001, J Strength Cond Res 15:109-115);
    trimp: Banister TRIMP from average heart rate; duration: moving minutes.
    """
    th = th or load_thresholds()
    if basis is None:
        basis = "rpe" if s.rpe is not None else "trimp" if s.avg_hr else "duration"
    if basis == "rpe" and s.rpe is not None:
        return s.rpe * s.moving_min
    if basis == "trimp" and s.avg_hr:
        return trimp(s.moving_min, s.avg_hr, athlete or Athlete(), th)
    return s.moving_min


def daily_loads(sessions: Sequence[Session], first: date, last: date, basis: Basis,
                athlete: Athlete | None = None, th: Thresholds | None = None) -> list[float]:
    """Return the summed session load of each local day from `first` to `last`; rest days are 0."""
    days = (last - first).days + 1
    out = [0.0] * max(days, 0)
    for s in sessions:
        i = (s.day - first).days
        if 0 <= i < days:
            out[i] += session_load(s, basis, athlete, th)
    return out


def ewma_acwr(loads: Sequence[float], th: Thresholds | None = None) -> list[float | None]:
    """Return the EWMA acute:chronic ratio per day (None for the first 28 days or no chronic load).

    EWMA_t = lambda x L_t + (1 - lambda) x EWMA_(t-1), lambda = 2/(N+1), N = 7 and 28
    (Williams S et al. 2017, Br J Sports Med 51:209-210). Context only, never a verdict.
    After a break with no load in the 21 days before the last week the ratio is None:
    the chronic load has collapsed and any ratio explodes (load.md 5).
    """
    th = th or load_thresholds()
    n_a, n_c = th.value("acwr.acute"), th.value("acwr.chronic")
    la, lc = 2 / (n_a + 1), 2 / (n_c + 1)
    acute = chronic = 0.0
    out: list[float | None] = []
    for i, load in enumerate(loads):
        acute = la * load + (1 - la) * acute
        chronic = lc * load + (1 - lc) * chronic
        base = any(loads[max(0, i - int(n_c) + 1):max(0, i - int(n_a) + 1)])
        out.append(acute / chronic if i >= n_c - 1 and base and chronic > 1e-9 else None)
    return out


def uncoupled_acwr(loads: Sequence[float], th: Thresholds | None = None) -> list[float | None]:
    """Return mean load of the last 7 days / mean of the 21 days before them (None if undefined).

    Uncoupled rolling-average form (Lolli L et al. 2019, Br J Sports Med 53:921-922):
    the acute week is not part of the chronic window.
    """
    th = th or load_thresholds()
    n_a, n_c = int(th.value("acwr.acute")), int(th.value("acwr.chronic"))
    out: list[float | None] = []
    for i in range(len(loads)):
        if i < n_c - 1:
            out.append(None)
            continue
        acute = sum(loads[i - n_a + 1:i + 1]) / n_a
        chronic = sum(loads[i - n_c + 1:i - n_a + 1]) / (n_c - n_a)
        out.append(acute / chronic if chronic > 0 else None)
    return out


def monotony(week: Sequence[float], th: Thresholds | None = None) -> float | None:
    """Return Foster monotony of 7 daily loads: mean / population SD, capped at 10.

    Rest days count as zeros (Runalyze #1165 was the bug of leaving them out); SD = 0
    with training gives the cap; a week without training has no monotony (None).
    Foster C 1998, Med Sci Sports Exerc 30:1164-1168.
    """
    th = th or load_thresholds()
    cap = th.value("monotony.cap")
    if not week or sum(week) <= 0:
        return None
    mean = sum(week) / len(week)
    sd = math.sqrt(sum((x - mean) ** 2 for x in week) / len(week))
    return cap if sd == 0 else min(cap, mean / sd)


def strain(week: Sequence[float], th: Thresholds | None = None) -> float | None:
    """Return Foster strain: weekly load x monotony (None when monotony is undefined)."""
    m = monotony(week, th)
    return None if m is None else sum(week) * m


@dataclass(frozen=True)
class FitnessPoint:
    """Fitness (CTL), fatigue (ATL), form (TSB = yesterday's CTL - ATL) and 7-day CTL ramp."""

    day: date
    fitness: float
    fatigue: float
    form: float
    ramp: float


def fitness_fatigue(loads: Sequence[float], first: date,
                    th: Thresholds | None = None) -> list[FitnessPoint]:
    """Return the Banister/Coggan fitness-fatigue series, one point per day from `first`.

    X_t = X_(t-1) + lambda x (L_t - X_(t-1)), lambda = 1 - e^(-1/N), N = 42 d (fitness)
    and 7 d (fatigue), both starting at 0; form_t = fitness_(t-1) - fatigue_(t-1); ramp =
    fitness_t - fitness_(t-7). Constants as GoldenCheetah PMCData.cpp.
    """
    th = th or load_thresholds()
    lf = 1 - math.exp(-1 / th.value("pmc.fitness"))
    lt = 1 - math.exp(-1 / th.value("pmc.fatigue"))
    ctl = atl = 0.0
    history: list[float] = []
    out: list[FitnessPoint] = []
    for i, load in enumerate(loads):
        form = ctl - atl
        ctl += lf * (load - ctl)
        atl += lt * (load - atl)
        history.append(ctl)
        ramp = ctl - history[i - 7] if i >= 7 else ctl
        out.append(FitnessPoint(first + timedelta(days=i), ctl, atl, form, ramp))
    return out
