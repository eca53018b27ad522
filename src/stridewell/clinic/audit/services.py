"""Record access to clinical records."""

from __future__ import annotations

from django.http import HttpRequest

from stridewell.clinic.audit.models import AuditEvent


def audit(request: HttpRequest, action: str, what: str, *, patient=None, object_id: object = "") -> AuditEvent:  # noqa: ANN001
    """Record that the signed-in user did `action` to a record; returns the event."""
    user = request.user if request.user.is_authenticated else None
    return AuditEvent.objects.create(
        user=user, user_label=(user.email if user else "anonymous"), patient=patient, action=action,
        what=what, object_id=str(object_id), ip=request.META.get("REMOTE_ADDR") or None)
