"""The progress page of a background job, and its JSON for polling."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from stridewell.clinic.jobs.models import Job


def _visible_job(request: HttpRequest, pk) -> Job:  # noqa: ANN001
    job = Job.objects.filter(pk=pk).select_related("patient__user").first()
    if job is None:
        raise Http404("No such job")
    user = request.user
    if job.owner_id == user.id or (job.patient and job.patient.user_id == user.id) or user.is_staff:
        return job
    raise Http404("No such job")


@login_required
def job_status(request: HttpRequest, pk) -> HttpResponse:  # noqa: ANN001
    """Show how far a background job has got; the page updates itself until the job ends."""
    return render(request, "jobs/status.html", {"job": _visible_job(request, pk)})


@login_required
def job_status_json(request: HttpRequest, pk) -> JsonResponse:  # noqa: ANN001
    """Return the job's status, progress and outcome for the polling page."""
    job = _visible_job(request, pk)
    return JsonResponse({"status": job.status, "label": job.get_status_display(), "percent": job.percent,
                         "message": job.message, "error": job.error, "url": job.result.get("url", ""),
                         "finished": job.finished})
