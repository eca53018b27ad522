from django.contrib import admin

from stridewell.clinic.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "owner", "patient", "status", "progress", "attempts")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in Job._meta.fields]
