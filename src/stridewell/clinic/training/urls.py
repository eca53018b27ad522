from django.urls import path

from stridewell.clinic.training import views

app_name = "training"
urlpatterns = [
    path("my/training/", views.my_training, name="my"),
    path("staff/patients/<int:pk>/training/", views.staff_training, name="staff"),
    path("staff/patients/<int:pk>/training/plan/", views.staff_plan, name="plan"),
    path(
        "staff/patients/<int:pk>/training/plan/<int:plan_id>/withdraw/",
        views.staff_plan_withdraw,
        name="plan_withdraw",
    ),
]
