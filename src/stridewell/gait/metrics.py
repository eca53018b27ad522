"""Per-step running metrics from contacts and cleaned keypoints, and per-side summaries."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from stridewell.gait import geometry as g
from stridewell.gait.events import Contact
from stridewell.gait.keypoints import Keypoints
from stridewell.gait.norms import Norms

SIDE_METRICS = (
    "step_time",
    "contact_time",
    "duty_factor",
    "foot_strike_angle",
    "knee_flexion_ic",
    "knee_flexion_peak",
    "shank_angle_ic",
    "overstride",
    "trunk_lean",
    "vertical_oscillation",
)
REAR_METRICS = ("step_time", "pelvic_drop", "knee_fppa")


@dataclass(frozen=True)
class Step:
    """One foot contact and its metrics (None where the view or frame rate does not allow).

    Units: times s, contact time ms, duty factor %, angles deg, overstride and vertical
    oscillation % of leg length. `near_side` is True for the leg nearest the camera.
    """

    number: int
    side: str
    near_side: bool
    ic_time: float
    to_time: float
    step_time: float | None = None
    contact_time: float | None = None
    duty_factor: float | None = None
    foot_angle_ic: float | None = None
    foot_strike_angle: float | None = None
    foot_strike: str | None = None
    knee_flexion_ic: float | None = None
    knee_flexion_peak: float | None = None
    shank_angle_ic: float | None = None
    overstride: float | None = None
    trunk_lean: float | None = None
    vertical_oscillation: float | None = None
    pelvic_drop: float | None = None
    knee_fppa: float | None = None


@dataclass(frozen=True)
class Summary:
    """A metric summarised over one side's steps: mean, SD, n, and the norm verdict."""

    metric: str
    side: str
    mean: float
    sd: float
    n: int
    unit: str
    status: str


def _num(x: float) -> float | None:
    return None if x is None or not np.isfinite(x) else round(float(x), 3)


def classify_strike(fsa: float, norms: Norms) -> str:
    """Return "rearfoot", "midfoot" or "forefoot" from a foot-strike angle (Altman & Davis 2012)."""
    if fsa > norms.value("foot_strike", "rearfoot_above"):
        return "rearfoot"
    if fsa < norms.value("foot_strike", "forefoot_below"):
        return "forefoot"
    return "midfoot"


def _timing(
    c: Contact, contacts: list[Contact], fps: float, norms: Norms
) -> dict[str, float | None]:
    later = [o.ic_time for o in contacts if o.ic_time > c.ic_time]
    same = [o.ic_time for o in contacts if o.side == c.side and o.ic_time > c.ic_time]
    step = later[0] - c.ic_time if later else None
    stride = same[0] - c.ic_time if same else None
    if step is not None and step > 0.6:
        step = None  # a contact was missed (occlusion): not a step
    # phones label 119.88 fps "120"; allow 5 % below the nominal minimum
    enough_fps = fps >= 0.95 * norms.value("frame_rate", "contact_time_min_fps")
    ct = c.contact_time if enough_fps else None
    duty = 100 * c.contact_time / stride if (enough_fps and stride and stride < 1.2) else None
    return {
        "step_time": step,
        "contact_time": None if ct is None else 1000 * ct,
        "duty_factor": duty,
    }


