from django.urls import path

from stridewell.clinic.gaitlab import views

app_name = "gaitlab"
urlpatterns = [
    path("my/gait/", views.my_gait, name="my"),
    path("my/gait/<int:report_id>/", views.my_report, name="my_report"),
    path("my/gait/<int:report_id>/files/<str:name>", views.my_file, name="my_file"),
    path("staff/patients/<int:pk>/gait/", views.staff_upload, name="upload"),
    path("staff/patients/<int:pk>/gait/<int:report_id>/", views.review, name="review"),
    path("staff/patients/<int:pk>/gait/<int:report_id>/unshare/", views.unshare, name="unshare"),
    path("staff/patients/<int:pk>/gait/<int:report_id>/files/<str:name>", views.staff_file, name="file"),
]
