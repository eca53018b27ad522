"""Template context shared by every page."""

from django.conf import settings


def clinic(request):  # noqa: ANN001, ANN201
    """Return the clinic name and the signed-in user's role flags for the page header."""
    user = request.user
    return {
        "clinic_name": settings.CLINIC_NAME,
        "is_staff_user": user.is_authenticated and (user.is_staff or user.role != "patient"),
    }
