"""Programme use cases: generate, edit, publish, move phase; log sessions, pain and runs.

The only place that writes programme rows. Rows are turned into the core's objects here
(`stridewell.programme`), and every core error becomes `ProgrammeError` with a plain message.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from django.db import IntegrityError, transaction
from pydantic import TypeAdapter, ValidationError

from stridewell import programme as core
from stridewell.clinic.programmes.models import (
    ExerciseDone,
    Programme,
    ProgrammeVersion,
    RunLog,
    RunPlan,
    SessionLog,
)

RUN_PLAN = TypeAdapter(core.ReturnToRunPlan)


class ProgrammeError(Exception):
    """A request the programme cannot take, with a message for the person who asked."""


class ProgrammeUnreadable(ProgrammeError):
    """A stored programme or plan no longer validates against the core (its format changed)."""


UNREADABLE = ("This programme was saved in a format this version of Stridewell can no longer read. "
              "Its history is kept in the patient's record; build a new programme to carry on.")


def _read(adapter_call, text):  # noqa: ANN001, ANN202
    try:
        return adapter_call(text)
    except (ValidationError, ValueError) as exc:
        raise ProgrammeUnreadable(UNREADABLE) from exc


# ---- reading -----------------------------------------------------------------------------------


def programme_current(patient) -> Programme | None:  # noqa: ANN001
    """Return the patient's newest programme (draft or published), or None."""
    return Programme.objects.filter(patient=patient).first()


def programme_published(patient) -> tuple[Programme, ProgrammeVersion] | None:  # noqa: ANN001
    """Return the newest programme that has been published and its newest version, or None."""
    version = (
        ProgrammeVersion.objects.filter(programme__patient=patient)
        .select_related("programme")
        .order_by("-programme__created_at", "-programme_id", "-number")
        .first()
    )
    return (version.programme, version) if version else None


def latest_version(programme: Programme) -> ProgrammeVersion | None:
    """Return the newest published version of `programme`, or None while it is a draft."""
    return programme.versions.first()


def draft_of(programme: Programme) -> core.Programme:
    """Return the core programme of the clinician's working copy."""
    return _read(core.programme_from_json, programme.draft)


def version_of(version: ProgrammeVersion) -> core.Programme:
    """Return the core programme of a published version."""
    return _read(core.programme_from_json, version.body)


def has_unpublished_changes(programme: Programme) -> bool:
    """Return True when the draft differs from the newest published version (or none exists)."""
    version = latest_version(programme)
    return version is None or version.body != programme.draft


def run_plan_current(programme: Programme) -> RunPlan | None:
    """Return the newest walk-run plan of the programme, or None."""
    return programme.run_plans.first()


def run_plan_of(plan: RunPlan) -> core.ReturnToRunPlan:
    """Return the core walk-run plan as first made (before any runs)."""
    return _read(RUN_PLAN.validate_json, plan.body)


def suggested_condition(patient) -> str | None:  # noqa: ANN001
    """Return the condition of the patient's latest screening when the programme core knows it."""
    try:
        from stridewell.clinic.assessments.selectors import latest_condition_id
    except ImportError:  # the assessments app is optional here: the clinician chooses
        return None
    condition = latest_condition_id(patient)
    return condition if condition in core.CONDITIONS else None


# ---- clinician: generate, edit, publish ------------------------------------------------------


def programme_generate(*, patient, user, inputs: core.ProgrammeInputs) -> Programme:  # noqa: ANN001
    """Return a new programme (a draft) built by the core from the clinician's inputs."""
    built = core.build_programme(inputs)
    return Programme.objects.create(
        patient=patient,
        created_by=user,
        inputs=inputs.model_dump(mode="json"),
        draft=core.programme_to_json(built),
    )


_EDITS = ("remove", "add", "swap", "dose")


@transaction.atomic
def programme_edit(
    *,
    programme: Programme,
    op: str,
    phase: int,
    exercise_id: str,
    new_id: str = "",
    dose: core.Dose | None = None,
) -> Programme:
    """Return the programme with one clinician edit made to its draft (remove, add, swap or dose)."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    current = draft_of(programme)
    library = core.load_library()
    if op not in _EDITS:
        raise ProgrammeError("Unknown change.")
    if not 1 <= phase <= len(current.phases):
        raise ProgrammeError(f"This programme has phases 1 to {len(current.phases)}.")
    ids = [p.exercise_id for p in current.phases[phase - 1].prescriptions]
    if op in ("add", "swap") and new_id not in library:
        raise ProgrammeError("Choose an exercise from the library.")
    if op != "add" and exercise_id not in ids:
        raise ProgrammeError(f"That exercise is not in phase {phase}.")
    if op in ("add", "swap") and new_id in ids:
        raise ProgrammeError(f"{library[new_id].name} is already in phase {phase}.")
    if op == "remove":
        if len(ids) == 1:
            raise ProgrammeError(
                "A phase needs at least one exercise; add another before removing this one."
            )
        changed = core.remove_exercise(current, phase, exercise_id)
    elif op == "add":
        changed = core.add_exercise(current, phase, new_id)
    elif op == "swap":
        changed = core.swap_exercise(current, phase, exercise_id, new_id)
    else:
        if dose is None:
            raise ProgrammeError("Give the new dose.")
        changed = core.set_dose(current, phase, exercise_id, dose)
    programme.draft = core.programme_to_json(changed)
    programme.save(update_fields=["draft", "draft_changed_at"])
    return programme


@transaction.atomic
def programme_discard_changes(*, programme: Programme) -> Programme:
    """Return the programme with its draft reset to the newest published version."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    version = latest_version(programme)
    if version is None:
        raise ProgrammeError("Nothing has been published yet, so there is nothing to go back to.")
    programme.draft = version.body
    programme.save(update_fields=["draft", "draft_changed_at"])
    return programme


