"""Training load: readers, sessions, metrics, rules and plans. Plain Python, no Django.

The web app and the CLI call, in short:

- `import_paths(paths, known_hashes=..., existing=..., progress=cb) -> ImportResult`
  (sessions plus a problem per file that did not import cleanly; nothing raises per file)
- `analyse(sessions, athlete=Athlete(...)) -> Analysis`; `findings(analysis) -> [Finding]`
  (ranked; `since=date` keeps the recent ones)
- `plan_from_history(sessions, Goal(...), start=...) -> Plan` or `progression_plan(base, ...)`
- `load_thresholds()` for the editable constants (thresholds.toml, each with unit and source)
- `read_store`/`add_import` for the CLI's local JSON store
"""

from stridewell.load.analysis import Analysis, WeekLoad, analyse
from stridewell.load.config import Constant, Thresholds, load_thresholds, parse_thresholds
from stridewell.load.errors import LoadError, ReadError, StoreError, ThresholdsError
from stridewell.load.findings import Finding, findings
from stridewell.load.importer import content_hash, dedupe, import_paths
from stridewell.load.loadmodel import (
    Athlete,
    FitnessPoint,
    choose_basis,
    daily_loads,
    ewma_acwr,
    fitness_fatigue,
    monotony,
    session_load,
    strain,
    trimp,
    uncoupled_acwr,
)
from stridewell.load.models import ImportProblem, ImportResult, Progress, Session
from stridewell.load.plan import (
    Base,
    Goal,
    Plan,
    PlanDay,
    PlanWeek,
    current_base,
    plan_from_history,
    progression_plan,
)
from stridewell.load.recovery import HardGap, days_since_hard, hard_gaps, is_hard
from stridewell.load.store import Stored, add_import, default_store, read_store, write_store
from stridewell.load.weekly import (
    Spike,
    WeekChange,
    WeekTotal,
    spikes,
    week_changes,
    weekly_totals,
)

__all__ = [
    "Analysis",
    "Athlete",
    "Base",
    "Constant",
    "Finding",
    "FitnessPoint",
    "Goal",
    "HardGap",
    "ImportProblem",
    "ImportResult",
    "LoadError",
    "Plan",
    "PlanDay",
    "PlanWeek",
    "Progress",
    "ReadError",
    "Session",
    "Spike",
    "StoreError",
    "Stored",
    "Thresholds",
    "ThresholdsError",
    "WeekChange",
    "WeekLoad",
    "WeekTotal",
    "add_import",
    "analyse",
    "choose_basis",
    "content_hash",
    "current_base",
    "daily_loads",
    "days_since_hard",
    "dedupe",
    "default_store",
    "ewma_acwr",
    "findings",
    "fitness_fatigue",
    "hard_gaps",
    "import_paths",
    "is_hard",
    "load_thresholds",
    "monotony",
    "parse_thresholds",
    "plan_from_history",
    "progression_plan",
    "read_store",
    "session_load",
    "spikes",
    "strain",
    "trimp",
    "uncoupled_acwr",
    "week_changes",
    "weekly_totals",
    "write_store",
]
