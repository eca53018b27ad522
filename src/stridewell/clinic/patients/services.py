"""Patient use cases."""

from __future__ import annotations

from stridewell.clinic.patients.models import Patient


def patient_create_for_user(*, user, phone: str = "") -> Patient:  # noqa: ANN001
    """Return the user's patient record, creating it on first use."""
    patient, created = Patient.objects.get_or_create(user=user, defaults={"phone": phone})
    if not created and phone and not patient.phone:
        patient.phone = phone
        patient.save(update_fields=["phone"])
    return patient
