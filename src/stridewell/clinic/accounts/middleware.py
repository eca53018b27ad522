"""Request guards for health data: staff must use two-factor sign-in; signed-in pages are not cached."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

ALWAYS_ALLOWED = ("/accounts/", "/static/", "/favicon.ico")


def staff_needs_mfa(user) -> bool:  # noqa: ANN001
    """Return True when `user` is staff and has not set up a second factor yet."""
    if not (settings.REQUIRE_STAFF_MFA and user.is_authenticated and user.role != "patient"):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user).exists()


class HealthDataMiddleware:
    """Send staff without a second factor to set one up, and mark signed-in pages `no-store`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ALWAYS_ALLOWED) and staff_needs_mfa(request.user):
            return redirect("/accounts/2fa/totp/activate/")
        response = self.get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response
