"""A small rule language over the screening answers, so rules can live in TOML files.

A test is one string, `<field> <op> <value>`: `age >= 55`, `exam.effusion is true`,
`pain_locations has kneecap_lower_tip`, `sports has_any [road_running, track]`,
`swelling is_not none`. Fields and values are checked against `ScreeningAnswers` when the
rules load, so a typo in a data file fails at start-up rather than never firing. A clause is
a list of terms that must all hold; a term is a test or a list of tests of which one must hold.
An examination finding left blank (None) makes its test neither true nor false: unknown.
"""

from __future__ import annotations

import operator
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic.fields import FieldInfo

from stridewell.assess.answers import LOCATION_LABELS, Examination, ScreeningAnswers
from stridewell.assess.errors import DataFileError

__all__ = ["Clause", "Test", "clause_reasons", "parse_clause", "parse_test"]

Value = bool | int | float | str | tuple[str, ...]
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}
_SHOW_OP = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


@dataclass(frozen=True)
class Test:
    """One checked condition on one answer, with a sentence a clinician can read."""

    path: tuple[str, ...]
    op: str
    value: Value
    text: str

    def holds(self, answers: ScreeningAnswers) -> bool | None:
        """Return whether the answers meet the test, or None when the answer is unknown."""
        actual = _lookup(answers, self.path)
        if actual is None:
            return None
        if self.op == "is":
            return bool(actual == self.value)
        if self.op == "is_not":
            return bool(actual != self.value)
        if self.op == "has":
            return self.value in actual
        if self.op == "has_any":
            return any(v in actual for v in typing.cast(tuple[str, ...], self.value))
        return _COMPARE[self.op](actual, self.value)

    def explain(self, answers: ScreeningAnswers) -> str:
        """Return the test's sentence, naming the actual answer where that reads better."""
        actual = _lookup(answers, self.path)
        title = self.text.split(":")[0]
        if self.op == "is_not" and isinstance(actual, str):
            return f"{title}: {_label(actual)}"
        if self.op == "has_any" and isinstance(actual, list):
            hits = [v for v in actual if v in typing.cast(tuple[str, ...], self.value)]
            return f"{title}: " + ", ".join(_label(v) for v in hits)
        return self.text


Term = tuple[Test, ...]
Clause = tuple[Term, ...]


def parse_test(text: str) -> Test:
    """Return the Test a rule string describes; raises DataFileError if it names no answer."""
    parts = text.split(maxsplit=2)
    if len(parts) != 3:
        raise DataFileError(f"rule {text!r}: expected '<field> <op> <value>'")
    field_path, op, raw = parts
    path = tuple(field_path.split("."))
    info = _field(path, text)
    value = _parse_value(raw)
    _check(info, op, value, text)
    return Test(path, op, value, _describe(info, op, value))


def parse_clause(raw: Sequence[str | Sequence[str]]) -> Clause:
    """Return a clause from its TOML form: a list of tests or lists of alternative tests."""
    return tuple(
        (parse_test(t),) if isinstance(t, str) else tuple(parse_test(s) for s in t) for t in raw
    )


def clause_reasons(clause: Clause, answers: ScreeningAnswers) -> tuple[str, ...] | None:
    """Return the texts of the tests that made the clause hold, or None if it does not hold."""
    reasons: list[str] = []
    for term in clause:
        met = [t.explain(answers) for t in term if t.holds(answers) is True]
        if not met:
            return None
        reasons.extend(met)
    return tuple(reasons)


def _lookup(answers: ScreeningAnswers, path: tuple[str, ...]) -> Any:
    obj: Any = answers
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def _field(path: tuple[str, ...], text: str) -> FieldInfo:
    models: dict[tuple[str, ...], type[ScreeningAnswers] | type[Examination]] = {
        (): ScreeningAnswers,
        ("exam",): Examination,
    }
    model = models.get(path[:-1])
    if model is None or path[-1] not in model.model_fields or path == ("exam",):
        raise DataFileError(f"rule {text!r}: no answer called {'.'.join(path)!r}")
    return model.model_fields[path[-1]]


def _parse_value(raw: str) -> Value:
    raw = raw.strip()
    if raw in ("true", "false"):
        return raw == "true"
    if raw.startswith("["):
        return tuple(v.strip() for v in raw.strip("[]").split(",") if v.strip())
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        return float(raw)
    except ValueError:
        return raw


def _literals(annotation: Any) -> set[Any]:
    """Every Literal value reachable in a type such as `list[Literal[...]] | None`."""
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    found: set[Any] = set()
    for arg in typing.get_args(annotation):
        found |= _literals(arg)
    return found


def _check(info: FieldInfo, op: str, value: Value, text: str) -> None:
    allowed = _literals(info.annotation)
    args = set(typing.get_args(info.annotation)) | {info.annotation}
    is_list = any(typing.get_origin(a) is list for a in args)
    if op in ("has", "has_any"):
        values = value if isinstance(value, tuple) else (value,)
        ok = is_list and all(v in allowed for v in values)
    elif op in ("is", "is_not"):
        ok = (isinstance(value, bool) and bool in args) or value in allowed
    elif op in _COMPARE:
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and bool(args & {int, float})
        )
    else:
        ok = False
    if not ok:
        raise DataFileError(f"rule {text!r}: operator or value does not fit that answer")


def _label(value: Any) -> str:
    return LOCATION_LABELS.get(str(value), str(value).replace("_", " "))


def _describe(info: FieldInfo, op: str, value: Value) -> str:
    title = info.title or ""
    if isinstance(value, bool):
        return f"{title}: {'yes' if value == (op == 'is') else 'no'}"
    if op == "is":
        return f"{title}: {_label(value)}"
    if op == "is_not":
        return f"{title}: not {_label(value)}"
    if op == "has":
        return f"{title}: {_label(value)}"
    if op == "has_any":
        return f"{title}: " + " or ".join(_label(v) for v in typing.cast(tuple[str], value))
    return f"{title} {_SHOW_OP[op]} {value}"
