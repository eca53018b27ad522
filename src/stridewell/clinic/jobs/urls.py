from django.urls import path

from stridewell.clinic.jobs import views

app_name = "jobs"
urlpatterns = [
    path("jobs/<uuid:pk>/", views.job_status, name="status"),
    path("jobs/<uuid:pk>/status.json", views.job_status_json, name="status_json"),
]
