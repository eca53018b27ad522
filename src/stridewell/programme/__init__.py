"""Exercise programmes, return-to-run plans and pain monitoring. Plain Python, no Django."""

from stridewell.programme.pain import Decision, PainEntry, PainRule, RuleCheck, decide, rule_for
from stridewell.programme.return_to_run import (
    EntryCheck,
    PlannedRun,
    Readiness,
    ReturnToRunPlan,
    RunDecision,
    RunLevel,
    advance,
    check_entry,
    return_to_run_plan,
)

__all__ = [
    "Decision",
    "EntryCheck",
    "PainEntry",
    "PainRule",
    "PlannedRun",
    "Readiness",
    "ReturnToRunPlan",
    "RuleCheck",
    "RunDecision",
    "RunLevel",
    "advance",
    "check_entry",
    "decide",
    "return_to_run_plan",
    "rule_for",
]
