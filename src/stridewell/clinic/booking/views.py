"""Online booking pages: service -> location -> practitioner -> day -> time -> sign in -> confirm."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stridewell.clinic.booking import selectors, services
from stridewell.clinic.booking.errors import BookingError
from stridewell.clinic.booking.models import Appointment, Location, Practitioner, Service
from stridewell.clinic.patients.services import patient_create_for_user

DAYS_SHOWN = 14


def _offered_services():
    return Service.objects.filter(active=True, online=True).order_by("order", "name")


def service_list(request: HttpRequest) -> HttpResponse:
    """Step 1: choose a service."""
    return render(request, "booking/service_list.html", {"services": _offered_services(),
                                                         "reschedule": request.GET.get("reschedule")})


def location_list(request: HttpRequest, service: str) -> HttpResponse:
    """Step 2: choose a location where the service is offered."""
    svc = get_object_or_404(_offered_services(), slug=service)
    locations = Location.objects.filter(active=True, practitioners__services=svc,
                                        practitioners__active=True).distinct()
    if len(locations) == 1:
        return redirect("booking:practitioners", service=svc.slug, location=locations[0].slug)
    return render(request, "booking/location_list.html", {"service": svc, "locations": locations})


def practitioner_list(request: HttpRequest, service: str, location: str) -> HttpResponse:
    """Step 3: choose a practitioner or the first available."""
    svc = get_object_or_404(_offered_services(), slug=service)
    loc = get_object_or_404(Location, slug=location, active=True)
    return render(request, "booking/practitioner_list.html", {
        "service": svc, "location": loc, "practitioners": selectors.practitioners_for(svc, loc)})


def _parse_day(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


def slot_picker(request: HttpRequest, service: str, location: str, who: str) -> HttpResponse:
    """Steps 4 and 5: a strip of days with free times, and the free times of the chosen day."""
    svc = get_object_or_404(_offered_services(), slug=service)
    loc = get_object_or_404(Location, slug=location, active=True)
    prac = None if who == "any" else get_object_or_404(Practitioner, slug=who, active=True)
    today = timezone.now().astimezone(loc.zone).date()
    start_day = max(_parse_day(request.GET.get("from"), today), today)
    days = [start_day + timedelta(days=i) for i in range(DAYS_SHOWN)]
    slots = selectors.service_slots(svc, location=loc, practitioner=prac, date_from=days[0], date_to=days[-1])
    by_day: OrderedDict[date, list] = OrderedDict((d, []) for d in days)
    seen: set[tuple[date, datetime]] = set()
    for s in slots:
        local = s.start.astimezone(loc.zone)
        if local.date() in by_day and (local.date(), s.start) not in seen:
            seen.add((local.date(), s.start))
            by_day[local.date()].append({"start": s.start, "local": local})
    chosen = _parse_day(request.GET.get("day"), None) if request.GET.get("day") else None
    if chosen not in by_day:
        chosen = next((d for d, times in by_day.items() if times), days[0])
    return render(request, "booking/slot_picker.html", {
        "service": svc, "location": loc, "practitioner": prac, "who": who,
        "days": [{"date": d, "count": len(t)} for d, t in by_day.items()], "day": chosen,
        "times": by_day.get(chosen, []), "reschedule": request.GET.get("reschedule", ""),
        "prev_from": (start_day - timedelta(days=DAYS_SHOWN)) if start_day > today else None,
        "next_from": start_day + timedelta(days=DAYS_SHOWN),
    })


@require_POST
def hold_create(request: HttpRequest) -> HttpResponse:
    """Hold the chosen time for a few minutes and go to the confirmation step."""
    svc = Service.objects.filter(slug=request.POST.get("service", "")).first()
    loc = Location.objects.filter(slug=request.POST.get("location", "")).first()
    who = request.POST.get("practitioner", "any")
    prac = None if who == "any" else Practitioner.objects.filter(slug=who).first()
    try:
        start = datetime.fromisoformat(request.POST.get("start", ""))
    except ValueError:
        start = None
    if svc is None or loc is None or start is None or start.tzinfo is None or (who != "any" and prac is None):
        messages.error(request, "That booking request was incomplete or altered. Please choose a time again.")
        return redirect("booking:services")
    token = services.new_hold_token()
    try:
        services.appointment_hold(service=svc, location=loc, practitioner=prac, start=start, token=token)
    except BookingError as exc:
        messages.error(request, str(exc))
        back = reverse("booking:slots", args=[svc.slug, loc.slug, who])
        day = start.astimezone(loc.zone).date().isoformat()
        resched = request.POST.get("reschedule", "")
        return redirect(f"{back}?day={day}" + (f"&reschedule={resched}" if resched else ""))
    holds = request.session.get("holds", [])
    request.session["holds"] = ([token] + holds)[:10]
    url = reverse("booking:confirm", args=[token])
    if request.POST.get("reschedule"):
        url += f"?reschedule={request.POST['reschedule']}"
    return redirect(url)


def _own_hold(request: HttpRequest, token: str) -> Appointment:
    if token not in request.session.get("holds", []):
        raise Http404("No such hold")
    appt = services.hold_get(token)
    if appt is None:
        raise Http404("No such hold")
    return appt


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Step 6 and 7: sign in or create an account, then confirm the held time."""
    appt = _own_hold(request, token)
    reschedule_of = _reschedule_target(request)
    if appt.status != Appointment.Status.HELD or (appt.hold_expires_at and appt.hold_expires_at <= timezone.now()):
        messages.error(request, "Your hold on this time has ended. Please choose the time again.")
        return redirect("booking:slots", appt.service.slug, appt.location.slug, appt.practitioner.slug)
    patient = patient_create_for_user(user=request.user) if request.user.is_authenticated else None
    if request.method == "POST" and patient is not None:
        try:
            booked = services.appointment_confirm(token=token, patient=patient,
                                                  notes=request.POST.get("notes", ""),
                                                  reschedule_of=reschedule_of)
        except BookingError as exc:
            services.hold_release(token)
            messages.error(request, str(exc))
            return redirect("booking:services")
        return redirect(reverse("booking:detail", args=[booked.id]) + "?new=1")
    credits = selectors.package_credits(patient, appt.service) if patient else []
    return render(request, "booking/confirm.html", {
        "appt": appt, "token": token, "reschedule_of": reschedule_of, "credits": credits,
        "seconds_left": max(0, int((appt.hold_expires_at - timezone.now()).total_seconds())),
        "next": request.get_full_path(),
    })


