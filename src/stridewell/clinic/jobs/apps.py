from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "stridewell.clinic.jobs"
    label = "jobs"
    verbose_name = "Background jobs and uploads"
