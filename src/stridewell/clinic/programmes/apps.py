from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "stridewell.clinic.programmes"
    label = "programmes"
    verbose_name = "Exercise programmes"
