from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "stridewell.clinic.training"
    label = "training"
    verbose_name = "Training load"

    def ready(self) -> None:
        from stridewell.clinic.jobs.services import register
        from stridewell.clinic.patients.chart import (
            Section,
            register_chart_section,
            register_portal_section,
        )
        from stridewell.clinic.patients.records import register_record
        from stridewell.clinic.training.chart import render_chart, render_portal
        from stridewell.clinic.training.records import erase_training, export_training
        from stridewell.clinic.training.services import JOB_KIND, import_job

        register(JOB_KIND, import_job)
        register_record("training", export_training, erase_training)
        register_chart_section(Section("training", "Training load", 22, render_chart))
        register_portal_section(Section("training", "Your training load", 25, render_portal))
