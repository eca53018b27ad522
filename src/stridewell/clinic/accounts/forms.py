"""Extra fields on the sign-up form: a patient's name and phone, needed to book."""

from __future__ import annotations

from django import forms


class SignupExtraForm(forms.Form):
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    phone = forms.CharField(label="Phone (optional)", max_length=30, required=False)

    def signup(self, request, user) -> None:  # noqa: ANN001 - allauth's hook signature
        """Store the name and create the patient record; returns nothing."""
        from stridewell.clinic.patients.services import patient_create_for_user

        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        patient_create_for_user(user=user, phone=self.cleaned_data.get("phone", ""))