def side_view_steps(
    kp: Keypoints,
    contacts: list[Contact],
    facing: int,
    near: str,
    norms: Norms,
    standing_foot_angle: dict[str, float] | None = None,
    floor_deg: float = 0.0,
) -> list[Step]:
    """Return side-view Steps: timing, foot strike, knee, shank, overstride, trunk, oscillation.

    The foot-strike angle is the foot angle at contact minus the standing angle (Altman & Davis
    2012); without a standing trial, the foot's median angle in mid-stance stands in for it.
    """
    fps = 1.0 / float(np.median(np.diff(kp.times)))
    s = g.sagittal(kp, facing, floor_deg)
    trunk = g.trunk_lean(s)
    hip_up = s["mid_hip"][:, 1]
    ref = standing_foot_angle or {
        side: _midstance_foot_angle(s, contacts, side) for side in ("left", "right")
    }
    steps = []
    for n, c in enumerate(contacts):
        side, leg = c.side, g.leg_length(s, c.side)
        knee = g.knee_flexion(s, side)
        foot = g.value_at(g.foot_angle(s, side), c.ic_index)
        fsa = foot - ref.get(side, float("nan"))
        heel_ahead = g.value_at(s[f"{side}_heel"][:, 0] - s["mid_hip"][:, 0], c.ic_index)
        nxt = [o.ic_index for o in contacts if o.ic_index > c.ic_index]
        vo = (
            g.peak_between(hip_up, c.ic_index, nxt[0]) + g.peak_between(-hip_up, c.ic_index, nxt[0])
            if nxt
            else float("nan")
        )
        steps.append(
            Step(
                number=n + 1,
                side=side,
                near_side=side == near,
                ic_time=round(c.ic_time, 4),
                to_time=round(c.to_time, 4),
                **{
                    k: _num(v) for k, v in _timing(c, contacts, fps, norms).items() if v is not None
                },
                foot_angle_ic=_num(foot),
                foot_strike_angle=_num(fsa),
                foot_strike=classify_strike(fsa, norms) if np.isfinite(fsa) else None,
                knee_flexion_ic=_num(g.value_at(knee, c.ic_index)),
                knee_flexion_peak=_num(g.peak_between(knee, c.ic_index, c.to_index)),
                shank_angle_ic=_num(g.value_at(g.shank_angle(s, side), c.ic_index)),
                overstride=_num(100 * heel_ahead / leg),
                trunk_lean=_num(
                    float(np.nanmean(trunk[int(c.ic_index) : int(c.to_index) + 1]))
                    if np.isfinite(trunk[int(c.ic_index) : int(c.to_index) + 1]).any()
                    else np.nan
                ),
                vertical_oscillation=_num(100 * vo / leg),
            )
        )
    return steps


def _midstance_foot_angle(s: g.Sagittal, contacts: list[Contact], side: str) -> float:
    """Return the median foot angle at the middle of this foot's contacts (flat-foot reference)."""
    angle = g.foot_angle(s, side)
    vals = [g.value_at(angle, (c.ic_index + c.to_index) / 2) for c in contacts if c.side == side]
    finite = [v for v in vals if np.isfinite(v)]
    return float(np.median(finite)) if finite else float("nan")


def rear_view_steps(kp: Keypoints, contacts: list[Contact], near: str, norms: Norms) -> list[Step]:
    """Return rear- or front-view Steps: timing, contralateral pelvic drop, knee frontal angle.

    Pelvic drop is the stance-phase peak of the opposite hip's drop minus the clip's mean tilt
    (the mean stands in for a standing trial and removes camera roll).
    """
    fps = 1.0 / float(np.median(np.diff(kp.times)))
    steps = []
    for n, c in enumerate(contacts):
        tilt = g.pelvic_tilt(kp, c.side)
        drop = g.peak_between(tilt, c.ic_index, c.to_index) - float(np.nanmean(tilt))
        fppa = g.peak_between(g.knee_fppa(kp, c.side), c.ic_index, c.to_index)
        timing = _timing(c, contacts, fps, norms)
        steps.append(
            Step(
                number=n + 1,
                side=c.side,
                near_side=True,
                ic_time=round(c.ic_time, 4),
                to_time=round(c.to_time, 4),
                step_time=_num(timing["step_time"] or np.nan),
                pelvic_drop=_num(drop),
                knee_fppa=_num(fppa),
            )
        )
    return steps


def summarise(steps: list[Step], metrics: tuple[str, ...], norms: Norms) -> list[Summary]:
    """Return per-side mean, SD and norm status of each metric present in the steps."""
    out = []
    for metric in metrics:
        norm = norms.metrics[metric]
        for side in ("left", "right"):
            vals = np.array(
                [
                    getattr(st, metric)
                    for st in steps
                    if st.side == side and getattr(st, metric) is not None
                ],
                dtype=float,
            )
            if len(vals) == 0:
                continue
            mean = float(vals.mean())
            out.append(
                Summary(
                    metric,
                    side,
                    round(mean, 2),
                    round(float(vals.std(ddof=1)) if len(vals) > 1 else 0.0, 2),
                    len(vals),
                    norm.unit,
                    norm.status(mean),
                )
            )
    return out


STEP_FIELDS = tuple(f.name for f in fields(Step))
