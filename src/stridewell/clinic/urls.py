from django.contrib import admin
from django.urls import include, path

from stridewell.clinic.web import views as web

admin.site.site_header = "Stridewell clinic admin"
admin.site.site_title = "Stridewell admin"

urlpatterns = [
    path("", web.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("stridewell.clinic.booking.urls")),
    path("", include("stridewell.clinic.jobs.urls")),
    path("", include("stridewell.clinic.patients.urls")),
    path("", include("stridewell.clinic.notes.urls")),
    path("", include("stridewell.clinic.assessments.urls")),
    path("", include("stridewell.clinic.programmes.urls")),
    path("", include("stridewell.clinic.training.urls")),
    path("", include("stridewell.clinic.gaitlab.urls")),
]
