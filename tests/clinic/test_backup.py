"""A backup taken while the clinic has data restores it after the data is gone, on both databases."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from tests.clinic.livestack import PG_ADMIN, postgres_available

pytestmark = pytest.mark.slow


def _manage(env, *args, check=True):
    return subprocess.run([sys.executable, "-m", "stridewell.cli", "manage", *args], env=env, capture_output=True,
                          text=True, check=check)


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="covers both databases itself; run once")
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_backup_then_restore_brings_back_rows_and_uploads(kind, tmp_path):
    if kind == "postgresql" and not postgres_available():
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["STRIDEWELL_VAR"] = str(tmp_path / "var")
    dbname = f"stridewell_backup_{uuid.uuid4().hex[:8]}"
    if kind == "postgresql":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    try:
        _manage(env, "migrate", "-v0")
        _manage(env, "shell", "-c", "from stridewell.clinic.accounts.models import User; "
                "User.objects.create_user('keep@example.org', 'x'*12)")
        uploads = tmp_path / "var" / "uploads" / "training"
        uploads.mkdir(parents=True)
        (uploads / "run.gpx").write_text("<gpx/>")
        _manage(env, "backup", str(tmp_path / "bk"))
        assert _manage(env, "backup", str(tmp_path / "bk"), check=False).returncode != 0  # never overwrites
        _manage(env, "shell", "-c", "from stridewell.clinic.accounts.models import User; User.objects.all().delete()")
        (uploads / "run.gpx").unlink()
        _manage(env, "restore", "--yes", str(tmp_path / "bk"))
        out = _manage(env, "shell", "-c", "from stridewell.clinic.accounts.models import User; "
                      "print(list(User.objects.values_list('email', flat=True)))").stdout
        assert "keep@example.org" in out
        assert (uploads / "run.gpx").read_text() == "<gpx/>"
    finally:
        if kind == "postgresql":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
