from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "stridewell.clinic.web"
    label = "web"
    verbose_name = "Public site"
