"""Read a stored analysis (the core's JSON) for the pages: key numbers, metric table, findings.

The JSON is kept as the core wrote it; this module is the only place that knows its shape, and it
reads defensively so an older or newer report still shows what it can instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEY_METRICS = (  # (metric key, short label) shown in the chart list
    ("cadence", "Cadence"),
    ("overstride", "Overstride"),
    ("foot_strike", "Foot strike"),
    ("knee_flexion_ic", "Knee bend at contact"),
)
SIDES = ("left", "right")
VALUE_KEYS = ("mean", "value", "median", "avg")


@dataclass(frozen=True)
class MetricRow:
    """One metric for the table: label, unit, values per side and overall, range, source, status."""

    key: str
    label: str
    unit: str
    left: str
    right: str
    overall: str
    normal: str
    source: str
    status: str
    n: str


@dataclass(frozen=True)
class Finding:
    """One finding: its key, title, the wording shown (clinician's or automatic), the cue and evidence."""

    key: str
    title: str
    text: str
    automatic: str
    cue: str
    evidence: str
    status: str
    edited: bool


def _first(d: dict[str, Any], *keys: str, default: Any = None) -> Any:
    for k in keys:
        if isinstance(d, dict) and d.get(k) not in (None, "", [], {}):
            return d[k]
    return default


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):
        return _number(_first(value, *VALUE_KEYS))
    return None


def fmt(value: Any, unit: str = "") -> str:
    """Return a number rounded for people (one decimal below 100, none above), with its unit."""
    if isinstance(value, str):
        return value
    num = _number(value)
    if num is None:
        return "–"
    text = f"{num:.1f}" if abs(num) < 100 else f"{num:.0f}"
    unit = {"deg": "°", "degrees": "°", "steps/min": "spm"}.get(unit, unit)
    return f"{text}{unit}" if unit in ("°", "%") else f"{text} {unit}".strip()


