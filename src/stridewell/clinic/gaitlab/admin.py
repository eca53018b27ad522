from django.contrib import admin

from stridewell.clinic.gaitlab.models import GaitReport


@admin.register(GaitReport)
class GaitReportAdmin(admin.ModelAdmin):
    """Read-only back-office list; reports are reviewed and shared on the clinician's pages."""

    list_display = ("created_at", "patient", "uploaded_by", "view", "status", "shared_at")
    list_filter = ("status", "view")
    readonly_fields = [f.name for f in GaitReport._meta.fields]
    exclude = ("result",)

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False
