"""Build a personalised, phased exercise programme from the assessment answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import combinations

from stridewell.programme.education import load_education
from stridewell.programme.library import Dose, Exercise, Library, load_library
from stridewell.programme.models import (
    HOUSEHOLD,
    WEEKDAYS,
    DayPlan,
    Phase,
    Prescription,
    Programme,
    ProgrammeInputs,
)
from stridewell.programme.pain import PainRule, rule_for
from stridewell.programme.protocols import (
    Protocol,
    ProtocolPhase,
    load_findings,
    load_safety,
    protocol_for,
)

__all__ = [
    "build_programme",
    "exercises_on",
    "move_to_phase",
    "plan_week",
]

@dataclass
class _Context:
    inputs: ProgrammeInputs
    protocol: Protocol
    library: Library
    avoid: frozenset[str]
    notes: list[str] = field(default_factory=list)

    @property
    def equipment(self) -> frozenset[str]:
        return frozenset(self.inputs.equipment) | frozenset(HOUSEHOLD)

    def usable(self, ex: Exercise, phase: int) -> bool:
        return (ex.id not in self.avoid and set(ex.equipment) <= self.equipment
                and ex.suits(self.inputs.condition, phase))


def _pick(ctx: _Context, choose: tuple[str, ...], phase: int, taken: set[str],
          fallback: bool = True) -> Exercise | None:
    """Return the first usable choice; failing that, the first usable easier version of one."""
    lib = ctx.library
    for cid in choose:
        if cid not in taken and ctx.usable(lib[cid], phase):
            return lib[cid]
    if not fallback:
        return None
    for cid in choose:
        ex = lib[cid]
        while ex.regression:
            ex = lib[ex.regression]
            if ex.id not in taken and ctx.usable(ex, phase):
                return ex
    return None


def _ease(dose: Dose) -> Dose:
    """Return a lighter dose for an irritable knee: one set fewer, long holds a third shorter."""
    hold = dose.hold_s
    if hold is not None and hold >= 20:
        hold = max(15, round(hold * 2 / 3))
    return replace(dose, sets=max(1, dose.sets - 1), hold_s=hold)


def _fit_days(dose: Dose, days: int) -> Dose:
    """Return the dose with sessions a week capped by the days available."""
    if dose.per_week > 7:  # twice-daily home holds: twice on each available day
        return replace(dose, per_week=min(dose.per_week, 2 * days))
    return replace(dose, per_week=min(dose.per_week, days))


def _prescribe(ctx: _Context, ex: Exercise, dose: Dose | None, role: str, reason: str,
               phase: int) -> Prescription:
    chosen = dose or ex.dose
    if ctx.inputs.irritability == "high" and phase == ctx.inputs.phase:
        chosen = _ease(chosen)
    chosen = _fit_days(chosen, len(ctx.inputs.days_available))
    return Prescription(ex.id, ex.name, role, chosen, reason)


def _why_not(ctx: _Context, ex: Exercise, phase: int) -> str:
    if ex.id in ctx.avoid:
        return "is left out for this condition"
    if not set(ex.equipment) <= ctx.equipment:
        return "needs " + ", ".join(sorted(set(ex.equipment) - ctx.equipment)).replace("_", " ")
    return "was already in this phase" if ex.suits(ctx.inputs.condition, phase) else (
        "is not listed for this condition and phase")


def _slots(ctx: _Context, proto_phase: ProtocolPhase, taken: set[str]) -> list[Prescription]:
    out = []
    n = proto_phase.number
    for slot in proto_phase.slots:
        ex = _pick(ctx, slot.choose, n, taken)
        if ex is None:
            ctx.notes.append(f"Phase {n}: nothing suitable for '{slot.role}' with the equipment "
                             "at hand; ask your clinician for an alternative.")
            continue
        if ex.id != slot.choose[0]:
            first = ctx.library[slot.choose[0]].name
            why = _why_not(ctx, ctx.library[slot.choose[0]], n)
            ctx.notes.append(f"Phase {n}: {ex.name} instead of {first}, which {why}.")
        taken.add(ex.id)
        out.append(_prescribe(ctx, ex, slot.dose, slot.role, "", n))
    return out


def _findings(ctx: _Context, phase: int, taken: set[str]) -> list[Prescription]:
    out = []
    table = load_findings()
    for fid in ctx.inputs.findings:
        finding = table[fid]
        if any(cid in taken for cid in finding.add):
            continue  # the protocol already answers this finding in this phase
        # no easier-version fallback here: it could wander to an exercise for another purpose
        ex = _pick(ctx, finding.add, phase, taken, fallback=False)
        if ex is None:
            continue
        taken.add(ex.id)
        out.append(_prescribe(ctx, ex, None, finding.label, finding.reason, phase))
    return out


# Exercises of one kind share their days, so hard days cluster and rest days stay free:
# springy work every 2-3 days (Malliaras et al. 2015), strength on its own days.
_DAY_OFFSET = {"plyometric": 0, "balance": 0, "strength": 1, "isometric": 1, "running": 2,
               "cross_training": 2, "flexibility": 0}


def _spread(days: Sequence[str], n: int, offset: int) -> tuple[int, ...]:
    """Return indices of `n` of `days` with the widest smallest gap (circular, in weekdays)."""
    if n >= len(days):
        return tuple(range(len(days)))
    pos = [WEEKDAYS.index(d) for d in days]

    def score(pick: tuple[int, ...]) -> tuple[int, int]:
        gaps = [(pos[b] - pos[a]) % 7 or 7 for a, b in zip(pick, pick[1:] + pick[:1], strict=True)]
        return min(gaps), -((pick[0] - offset) % len(days))

    return max(combinations(range(len(days)), n), key=score)


def plan_week(prescriptions: Sequence[Prescription],
              days: Sequence[str]) -> tuple[DayPlan, ...]:
    """Return the week: each exercise's sessions spread as evenly as the available days allow."""
    library = load_library()
    plan: dict[str, list[str]] = {d: [] for d in days}
    for p in prescriptions:
        ex = library.get(p.exercise_id)
        offset = _DAY_OFFSET.get(ex.category, 0) if ex else 0
        for k in _spread(days, min(p.dose.per_week, len(days)), offset):
            plan[days[k]].append(p.exercise_id)
    return tuple(DayPlan(d, tuple(ids)) for d, ids in plan.items())  # type: ignore[arg-type]


