"""Booking domain: locations, practitioners and their hours, services, packages, appointments, classes.

Instants are stored in UTC; working hours are local wall-clock times at a location with an IANA
time zone, expanded per local date (see availability.py).
"""

from __future__ import annotations

import zoneinfo
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

WEEKDAYS = [(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"),
            (5, "Saturday"), (6, "Sunday")]


def validate_time_zone(value: str) -> None:
    """Raise ValidationError unless `value` is an IANA time zone name."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"'{value}' is not a time zone name such as Europe/London.") from exc


class Location(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    address = models.TextField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone],
                                 help_text="IANA name, e.g. Europe/London")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """Return the location's time zone."""
        return zoneinfo.ZoneInfo(self.time_zone)


class Practitioner(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="practitioner")
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120, blank=True, help_text="e.g. Sports physiotherapist")
    bio = models.TextField(blank=True)
    locations = models.ManyToManyField(Location, related_name="practitioners", blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WorkingHours(models.Model):
    """A weekly shift: local wall-clock start and end at one location."""

    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE, related_name="hours")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    start = models.TimeField()
    end = models.TimeField()

    class Meta:
        ordering = ["practitioner", "weekday", "start"]
        verbose_name_plural = "working hours"
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="hours_end_after_start")]

    def __str__(self) -> str:
        return f"{self.practitioner} {self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M} @ {self.location}"


class Break(models.Model):
    """A weekly break inside working hours (local wall-clock), e.g. lunch."""

    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE, related_name="breaks")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    start = models.TimeField()
    end = models.TimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="break_end_after_start")]

    def __str__(self) -> str:
        return f"{self.practitioner} break {self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M}"


class TimeOff(models.Model):
    practitioner = models.ForeignKey(Practitioner, on_delete=models.CASCADE, related_name="time_off")
    start = models.DateTimeField()
    end = models.DateTimeField()
    reason = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name_plural = "time off"
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="timeoff_end_after_start")]

    def __str__(self) -> str:
        return f"{self.practitioner} off {self.start:%Y-%m-%d %H:%M} - {self.end:%Y-%m-%d %H:%M}"


class Service(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    duration_minutes = models.PositiveIntegerField()
    buffer_after_minutes = models.PositiveIntegerField(default=0, help_text="Blocked after the appointment for notes and cleaning.")
    price = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    practitioners = models.ManyToManyField(Practitioner, related_name="services", blank=True)
    new_patients_only = models.BooleanField(default=False)
    package_only = models.BooleanField(default=False, help_text="Bookable only with a package credit.")
    online = models.BooleanField(default=True, help_text="Offered in online booking.")
    active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def duration(self) -> timedelta:
        """Return the appointment length."""
        return timedelta(minutes=self.duration_minutes)

    @property
    def blocked(self) -> timedelta:
        """Return the time the practitioner is blocked: the appointment plus its buffer."""
        return timedelta(minutes=self.duration_minutes + self.buffer_after_minutes)


class Package(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    valid_days = models.PositiveIntegerField(default=180, help_text="Credits expire this many days after purchase.")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PackageItem(models.Model):
    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="items")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["package", "service"], name="one_item_per_service")]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.service}"


class PackagePurchase(models.Model):
    """A package bought once by one patient; credits are drawn down by appointments."""

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="packages")
    package = models.ForeignKey(Package, on_delete=models.PROTECT, related_name="purchases")
    purchased_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    price_paid = models.DecimalField(max_digits=8, decimal_places=2)
    paid = models.BooleanField(default=False, help_text="Ticked by the front desk when payment is taken.")

    class Meta:
        ordering = ["-purchased_at"]

    def __str__(self) -> str:
        return f"{self.package} for {self.patient}"


