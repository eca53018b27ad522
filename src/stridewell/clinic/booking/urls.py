from django.urls import path

from stridewell.clinic.booking import views, views_classes, views_staff

app_name = "booking"

urlpatterns = [
    path("book/", views.service_list, name="services"),
    path("book/hold/", views.hold_create, name="hold"),
    path("book/confirm/<str:token>/", views.confirm, name="confirm"),
    path("book/<slug:service>/", views.location_list, name="locations"),
    path("book/<slug:service>/<slug:location>/", views.practitioner_list, name="practitioners"),
    path("book/<slug:service>/<slug:location>/<slug:who>/", views.slot_picker, name="slots"),
    path("my/", views.my_home, name="my"),
    path("my/bookings/<int:pk>/", views.booking_detail, name="detail"),
    path("my/bookings/<int:pk>/calendar.ics", views.booking_ics, name="ics"),
    path("my/bookings/<int:pk>/cancel/", views.booking_cancel, name="cancel"),
    path("my/bookings/<int:pk>/reschedule/", views.booking_reschedule, name="reschedule"),
    path("classes/", views_classes.timetable, name="timetable"),
    path("classes/<int:pk>/book/", views_classes.class_book, name="class_book"),
    path("my/classes/<int:pk>/cancel/", views_classes.class_cancel, name="class_cancel"),
    path("packages/", views_classes.package_list, name="packages"),
    path("packages/<slug:slug>/buy/", views_classes.package_buy, name="package_buy"),
    path("staff/day/", views_staff.day_view, name="day"),
    path("staff/appointments/<int:pk>/mark/", views_staff.mark, name="mark"),
]
