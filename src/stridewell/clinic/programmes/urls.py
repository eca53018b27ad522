from django.urls import path

from stridewell.clinic.programmes import views_patient as mine
from stridewell.clinic.programmes import views_public as learn
from stridewell.clinic.programmes import views_staff as staff

app_name = "programmes"
urlpatterns = [
    path("learn/", learn.learn_index, name="learn"),
    path("learn/<slug:slug>/", learn.learn_page, name="learn_page"),
    path("my/programme/", mine.my_programme, name="my"),
    path("my/programme/tick/", mine.my_tick, name="my_tick"),
    path("my/programme/pain/", mine.my_pain, name="my_pain"),
    path("my/programme/run/", mine.my_run, name="my_run"),
    path("my/programme/handout/", mine.my_handout, name="my_handout"),
    path("my/programme/handout.pdf", mine.my_handout, {"fmt": "pdf"}, name="my_handout_pdf"),
    path("staff/patients/<int:pk>/programme/", staff.programme_page, name="staff"),
    path("staff/patients/<int:pk>/programme/new/", staff.programme_generate, name="generate"),
    path("staff/patients/<int:pk>/programme/edit/", staff.programme_edit, name="edit"),
    path(
        "staff/patients/<int:pk>/programme/phase/<int:phase>/<slug:exercise_id>/",
        staff.exercise_dose,
        name="exercise",
    ),
    path("staff/patients/<int:pk>/programme/publish/", staff.programme_publish, name="publish"),
    path("staff/patients/<int:pk>/programme/discard/", staff.programme_discard, name="discard"),
    path("staff/patients/<int:pk>/programme/move-phase/", staff.programme_phase, name="move_phase"),
    path("staff/patients/<int:pk>/programme/run-plan/", staff.run_plan_new, name="run_plan"),
    path("staff/patients/<int:pk>/programme/handout/", staff.handout, name="handout"),
    path(
        "staff/patients/<int:pk>/programme/handout.pdf",
        staff.handout,
        {"fmt": "pdf"},
        name="handout_pdf",
    ),
    path(
        "staff/patients/<int:pk>/programme/versions/<int:number>/",
        staff.version_handout,
        name="version",
    ),
]
