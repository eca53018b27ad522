"""Questionnaire definitions: items, response options and scales, read from TOML data files.

Each file in `data/instruments/` carries its citation; wording of labels is our own. Files
are checked when loaded (option points add up to the published range), so a typo in a
weight fails loudly instead of mis-scoring patients.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from stridewell.assess.errors import AnswerError, DataFileError

__all__ = [
    "ChoiceGroup",
    "Instrument",
    "Item",
    "Option",
    "Scale",
    "instrument",
    "instruments",
]

Method = Literal["sum", "koos", "single"]
_METHODS: tuple[str, ...] = ("sum", "koos", "single")


@dataclass(frozen=True)
class Option:
    """One response option: the value a form submits, our label, and the points it scores."""

    value: str | int
    label: str
    points: int


@dataclass(frozen=True)
class Item:
    """One question, in our own words, with its response options and the scale it feeds."""

    id: str
    label: str
    options: tuple[Option, ...]
    scale_id: str
    choice_group: str | None = None

    def option(self, value: object) -> Option | None:
        """Return the option whose value equals `value`, or None."""
        for opt in self.options:
            if opt.value == value:
                return opt
        return None


@dataclass(frozen=True)
class Scale:
    """A scored scale (a total or a subscale) with its range and minimal important difference."""

    id: str
    name: str
    minimum: float
    maximum: float
    min_answered: int
    mid: float
    mid_source: str
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class ChoiceGroup:
    """Items of which exactly one must be answered (the branches of VISA-P item 8)."""

    id: str
    label: str
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Instrument:
    """A questionnaire: how it is scored, its items in order, its scales and its sources."""

    id: str
    name: str
    short_name: str
    method: Method
    higher_is_better: bool
    citation: str
    missing_rule: str
    scales: tuple[Scale, ...]
    items: tuple[Item, ...]
    choice_groups: tuple[ChoiceGroup, ...] = ()

    def item(self, item_id: str) -> Item:
        """Return the item with this id; raises KeyError if there is none."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def scale(self, scale_id: str) -> Scale:
        """Return the scale with this id; raises KeyError if there is none."""
        for sc in self.scales:
            if sc.id == scale_id:
                return sc
        raise KeyError(scale_id)


_IDS = ("kujala", "visa_p", "koos", "koos_pf", "lefs", "nprs", "groc")


def instruments() -> tuple[Instrument, ...]:
    """Return every questionnaire the core can score, in a fixed order."""
    return tuple(instrument(i) for i in _IDS)


@cache
def instrument(instrument_id: str) -> Instrument:
    """Return one questionnaire by id; raises AnswerError naming the known ids if unknown."""
    if instrument_id not in _IDS:
        raise AnswerError(f"Unknown questionnaire '{instrument_id}'", [f"known: {', '.join(_IDS)}"])
    path = resources.files("stridewell.assess") / "data" / "instruments" / f"{instrument_id}.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        inst = _build(raw)
    except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{instrument_id}.toml is malformed: {exc!r}") from exc
    _check(inst)
    return inst


def _options(raw_item: dict[str, Any], anchors: dict[str, Any]) -> tuple[Option, ...]:
    if "options" in raw_item:
        opts = raw_item["options"]
    elif "anchors" in raw_item:
        opts = anchors[raw_item["anchors"]]["options"]
    else:
        rng = raw_item["range"]
        lo, hi = int(rng["min"]), int(rng["max"])
        ends = {lo: rng["min_label"], hi: rng["max_label"]}
        return tuple(Option(v, ends.get(v, str(v)), v) for v in range(lo, hi + 1))
    return tuple(Option(o["value"], str(o["label"]), int(o["points"])) for o in opts)


def _build(raw: dict[str, Any]) -> Instrument:
    anchors = raw.get("anchors", {})
    first_scale = raw["scales"][0]["id"]
    items = tuple(
        Item(
            id=r["id"],
            label=r["label"],
            options=_options(r, anchors),
            scale_id=r.get("subscale", first_scale),
        )
        for r in raw["items"]
    )
    groups = tuple(
        ChoiceGroup(g["id"], g["label"], tuple(g["items"])) for g in raw.get("choice_groups", [])
    )
    in_group = {i: g.id for g in groups for i in g.item_ids}
    items = tuple(
        Item(it.id, it.label, it.options, it.scale_id, in_group.get(it.id)) for it in items
    )
    scales = tuple(_scale(s, items, len(groups)) for s in raw["scales"])
    method = raw["method"]
    if method not in _METHODS:
        raise ValueError(f"method {method!r} is not one of {_METHODS}")
    return Instrument(
        id=raw["id"],
        name=raw["name"],
        short_name=raw["short_name"],
        method=method,
        higher_is_better=bool(raw["higher_is_better"]),
        citation=raw["citation"],
        missing_rule=raw["missing_rule"],
        scales=scales,
        items=items,
        choice_groups=groups,
    )


def _scale(raw: dict[str, Any], items: tuple[Item, ...], n_groups: int) -> Scale:
    ids = tuple(it.id for it in items if it.scale_id == raw["id"])
    grouped = sum(1 for it in items if it.scale_id == raw["id"] and it.choice_group)
    slots = len(ids) - grouped + n_groups
    return Scale(
        id=raw["id"],
        name=raw["name"],
        minimum=float(raw["min"]),
        maximum=float(raw["max"]),
        min_answered=int(raw.get("min_answered", slots)),
        mid=float(raw["mid"]),
        mid_source=raw["mid_source"],
        item_ids=ids,
    )


def _check(inst: Instrument) -> None:
    """Fail if the data contradicts the published range of any scale."""
    ids = [it.id for it in inst.items]
    if len(ids) != len(set(ids)):
        raise DataFileError(f"{inst.id}: duplicate item ids")
    for sc in inst.scales:
        if not sc.item_ids:
            raise DataFileError(f"{inst.id}: scale {sc.id} has no items")
        lo, hi = _points_range(inst, sc)
        if (lo, hi) != (sc.minimum, sc.maximum):
            raise DataFileError(
                f"{inst.id}: scale {sc.id} items span {lo}-{hi}, "
                f"but the published range is {sc.minimum}-{sc.maximum}"
            )


def _points_range(inst: Instrument, sc: Scale) -> tuple[float, float]:
    items = [inst.item(i) for i in sc.item_ids]
    if inst.method == "koos":
        if any(sorted(o.points for o in it.options) != [0, 1, 2, 3, 4] for it in items):
            raise DataFileError(f"{inst.id}: every KOOS item must score 0-4")
        return 0.0, 100.0
    lo = sum(min(o.points for o in it.options) for it in items if not it.choice_group)
    hi = sum(max(o.points for o in it.options) for it in items if not it.choice_group)
    for g in inst.choice_groups:
        members = [inst.item(i) for i in g.item_ids]
        lo += min(min(o.points for o in m.options) for m in members)
        hi += max(max(o.points for o in m.options) for m in members)
    return float(lo), float(hi)
