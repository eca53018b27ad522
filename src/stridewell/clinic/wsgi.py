"""WSGI entry point (waitress in development, gunicorn or waitress in production)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stridewell.clinic.settings")
application = get_wsgi_application()
