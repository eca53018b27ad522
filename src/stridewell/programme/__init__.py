"""Exercise programmes, return-to-run plans and pain monitoring. Plain Python, no Django.

The web app and CLI call, in short:

- `build_programme(ProgrammeInputs(...)) -> Programme`; `programme_to_json` / `programme_from_json`
- `decide(pain_log, programme.pain_rule) -> Decision` (hold, progress or regress, explained);
  `review(programme, pain_log) -> ProgrammeReview` (the same, applied to the programme)
- `move_to_phase(programme, n) -> Programme` once a phase's criteria are met;
  `exercises_on(programme, date)` for today's list; `weekly_summary(pain_log)` for the trend
- `return_to_run_plan(readiness, start=...) -> ReturnToRunPlan`; `advance(plan, pain_log)`
- `swap_exercise`, `add_exercise`, `remove_exercise`, `set_dose` for clinician edits
- `load_library()`, `illustration_svg(exercise.illustration)`, `load_education()`
"""

from stridewell.programme.edit import add_exercise, remove_exercise, set_dose, swap_exercise
from stridewell.programme.education import EducationPage, education_html, load_education
from stridewell.programme.generator import build_programme, exercises_on, move_to_phase
from stridewell.programme.illustrate import illustration_svg
from stridewell.programme.library import CONDITIONS, Dose, Exercise, Library, load_library
from stridewell.programme.models import DayPlan, Phase, Prescription, Programme, ProgrammeInputs
from stridewell.programme.pain import (
    Decision,
    PainEntry,
    PainRule,
    RuleCheck,
    WeekSummary,
    decide,
    rule_for,
    weekly_summary,
)
from stridewell.programme.protocols import load_findings, load_protocols, load_safety, protocol_for
from stridewell.programme.return_to_run import (
    EntryCheck,
    PlannedRun,
    Readiness,
    ReturnToRunPlan,
    RunDecision,
    RunLevel,
    RunRules,
    advance,
    check_entry,
    entry_criteria,
    replay,
    return_to_run_plan,
    run_rules,
    walk_run_levels,
)
from stridewell.programme.review import ProgrammeReview, review
from stridewell.programme.store import programme_from_json, programme_to_json

__all__ = [
    "CONDITIONS",
    "DayPlan",
    "Decision",
    "Dose",
    "EducationPage",
    "EntryCheck",
    "Exercise",
    "Library",
    "PainEntry",
    "PainRule",
    "Phase",
    "PlannedRun",
    "Prescription",
    "Programme",
    "ProgrammeInputs",
    "ProgrammeReview",
    "Readiness",
    "ReturnToRunPlan",
    "RuleCheck",
    "RunDecision",
    "RunLevel",
    "RunRules",
    "WeekSummary",
    "add_exercise",
    "advance",
    "build_programme",
    "check_entry",
    "decide",
    "education_html",
    "entry_criteria",
    "exercises_on",
    "illustration_svg",
    "load_education",
    "load_findings",
    "load_library",
    "load_protocols",
    "load_safety",
    "move_to_phase",
    "programme_from_json",
    "programme_to_json",
    "protocol_for",
    "remove_exercise",
    "replay",
    "return_to_run_plan",
    "review",
    "rule_for",
    "run_rules",
    "set_dose",
    "swap_exercise",
    "walk_run_levels",
    "weekly_summary",
]
