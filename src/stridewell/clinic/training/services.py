"""Training-load use cases: upload a watch export, import it in the background, attach a plan.

The load core does the reading and the science; this module turns its frozen dataclasses into rows
and back, and is the only place in the app that writes more than one row.
"""

from __future__ import annotations

import os
import struct
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename

from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.services import JobError, job_create
from stridewell.clinic.jobs.uploads import ACTIVITY, UploadRejected, store_upload
from stridewell.clinic.training.models import (
    TrainingFile,
    TrainingImport,
    TrainingPlan,
    TrainingSession,
)
from stridewell.load import (
    Goal,
    LoadError,
    Plan,
    Progress,
    Session,
    import_paths,
    plan_from_history,
)

JOB_KIND = "training_import"
UPLOAD_FOLDER = "training/uploads"
# A zip bomb is refused before the worker opens it: the core reads each member into memory.
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 8 * 1024 * 1024 * 1024
MAX_MEMBERS = 100_000
MAX_NOTE = 3000


class PlanRejected(Exception):
    """A plan that cannot be made from this goal and history; the message says why."""


def _check_archive(path: Path, name: str) -> None:
    """Raise UploadRejected when a zip or gzip would unpack to more than the worker should hold."""
    if path.suffix == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise UploadRejected(
                f"“{name}” is not a readable zip archive ({exc}). Please export it again."
            ) from exc
        if len(infos) > MAX_MEMBERS:
            raise UploadRejected(f"“{name}” holds {len(infos)} files; the limit is {MAX_MEMBERS}.")
        big = next((i for i in infos if i.file_size > MAX_MEMBER_BYTES), None)
        if big is not None or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise UploadRejected(
                f"“{name}” unpacks to far more than a watch export holds. "
                "Please send the activity files themselves."
            )
    elif path.suffix == ".gz":
        with open(path, "rb") as fh:
            fh.seek(-4, os.SEEK_END)
            unpacked = struct.unpack("<I", fh.read(4))[0]  # ISIZE: the unpacked size mod 2^32
        if unpacked > MAX_MEMBER_BYTES or path.stat().st_size > MAX_MEMBER_BYTES:
            raise UploadRejected(f"“{name}” unpacks to more than one activity file can hold.")


