"""The gait pipeline: keypoints -> view -> events -> metrics -> findings, as one frozen result."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from stridewell.gait import geometry as g
from stridewell.gait.events import (
    Contact,
    FootTrack,
    cadence_from_contacts,
    detect_contacts,
    spectral_cadence,
)
from stridewell.gait.findings import Finding, make_findings
from stridewell.gait.keypoints import FloatArray, Keypoints
from stridewell.gait.metrics import (
    REAR_METRICS,
    SIDE_METRICS,
    Step,
    Summary,
    rear_view_steps,
    side_view_steps,
    summarise,
)
from stridewell.gait.norms import Norm, Norms, load_norms
from stridewell.gait.quality import check_steps
from stridewell.gait.smoothing import clean, frame_rate
from stridewell.gait.view import View, ViewInfo, detect_view


@dataclass(frozen=True)
class Cadence:
    """Cadence in steps/min from the mean stride interval, with a spectral cross-check."""

    steps_per_min: float
    from_strides: float | None
    spectral: float | None
    strides_used: int
    method: str


@dataclass(frozen=True)
class Curves:
    """Angle time series (deg) for plots: times (s), knee flexion and foot angle per side."""

    times: list[float]
    knee_flexion: dict[str, list[float | None]]
    trunk_lean: list[float | None]


@dataclass(frozen=True)
class GaitAnalysis:
    """Everything one clip's analysis found; `to_dict()` gives JSON-ready data."""

    source: str
    view: ViewInfo
    fps: float
    duration_s: float
    cadence: Cadence
    steps: tuple[Step, ...]
    summary: tuple[Summary, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...]
    norms: tuple[Norm, ...]
    curves: Curves | None = None
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the analysis as plain dicts and lists (JSON-serialisable)."""
        return asdict(self)


def foot_tracks(kp: Keypoints, facing: int, floor_deg: float = 0.0) -> list[FootTrack]:
    """Return both feet's forward/up tracks in the runner frame (see geometry.sagittal)."""
    s = g.sagittal(kp, facing, floor_deg)
    return [
        FootTrack(
            side,
            s[f"{side}_heel"][:, 0],
            s[f"{side}_heel"][:, 1],
            s[f"{side}_foot_index"][:, 0],
            s[f"{side}_foot_index"][:, 1],
            s["mid_hip"][:, 0],
        )
        for side in ("left", "right")
    ]


def _cadence(contacts: list[Contact], feet: list[FootTrack], fps: float) -> Cadence:
    strides, _, n = cadence_from_contacts(contacts)
    near = max(feet, key=lambda f: int(np.isfinite(f.toe_up).sum()))
    spec = spectral_cadence(np.fmin(near.heel_up, near.toe_up), fps)
    use_strides = n >= 3 and np.isfinite(strides)
    value = strides if use_strides else spec
    return Cadence(
        round(float(value), 2),
        round(strides, 2) if use_strides else None,
        round(spec, 2) if np.isfinite(spec) else None,
        n,
        "120 / mean stride interval" if use_strides else "spectral peak of foot height",
    )


def _curves(kp: Keypoints, facing: int, floor_deg: float) -> Curves:
    s = g.sagittal(kp, facing, floor_deg)

    def lst(x: FloatArray) -> list[float | None]:
        return [None if not np.isfinite(v) else round(float(v), 2) for v in x]

    return Curves(
        [round(float(t), 4) for t in kp.times],
        {side: lst(g.knee_flexion(s, side)) for side in ("left", "right")},
        lst(g.trunk_lean(s)),
    )


def analyse_keypoints(
    kp: Keypoints,
    *,
    view: View | None = None,
    norms: Norms | None = None,
    standing_foot_angle: dict[str, float] | None = None,
    smooth: bool = True,
) -> GaitAnalysis:
    """Return the GaitAnalysis of a keypoint series (from video, another tool or mocap).

    Raises GaitInputError when too few steps are found to say anything.
    """
    norms = norms or load_norms()
    kp = clean(kp) if smooth else kp
    fps = frame_rate(kp.times)
    info = detect_view(kp, view)
    facing = info.facing if info.view == "side" else 1
    floor = 0.0
    feet = foot_tracks(kp, facing, floor)
    if info.view != "side":
        feet = [
            FootTrack(f.side, f.heel_fwd, f.heel_up, f.toe_fwd, f.toe_up, f.heel_fwd) for f in feet
        ]
    contacts = detect_contacts(feet, kp.times, fps, norms.value("events", "contact_threshold"))
    check_steps(len(contacts), norms)
    keys: tuple[str, ...]
    if info.view == "side":
        steps = side_view_steps(
            kp, contacts, facing, info.near_side, norms, standing_foot_angle, floor
        )
        keys = SIDE_METRICS
    else:
        steps = rear_view_steps(kp, contacts, info.near_side, norms)
        keys = REAR_METRICS
    cadence = _cadence(contacts, feet, fps)
    summary = summarise(steps, keys, norms)
    notes = _notes(fps, info, norms)
    return GaitAnalysis(
        source=kp.source,
        view=info,
        fps=round(fps, 3),
        duration_s=round(float(kp.times[-1] - kp.times[0]), 3),
        cadence=cadence,
        steps=tuple(steps),
        summary=tuple(summary),
        findings=tuple(make_findings(summary, cadence.steps_per_min, info, norms)),
        notes=tuple(notes),
        norms=tuple(norms.metrics[k] for k in ("cadence", *keys)),
        curves=_curves(kp, facing, floor) if info.view == "side" else None,
    )


def _notes(fps: float, info: ViewInfo, norms: Norms) -> list[str]:
    notes = []
    need = norms.value("frame_rate", "contact_time_min_fps")
    if fps < 0.95 * need:
        notes.append(
            f"Contact time and duty factor are not reported: at {fps:.0f} frames per second one "
            f"frame lasts {1000 / fps:.0f} ms, too coarse for a contact of about 250 ms. Film in "
            f"slow motion ({need:.0f} fps or more) to measure them."
        )
    far = "right" if info.near_side == "left" else "left"
    if info.view == "side":
        notes.append(
            f"The {info.near_side} leg is nearest the camera; values for the {far} leg are "
            "less certain, as it is partly hidden behind the near leg."
        )
        notes.append("Pelvic drop and knee alignment need a video filmed from behind.")
    else:
        notes.append("Cadence and knee flexion need a video filmed from the side.")
    return notes
