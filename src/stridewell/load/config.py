"""Thresholds and constants from `thresholds.toml`, each with its unit and source, validated."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from stridewell.load.errors import ThresholdsError

KINDS = ("evidence", "convention", "model")

REQUIRED: dict[str, tuple[str, ...]] = {
    "spike": ("moderate", "high", "window"),
    "weekly": ("change", "minutes_step"),
    "acwr": ("acute", "chronic", "high"),
    "monotony": ("warn", "high", "cap"),
    "pmc": ("fitness", "fatigue"),
    "trimp": ("hr_max", "hr_rest", "a", "b_male", "b_female"),
    "recovery": ("hours", "hard_rpe", "hard_hrr", "long_min", "rest_days"),
    "plan": ("step_min", "step_max", "lighter_every", "lighter_factor", "rest_days", "cross_days"),
}


@dataclass(frozen=True)
class Constant:
    """One editable number: its value, unit, kind of backing, and citation."""

    value: float
    unit: str
    kind: str
    source: str


@dataclass(frozen=True)
class Thresholds:
    """All constants of the load guard, keyed `section.name`."""

    constants: dict[str, Constant]

    def get(self, key: str) -> Constant:
        """Return the constant `section.name` (raises ThresholdsError if absent)."""
        try:
            return self.constants[key]
        except KeyError:
            raise ThresholdsError(f"no threshold named {key!r}") from None

    def value(self, key: str) -> float:
        """Return the number of the constant `section.name`."""
        return self.get(key).value


def _constant(key: str, raw: Any) -> Constant:
    if not isinstance(raw, dict):
        raise ThresholdsError(f"{key}: expected a table with value, unit, kind and source")
    value = raw.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ThresholdsError(f"{key}: value must be a number, got {value!r}")
    if value < 0:
        raise ThresholdsError(f"{key}: value must not be negative, got {value}")
    for field in ("unit", "source"):
        text = raw.get(field)
        if not isinstance(text, str) or not text.strip():
            raise ThresholdsError(f"{key}: every number needs a {field}")
    if raw.get("kind") not in KINDS:
        raise ThresholdsError(f"{key}: kind must be one of {', '.join(KINDS)}")
    return Constant(float(value), raw["unit"], raw["kind"], raw["source"])


def _check_relations(t: Thresholds) -> None:
    if t.value("spike.moderate") >= t.value("spike.high"):
        raise ThresholdsError("spike.moderate must be below spike.high")
    if t.value("monotony.warn") > t.value("monotony.high"):
        raise ThresholdsError("monotony.warn must not exceed monotony.high")
    if not 0 < t.value("plan.step_min") <= t.value("plan.step_max"):
        raise ThresholdsError("plan.step_min must be above 0 and at most plan.step_max")
    if not 2 <= t.value("plan.lighter_every") <= 8:
        raise ThresholdsError("plan.lighter_every must be between 2 and 8 weeks")
    if not 0 < t.value("plan.lighter_factor") < 100:
        raise ThresholdsError("plan.lighter_factor must be a percentage between 0 and 100")
    if t.value("trimp.hr_rest") >= t.value("trimp.hr_max"):
        raise ThresholdsError("trimp.hr_rest must be below trimp.hr_max")
    if t.value("plan.rest_days") + t.value("plan.cross_days") > 5:
        raise ThresholdsError("plan.rest_days + plan.cross_days leave fewer than 2 run days")


def parse_thresholds(data: dict[str, Any]) -> Thresholds:
    """Return validated thresholds from parsed TOML (raises ThresholdsError naming the entry)."""
    constants: dict[str, Constant] = {}
    for section, names in REQUIRED.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise ThresholdsError(f"thresholds: missing section [{section}]")
        for name in names:
            if name not in table:
                raise ThresholdsError(f"thresholds: missing [{section}.{name}]")
            constants[f"{section}.{name}"] = _constant(f"{section}.{name}", table[name])
    result = Thresholds(constants)
    _check_relations(result)
    return result


def load_thresholds(path: Path | None = None) -> Thresholds:
    """Return the thresholds from `path`, or the packaged `thresholds.toml` when None."""
    if path is None:
        return _default()
    try:
        text = Path(path).read_text(encoding="utf-8")
        return parse_thresholds(tomllib.loads(text))
    except OSError as err:
        raise ThresholdsError(f"cannot read thresholds file {path}: {err.strerror}") from err
    except tomllib.TOMLDecodeError as err:
        raise ThresholdsError(f"thresholds file {path} is not valid TOML: {err}") from err


@cache
def _default() -> Thresholds:
    text = files("stridewell.load").joinpath("thresholds.toml").read_text(encoding="utf-8")
    return parse_thresholds(tomllib.loads(text))