@transaction.atomic
def programme_publish(*, programme: Programme, user, note: str = "") -> ProgrammeVersion:  # noqa: ANN001
    """Return the new version made from the draft; earlier versions stay as history."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    last = latest_version(programme)
    if last is not None and last.body == programme.draft:
        raise ProgrammeError(f"Nothing has changed since version {last.number}.")
    number = (last.number if last else 0) + 1
    return ProgrammeVersion.objects.create(
        programme=programme, number=number, body=programme.draft, published_by=user, note=note[:300]
    )


@transaction.atomic
def programme_move_phase(*, programme: Programme, user, phase: int) -> ProgrammeVersion:  # noqa: ANN001
    """Return the version published with `phase` as the current phase (the clinician checked the criteria)."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    current = draft_of(programme)
    if phase == current.current_phase:
        raise ProgrammeError(f"The programme is already in phase {phase}.")
    try:
        moved = core.move_to_phase(current, phase)
    except ValueError:
        raise ProgrammeError(f"This programme has phases 1 to {len(current.phases)}.") from None
    programme.draft = core.programme_to_json(moved)
    programme.save(update_fields=["draft", "draft_changed_at"])
    return programme_publish(programme=programme, user=user, note=f"Moved to phase {phase}.")


# ---- patient: sessions and pain ------------------------------------------------------------------


def _session(programme: Programme, version: ProgrammeVersion, day: date) -> SessionLog:
    session, _ = SessionLog.objects.get_or_create(
        programme=programme, day=day, defaults={"version": version}
    )
    return session


@transaction.atomic
def session_tick(
    *, programme: Programme, version: ProgrammeVersion, day: date, exercise_id: str, done: bool
) -> SessionLog:
    """Return the day's session with `exercise_id` marked done (or not done)."""
    scheduled = {p.exercise_id for p in version_of(version).phase.prescriptions}
    if exercise_id not in scheduled:
        raise ProgrammeError("That exercise is not in your programme.")
    session = _session(programme, version, day)
    if done:
        try:
            with transaction.atomic():
                ExerciseDone.objects.create(session=session, exercise_id=exercise_id)
        except IntegrityError:
            pass  # already ticked (a second tap or another tab)
    else:
        ExerciseDone.objects.filter(session=session, exercise_id=exercise_id).delete()
    return session


@transaction.atomic
def session_pain(
    *,
    programme: Programme,
    version: ProgrammeVersion,
    day: date,
    during: int | None = None,
    next_morning: int | None = None,
) -> SessionLog:
    """Return the session of `day` with its pain during and/or the next morning recorded (NPRS 0-10)."""
    for value in (during, next_morning):
        if value is not None and not 0 <= value <= 10:
            raise ProgrammeError("Pain is a number from 0 (none) to 10 (worst imaginable).")
    if during is None and next_morning is None:
        raise ProgrammeError("Choose a pain score from 0 to 10.")
    if during is None:
        session = (
            SessionLog.objects.select_for_update().filter(programme=programme, day=day).first()
        )
        if session is None or session.pain_during is None:
            raise ProgrammeError("Log the pain during that session first.")
    else:
        session = _session(programme, version, day)
        session = SessionLog.objects.select_for_update().get(pk=session.pk)
        session.pain_during = during
    if next_morning is not None:
        session.pain_next_morning = next_morning
    session.save()
    return session


# ---- return to run ------------------------------------------------------------------------------


def run_plan_create(
    *,
    programme: Programme,
    user,
    readiness: core.Readiness,
    start: date,  # noqa: ANN001
    runs_per_week: int | None = None,
) -> RunPlan:
    """Return a new walk-run plan for the programme, made by the core from the readiness check."""
    condition = draft_of(programme).condition
    plan = core.return_to_run_plan(
        readiness, start=start, condition=condition, runs_per_week=runs_per_week
    )
    return RunPlan.objects.create(
        programme=programme,
        created_by=user,
        readiness=asdict(readiness),
        body=RUN_PLAN.dump_json(plan).decode(),
    )


@transaction.atomic
def run_log(
    *,
    plan: RunPlan,
    day: date,
    level: int,
    during: int | None = None,
    next_morning: int | None = None,
) -> RunLog:
    """Return the run of `day` with its pain during and/or next morning (NPRS 0-10)."""
    for value in (during, next_morning):
        if value is not None and not 0 <= value <= 10:
            raise ProgrammeError("Pain is a number from 0 (none) to 10 (worst imaginable).")
    run = RunLog.objects.select_for_update().filter(plan=plan, day=day).first()
    if run is None:
        if during is None:
            raise ProgrammeError("Log the pain during that run first.")
        return RunLog.objects.create(
            plan=plan, day=day, level=level, pain_during=during, pain_next_morning=next_morning
        )
    if during is not None:
        run.pain_during = during
    if next_morning is not None:
        run.pain_next_morning = next_morning
    run.save()
    return run
