from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "stridewell.clinic.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from stridewell.clinic.audit.records import export_audit
        from stridewell.clinic.patients.records import register_record

        register_record("access_log", export_audit)
