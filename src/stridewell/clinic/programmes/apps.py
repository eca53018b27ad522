from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "stridewell.clinic.programmes"
    label = "programmes"
    verbose_name = "Exercise programmes"

    def ready(self) -> None:
        from stridewell.clinic.patients.chart import (
            Section,
            register_chart_section,
            register_portal_section,
        )
        from stridewell.clinic.patients.records import register_record
        from stridewell.clinic.programmes.presentation import render_chart, render_portal
        from stridewell.clinic.programmes.records import erase_programmes, export_programmes

        register_record("exercise_programmes", export_programmes, erase_programmes)
        register_chart_section(Section("programme", "Exercise programme", 20, render_chart))
        register_portal_section(Section("programme", "Your exercises today", 2, render_portal))
