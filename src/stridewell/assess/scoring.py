"""Score a questionnaire from a patient's responses, following each instrument's own rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from stridewell.assess.errors import AnswerError
from stridewell.assess.instruments import Instrument, Item, Scale, instrument

__all__ = ["ScaleScore", "Score", "score"]


@dataclass(frozen=True)
class ScaleScore:
    """One scale's result; `value` is None when the instrument's rule forbids scoring it."""

    scale_id: str
    name: str
    value: float | None
    minimum: float
    maximum: float
    answered: int
    item_count: int
    mid: float
    mid_source: str
    note: str = ""

    @property
    def complete(self) -> bool:
        """Return True when every item of this scale was answered."""
        return self.answered == self.item_count


@dataclass(frozen=True)
class Score:
    """A scored questionnaire: one result per scale, and which items were left unanswered."""

    instrument_id: str
    instrument_name: str
    higher_is_better: bool
    scales: tuple[ScaleScore, ...]
    missing_items: tuple[str, ...] = ()
    interpretation: str = ""
    taken_on: date | None = None

    @property
    def complete(self) -> bool:
        """Return True when no item was left unanswered."""
        return not self.missing_items

    @property
    def value(self) -> float | None:
        """Return the single score of a one-scale instrument (None for KOOS's five subscales)."""
        return self.scales[0].value if len(self.scales) == 1 else None

    def scale(self, scale_id: str) -> ScaleScore:
        """Return the result for one scale; raises KeyError if the instrument has no such scale."""
        for sc in self.scales:
            if sc.scale_id == scale_id:
                return sc
        raise KeyError(scale_id)


def score(
    instrument_id: str, responses: Mapping[str, object], *, taken_on: date | None = None
) -> Score:
    """Return the score of one questionnaire; raises AnswerError naming each bad answer.

    `responses` maps item ids (see `instrument(id).items`) to option values; a missing key or
    None means unanswered; `taken_on` is the date the patient answered. Sum scales (AKPS,
    VISA-P, LEFS) need every item; KOOS and KOOS-PF score each subscale with at least half
    its items answered and mark the rest not scored.
    """
    inst = instrument(instrument_id)
    points = _validated_points(inst, responses)
    if not points:
        raise AnswerError(f"{inst.name}: no answers were given")
    missing = _missing(inst, points)
    if inst.method == "koos":
        scales = tuple(_koos_scale(sc, points) for sc in inst.scales)
    else:
        if missing:
            raise AnswerError(
                f"{inst.name} cannot be scored with unanswered items",
                [f"unanswered: {', '.join(missing)}", inst.missing_rule],
            )
        scales = tuple(_sum_scale(sc, points) for sc in inst.scales)
    return Score(
        instrument_id=inst.id,
        instrument_name=inst.name,
        higher_is_better=inst.higher_is_better,
        scales=scales,
        missing_items=missing,
        interpretation=_interpret(inst, scales),
        taken_on=taken_on,
    )


def _validated_points(inst: Instrument, responses: Mapping[str, object]) -> dict[str, int]:
    """Map each answered item id to its points, or raise with every problem found."""
    if not isinstance(responses, Mapping):
        raise AnswerError(f"{inst.name}: responses must be an object of item id to answer")
    known = {it.id: it for it in inst.items}
    problems: list[str] = []
    points: dict[str, int] = {}
    for key, raw in responses.items():
        item = known.get(str(key))
        if item is None:
            problems.append(f"'{key}' is not an item of {inst.short_name}")
        elif raw is not None:
            option = item.option(_coerce(item, raw))
            if option is None:
                problems.append(_bad_option(item, raw))
            else:
                points[item.id] = option.points
    for group in inst.choice_groups:
        given = [i for i in group.item_ids if i in points]
        if len(given) > 1:
            problems.append(
                f"answer only one of {', '.join(group.item_ids)} ({group.label}); "
                f"got {', '.join(given)}"
            )
    if problems:
        raise AnswerError(f"{inst.name}: some answers are not valid", problems)
    return points


def _coerce(item: Item, raw: object) -> object:
    """Accept '7' or 7.0 for a numeric option, as web forms and JSON send them."""
    numeric = all(isinstance(o.value, int) for o in item.options)
    if isinstance(raw, bool) or not numeric:
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and raw.strip().lstrip("+-").isdigit():
        return int(raw.strip())
    return raw


def _bad_option(item: Item, raw: object) -> str:
    values = [str(o.value) for o in item.options]
    if all(isinstance(o.value, int) for o in item.options):
        allowed = f"a whole number from {values[0]} to {values[-1]}"
    else:
        allowed = "one of " + ", ".join(values)
    return f"{item.id} ({item.label}): {raw!r} is not an option; choose {allowed}"


def _missing(inst: Instrument, points: Mapping[str, int]) -> tuple[str, ...]:
    missing = [it.id for it in inst.items if not it.choice_group and it.id not in points]
    for g in inst.choice_groups:
        if not any(i in points for i in g.item_ids):
            missing.append(g.id)
    return tuple(missing)


def _sum_scale(sc: Scale, points: Mapping[str, int]) -> ScaleScore:
    total = sum(points[i] for i in sc.item_ids if i in points)
    answered = sum(1 for i in sc.item_ids if i in points)
    return ScaleScore(
        sc.id,
        sc.name,
        float(total),
        sc.minimum,
        sc.maximum,
        answered,
        sc.min_answered,
        sc.mid,
        sc.mid_source,
    )


def _koos_scale(sc: Scale, points: Mapping[str, int]) -> ScaleScore:
    """KOOS: 100 - mean x 100/4 over answered items, if at least `min_answered` were answered."""
    answered = [points[i] for i in sc.item_ids if i in points]
    n = len(sc.item_ids)
    if len(answered) < sc.min_answered:
        value = None
        note = (
            f"not scored: {len(answered)} of {n} items answered, the rule needs {sc.min_answered}"
        )
    else:
        value = 100.0 - (sum(answered) / len(answered)) * 100.0 / 4.0
        note = "" if len(answered) == n else f"scored from {len(answered)} of {n} items"
    return ScaleScore(
        sc.id,
        sc.name,
        value,
        sc.minimum,
        sc.maximum,
        len(answered),
        n,
        sc.mid,
        sc.mid_source,
        note,
    )


def _interpret(inst: Instrument, scales: tuple[ScaleScore, ...]) -> str:
    """Only the global rating of change carries its own meaning; others need two dates."""
    if inst.id != "groc" or scales[0].value is None:
        return ""
    value, mid = scales[0].value, scales[0].mid
    if value >= mid:
        return f"important improvement (+{mid:g} or more)"
    if value <= -mid:
        return f"important worsening (-{mid:g} or less)"
    return f"no important change (between -{mid:g} and +{mid:g})"
