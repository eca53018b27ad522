from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "stridewell.clinic.jobs"
    label = "jobs"
    verbose_name = "Background jobs and uploads"

    def ready(self) -> None:
        from stridewell.clinic.jobs.records import erase_jobs, export_jobs
        from stridewell.clinic.patients.records import register_record

        register_record("uploads", export_jobs, erase_jobs)

        from stridewell.clinic.jobs.checks import worker_check
        from stridewell.clinic.jobs.services import register

        register("worker_check", worker_check)
