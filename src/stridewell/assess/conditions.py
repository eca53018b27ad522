"""Likely conditions: weighted features from conditions.toml, ranked for one answer set."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from stridewell.assess.answers import ScreeningAnswers
from stridewell.assess.rules import Clause, Test, clause_reasons, parse_clause, parse_test

__all__ = [
    "CONDITIONS",
    "ConditionMatch",
    "ConditionRule",
    "Evidence",
    "condition_rules",
    "rank_conditions",
]


@dataclass(frozen=True)
class Feature:
    """One weighted feature: positive supports the condition, negative contradicts it."""

    when: Clause
    weight: float
    note: str


@dataclass(frozen=True)
class ExamTest:
    """A test that helps tell this condition apart; `finding` is the answer it fills in."""

    finding: Test | None
    test: str


@dataclass(frozen=True)
class ConditionRule:
    """A condition with its prior, weighted features, next tests and source."""

    id: str
    name: str
    prior: float
    source: str
    features: tuple[Feature, ...]
    examine_next: tuple[ExamTest, ...]


@dataclass(frozen=True)
class Evidence:
    """An answer that counted for or against a condition, with its weight and why."""

    answer: str
    weight: float
    note: str


@dataclass(frozen=True)
class ConditionMatch:
    """A condition ranked for these answers: its score and the evidence either way."""

    id: str
    name: str
    score: float
    supporting: tuple[Evidence, ...]
    contradicting: tuple[Evidence, ...]
    examine_next: tuple[str, ...]
    source: str


@cache
def condition_rules() -> tuple[ConditionRule, ...]:
    """Return every condition rule, validated against the answer set."""
    path = resources.files("stridewell.assess") / "data" / "conditions.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(_rule(c) for c in raw["conditions"])


def _rule(raw: Mapping[str, Any]) -> ConditionRule:
    features = tuple(
        Feature(
            parse_clause([f["when"]] if isinstance(f["when"], str) else f["when"]),
            float(f["weight"]),
            f.get("note", ""),
        )
        for f in raw["features"]
    )
    tests = tuple(
        ExamTest(parse_test(f"{t['finding']} is true") if "finding" in t else None, t["test"])
        for t in raw.get("examine_next", [])
    )
    return ConditionRule(
        raw["id"], raw["name"], float(raw["prior"]), raw["source"], features, tests
    )


CONDITIONS: Mapping[str, str] = MappingProxyType({c.id: c.name for c in condition_rules()})
"""Condition id -> display name; the ids are a contract other modules key off."""


def rank_conditions(answers: ScreeningAnswers) -> tuple[ConditionMatch, ...]:
    """Return conditions with a supporting answer and a positive score, highest first."""
    matches = [_match(rule, answers) for rule in condition_rules()]
    ranked = [m for m in matches if m.supporting and m.score > 0]
    return tuple(sorted(ranked, key=lambda m: -m.score))


def _match(rule: ConditionRule, answers: ScreeningAnswers) -> ConditionMatch:
    support: list[Evidence] = []
    against: list[Evidence] = []
    for feature in rule.features:
        reasons = clause_reasons(feature.when, answers)
        if reasons is None or feature.weight == 0:
            continue
        evidence = Evidence(" and ".join(reasons), feature.weight, feature.note)
        (support if feature.weight > 0 else against).append(evidence)
    total = rule.prior + sum(e.weight for e in support) + sum(e.weight for e in against)
    tests = tuple(
        t.test for t in rule.examine_next if t.finding is None or t.finding.holds(answers) is None
    )
    return ConditionMatch(
        rule.id,
        rule.name,
        round(total, 2),
        tuple(sorted(support, key=lambda e: -e.weight)),
        tuple(sorted(against, key=lambda e: e.weight)),
        tests,
        rule.source,
    )
