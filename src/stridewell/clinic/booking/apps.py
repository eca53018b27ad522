from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "stridewell.clinic.booking"
    label = "booking"
    verbose_name = "Booking"
