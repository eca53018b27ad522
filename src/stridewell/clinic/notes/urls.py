from django.urls import path

from stridewell.clinic.notes import views

app_name = "notes"
urlpatterns = [
    path("staff/patients/<int:pk>/notes/new/", views.note_new, name="new"),
    path("staff/patients/<int:pk>/notes/<int:note_id>/edit/", views.note_edit, name="edit"),
    path("staff/patients/<int:pk>/notes/<int:note_id>/sign/", views.note_sign, name="sign"),
    path("staff/patients/<int:pk>/notes/<int:note_id>/addendum/", views.addendum_new, name="addendum"),
    path("staff/patients/<int:pk>/notes/<int:note_id>/summary.pdf", views.note_pdf, name="pdf"),
]