class Appointment(models.Model):
    class Status(models.TextChoices):
        HELD = "held", "Held (being booked)"
        BOOKED = "booked", "Booked"
        ARRIVED = "arrived", "Arrived"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"
        LATE_CANCELLED = "late_cancelled", "Cancelled late"
        NO_SHOW = "no_show", "Did not attend"
        EXPIRED = "expired", "Hold expired"

    # Statuses that occupy the practitioner's time (the exclusion constraint's condition).
    BLOCKING = ("held", "booked", "arrived", "completed")
    # Statuses that use up a package credit (an in-policy cancellation gives it back).
    CONSUMING = ("booked", "arrived", "completed", "late_cancelled", "no_show")

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="appointments")
    practitioner = models.ForeignKey(Practitioner, on_delete=models.PROTECT, related_name="appointments")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="appointments")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="appointments")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    blocked_until = models.DateTimeField(help_text="End plus the service's buffer.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED, db_index=True)
    hold_token = models.CharField(max_length=64, blank=True, db_index=True)
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    package_purchase = models.ForeignKey(PackagePurchase, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="appointments")
    price = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    notes_for_practitioner = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    booked_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    rescheduled_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    ics_sequence = models.PositiveIntegerField(default=0)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["practitioner", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="appt_end_after_start"),
            models.CheckConstraint(condition=Q(blocked_until__gte=F("end")), name="appt_block_covers_end"),
            models.CheckConstraint(condition=Q(status__in=["held", "expired"]) | Q(patient__isnull=False),
                                   name="appt_patient_unless_held"),
        ]

    def __str__(self) -> str:
        return f"{self.service} with {self.practitioner} at {self.start:%Y-%m-%d %H:%M} UTC"

    @property
    def local_start(self):  # noqa: ANN201
        """Return the start in the location's time zone."""
        return self.start.astimezone(self.location.zone)

    @property
    def local_end(self):  # noqa: ANN201
        """Return the end in the location's time zone."""
        return self.end.astimezone(self.location.zone)

    @property
    def is_upcoming(self) -> bool:
        """Return True for a booked appointment that has not started."""
        return self.status == self.Status.BOOKED and self.start > timezone.now()


class ClassType(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClassSchedule(models.Model):
    """A weekly timetable entry; occurrences are generated ahead as ClassSessions."""

    class_type = models.ForeignKey(ClassType, on_delete=models.CASCADE, related_name="schedules")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="class_schedules")
    instructor = models.ForeignKey(Practitioner, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="class_schedules")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    start_time = models.TimeField()
    duration_minutes = models.PositiveIntegerField(default=60)
    capacity = models.PositiveIntegerField(default=10)
    room = models.CharField(max_length=60, blank=True)
    valid_from = models.DateField(default=timezone.localdate)
    valid_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["weekday", "start_time"]

    def __str__(self) -> str:
        return f"{self.class_type} {self.get_weekday_display()} {self.start_time:%H:%M} @ {self.location}"


class ClassSession(models.Model):
    schedule = models.ForeignKey(ClassSchedule, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions")
    class_type = models.ForeignKey(ClassType, on_delete=models.PROTECT, related_name="sessions")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="class_sessions")
    instructor = models.ForeignKey(Practitioner, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="class_sessions")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    capacity = models.PositiveIntegerField()
    room = models.CharField(max_length=60, blank=True)
    cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "start"], name="one_session_per_schedule_start"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="class_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.class_type} {self.start:%Y-%m-%d %H:%M} UTC @ {self.location}"

    @property
    def local_start(self):  # noqa: ANN201
        """Return the start in the location's time zone."""
        return self.start.astimezone(self.location.zone)


class ClassBooking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        WAITLISTED = "waitlisted", "On the waitlist"
        CANCELLED = "cancelled", "Cancelled"
        LATE_CANCELLED = "late_cancelled", "Cancelled late"
        NO_SHOW = "no_show", "Did not attend"
        ATTENDED = "attended", "Attended"

    # Statuses that hold a place in the room.
    OCCUPYING = ("confirmed", "attended", "no_show")

    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="bookings")
    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="class_bookings")
    status = models.CharField(max_length=20, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "patient"],
                                    condition=Q(status__in=["confirmed", "waitlisted", "attended", "no_show"]),
                                    name="one_active_class_booking_per_patient"),
        ]

    def __str__(self) -> str:
        return f"{self.patient} in {self.session} ({self.status})"
