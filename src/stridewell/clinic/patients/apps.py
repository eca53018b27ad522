from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "stridewell.clinic.patients"
    label = "patients"
    verbose_name = "Patients"

    def ready(self) -> None:
        from stridewell.clinic.patients.chart import Section, register_portal_section
        from stridewell.clinic.patients.portal import render_my_data
        from stridewell.clinic.patients.progress import render_progress

        register_portal_section(Section("progress", "My progress", 40, render_progress))
        register_portal_section(Section("my-data", "My uploads and my data", 95, render_my_data))
