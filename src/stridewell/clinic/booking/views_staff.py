"""Staff pages: a practitioner's day across all locations."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stridewell.clinic.booking import services
from stridewell.clinic.booking.errors import BookingError
from stridewell.clinic.booking.models import Appointment, ClassSession, Practitioner


def _is_staff(user) -> bool:  # noqa: ANN001
    return user.is_authenticated and (user.is_staff or user.role in ("practitioner", "front_desk", "clinic_admin"))


staff_required = user_passes_test(_is_staff)


@staff_required
def day_view(request: HttpRequest) -> HttpResponse:
    """One practitioner's appointments and classes for one day, each shown in its location's time."""
    practitioners = Practitioner.objects.filter(active=True)
    own = getattr(request.user, "practitioner", None)
    prac = practitioners.filter(slug=request.GET.get("practitioner", "")).first() or own or practitioners.first()
    try:
        day = date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        day = timezone.localdate()
    # A day in any of the clinic's zones lies within this UTC window.
    start = datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone()) - timedelta(hours=14)
    end = start + timedelta(hours=24 + 28)
    appts = Appointment.objects.filter(practitioner=prac, start__gte=start, start__lt=end).exclude(
        status__in=("held", "expired")).select_related("service", "location", "patient__user")
    sessions = ClassSession.objects.filter(instructor=prac, start__gte=start, start__lt=end).select_related(
        "class_type", "location")
    rows = [{"kind": "appt", "obj": a, "local": a.local_start} for a in appts if a.local_start.date() == day]
    rows += [{"kind": "class", "obj": s, "local": s.local_start} for s in sessions if s.local_start.date() == day]
    rows.sort(key=lambda r: r["obj"].start)
    return render(request, "booking/day_view.html", {
        "practitioner": prac, "practitioners": practitioners, "day": day, "rows": rows,
        "prev": day - timedelta(days=1), "next": day + timedelta(days=1)})


@staff_required
@require_POST
def mark(request: HttpRequest, pk: int) -> HttpResponse:
    """Record arrival, completion or a no-show (front desk, admins, or the appointment's practitioner)."""
    appt = get_object_or_404(Appointment.objects.select_related("practitioner"), pk=pk)
    user = request.user
    if user.role == "practitioner" and not user.is_superuser and appt.practitioner.user_id != user.id:
        raise Http404("No such appointment")
    try:
        services.appointment_mark(appointment=appt, status=request.POST.get("status", ""))
    except BookingError as exc:
        messages.error(request, str(exc))
    day = appt.local_start.date().isoformat()
    return redirect(f"{reverse('booking:day')}?practitioner={appt.practitioner.slug}&date={day}")
