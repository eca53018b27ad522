"""Run the real app in its own processes (migrate, seed, serve) against SQLite or PostgreSQL."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def postgres_available() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_ADMIN, connect_timeout=3).close()
        return True
    except Exception:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_stack(kind: str, tmp: Path, seed: str):
    """Yield the base URL of a server on a fresh database of `kind`, seeded by the Python `seed` code."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(STRIDEWELL_VAR=str(tmp), STRIDEWELL_DEBUG="false", STRIDEWELL_TASK_BACKEND="django_tasks.backends.dummy.DummyBackend")
    dbname = f"stridewell_live_{uuid.uuid4().hex[:8]}"
    if kind == "postgresql":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    else:
        env["STRIDEWELL_SQLITE"] = str(tmp / "live.sqlite3")
    cli = [sys.executable, "-m", "stridewell.cli"]
    port = free_port()
    proc = None
    try:
        subprocess.run([*cli, "manage", "migrate", "-v0"], env=env, check=True)
        subprocess.run([*cli, "manage", "shell", "-c", seed], env=env, check=True)
        proc = subprocess.Popen([*cli, "serve", "--port", str(port), "--no-worker", "--no-demo"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        _wait_up(base, proc)
        yield base, env
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        if kind == "postgresql":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def _wait_up(base: str, proc: subprocess.Popen) -> None:
    for _ in range(150):
        if proc.poll() is not None:
            raise RuntimeError("server exited: " + proc.stderr.read().decode())
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError("server did not start")


class Browser:
    """A tiny cookie-keeping HTTP client that fills in Django's CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as r:
            return r.read().decode()

    def post(self, path: str, data: dict[str, str], referer_path: str | None = None) -> tuple[str, str]:
        """Return (final URL, body) after posting the form and following redirects."""
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        req = urllib.request.Request(self.base + path, data=body,
                                     headers={"Referer": self.base + (referer_path or path)})
        with self.opener.open(req, timeout=60) as r:
            return r.geturl(), r.read().decode()

    def login(self, email: str, password: str) -> None:
        self.get("/accounts/login/")
        url, body = self.post("/accounts/login/", {"login": email, "password": password})
        if "/accounts/login/" in url:
            raise AssertionError("login failed: " + re.sub(r"\s+", " ", body)[:500])
