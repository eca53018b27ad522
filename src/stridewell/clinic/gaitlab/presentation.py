"""Read a stored analysis (the core's GaitAnalysis as JSON) for the pages.

The JSON is kept as the core wrote it (`GaitAnalysis.to_dict()`); this module is the only web code
that knows its shape, and it reads with `.get` so a report made by an older core still opens.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

SIDES = ("left", "right")
STRIKE_WORDS = {"rearfoot": "heel first", "midfoot": "midfoot", "forefoot": "forefoot"}


@dataclass(frozen=True)
class MetricRow:
    """One metric for the table: label, unit, values per side and both, usual range, source, verdict."""

    key: str
    label: str
    unit: str
    left: str
    right: str
    overall: str
    normal: str
    source: str
    status: str
    n: int


@dataclass(frozen=True)
class Finding:
    """One finding: its key, title, the wording shown (clinician's or automatic), the cue and evidence."""

    key: str
    title: str
    text: str
    automatic: str
    cue: str
    evidence: str
    side: str
    edited: bool


def fmt(value: float | None, unit: str = "") -> str:
    """Return a number rounded for people (one decimal below 100, none above) with its unit; "–" if None."""
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return "–"
    if unit == "s":  # step times differ in hundredths of a second
        return f"{value:.2f} s"
    text = f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"
    if unit == "deg":
        return f"{text}°"
    if unit == "%":
        return f"{text}%"
    if unit.startswith("% "):  # "% leg length"
        return f"{text}% of {unit[2:]}"
    return f"{text} {unit}".strip()


def _norms(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in result.get("norms") or [] if isinstance(n, dict) and n.get("key")]


def _by_metric(result: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for s in result.get("summary") or []:
        if isinstance(s, dict) and s.get("metric") and s.get("side"):
            out.setdefault(s["metric"], {})[s["side"]] = s
    return out


def range_text(norm: dict[str, Any]) -> str:
    """Return a norm's usual range in words."""
    low, high, unit = norm.get("low"), norm.get("high"), norm.get("unit", "")
    if low is not None and high is not None:
        return f"{fmt(low)} to {fmt(high, unit)}"
    if low is not None:
        return f"{fmt(low, unit)} or more"
    if high is not None:
        return f"up to {fmt(high, unit)}"
    return "no set range (for comparison only)"


def _both(sides: dict[str, dict[str, Any]]) -> float | None:
    pairs = [(s.get("mean"), s.get("n") or 0) for s in sides.values() if isinstance(s.get("mean"), (int, float))]
    total = sum(n for _, n in pairs)
    return sum(m * n for m, n in pairs) / total if total else None


def _side_text(s: dict[str, Any] | None, unit: str) -> str:
    if not s or not isinstance(s.get("mean"), (int, float)):
        return "–"
    sd = s.get("sd")
    spread = fmt(sd, "s")[:-2] if unit == "s" else fmt(sd)
    return fmt(s["mean"], unit) + (f" ± {spread}" if isinstance(sd, (int, float)) and s.get("n", 0) > 1 else "")


def strike_pattern(result: dict[str, Any], side: str | None = None) -> str:
    """Return the most common foot-strike class over the steps (of one side), in plain words."""
    classes = [st.get("foot_strike") for st in result.get("steps") or []
               if isinstance(st, dict) and st.get("foot_strike") and (side is None or st.get("side") == side)]
    if not classes:
        return "–"
    kind, count = Counter(classes).most_common(1)[0]
    word = STRIKE_WORDS.get(kind, kind)
    if len(classes) == 1:
        return f"{word} (1 step)"
    return f"{word} ({'all' if count == len(classes) else count} of {len(classes)} steps)"


def metric_rows(result: dict[str, Any]) -> list[MetricRow]:
    """Return every measured metric with per-side and overall values, its usual range and source."""
    summaries = _by_metric(result)
    rows = []
    for norm in _norms(result):
        key, unit = norm["key"], norm.get("unit", "")
        sides = summaries.get(key, {})
        if key == "cadence":
            spm = (result.get("cadence") or {}).get("steps_per_min")
            if spm is None:
                continue
            status = "low" if norm.get("low") is not None and spm < norm["low"] else "ok"
            rows.append(MetricRow(key, norm.get("label", key), unit, "–", "–", fmt(spm, unit), range_text(norm),
                                  norm.get("source", ""), status, (result.get("cadence") or {}).get("strides_used", 0)))
            continue
        if not sides:
            continue
        statuses = [s.get("status") for s in sides.values()]
        status = next((x for x in statuses if x in ("high", "low")), "ok")
        rows.append(MetricRow(key, norm.get("label", key), unit, _side_text(sides.get("left"), unit),
                              _side_text(sides.get("right"), unit), fmt(_both(sides), unit), range_text(norm),
                              norm.get("source", ""), status, sum(s.get("n") or 0 for s in sides.values())))
        if key == "foot_strike_angle":
            rows.append(MetricRow("foot_strike", "Foot strike", "", strike_pattern(result, "left"),
                                  strike_pattern(result, "right"), strike_pattern(result),
                                  "any; most runners land heel first",
                                  "Class from the foot-strike angle above (Altman & Davis 2012)", "ok", 0))
    return rows


def key_numbers(result: dict[str, Any]) -> dict[str, str]:
    """Return {label: value} for cadence, overstride, foot strike and knee bend at contact."""
    summaries = _by_metric(result)
    units = {n["key"]: n.get("unit", "") for n in _norms(result)}
    spm = (result.get("cadence") or {}).get("steps_per_min")
    return {
        "Cadence": fmt(spm, "steps/min") if isinstance(spm, (int, float)) else "–",
        "Overstride": fmt(_both(summaries.get("overstride", {})), units.get("overstride", "% leg length")),
        "Foot strike": strike_pattern(result),
        "Knee bend at contact": fmt(_both(summaries.get("knee_flexion_ic", {})), "deg"),
    }


def finding_key(f: dict[str, Any], i: int) -> str:
    """Return a finding's stable key: its code, with the side when it concerns one leg."""
    code = str(f.get("code") or f.get("metric") or f"finding-{i + 1}")
    return f"{code}-{f['side']}" if f.get("side") else code


def findings(result: dict[str, Any], edits: dict[str, str] | None = None) -> list[Finding]:
    """Return the analysis's findings, each with the clinician's wording where they changed it."""
    edits = edits or {}
    out = []
    for i, f in enumerate(x for x in result.get("findings") or [] if isinstance(x, dict)):
        key = finding_key(f, i)
        explanation, cue = str(f.get("explanation") or ""), str(f.get("cue") or "")
        automatic = explanation + (f"\n\nWhat to try: {cue}" if cue else "")
        out.append(Finding(key=key, title=str(f.get("title") or key.replace("_", " ")), text=edits.get(key) or automatic,
                           automatic=automatic, cue=cue, evidence=str(f.get("evidence") or ""),
                           side=str(f.get("side") or ""), edited=key in edits))
    return out


def warnings(result: dict[str, Any]) -> list[str]:
    """Return the core's notes on what this video could not measure well."""
    return [str(n) for n in result.get("notes") or []]


def view_words(result: dict[str, Any]) -> str:
    """Return the camera view and near leg in words, e.g. "from the side, left leg nearest"."""
    v = result.get("view") or {}
    view = {"side": "from the side", "rear": "from behind", "front": "from the front"}.get(v.get("view"), "")
    near = f", {v['near_side']} leg nearest the camera" if v.get("near_side") and v.get("view") == "side" else ""
    return view + near
