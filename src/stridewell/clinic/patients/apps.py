from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "stridewell.clinic.patients"
    label = "patients"
    verbose_name = "Patients"
