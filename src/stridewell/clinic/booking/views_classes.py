"""Class timetable, class booking with waitlist, and packages."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from stridewell.clinic.booking import classes, services
from stridewell.clinic.booking.errors import BookingError
from stridewell.clinic.booking.models import ClassBooking, ClassSession, Location, Package
from stridewell.clinic.patients.services import patient_create_for_user


def timetable(request: HttpRequest) -> HttpResponse:
    """The class timetable for the next two weeks, with places left and waitlist length."""
    now = timezone.now()
    loc = Location.objects.filter(slug=request.GET.get("location", ""), active=True).first()
    sessions = list(classes.sessions_with_counts(start=now, end=now + timedelta(days=14), location=loc))
    mine: dict[int, ClassBooking] = {}
    if request.user.is_authenticated:
        mine = {cb.session_id: cb for cb in ClassBooking.objects.filter(
            patient__user=request.user, session__in=sessions, status__in=("confirmed", "waitlisted"))}
    for s in sessions:
        s.left = max(0, s.capacity - s.taken)
        s.mine = mine.get(s.id)
    return render(request, "booking/timetable.html", {
        "sessions": sessions, "locations": Location.objects.filter(active=True), "location": loc})


@login_required
@require_POST
def class_book(request: HttpRequest, pk: int) -> HttpResponse:
    """Book a place, or join the waitlist when the class is full."""
    session = get_object_or_404(ClassSession, pk=pk)
    patient = patient_create_for_user(user=request.user)
    try:
        cb = classes.class_book(session=session, patient=patient)
    except BookingError as exc:
        messages.error(request, str(exc))
        return redirect("booking:timetable")
    if cb.status == ClassBooking.Status.CONFIRMED:
        messages.success(request, f"You have a place in {session.class_type.name}.")
    else:
        messages.info(request, f"{session.class_type.name} is full. You are number "
                               f"{classes.waitlist_position(cb)} on the waitlist; we will e-mail you if a place opens.")
    return redirect("booking:timetable")


@login_required
@require_POST
def class_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Give up a class place or leave the waitlist."""
    cb = get_object_or_404(ClassBooking, pk=pk, patient__user=request.user)
    try:
        cb, _ = classes.class_cancel(booking=cb)
    except BookingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Your class booking is cancelled." + (
            " It was close to the start, so it is recorded as a late cancellation."
            if cb.status == ClassBooking.Status.LATE_CANCELLED else ""))
    return redirect(request.POST.get("next") or "booking:my")


def package_list(request: HttpRequest) -> HttpResponse:
    """Packages on sale, with what each includes."""
    packages = Package.objects.filter(active=True).prefetch_related("items__service")
    return render(request, "booking/package_list.html", {"packages": packages})


@login_required
def package_buy(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirm and record the purchase of a package; payment is taken at the clinic."""
    package = get_object_or_404(Package.objects.prefetch_related("items__service"), slug=slug, active=True)
    if request.method == "POST":
        patient = patient_create_for_user(user=request.user)
        try:
            services.package_purchase_create(patient=patient, package=package)
        except BookingError as exc:
            messages.error(request, str(exc))
            return redirect("booking:packages")
        messages.success(request, f"You bought the {package.name}. Book its first appointment below.")
        first = package.items.order_by("-service__duration_minutes").first()
        return redirect("booking:locations", service=first.service.slug) if first else redirect("booking:my")
    return render(request, "booking/package_buy.html", {"package": package})
