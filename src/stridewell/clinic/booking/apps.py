from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "stridewell.clinic.booking"
    label = "booking"
    verbose_name = "Booking"

    def ready(self) -> None:
        from stridewell.clinic.booking.records import erase_bookings, export_bookings
        from stridewell.clinic.patients.records import register_record

        register_record("bookings", export_bookings, erase_bookings)
        from stridewell.clinic.booking.chart import render_bookings
        from stridewell.clinic.patients.chart import Section, register_chart_section

        register_chart_section(Section("bookings", "Bookings and packages", 90, render_bookings, clinical=False))
