from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "stridewell.clinic.assessments"
    label = "assessments"
    verbose_name = "Assessments"
