from django.urls import path

from stridewell.clinic.patients import views

app_name = "patients"
urlpatterns = [
    path("staff/patients/", views.patient_search, name="search"),
    path("staff/patients/<int:pk>/", views.chart, name="chart"),
]
