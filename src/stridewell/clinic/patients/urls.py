from django.urls import path

from stridewell.clinic.patients import portal, views

app_name = "patients"
urlpatterns = [
    path("staff/patients/", views.patient_search, name="search"),
    path("staff/patients/<int:pk>/", views.chart, name="chart"),
    path("my/data/export/", portal.my_export, name="my_export"),
    path("my/data/access-log/", portal.my_access_log, name="my_access_log"),
    path("my/data/erase/", portal.my_erasure, name="my_erasure"),
]
