"""Training-load pages: the patient's upload and dashboard; the clinician's dashboard and plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stridewell.clinic.audit.services import audit
from stridewell.clinic.jobs.uploads import UploadRejected
from stridewell.clinic.patients.access import own_patient, patient_for
from stridewell.clinic.training import services
from stridewell.clinic.training.dashboard import plan_weeks, training_dashboard
from stridewell.clinic.training.forms import PlanForm, UploadForm
from stridewell.clinic.training.models import TrainingImport, TrainingPlan


def _start_upload(request: HttpRequest, patient, form: UploadForm) -> HttpResponse | None:  # noqa: ANN001
    """Store the upload and queue its import; returns the redirect, or None with the error on the form."""
    try:
        job = services.training_upload(
            patient=patient, by=request.user, upload=form.cleaned_data["export"]
        )
    except UploadRejected as exc:
        form.add_error("export", str(exc))
        return None
    audit(request, "create", "training upload", patient=patient, object_id=job.pk)
    return redirect(reverse("jobs:status", args=[job.id]))


def _delete_import(request: HttpRequest, patient, back: str) -> HttpResponse | None:  # noqa: ANN001
    """Remove one of the patient's uploads when the form asks for it; returns the redirect, else None."""
    raw = request.POST.get("delete_import", "")
    if request.method != "POST" or not raw:
        return None
    imp = get_object_or_404(TrainingImport, pk=int(raw) if raw.isdigit() else 0, patient=patient)
    removed = services.training_import_delete(imp=imp, by=request.user)
    audit(request, "delete", "training upload", patient=patient, object_id=imp.pk)
    messages.success(request, f"Removed {imp.file_name} and the {removed} session(s) it added.")
    return redirect(back + "#imports")


def _imported(request: HttpRequest) -> int | None:
    raw = request.GET.get("imported", "")
    return int(raw) if raw.isdigit() else None


def _dashboard(request: HttpRequest, patient, back: str, template: str, **extra: object) -> HttpResponse:  # noqa: ANN001
    """Handle a removal or an upload posted to a dashboard, else show the dashboard (audited)."""
    deleted = _delete_import(request, patient, back)
    if deleted is not None:
        return deleted
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        started = _start_upload(request, patient, form)
        if started is not None:
            return started
    audit(request, "view", "training dashboard", patient=patient, object_id=patient.pk)
    context = {"d": training_dashboard(patient), "form": form, "imported": _imported(request),
               "patient": patient, **extra}
    return render(request, template, context)


@login_required
def my_training(request: HttpRequest) -> HttpResponse:
    """The patient's training load: upload a watch export, see warnings, plots, imports and their plan."""
    patient = own_patient(request)
    return _dashboard(request, patient, reverse("training:my"), "training/my_dashboard.html")


@login_required
def staff_training(request: HttpRequest, pk: int) -> HttpResponse:
    """A patient's training-load dashboard for their clinicians; treating clinicians may upload for them."""
    perm = "patients.change_clinical" if request.method == "POST" else "patients.view_clinical"
    patient = patient_for(request, pk, perm)
    return _dashboard(request, patient, reverse("training:staff", args=[patient.pk]),
                      "training/staff_dashboard.html",
                      can_write=request.user.has_perm("patients.change_clinical", patient))


@login_required
def staff_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Work out a progression plan for a goal, preview it week by week, and attach it to the patient."""
    patient = patient_for(request, pk, "patients.change_clinical")
    form = PlanForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        args = {
            "patient": patient,
            "goal": form.goal_value(),
            "start": form.cleaned_data["start"],
            "step_min": form.cleaned_data["step_min"],
        }
        try:
            if "attach" in request.POST:
                plan = services.training_plan_attach(
                    by=request.user, note=form.cleaned_data["note"], **args
                )
                audit(request, "create", "training plan", patient=patient, object_id=plan.pk)
                messages.success(
                    request, "The plan is attached: the patient sees it on their training page."
                )
                return redirect(reverse("training:staff", args=[patient.pk]) + "#plan")
            data = services.training_plan_preview(**args)
            preview = plan_weeks(TrainingPlan(plan=data), form.cleaned_data["start"])
            preview_notes = data["notes"]
        except services.PlanRejected as exc:
            form.add_error(None, str(exc))
    audit(request, "view", "training plan form", patient=patient, object_id=patient.pk)
    return render(
        request,
        "training/plan_form.html",
        {
            "form": form,
            "patient": patient,
            "preview": preview,
            "preview_notes": preview_notes if preview is not None else [],
            "current": TrainingPlan.objects.filter(
                patient=patient, withdrawn_at__isnull=True
            ).first(),
        },
    )


@login_required
def staff_plan_withdraw(request: HttpRequest, pk: int, plan_id: int) -> HttpResponse:
    """Stop showing a plan to the patient."""
    patient = patient_for(request, pk, "patients.change_clinical")
    plan = get_object_or_404(TrainingPlan, pk=plan_id, patient=patient)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.training_plan_withdraw(plan=plan, by=request.user)
    audit(request, "change", "training plan (withdrawn)", patient=patient, object_id=plan.pk)
    messages.success(request, "The plan is withdrawn: the patient no longer sees it.")
    return redirect(reverse("training:staff", args=[patient.pk]) + "#plan")
