from django.apps import AppConfig


class GaitlabConfig(AppConfig):
    name = "stridewell.clinic.gaitlab"
    label = "gaitlab"
    verbose_name = "Gait analysis"
