"""Back-office lists of answer sets and questionnaires: read-only, since history is never rewritten."""

from django.contrib import admin

from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord


class _ReadOnly(admin.ModelAdmin):
    search_fields = ("patient__user__email", "patient__user__last_name")

    def has_add_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(ScreeningRecord)
class ScreeningRecordAdmin(_ReadOnly):
    list_display = ("taken_on", "patient", "kind", "urgency", "top_condition_id", "entered_by")
    list_filter = ("kind", "urgency")


@admin.register(QuestionnaireResponse)
class QuestionnaireResponseAdmin(_ReadOnly):
    list_display = ("taken_on", "patient", "instrument_id", "complete", "entered_by")
    list_filter = ("instrument_id", "complete")
