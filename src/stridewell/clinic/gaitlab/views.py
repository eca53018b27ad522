"""Gait pages: upload a running video, review and share the report, watch it, download the PDF."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stridewell.clinic.audit.services import audit
from stridewell.clinic.gaitlab import presentation, services
from stridewell.clinic.gaitlab.files import file_response
from stridewell.clinic.gaitlab.forms import ReviewForm, UploadForm
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.uploads import UploadRejected
from stridewell.clinic.patients.access import own_patient, patient_for


def _start_upload(request: HttpRequest, patient, form: UploadForm) -> HttpResponse | None:  # noqa: ANN001
    """Store the video and queue its analysis; returns the redirect, or None with the error on the form."""
    try:
        job = services.gait_upload(patient=patient, by=request.user, upload=form.cleaned_data["video"],
                                   view=form.cleaned_data["view"])
    except UploadRejected as exc:
        form.add_error("video", str(exc))
        return None
    audit(request, "create", "gait video", patient=patient, object_id=job.pk)
    return redirect(reverse("jobs:status", args=[job.id]))


def _pending(patient) -> list[Job]:  # noqa: ANN001
    return list(Job.objects.filter(patient=patient, kind=services.JOB_KIND).exclude(
        status=Job.Status.DONE).order_by("-created_at")[:5])


def _page(report: GaitReport, base: str) -> dict[str, object]:
    files = report.file_names()
    annotated = next((n for n in files if n.startswith("annotated")), "")
    original = next((n for n in files if n.startswith("video")), "")
    plots = [(Path(p).name, Path(p).stem.replace("-", " ")) for p in report.plot_files if Path(p).name in files]
    return {"report": report, "rows": presentation.metric_rows(report.result),
            "key_numbers": presentation.key_numbers(report.result),
            "findings": presentation.findings(report.result, report.finding_texts),
            "warnings": presentation.warnings(report.result), "files": files, "base": base + "files/",
            "video_name": annotated or original, "original_name": original if annotated else "", "plots": plots,
            "has_pdf": "report.pdf" in files, "view_words": presentation.view_words(report.result)}


# Patient pages ---------------------------------------------------------------------------------

@login_required
def my_gait(request: HttpRequest) -> HttpResponse:
    """The patient's gait page: their shared reports, uploads under way, and the upload form."""
    patient = own_patient(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        started = _start_upload(request, patient, form)
        if started is not None:
            return started
    reports = GaitReport.objects.filter(patient=patient, status=GaitReport.Status.SHARED)
    waiting = GaitReport.objects.filter(patient=patient, status=GaitReport.Status.DRAFT).count()
    return render(request, "gaitlab/my_gait.html", {
        "form": form, "reports": reports, "waiting": waiting, "pending": _pending(patient),
        "sent": request.GET.get("sent") is not None})


def _my_report(request: HttpRequest, report_id: int) -> GaitReport:
    patient = own_patient(request)
    return get_object_or_404(GaitReport.objects.select_related("patient__user"), pk=report_id, patient=patient,
                             status=GaitReport.Status.SHARED)


@login_required
def my_report(request: HttpRequest, report_id: int) -> HttpResponse:
    """One shared report for the patient: the video, their clinician's words, the numbers, the PDF."""
    report = _my_report(request, report_id)
    audit(request, "view", "gait report", patient=report.patient, object_id=report.pk)
    return render(request, "gaitlab/my_report.html", _page(report, reverse("gaitlab:my_report", args=[report.pk])))


@login_required
def my_file(request: HttpRequest, report_id: int, name: str) -> HttpResponse:
    """A file of a shared report (video, plot, PDF) for the patient."""
    return _send(request, _my_report(request, report_id), name)


# Clinician pages -------------------------------------------------------------------------------

@login_required
def staff_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a patient's running video for analysis (treating clinicians)."""
    patient = patient_for(request, pk, "patients.change_clinical")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        started = _start_upload(request, patient, form)
        if started is not None:
            return started
    if request.method != "POST":
        audit(request, "view", "gait reports", patient=patient, object_id=patient.pk)
    return render(request, "gaitlab/staff_upload.html", {
        "form": form, "patient": patient, "pending": _pending(patient),
        "reports": GaitReport.objects.filter(patient=patient)})


def _staff_report(request: HttpRequest, pk: int, report_id: int, perm: str) -> GaitReport:
    patient = patient_for(request, pk, perm)
    return get_object_or_404(GaitReport.objects.select_related("patient__user", "uploaded_by", "shared_by"),
                             pk=report_id, patient=patient)


@login_required
def review(request: HttpRequest, pk: int, report_id: int) -> HttpResponse:
    """The report beside the video; the treating clinician rewords findings, summarises and shares."""
    perm = "patients.change_clinical" if request.method == "POST" else "patients.view_clinical"
    report = _staff_report(request, pk, report_id, perm)
    can_edit = request.user.has_perm("patients.change_clinical", report.patient)
    page = _page(report, reverse("gaitlab:review", args=[pk, report.pk]))
    form = ReviewForm(request.POST or None, findings=page["findings"], initial={"summary": report.summary})
    if request.method == "POST":
        if form.is_valid():
            services.gait_report_review(report=report, by=request.user, finding_texts=form.finding_texts(),
                                        summary=form.cleaned_data["summary"])
            audit(request, "change", "gait report", patient=report.patient, object_id=report.pk)
            if "share" in request.POST and not report.shared:
                services.gait_report_share(report=report, by=request.user)
                audit(request, "change", "gait report (shared)", patient=report.patient, object_id=report.pk)
                messages.success(request, "Saved and shared: the patient can now see this report.")
            else:
                messages.success(request, "Your changes are saved.")
            return redirect(reverse("gaitlab:review", args=[pk, report.pk]))
        messages.error(request, "Please check the texts marked below.")
    else:
        audit(request, "view", "gait report", patient=report.patient, object_id=report.pk)
    return render(request, "gaitlab/review.html", {**page, "form": form, "patient": report.patient,
                                                   "can_edit": can_edit})


@login_required
def unshare(request: HttpRequest, pk: int, report_id: int) -> HttpResponse:
    """Hide a shared report from the patient again (back to draft)."""
    report = _staff_report(request, pk, report_id, "patients.change_clinical")  # 404 before any other answer
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.gait_report_unshare(report=report, by=request.user)
    except services.ReportLocked as exc:
        messages.error(request, str(exc))
    else:
        audit(request, "change", "gait report (unshared)", patient=report.patient, object_id=report.pk)
        messages.success(request, "The patient no longer sees this report.")
    return redirect(reverse("gaitlab:review", args=[pk, report.pk]))


@login_required
def staff_file(request: HttpRequest, pk: int, report_id: int, name: str) -> HttpResponse:
    """A file of a report (video, annotated video, plot, PDF) for the patient's clinicians."""
    return _send(request, _staff_report(request, pk, report_id, "patients.view_clinical"), name)


def _send(request: HttpRequest, report: GaitReport, name: str) -> HttpResponse:
    relative = report.file_names().get(name)
    if relative is None or not report.path(relative).is_file():
        raise Http404("No such file")
    # A video is fetched in many byte ranges while it plays; record the first request only.
    if request.headers.get("Range", "bytes=0-").replace(" ", "").startswith("bytes=0-"):
        action = "export" if name.endswith(".pdf") else "view"
        audit(request, action, f"gait report file {name}", patient=report.patient, object_id=report.pk)
    if name == "report.pdf":
        day = report.created_at.strftime("%Y-%m-%d")
        return file_response(request, report.path(relative), download_name=f"running-report-{day}.pdf",
                             attachment=request.GET.get("download") == "1")
    return file_response(request, report.path(relative))
