from django.contrib import admin

from stridewell.clinic.patients.models import Patient


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    list_display = ("__str__", "phone", "date_of_birth", "created_at")
    search_fields = ("user__email", "user__first_name", "user__last_name", "phone")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