def training_upload(*, patient, by, upload) -> Job:  # noqa: ANN001
    """Store an uploaded export or activity file and queue its import; returns the job.

    Raises UploadRejected (name, size, content or archive size wrong) before anything is kept.
    """
    path = store_upload(upload, ACTIVITY, UPLOAD_FOLDER)
    name = Path(upload.name or "upload").name[:255]
    try:
        _check_archive(path, name)
        return job_create(
            kind=JOB_KIND, owner=by, patient=patient, input_path=str(path), input_name=name
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def result_url(imp: TrainingImport, owner_id: int | None) -> str:
    """Return the dashboard to show when an import ends: the patient's own for a patient upload."""
    if owner_id is not None and owner_id == imp.patient.user_id:
        return reverse("training:my") + f"?imported={imp.pk}#imports"
    return reverse("training:staff", args=[imp.patient_id]) + f"?imported={imp.pk}#imports"


def session_from_row(row: TrainingSession) -> Session:
    """Return the core Session of a stored row."""
    return Session(
        sport=row.sport,
        start=row.start,
        elapsed_s=row.elapsed_s,
        moving_s=row.moving_s,
        distance_m=row.distance_m,
        ascent_m=row.ascent_m,
        avg_hr=row.avg_hr,
        max_hr=row.max_hr,
        cadence_spm=row.cadence_spm,
        rpe=row.rpe,
        sub_sport=row.sub_sport or None,
        utc_offset_min=row.utc_offset_min,
        source=row.source,
        content_hash=row.content_hash,
        index=row.index,
        device=row.device or None,
        notes=tuple(row.notes or ()),
    )


def _row_from_session(s: Session, patient, imp: TrainingImport, prefix: str) -> TrainingSession:  # noqa: ANN001
    return TrainingSession(
        patient=patient,
        source_import=imp,
        sport=s.sport[:60],
        sub_sport=(s.sub_sport or "")[:60],
        start=s.start,
        utc_offset_min=s.utc_offset_min,
        elapsed_s=s.elapsed_s,
        moving_s=s.moving_s,
        distance_m=s.distance_m,
        ascent_m=s.ascent_m,
        avg_hr=s.avg_hr,
        max_hr=s.max_hr,
        cadence_spm=s.cadence_spm,
        rpe=s.rpe,
        device=(s.device or "")[:120],
        source=_shown(s.source, prefix)[:500],
        content_hash=s.content_hash,
        index=s.index,
        notes=list(s.notes),
    )


def training_history(patient) -> list[Session]:  # noqa: ANN001
    """Return the patient's stored sessions as core Sessions, oldest first."""
    return [
        session_from_row(r)
        for r in TrainingSession.objects.filter(patient=patient).order_by("start", "id")
    ]


def _shown(source: str, prefix: str) -> str:
    """Return a source as the patient knows it: 'export.zip › folder/run.fit', not our private path."""
    return source.removeprefix(prefix).replace("!", " › ")


def _known_hashes(patient) -> set[str]:  # noqa: ANN001
    # A file that could not be read is read again (a fixed reader may understand it); one that holds no
    # workout (settings, monitoring: most of a Garmin export) is not.
    rows = TrainingFile.objects.filter(patient=patient).values_list("content_hash", "outcome")
    return {h for h, o in rows if not o.startswith("rejected") or "holds no activity" in o}


def import_job(job: Job, progress: Callable[[float, str], None]) -> dict[str, Any]:
    """Read the job's upload into the patient's history; returns {"url", "import_id", counts}.

    Safe to run again: an import already saved for the job is returned as it is; an interrupted one
    saved nothing (one transaction) and starts over. The uploaded file is deleted once its sessions
    are saved: the history keeps totals, not GPS tracks.
    """
    existing = TrainingImport.objects.filter(job=job).select_related("patient").first()
    if existing is not None:
        _drop_upload(job)
        return _result(existing, job)
    upload = Path(job.input_path)
    if not job.input_path or not upload.is_file():
        raise JobError("The uploaded file is no longer here. Please upload it again.")
    progress(0.02, "Opening the upload")
    with tempfile.TemporaryDirectory(prefix="training-") as work:
        # The core tells formats apart by the file name: give it the name the patient chose.
        name = get_valid_filename(job.input_name or "upload") or "upload"
        if not name.lower().endswith(upload.suffix):
            name += upload.suffix
        link = Path(work) / name
        os.symlink(upload, link)
        imp = _import(
            patient=job.patient,
            by=job.owner,
            paths=[link],
            name=job.input_name,
            job=job,
            prefix=work + "/",
            progress=progress,
        )
    _drop_upload(job)
    return _result(imp, job)


def training_import_files(*, patient, by, folder: Path, name: str) -> TrainingImport:  # noqa: ANN001
    """Import every activity file under `folder` at once, without a job (demo data, the shell); returns it."""
    return _import(
        patient=patient,
        by=by,
        paths=[folder],
        name=name,
        job=None,
        prefix=str(folder) + "/",
        progress=lambda f, m: None,
    )


def _import(
    *,
    patient,
    by,
    paths: list[Path],
    name: str,
    job: Job | None,
    prefix: str,  # noqa: ANN001
    progress: Callable[[float, str], None],
) -> TrainingImport:
    def step(p: Progress) -> None:
        shown = _shown(p.source, prefix)
        progress(
            0.03 + 0.87 * p.done / max(p.total, 1),
            f"Read {p.done} of {p.total} files: {shown}"[:300],
        )

    result = import_paths(
        paths,
        known_hashes=_known_hashes(patient),
        existing=training_history(patient),
        progress=step,
    )
    progress(0.92, f"Saving {len(result.sessions)} new session(s)")
    return _save_import(patient=patient, by=by, name=name, job=job, result=result, prefix=prefix)


def _save_import(*, patient, by, name: str, job: Job | None, result, prefix: str) -> TrainingImport:  # noqa: ANN001
    problems = [
        {"source": _shown(p.source, prefix), "kind": p.kind, "reason": p.reason}
        for p in result.problems
        if p.kind != "known"
    ]
    with transaction.atomic():
        imp = TrainingImport.objects.create(
            patient=patient,
            uploaded_by=by,
            job=job,
            file_name=name[:255] or "upload",
            files_seen=result.files_seen,
            files_read=result.files_parsed,
            files_known=sum(1 for p in result.problems if p.kind == "known"),
            sessions_added=len(result.sessions),
            problems=problems,
        )
        TrainingSession.objects.bulk_create(
            [_row_from_session(s, patient, imp, prefix) for s in result.sessions],
            ignore_conflicts=True,
            batch_size=500,
        )
        TrainingFile.objects.filter(
            patient=patient, content_hash__in=list(result.new_hashes)
        ).delete()
        TrainingFile.objects.bulk_create(
            [
                TrainingFile(patient=patient, content_hash=h, outcome=o[:300], source_import=imp)
                for h, o in result.new_hashes.items()
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
    return imp


def _drop_upload(job: Job) -> None:
    if job.input_path:
        Path(job.input_path).unlink(missing_ok=True)
        Job.objects.filter(pk=job.pk).update(input_path="")


def _result(imp: TrainingImport, job: Job) -> dict[str, Any]:
    return {
        "url": result_url(imp, job.owner_id),
        "import_id": imp.pk,
        "sessions_added": imp.sessions_added,
        "problems": len(imp.problems),
    }


def _plan_json(plan: Plan) -> dict[str, Any]:
    data = asdict(plan)
    for week in data["weeks"]:
        week["start"] = week["start"].isoformat()
        for day in week["days"]:
            day["day"] = day["day"].isoformat()
    data["notes"] = list(plan.notes)
    return data


def training_plan_preview(*, patient, goal: Goal, start: date, step_min: float) -> dict[str, Any]:  # noqa: ANN001
    """Return the plan (as stored JSON) that the goal gives from the patient's history; raises PlanRejected."""
    if goal.weekly_min is None and goal.weekly_km is None and goal.race_date is None:
        raise PlanRejected("Give a goal: weekly minutes, weekly kilometres or a race date.")
    try:
        return _plan_json(
            plan_from_history(training_history(patient), goal, start=start, step_min=step_min)
        )
    except LoadError as exc:
        raise PlanRejected(str(exc).capitalize() + ".") from exc


def training_plan_attach(
    *, patient, by, goal: Goal, start: date, step_min: float, note: str = ""
) -> TrainingPlan:  # noqa: ANN001
    """Attach a progression plan to the patient (withdrawing the one before); returns it."""
    data = training_plan_preview(patient=patient, goal=goal, start=start, step_min=step_min)
    with transaction.atomic():
        TrainingPlan.objects.filter(patient=patient, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now()
        )
        return TrainingPlan.objects.create(
            patient=patient,
            created_by=by,
            goal_weekly_min=goal.weekly_min,
            goal_weekly_km=goal.weekly_km,
            race_date=goal.race_date,
            step_min=step_min,
            start=date.fromisoformat(data["weeks"][0]["start"]),
            plan=data,
            note=note.strip()[:MAX_NOTE],
        )


def training_import_delete(*, imp: TrainingImport, by) -> int:  # noqa: ANN001, ARG001
    """Remove an upload and the sessions it added (someone else's watch, a mistake); returns sessions removed.

    Its files are forgotten too, so sending them again imports them again.
    """
    with transaction.atomic():
        removed = TrainingSession.objects.filter(source_import=imp).delete()[0]
        TrainingFile.objects.filter(source_import=imp).delete()
        imp.delete()
    return removed


def training_plan_withdraw(*, plan: TrainingPlan, by) -> TrainingPlan:  # noqa: ANN001, ARG001
    """Stop showing a plan to the patient; returns it."""
    if plan.withdrawn_at is None:
        plan.withdrawn_at = timezone.now()
        plan.save(update_fields=["withdrawn_at"])
    return plan


def training_erase(patient, cutoff) -> int:  # noqa: ANN001
    """Delete the patient's sessions, files and imports, and plans made before `cutoff`; returns rows removed.

    Sessions are the patient's own watch data, not clinical notes, so they go at once; a plan is a
    clinician's prescription and is kept for the retention period like other clinical records.
    """
    with transaction.atomic():
        n = TrainingSession.objects.filter(patient=patient).delete()[0]
        n += TrainingFile.objects.filter(patient=patient).delete()[0]
        n += TrainingImport.objects.filter(patient=patient).delete()[0]
        n += TrainingPlan.objects.filter(patient=patient, created_at__lt=cutoff).delete()[0]
    return n
