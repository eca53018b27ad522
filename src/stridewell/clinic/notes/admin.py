from django.contrib import admin

from stridewell.clinic.notes.models import Addendum, VisitNote


class AddendumInline(admin.TabularInline):
    model = Addendum
    extra = 0
    readonly_fields = ("author", "text", "created_at")


@admin.register(VisitNote)
class VisitNoteAdmin(admin.ModelAdmin):
    list_display = ("visit_date", "patient", "author", "signed_at")
    list_filter = ("signed_at",)
    search_fields = ("patient__user__email", "patient__user__last_name")
    raw_id_fields = ("patient", "appointment", "author")
    inlines = [AddendumInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.signed:
            return [f.name for f in VisitNote._meta.fields]
        return ("signed_at",)
