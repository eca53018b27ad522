"""The access log of a patient's own record, in their export (never erased: it is the clinic's log)."""

from __future__ import annotations

from stridewell.clinic.audit.models import AuditEvent


def export_audit(patient):  # noqa: ANN001, ANN201
    """Return who viewed or changed the patient's record, and when."""
    return [{"at": e.at, "who": e.user_label, "action": e.action, "what": e.what}
            for e in AuditEvent.objects.filter(patient=patient)], []