def _reschedule_target(request: HttpRequest) -> Appointment | None:
    rid = request.GET.get("reschedule")
    if not rid or not request.user.is_authenticated or not rid.isdigit():
        return None
    return Appointment.objects.filter(pk=int(rid), patient__user=request.user).first()


@login_required
def my_home(request: HttpRequest) -> HttpResponse:
    """The patient's page: upcoming and past appointments, classes and packages."""
    from stridewell.clinic.booking.classes import waitlist_position
    from stridewell.clinic.booking.models import ClassBooking

    patient = patient_create_for_user(user=request.user)
    now = timezone.now()
    appts = Appointment.objects.filter(patient=patient).exclude(status__in=("held", "expired")).select_related(
        "service", "practitioner", "location")
    classes = ClassBooking.objects.filter(patient=patient, session__start__gte=now).select_related(
        "session__class_type", "session__location").order_by("session__start")
    for cb in classes:
        cb.position = waitlist_position(cb)
    packages = patient.packages.select_related("package").prefetch_related("package__items__service")
    from stridewell.clinic.patients.chart import portal_sections

    return render(request, "booking/my_home.html", {
        "sections": portal_sections(request, patient),
        "upcoming": [a for a in appts if a.start >= now and a.status == "booked"],
        "past": sorted([a for a in appts if not (a.start >= now and a.status == "booked")],
                       key=lambda a: a.start, reverse=True)[:20],
        "classes": classes, "packages": packages,
    })


def _my_appointment(request: HttpRequest, pk: int) -> Appointment:
    return get_object_or_404(Appointment.objects.select_related("service", "practitioner", "location"),
                             pk=pk, patient__user=request.user)


@login_required
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One appointment: when, where, with whom; cancel, reschedule, add to calendar."""
    appt = _my_appointment(request, pk)
    now = timezone.now()
    return render(request, "booking/detail.html", {
        "appt": appt, "new": request.GET.get("new") == "1", "can_reschedule": services.can_reschedule(appt, now),
        "late": services.is_late(appt.start, now), "window": selectors.booking_rules()["CANCELLATION_WINDOW_HOURS"],
        "intake": selectors.intake_prompt(appt),
    })


@login_required
def booking_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the appointment as an .ics calendar file."""
    from stridewell.clinic.booking.notifications import appointment_ics

    resp = HttpResponse(appointment_ics(_my_appointment(request, pk)), content_type="text/calendar")
    resp["Content-Disposition"] = f'attachment; filename="appointment-{pk}.ics"'
    return resp


@login_required
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then cancel; inside the window it is recorded as a late cancellation."""
    appt = _my_appointment(request, pk)
    if request.method == "POST":
        try:
            appt = services.appointment_cancel(appointment=appt)
        except BookingError as exc:
            messages.error(request, str(exc))
            return redirect("booking:detail", pk)
        late = appt.status == Appointment.Status.LATE_CANCELLED
        messages.success(request, "Your appointment is cancelled." + (
            " It was inside the cancellation window, so it is recorded as a late cancellation." if late else ""))
        return redirect("booking:my")
    return render(request, "booking/cancel.html", {
        "appt": appt, "late": services.is_late(appt.start, timezone.now()),
        "window": selectors.booking_rules()["CANCELLATION_WINDOW_HOURS"]})


@login_required
def booking_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the patient to the time picker for the same service, to move this appointment."""
    appt = _my_appointment(request, pk)
    if not services.can_reschedule(appt):
        messages.error(request, "This appointment is too close to move online. Please call the clinic.")
        return redirect("booking:detail", pk)
    url = reverse("booking:slots", args=[appt.service.slug, appt.location.slug, appt.practitioner.slug])
    return redirect(f"{url}?reschedule={appt.id}")
