"""Findings: metrics compared with norms, explained in plain words, with evidence-based cues."""

from __future__ import annotations

from dataclasses import dataclass

from stridewell.gait.metrics import Summary
from stridewell.gait.norms import Norms, amount
from stridewell.gait.view import ViewInfo


@dataclass(frozen=True)
class Finding:
    """One observation for the clinician and runner: what was seen, why it matters, what to try."""

    code: str
    metric: str
    side: str | None
    value: float
    unit: str
    title: str
    explanation: str
    cue: str
    evidence: str


CADENCE_EVIDENCE = (
    "Heiderscheit et al. 2011 (MSSE 43:296): 5-10 % more steps per minute lowered the energy the "
    "knee absorbs; Lenhart et al. 2014 (MSSE 46:557): +10 % cut peak patellofemoral force by 14 %."
)

TEXT: dict[tuple[str, str], tuple[str, str, str]] = {
    ("overstride", "high"): (
        "The foot lands far ahead of the hips",
        "Landing well in front of the body acts like a brake at each step and loads the front of "
        "the knee.",
        "Aim to land with the foot closer under the body; a slightly quicker step rhythm usually "
        "does this without thinking about the foot.",
    ),
    ("shank_angle_ic", "high"): (
        "The shin reaches forward at landing",
        "At contact the ankle is well ahead of the knee, a sign of reaching with the leg.",
        "Think 'land under the knee'; a 5-10 % quicker step rhythm brings the shin closer to "
        "vertical.",
    ),
    ("knee_flexion_ic", "low"): (
        "The knee is almost straight at landing",
        "Runners with knee and shin complaints tend to land with a straighter knee; a bent knee "
        "cushions the landing (Bramah et al. 2018, AJSM 46:3023).",
        "Land with a soft, slightly bent knee; shorter, quicker steps make this easier.",
    ),
    ("knee_flexion_peak", "high"): (
        "The knee bends deeply while the foot is on the ground",
        "Deep knee bend in stance raises the force between kneecap and thigh bone; lower peak "
        "knee flexion was the main reason faster cadence cut that force (Lenhart et al. 2014).",
        "A 5-10 % quicker step rhythm reduces how deep the knee bends in each step.",
    ),
    ("knee_flexion_peak", "low"): (
        "The knee bends little while the foot is on the ground",
        "A stiff knee in stance passes more of the landing shock up the leg.",
        "Let the knee give a little at each landing; relaxed, quieter steps help.",
    ),
    ("pelvic_drop", "high"): (
        "The pelvis drops on the side of the swinging leg",
        "More pelvic drop is linked with injured runners: each extra degree raised the odds of "
        "being injured by about 80 % (Bramah et al. 2018, AJSM 46:3023).",
        "Strengthen the hip abductors (side-lying leg raises, side planks) and think 'run tall, "
        "hips level'.",
    ),
    ("duty_factor", "high"): (
        "The feet stay on the ground for more than half of each stride",
        "Running has a flight phase; a long ground time points to a shuffling or very slow gait.",
        "A quicker, lighter step rhythm shortens the time on the ground.",
    ),
}


def cadence_finding(cadence: float, norms: Norms) -> Finding | None:
    """Return the cadence finding with a +5-10 % target when cadence is below the norm."""
    norm = norms.metrics["cadence"]
    if norm.status(cadence) != "low":
        return None
    lo = cadence * (1 + norms.value("cadence_cue", "increase_low") / 100)
    hi = cadence * (1 + norms.value("cadence_cue", "increase_high") / 100)
    return Finding(
        "cadence_low",
        "cadence",
        None,
        round(cadence, 1),
        norm.unit,
        "A slow step rhythm",
        f"The runner takes {cadence:.0f} steps per minute. Fewer, longer steps mean each landing "
        "asks more of the knee.",
        f"Raise cadence by 5-10 % of the runner's own: {lo:.0f}-{hi:.0f} steps per minute, at the "
        "same speed, with a metronome app or music at that beat, for part of each run at first.",
        CADENCE_EVIDENCE + " " + norm.source,
    )


def make_findings(
    summary: list[Summary], cadence: float, view: ViewInfo, norms: Norms
) -> list[Finding]:
    """Return findings for metrics outside their range (side view: camera-side leg only)."""
    out = []
    if view.view == "side":
        f = cadence_finding(cadence, norms)
        if f is not None:
            out.append(f)
    for s in summary:
        if view.view == "side" and s.side != view.near_side:
            continue
        text = TEXT.get((s.metric, s.status))
        if text is None:
            continue
        title, why, cue = text
        norm = norms.metrics[s.metric]
        measured = amount(s.mean, s.unit)
        why = f"{why} Measured {measured} ({s.side} leg); usual range {norm.range_text()}."
        out.append(
            Finding(
                f"{s.metric}_{s.status}",
                s.metric,
                s.side,
                s.mean,
                s.unit,
                title,
                why,
                cue,
                norm.source,
            )
        )
    return out
