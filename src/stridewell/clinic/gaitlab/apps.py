from django.apps import AppConfig


class GaitlabConfig(AppConfig):
    name = "stridewell.clinic.gaitlab"
    label = "gaitlab"
    verbose_name = "Gait analysis"

    def ready(self) -> None:
        from stridewell.clinic.gaitlab.chart import render_chart, render_portal
        from stridewell.clinic.gaitlab.records import erase_gait, export_gait
        from stridewell.clinic.gaitlab.services import JOB_KIND, analysis_job
        from stridewell.clinic.jobs.services import register
        from stridewell.clinic.patients.chart import (
            Section,
            register_chart_section,
            register_portal_section,
        )
        from stridewell.clinic.patients.records import register_record

        register(JOB_KIND, analysis_job)
        register_record("gait_reports", export_gait, erase_gait)
        register_chart_section(Section("gait", "Running gait analysis", 25, render_chart))
        register_portal_section(Section("gait", "Your running videos", 30, render_portal))
