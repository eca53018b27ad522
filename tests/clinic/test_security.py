"""Production settings, headers on health data, and two-factor sign-in for staff."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model


def test_production_settings_pass_djangos_deployment_check(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(STRIDEWELL_PRODUCTION="true", STRIDEWELL_SECRET_KEY=secrets.token_urlsafe(50),
               STRIDEWELL_ALLOWED_HOSTS="clinic.example.org", STRIDEWELL_VAR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "stridewell.cli", "manage", "check", "--deploy", "--fail-level",
                          "WARNING"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "STRIDEWELL_SECRET_KEY")}
    env.update(STRIDEWELL_PRODUCTION="true", STRIDEWELL_VAR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "stridewell.cli", "manage", "check"], env=env,
                         capture_output=True, text=True)
    assert out.returncode != 0 and "STRIDEWELL_SECRET_KEY" in out.stderr


@pytest.mark.django_db
def test_signed_in_pages_are_not_cached_and_carry_a_content_security_policy(client):
    user = get_user_model().objects.create_user("p@example.org", "x" * 12)
    client.force_login(user)
    resp = client.get("/my/")
    assert resp["Cache-Control"] == "no-store"
    csp = resp["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "http" not in script_src


@pytest.mark.django_db
def test_staff_without_a_second_factor_are_sent_to_set_one_up_but_patients_are_not(client, settings):
    settings.REQUIRE_STAFF_MFA = True
    User = get_user_model()
    client.force_login(User.objects.create_user("doc@example.org", "x" * 12, role="practitioner"))
    resp = client.get("/staff/day/")
    assert resp.status_code == 302 and resp["Location"] == "/accounts/2fa/totp/activate/"
    setup = client.get("/accounts/2fa/totp/activate/")  # allauth may first ask for the password again
    assert setup.status_code == 200 or setup["Location"].startswith("/accounts/reauthenticate/")
    client.force_login(User.objects.create_user("pat@example.org", "x" * 12))
    assert client.get("/my/").status_code == 200


def test_sessions_end_after_thirty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
