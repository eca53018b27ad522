"""Start, run and report background jobs.

A feature registers a handler for its job kind (`register("gait_analysis", handler)` in its
AppConfig.ready); the handler takes the Job and a `progress(fraction, message)` callback and returns
a JSON-serialisable result. The worker runs `job_run`, which records progress, success or a
user-facing error message. A handler's JobError message is shown to the user as it is; any other
exception is logged and the user sees a generic apology.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from stridewell.clinic.jobs.models import Job

log = logging.getLogger(__name__)
Handler = Callable[[Job, Callable[[float, str], None]], dict[str, Any]]
_HANDLERS: dict[str, Handler] = {}
MAX_ATTEMPTS = 3


class JobError(Exception):
    """A job that cannot finish for a reason the user can act on; the message is shown to them."""


def register(kind: str, handler: Handler) -> None:
    """Make `handler` run the jobs of `kind`; returns nothing."""
    _HANDLERS[kind] = handler


def job_create(*, kind: str, owner, patient=None, input_path: str = "", input_name: str = "",  # noqa: ANN001
               params: dict[str, Any] | None = None) -> Job:
    """Return a new queued job; it is handed to the worker when the transaction commits."""
    if kind not in _HANDLERS:
        raise ValueError(f"no handler registered for job kind {kind!r}")
    job = Job.objects.create(kind=kind, owner=owner, patient=patient, input_path=input_path,
                             input_name=input_name, params=params or {}, message="Waiting for the worker")
    transaction.on_commit(lambda: run_job_task.enqueue(str(job.id)))
    return job


def _progress_recorder(job: Job) -> Callable[[float, str], None]:
    last = {"at": 0.0}

    def progress(fraction: float, message: str = "") -> None:
        # At most a few writes a second: a 3,000-file import calls this 3,000 times.
        now = timezone.now().timestamp()
        if fraction < 1.0 and now - last["at"] < 0.5:
            return
        last["at"] = now
        Job.objects.filter(pk=job.pk).update(progress=max(0.0, min(1.0, fraction)), message=message[:300],
                                             heartbeat_at=timezone.now())

    return progress


def job_run(job_id: str) -> str:
    """Run one job to the end; returns its final status. Safe to call again for a job left running."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished:
            return job.status if job else "missing"
        if job.attempts >= MAX_ATTEMPTS:
            job.status, job.error = Job.Status.FAILED, "This job was interrupted too many times. Please try again."
            job.finished_at = timezone.now()
            job.save()
            return job.status
        job.status, job.attempts, job.started_at = Job.Status.RUNNING, job.attempts + 1, timezone.now()
        job.heartbeat_at = job.started_at
        job.save(update_fields=["status", "attempts", "started_at", "heartbeat_at"])
    try:
        result = _HANDLERS[job.kind](job, _progress_recorder(job))
    except JobError as exc:
        _finish(job, Job.Status.FAILED, error=str(exc))
    except Exception:
        log.exception("job %s (%s) failed", job.id, job.kind)
        _finish(job, Job.Status.FAILED, error="Something went wrong on our side while processing this file. "
                                             "The clinic has been told; please try again later.")
    else:
        _finish(job, Job.Status.DONE, result=result)
    return Job.objects.get(pk=job.pk).status


def _finish(job: Job, status: str, *, result: dict[str, Any] | None = None, error: str = "") -> None:
    Job.objects.filter(pk=job.pk).update(status=status, result=result or {}, error=error,
                                         progress=1.0 if status == Job.Status.DONE else job.progress,
                                         message="Done" if status == Job.Status.DONE else "Stopped",
                                         finished_at=timezone.now())


def jobs_resume_interrupted(stale_after: timedelta = timedelta(minutes=2)) -> int:
    """Re-queue jobs left 'running' by a worker that died; returns how many.

    A job counts as abandoned when its worker has given no sign of life (progress) for
    `stale_after`, so a job that another live worker is still running is left alone.
    """
    cutoff = timezone.now() - stale_after
    stale = list(Job.objects.filter(status=Job.Status.RUNNING, heartbeat_at__lt=cutoff).values_list("id", flat=True))
    Job.objects.filter(id__in=stale).update(status=Job.Status.QUEUED, message="Restarting after an interruption")
    for job_id in stale:
        run_job_task.enqueue(str(job_id))
    return len(stale)


@task()
def run_job_task(job_id: str) -> str:
    """The worker's entry point for one job; returns its final status."""
    return job_run(job_id)
