"""One env-driven settings file. Development defaults; production reads secrets from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = Path(os.environ.get("STRIDEWELL_ROOT", Path.cwd()))
VAR_DIR = Path(os.environ.get("STRIDEWELL_VAR", PROJECT_ROOT / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("STRIDEWELL_DEBUG", True)
PRODUCTION = _env_bool("STRIDEWELL_PRODUCTION", False)
if PRODUCTION:
    DEBUG = False
    SECRET_KEY = os.environ["STRIDEWELL_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("STRIDEWELL_SECRET_KEY", "dev-only-insecure-key-change-me")

ALLOWED_HOSTS = os.environ.get("STRIDEWELL_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("STRIDEWELL_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "stridewell.clinic.accounts",
    "stridewell.clinic.patients",
    "stridewell.clinic.booking",
    "stridewell.clinic.jobs",
    "stridewell.clinic.audit",
    "stridewell.clinic.notes",
    "stridewell.clinic.assessments",
    "stridewell.clinic.programmes",
    "stridewell.clinic.training",
    "stridewell.clinic.gaitlab",
    "stridewell.clinic.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "stridewell.clinic.accounts.middleware.HealthDataMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "stridewell.clinic.urls"
WSGI_APPLICATION = "stridewell.clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "stridewell.clinic.web.context.clinic",
            ],
        },
    },
]

# SQLite by default (WAL, immediate write transactions so check-then-insert is serialised);
# PostgreSQL when DATABASE_URL is set.
_database_url = os.environ.get("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("STRIDEWELL_SQLITE", str(VAR_DIR / "stridewell.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            "TEST": {"NAME": os.environ.get("STRIDEWELL_TEST_SQLITE") or None},
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The test suite creates hundreds of accounts; PBKDF2's default rounds cost about half a second each
# on a small machine. Tests (and the live servers they start) ask for a fast hash; production never.
if _env_bool("STRIDEWELL_TEST_FAST_PASSWORDS", False) and not PRODUCTION:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# django-allauth: e-mail is the login; verification is sent but does not block a first booking.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get(
    "STRIDEWELL_EMAIL_VERIFICATION", "mandatory" if PRODUCTION else "optional")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "stridewell.clinic.accounts.forms.SignupExtraForm"
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
LOGIN_REDIRECT_URL = "/my/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
LOGIN_URL = "/accounts/login/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("STRIDEWELL_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Serve static files straight from the apps unless `collectstatic` has been run (production).
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = VAR_DIR / "uploads"
# An oversized upload is counted but not written past the largest limit (jobs/uploads.py).
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler",
                        "stridewell.clinic.jobs.uploads.CappedTemporaryFileUploadHandler"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = os.environ.get(
    "STRIDEWELL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("STRIDEWELL_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("STRIDEWELL_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("STRIDEWELL_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("STRIDEWELL_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("STRIDEWELL_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("STRIDEWELL_FROM_EMAIL", "Stridewell Clinic <bookings@example.org>")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("STRIDEWELL_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Booking rules (clinic-wide; change through the environment).
BOOKING = {
    "SLOT_STEP_MINUTES": int(os.environ.get("STRIDEWELL_SLOT_STEP_MINUTES", "15")),
    "MIN_NOTICE_MINUTES": int(os.environ.get("STRIDEWELL_MIN_NOTICE_MINUTES", "120")),
    "HORIZON_DAYS": int(os.environ.get("STRIDEWELL_HORIZON_DAYS", "60")),
    "HOLD_MINUTES": int(os.environ.get("STRIDEWELL_HOLD_MINUTES", "5")),
    "CANCELLATION_WINDOW_HOURS": int(os.environ.get("STRIDEWELL_CANCELLATION_WINDOW_HOURS", "24")),
    "CLASS_CANCELLATION_WINDOW_HOURS": int(
        os.environ.get("STRIDEWELL_CLASS_CANCELLATION_WINDOW_HOURS", "4")
    ),
}
CLINIC_NAME = os.environ.get("STRIDEWELL_CLINIC_NAME", "Stridewell Clinic")
# The clinic's address on the web, for links in e-mails (no request to build them from).
SITE_URL = os.environ.get("STRIDEWELL_SITE_URL", "http://localhost:8000")
# Clinical notes are kept this many years after they were written, then may be erased on request
# (8 years for adults in the UK NHS records code; set to your jurisdiction's rule).
CLINICAL_RETENTION_YEARS = float(os.environ.get("STRIDEWELL_CLINICAL_RETENTION_YEARS", "8"))

SESSION_COOKIE_HTTPONLY = True
# Sign out after 30 minutes without a request (each request renews the session).
SESSION_COOKIE_AGE = int(os.environ.get("STRIDEWELL_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
# Staff (practitioners, front desk, admins) must set up two-factor sign-in before using the app.
REQUIRE_STAFF_MFA = _env_bool("STRIDEWELL_REQUIRE_STAFF_MFA", PRODUCTION)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = CLINIC_NAME

# Content security policy (django-csp 4): our own scripts carry a per-request nonce; no third parties.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],  # inline SVG plots carry style attributes
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = _env_bool("STRIDEWELL_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("STRIDEWELL_LOG_LEVEL", "WARNING")},
}
