"""Back up and restore the whole clinic: the database and the private uploads folder.

SQLite is copied with SQLite's online backup API (safe while the app runs); PostgreSQL with
pg_dump in its custom format, restored with pg_restore. Uploads go into a tar.gz beside it, and a
manifest records what was taken and when.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def _db() -> dict:
    return settings.DATABASES["default"]


def _pg_url() -> str:
    db = _db()
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    auth = db.get("USER", "") + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgresql://{auth}@{host}:{port}/{db['NAME']}"


def backup_create(out_dir: Path) -> dict:
    """Write a backup into `out_dir` (created; must be empty); returns the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise BackupError(f"{out_dir} is not empty. Choose a new folder for each backup.")
    engine = _db()["ENGINE"]
    if "sqlite" in engine:
        src = sqlite3.connect(_db()["NAME"])
        dst = sqlite3.connect(out_dir / "db.sqlite3")
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        db_file = "db.sqlite3"
    elif "postgresql" in engine:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={out_dir / 'db.dump'}", _pg_url()])
        db_file = "db.dump"
    else:
        raise BackupError(f"Backups are not supported for {engine}.")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(out_dir / "uploads.tar.gz", "w:gz") as tar:
        if media.is_dir():
            tar.add(media, arcname="uploads")
    manifest = {"taken_at": timezone.now().isoformat(), "engine": engine, "database": db_file,
                "uploads": "uploads.tar.gz"}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def backup_restore(from_dir: Path) -> dict:
    """Replace the database and uploads with the backup in `from_dir`; returns its manifest."""
    manifest_path = from_dir / "manifest.json"
    if not manifest_path.is_file():
        raise BackupError(f"{from_dir} holds no manifest.json: it is not a Stridewell backup folder.")
    manifest = json.loads(manifest_path.read_text())
    engine = _db()["ENGINE"]
    if ("sqlite" in engine) != ("sqlite" in manifest["engine"]):
        raise BackupError("This backup was taken from a different kind of database. Restore it on the same kind.")
    connections.close_all()
    if "sqlite" in engine:
        src = sqlite3.connect(from_dir / manifest["database"])
        dst = sqlite3.connect(_db()["NAME"])
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    else:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={_pg_url()}",
              str(from_dir / manifest["database"])])
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    with tarfile.open(from_dir / manifest["uploads"], "r:gz") as tar:
        tar.extractall(media.parent, filter="data")
    extracted = media.parent / "uploads"
    if extracted != media and extracted.exists():
        extracted.rename(media)
    return manifest


def _run(cmd: list[str]) -> None:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(f"{cmd[0]} is not installed; install the PostgreSQL client tools.") from exc
    if out.returncode != 0:
        raise BackupError(f"{cmd[0]} failed: {out.stderr.strip()[:500]}")
