from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "stridewell.clinic.audit"
    label = "audit"
    verbose_name = "Audit trail"
