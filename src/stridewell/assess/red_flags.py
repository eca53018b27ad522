"""Red-flag rules: which answers need a doctor, and how soon. Rules live in red_flags.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, cast

from stridewell.assess.answers import ScreeningAnswers
from stridewell.assess.errors import DataFileError
from stridewell.assess.rules import Clause, clause_reasons, parse_clause

__all__ = ["URGENCY_ORDER", "RedFlag", "RedFlagRule", "check_red_flags", "red_flag_rules"]

Urgency = Literal["emergency", "same_day", "urgent", "soon"]
URGENCY_ORDER: tuple[Urgency, ...] = ("emergency", "same_day", "urgent", "soon")


@dataclass(frozen=True)
class RedFlagRule:
    """One red-flag rule from the data file."""

    id: str
    name: str
    urgency: Urgency
    action: str
    source: str
    when: tuple[Clause, ...]


@dataclass(frozen=True)
class RedFlag:
    """A red flag raised for these answers, with the answers that raised it."""

    id: str
    name: str
    urgency: Urgency
    action: str
    reasons: tuple[str, ...]
    source: str


@cache
def red_flag_rules() -> tuple[RedFlagRule, ...]:
    """Return every red-flag rule, validated against the answer set."""
    path = resources.files("stridewell.assess") / "data" / "red_flags.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = []
    for r in raw["red_flags"]:
        if r["urgency"] not in URGENCY_ORDER:
            raise DataFileError(f"red flag {r['id']}: unknown urgency {r['urgency']!r}")
        rules.append(
            RedFlagRule(
                id=r["id"],
                name=r["name"],
                urgency=cast(Urgency, r["urgency"]),
                action=r["action"],
                source=r["source"],
                when=tuple(parse_clause(c) for c in r["when"]),
            )
        )
    return tuple(rules)


def check_red_flags(answers: ScreeningAnswers) -> tuple[RedFlag, ...]:
    """Return the red flags these answers raise, most urgent first."""
    flags = []
    for rule in red_flag_rules():
        for clause in rule.when:
            reasons = clause_reasons(clause, answers)
            if reasons is not None:
                flags.append(
                    RedFlag(rule.id, rule.name, rule.urgency, rule.action, reasons, rule.source)
                )
                break
    return tuple(sorted(flags, key=lambda f: URGENCY_ORDER.index(f.urgency)))
