from django.contrib import admin

from stridewell.clinic.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "user_label", "action", "what", "object_id", "patient", "ip")
    list_filter = ("action", "what")
    search_fields = ("user_label", "patient__user__email", "object_id")
    date_hierarchy = "at"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in AuditEvent._meta.fields]

    # The clinic admin reads the trail (the `rules` permission), superuser or not; nobody edits it.
    def has_module_permission(self, request):
        return request.user.has_perm("audit.view_all")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("audit.view_all")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