def _summaries(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return {metric key: its summary record} from whichever layout the result uses."""
    raw = _first(result, "summary", "summaries", "metrics", default={})
    if isinstance(raw, dict) and isinstance(raw.get("metrics"), (dict, list)):
        raw = raw["metrics"]
    out: dict[str, dict[str, Any]] = {}
    if isinstance(raw, dict):
        for k, v in raw.items():
            out[str(k)] = v if isinstance(v, dict) else {"value": v}
    elif isinstance(raw, list):
        for item in raw:
            if not isinstance(item, dict):
                continue
            key = str(_first(item, "key", "metric", "name", default=""))
            if not key:
                continue
            side = item.get("side")
            if side in SIDES or side in ("both", "all", "overall"):
                out.setdefault(key, {k: v for k, v in item.items() if k != "side"})[side] = item
            else:
                out[key] = item
    return out


def _side(summary: dict[str, Any], side: str) -> Any:
    sides = summary.get("sides") or summary.get("per_side") or summary.get("by_side") or {}
    return summary.get(side) if side in summary else sides.get(side)


def _norm(summary: dict[str, Any]) -> dict[str, Any]:
    norm = _first(summary, "norm", "normal", "range", default={})
    return norm if isinstance(norm, dict) else {"text": str(norm)}


def _range_text(norm: dict[str, Any], unit: str) -> str:
    if norm.get("text") or norm.get("range_text"):
        return str(norm.get("text") or norm.get("range_text"))
    low, high = _number(norm.get("low")), _number(norm.get("high"))
    if low is not None and high is not None:
        return f"{fmt(low)} to {fmt(high, unit)}"
    if low is not None:
        return f"at least {fmt(low, unit)}"
    if high is not None:
        return f"at most {fmt(high, unit)}"
    return ""


def metric_rows(result: dict[str, Any]) -> list[MetricRow]:
    """Return the per-side summary of every metric, for the report table."""
    rows = []
    for key, s in _summaries(result).items():
        unit = str(_first(s, "unit", default="") or _norm(s).get("unit", ""))
        norm = _norm(s)
        overall = _first(s, "both", "all", "overall", *VALUE_KEYS)
        if isinstance(s.get("class"), str) or isinstance(s.get("pattern"), str):
            overall = s.get("class") or s.get("pattern")
        left, right = _side(s, "left"), _side(s, "right")
        n = _first(s, "n", "n_steps", "count", default="")
        rows.append(MetricRow(
            key=key, label=str(_first(s, "label", "title", default=key.replace("_", " ").capitalize())), unit=unit,
            left=_text_value(left, unit), right=_text_value(right, unit), overall=_text_value(overall, unit),
            normal=_range_text(norm, unit), source=str(_first(norm, "source", default="") or s.get("source") or ""),
            status=str(_first(s, "status", "flag", default="") or ""), n=str(n)))
    return rows


def _text_value(value: Any, unit: str) -> str:
    if isinstance(value, dict):
        label = _first(value, "class", "pattern", "label_value")
        if isinstance(label, str):
            return label
        num = _number(value)
        if num is None:
            return "–"
        sd = _number(value.get("sd") or value.get("std"))
        return fmt(num, unit) + (f" ± {fmt(sd)}" if sd is not None else "")
    if value is None:
        return "–"
    return fmt(value, unit)


def key_numbers(result: dict[str, Any]) -> dict[str, str]:
    """Return {short label: value text} for cadence, overstride, foot strike and knee bend at contact."""
    rows = {r.key: r for r in metric_rows(result)}
    aliases = {"foot_strike": ("foot_strike", "foot_strike_pattern", "foot_strike_class", "foot_strike_angle"),
               "overstride": ("overstride", "overstride_distance", "heel_ahead"),
               "knee_flexion_ic": ("knee_flexion_ic", "knee_flexion_at_contact", "knee_ic"),
               "cadence": ("cadence", "cadence_spm")}
    out = {}
    for key, label in KEY_METRICS:
        row = next((rows[a] for a in aliases[key] if a in rows), None)
        out[label] = row.overall if row and row.overall != "–" else (_sides_text(row) if row else "–")
    return out


def _sides_text(row: MetricRow) -> str:
    parts = [f"L {row.left}" if row.left != "–" else "", f"R {row.right}" if row.right != "–" else ""]
    return " · ".join(p for p in parts if p) or "–"


def findings(result: dict[str, Any], edits: dict[str, str] | None = None) -> list[Finding]:
    """Return the analysis's findings, each with the clinician's wording where they changed it."""
    edits = edits or {}
    raw = result.get("findings") or []
    if isinstance(raw, dict):
        raw = [dict(v, key=k) if isinstance(v, dict) else {"key": k, "explanation": str(v)} for k, v in raw.items()]
    out = []
    for i, f in enumerate(x for x in raw if isinstance(x, dict)):
        key = str(_first(f, "key", "id", "metric", "code", default=f"finding-{i + 1}"))
        if any(x.key == key for x in out):
            key = f"{key}-{i + 1}"
        explanation = str(_first(f, "explanation", "text", "message", "description", "plain", default=""))
        cue = _first(f, "cue", "cues", "advice", default="")
        cue = " ".join(cue) if isinstance(cue, list) else str(cue)
        evidence = _first(f, "evidence", "source", "sources", "reference", default="")
        evidence = "; ".join(map(str, evidence)) if isinstance(evidence, list) else str(evidence)
        automatic = explanation + (f"\n\nWhat to try: {cue}" if cue else "")
        text = edits.get(key) or automatic
        out.append(Finding(key=key, title=str(_first(f, "title", "label", "name", default=key.replace("_", " "))),
                           text=text, automatic=automatic, cue=cue, evidence=evidence,
                           status=str(_first(f, "status", "severity", "level", default="")), edited=key in edits))
    return out


def warnings(result: dict[str, Any]) -> list[str]:
    """Return the core's notes on what it could not measure well (frame rate, view, visibility)."""
    raw = _first(result, "warnings", "notes", "limitations", default=[])
    return [str(_first(w, "message", "text", default=w)) if isinstance(w, dict) else str(w) for w in raw] \
        if isinstance(raw, list) else [str(raw)]