def _phase(ctx: _Context, proto_phase: ProtocolPhase) -> Phase:
    taken: set[str] = set()
    prescriptions = _slots(ctx, proto_phase, taken) + _findings(ctx, proto_phase.number, taken)
    return Phase(
        number=proto_phase.number,
        name=proto_phase.name,
        weeks=proto_phase.weeks,
        goal=proto_phase.goal,
        prescriptions=tuple(prescriptions),
        advance_when=proto_phase.advance_when,
        week=plan_week(prescriptions, ctx.inputs.days_available),
        notes=proto_phase.notes,
    )


def _adjustment_notes(ctx: _Context, requested: int, current: int) -> None:
    inputs = ctx.inputs
    if ctx.protocol.id == "general":
        ctx.notes.insert(0, "No condition-specific protocol exists in Stridewell for this "
                            "diagnosis: this is a general knee programme.")
    if requested != current:
        ctx.notes.append(f"Phase {requested} was asked for but this protocol has "
                         f"{len(ctx.protocol.phases)} phases; starting in phase {current}.")
    if inputs.irritability == "high":
        ctx.notes.append("The knee is highly irritable: the current phase has one set fewer and "
                         "shorter holds (Malliaras et al. 2015: irritable tendons need lower "
                         "loads).")
        if current > 1:
            ctx.notes.append("With a highly irritable knee, consider starting from phase 1.")
    ctx.notes.append("Assumed at home: " + ", ".join(HOUSEHOLD) + ".")


def _pain_rule(inputs: ProgrammeInputs) -> PainRule:
    rule = rule_for(inputs.condition)
    if inputs.pain_limit is None:
        return rule
    limit = inputs.pain_limit
    return replace(rule, max_during=limit, progress_at_most=min(rule.progress_at_most, limit),
                   source=f"{rule.source} Limit of {limit}/10 agreed with the clinician.")


def build_programme(inputs: ProgrammeInputs) -> Programme:
    """Return a phased programme for the assessment in `inputs` (condition, phase, findings...)."""
    protocol = protocol_for(inputs.condition)
    cond_note = protocol.conditions.get(inputs.condition)
    ctx = _Context(inputs, protocol, load_library(),
                   frozenset(cond_note.avoid) if cond_note else frozenset())
    current = min(inputs.phase, len(protocol.phases))
    _adjustment_notes(ctx, inputs.phase, current)
    phases = tuple(_phase(ctx, p) for p in protocol.phases)
    safety = load_safety()
    return Programme(
        condition=inputs.condition,
        condition_label=cond_note.name if cond_note else protocol.label,
        protocol_id=protocol.id,
        protocol_name=protocol.name,
        summary=protocol.summary,
        general=protocol.id == "general",
        current_phase=current,
        irritability=inputs.irritability,
        findings=inputs.findings,
        equipment=tuple(inputs.equipment),
        days_available=inputs.days_available,
        phases=phases,
        pain_rule=_pain_rule(inputs),
        evidence=protocol.evidence,
        adjustments=tuple(ctx.notes),
        condition_notes=cond_note.notes if cond_note else (),
        disclaimer=safety.disclaimer,
        red_flags=safety.red_flags,
        education=tuple(load_education()),
        return_to_run_phase=protocol.return_to_run_phase,
        patient_name=inputs.patient_name,
        clinician=inputs.clinician,
        start=inputs.start,
    )


def move_to_phase(programme: Programme, number: int) -> Programme:
    """Return the programme with `number` as its current phase (after its criteria are met)."""
    if not 1 <= number <= len(programme.phases):
        raise ValueError(f"phase must be 1..{len(programme.phases)}, got {number}")
    return replace(programme, current_phase=number)


def exercises_on(programme: Programme, when: date) -> tuple[Prescription, ...]:
    """Return the current phase's exercises scheduled on the weekday of `when` (may be empty)."""
    weekday = WEEKDAYS[when.weekday()]
    phase = programme.phase
    today = next((d.exercise_ids for d in phase.week if d.day == weekday), ())
    return tuple(p for p in phase.prescriptions if p.exercise_id in today)
