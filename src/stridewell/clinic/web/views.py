"""The clinic's public pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stridewell.clinic.booking.models import Location, Package, Practitioner, Service


def home(request: HttpRequest) -> HttpResponse:
    """The front page: what the clinic offers, where, and who works there."""
    return render(request, "web/home.html", {
        "services": Service.objects.filter(active=True, online=True, package_only=False),
        "packages": Package.objects.filter(active=True),
        "locations": Location.objects.filter(active=True),
        "practitioners": Practitioner.objects.filter(active=True).prefetch_related("locations"),
    })
