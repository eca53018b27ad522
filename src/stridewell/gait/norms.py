"""Norms and thresholds from norms.toml, each with unit and source, validated on load."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

KINDS = {"normative", "cutoff", "clinic_default", "reference"}
SECTIONS = ("foot_strike", "events", "frame_rate", "cadence_cue", "filming")


@dataclass(frozen=True)
class Norm:
    """One metric's label, unit, normal range (either end may be None), kind and source."""

    key: str
    label: str
    unit: str
    low: float | None
    high: float | None
    kind: str
    source: str
    note: str = ""

    def status(self, value: float) -> str:
        """Return "low", "high" or "ok" for a value against this range."""
        if self.low is not None and value < self.low:
            return "low"
        if self.high is not None and value > self.high:
            return "high"
        return "ok"

    def range_text(self) -> str:
        """Return the range in words, e.g. "2 to 20°", "at most 40 % of leg length"."""
        if self.low is not None and self.high is not None:
            return with_unit(f"{self.low:g} to {self.high:g}", self.unit)
        if self.low is not None:
            return "at least " + with_unit(f"{self.low:g}", self.unit)
        if self.high is not None:
            return "at most " + with_unit(f"{self.high:g}", self.unit)
        return "no set range"


def with_unit(number: str, unit: str) -> str:
    """Return a number (as text) with its unit as people read it: "27.5°", "17 % of leg length"."""
    if unit == "deg":
        return f"{number}°"
    if unit == "% leg length":
        return f"{number} % of leg length"
    return f"{number} {unit}".strip()


def amount(value: float, unit: str) -> str:
    """Return a measured value rounded for people (one decimal, none from 100 up; seconds to
    the hundredth) with its unit."""
    if unit == "s":
        return f"{value:.2f} s"
    return with_unit(f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}", unit)


@dataclass(frozen=True)
class Norms:
    """All metric norms by key plus the named threshold sections (numbers only)."""

    metrics: dict[str, Norm]
    thresholds: dict[str, dict[str, float]]

    def value(self, section: str, name: str) -> float:
        """Return one threshold number."""
        return self.thresholds[section][name]


def _norm(key: str, raw: dict[str, Any]) -> Norm:
    missing = {"label", "unit", "kind", "source"} - raw.keys()
    if missing:
        raise ValueError(f"norms.toml [metrics.{key}] lacks {sorted(missing)}")
    if raw["kind"] not in KINDS:
        raise ValueError(f"norms.toml [metrics.{key}] kind {raw['kind']!r} not in {sorted(KINDS)}")
    low, high = raw.get("low"), raw.get("high")
    if low is not None and high is not None and not low < high:
        raise ValueError(f"norms.toml [metrics.{key}] low must be below high")
    if not str(raw["source"]).strip():
        raise ValueError(f"norms.toml [metrics.{key}] has an empty source")
    return Norm(
        key, raw["label"], raw["unit"], low, high, raw["kind"], raw["source"], raw.get("note", "")
    )


def parse_norms(data: dict[str, Any]) -> Norms:
    """Return validated Norms from parsed TOML; raise ValueError naming what is wrong."""
    metrics = {k: _norm(k, v) for k, v in data.get("metrics", {}).items()}
    thresholds: dict[str, dict[str, float]] = {}
    for name in SECTIONS:
        sec = data.get(name)
        if not isinstance(sec, dict) or not sec.get("unit") or not sec.get("source"):
            raise ValueError(f"norms.toml [{name}] must exist with a unit and a source")
        thresholds[name] = {k: float(v) for k, v in sec.items() if isinstance(v, int | float)}
    return Norms(metrics, thresholds)


@lru_cache(maxsize=1)
def load_norms() -> Norms:
    """Return the packaged norms (stridewell/gait/norms.toml), validated."""
    text = resources.files("stridewell.gait").joinpath("norms.toml").read_text()
    return parse_norms(tomllib.loads(text))
