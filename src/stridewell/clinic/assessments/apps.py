from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "stridewell.clinic.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from stridewell.clinic.assessments.chart import render_chart, render_portal
        from stridewell.clinic.assessments.records import erase_assessments, export_assessments
        from stridewell.clinic.patients.chart import (
            Section,
            register_chart_section,
            register_portal_section,
        )
        from stridewell.clinic.patients.records import register_record

        register_record("assessments", export_assessments, erase_assessments)
        register_chart_section(
            Section("assessments", "Assessment and questionnaires", 5, render_chart)
        )
        register_portal_section(
            Section("assessments", "Your knee questionnaires", 5, render_portal)
        )
