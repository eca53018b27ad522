"""The clinic back office: every booking setting is configured here."""

from django.contrib import admin

from stridewell.clinic.booking import models as m


class HoursInline(admin.TabularInline):
    model = m.WorkingHours
    extra = 0


class BreakInline(admin.TabularInline):
    model = m.Break
    extra = 0


class TimeOffInline(admin.TabularInline):
    model = m.TimeOff
    extra = 0


@admin.register(m.Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ("name", "time_zone", "phone", "active")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(m.Practitioner)
class PractitionerAdmin(admin.ModelAdmin):
    list_display = ("name", "title", "active")
    list_filter = ("active", "locations")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("locations",)
    inlines = [HoursInline, BreakInline, TimeOffInline]
    raw_id_fields = ("user",)


@admin.register(m.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "duration_minutes", "buffer_after_minutes", "price", "new_patients_only",
                    "package_only", "online", "active")
    list_editable = ("online", "active")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("practitioners",)


class PackageItemInline(admin.TabularInline):
    model = m.PackageItem
    extra = 1


@admin.register(m.Package)
class PackageAdmin(admin.ModelAdmin):
    list_display = ("name", "price", "valid_days", "active")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PackageItemInline]


@admin.register(m.PackagePurchase)
class PackagePurchaseAdmin(admin.ModelAdmin):
    list_display = ("package", "patient", "purchased_at", "expires_at", "price_paid", "paid")
    list_filter = ("paid", "package")
    list_editable = ("paid",)
    raw_id_fields = ("patient",)


@admin.register(m.Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ("start", "service", "practitioner", "location", "patient", "status")
    list_filter = ("status", "location", "practitioner", "service")
    date_hierarchy = "start"
    search_fields = ("patient__user__email", "patient__user__last_name", "practitioner__name")
    raw_id_fields = ("patient", "package_purchase", "rescheduled_from")
    list_select_related = ("service", "practitioner", "location", "patient__user")


@admin.register(m.ClassType)
class ClassTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "price")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(m.ClassSchedule)
class ClassScheduleAdmin(admin.ModelAdmin):
    list_display = ("class_type", "location", "weekday", "start_time", "duration_minutes", "capacity", "instructor")
    list_filter = ("location", "class_type")


class ClassBookingInline(admin.TabularInline):
    model = m.ClassBooking
    extra = 0
    raw_id_fields = ("patient",)


@admin.register(m.ClassSession)
class ClassSessionAdmin(admin.ModelAdmin):
    list_display = ("start", "class_type", "location", "capacity", "cancelled")
    list_filter = ("location", "class_type", "cancelled")
    date_hierarchy = "start"
    inlines = [ClassBookingInline]
