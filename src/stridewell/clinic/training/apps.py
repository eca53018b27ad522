from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "stridewell.clinic.training"
    label = "training"
    verbose_name = "Training load"
