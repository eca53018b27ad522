from django.urls import path

from stridewell.clinic.assessments import views, views_questionnaires, views_staff

app_name = "assessments"
urlpatterns = [
    path("my/intake/", views.intake_start, name="intake"),
    path("my/intake/check/", views.intake_check, name="intake_check"),
    path("my/intake/done/", views.intake_done, name="intake_done"),
    path("my/intake/<slug:slug>/", views.intake_step, name="intake_step"),
    path("my/questionnaires/", views_questionnaires.my_questionnaires, name="my_questionnaires"),
    path(
        "my/questionnaires/<str:instrument_id>/",
        views_questionnaires.my_questionnaire,
        name="questionnaire",
    ),
    path("staff/patients/<int:pk>/assessments/", views_staff.history, name="history"),
    path(
        "staff/patients/<int:pk>/assessments/examination/",
        views_staff.examination,
        name="examination",
    ),
    path(
        "staff/patients/<int:pk>/assessments/answers/<int:record_id>/",
        views_staff.record_detail,
        name="record",
    ),
    path(
        "staff/patients/<int:pk>/assessments/responses/<int:response_id>/",
        views_staff.response_detail,
        name="response",
    ),
    path(
        "staff/patients/<int:pk>/assessments/questionnaires/<str:instrument_id>/",
        views_questionnaires.staff_questionnaire,
        name="staff_questionnaire",
    ),
]
