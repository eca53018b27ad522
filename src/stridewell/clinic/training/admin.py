from django.contrib import admin

from stridewell.clinic.training.models import TrainingImport, TrainingPlan


@admin.register(TrainingImport)
class TrainingImportAdmin(admin.ModelAdmin):
    """Read-only back-office list of imports (to answer 'my upload did not work')."""

    list_display = (
        "created_at",
        "patient",
        "file_name",
        "files_seen",
        "files_read",
        "sessions_added",
    )
    readonly_fields = [f.name for f in TrainingImport._meta.fields]

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(TrainingPlan)
class TrainingPlanAdmin(admin.ModelAdmin):
    """Read-only list of attached plans; clinicians make them on the patient's training page."""

    list_display = ("created_at", "patient", "created_by", "start", "step_min", "withdrawn_at")
    readonly_fields = [f.name for f in TrainingPlan._meta.fields]
    exclude = ("plan",)

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False
