"""The clinic's public pages."""

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stridewell.clinic.booking.models import ClassSession, Location, Package, Practitioner, Service
from stridewell.clinic.programmes.presentation import education_links
from stridewell.clinic.web.outcomes import outcomes_headline

CLASSES_SHOWN = 6


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what the clinic offers, where, who works there, and how patients fared."""
    now = timezone.now()
    week = ClassSession.objects.filter(start__gte=now, start__lt=now + timedelta(days=7),
                                       cancelled=False)
    classes = week.select_related("class_type", "location").order_by("start")[:CLASSES_SHOWN]
    return render(request, "web/home.html", {
        "services": Service.objects.filter(active=True, online=True, package_only=False),
        "packages": Package.objects.filter(active=True),
        "locations": Location.objects.filter(active=True),
        "practitioners": Practitioner.objects.filter(active=True).prefetch_related("locations"),
        "classes": classes,
        "education": education_links(),
        "outcomes": outcomes_headline(),
    })
