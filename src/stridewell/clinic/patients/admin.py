from django.contrib import admin

from stridewell.clinic.patients.models import ErasureRequest, Patient


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    list_display = ("__str__", "phone", "date_of_birth", "created_at")
    search_fields = ("user__email", "user__first_name", "user__last_name", "phone")
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ("patient", "requested_at", "done_at")
    readonly_fields = ("patient", "requested_at", "reason", "done_at", "outcome")
    actions = ["carry_out"]

    @admin.action(description="Erase these patients' records now (keeps clinical notes inside retention)")
    def carry_out(self, request, queryset):
        from django.utils import timezone

        from stridewell.clinic.patients.records import patient_erase

        for req in queryset.filter(done_at__isnull=True).select_related("patient"):
            counts = patient_erase(req.patient)
            req.done_at = timezone.now()
            req.outcome = ", ".join(f"{k}: {v}" for k, v in counts.items())
            req.save(update_fields=["done_at", "outcome"])
        self.message_user(request, "Erasure carried out.")
