"""Who may see and change what: predicates for the `rules` object-permission backend.

Roles: a patient sees only their own record; a practitioner sees the patients they treat (anyone
with an appointment or class with them, or whose record they have opened a clinical item for);
front desk sees bookings but not clinical notes; a clinic admin sees everything.
"""

from __future__ import annotations

import rules


@rules.predicate
def is_clinic_admin(user) -> bool:  # noqa: ANN001
    return bool(user.is_authenticated and (user.is_superuser or user.role == "clinic_admin"))


@rules.predicate
def is_practitioner(user) -> bool:  # noqa: ANN001
    return bool(user.is_authenticated and user.role == "practitioner")


@rules.predicate
def is_front_desk(user) -> bool:  # noqa: ANN001
    return bool(user.is_authenticated and user.role == "front_desk")


@rules.predicate
def is_the_patient(user, patient) -> bool:  # noqa: ANN001
    return bool(user.is_authenticated and patient is not None and patient.user_id == user.id)


@rules.predicate
def treats_patient(user, patient) -> bool:  # noqa: ANN001
    """True when the user is a practitioner with a booking of this patient (any time, any status)."""
    if not (user.is_authenticated and patient is not None and user.role == "practitioner"):
        return False
    from stridewell.clinic.booking.models import Appointment

    prac = getattr(user, "practitioner", None)
    if prac is None:
        return False
    return Appointment.objects.filter(practitioner=prac, patient=patient).exclude(
        status__in=("held", "expired")).exists()


is_staff_member = is_clinic_admin | is_practitioner | is_front_desk

rules.add_perm("patients.view_record", is_the_patient | treats_patient | is_clinic_admin)
rules.add_perm("patients.view_clinical", is_the_patient | treats_patient | is_clinic_admin)
rules.add_perm("patients.change_clinical", treats_patient | is_clinic_admin)
rules.add_perm("patients.view_bookings", is_the_patient | treats_patient | is_clinic_admin | is_front_desk)
rules.add_perm("patients.list", is_staff_member)
rules.add_perm("audit.view_all", is_clinic_admin)
