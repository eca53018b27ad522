from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "stridewell.clinic.notes"
    label = "notes"
    verbose_name = "Visit notes"

    def ready(self) -> None:
        from stridewell.clinic.notes.records import erase_notes, export_notes
        from stridewell.clinic.patients.records import register_record

        register_record("visit_notes", export_notes, erase_notes)
        from stridewell.clinic.notes.chart import render_notes
        from stridewell.clinic.patients.chart import Section, register_chart_section

        register_chart_section(Section("notes", "Visit notes (SOAP)", 10, render_notes))
