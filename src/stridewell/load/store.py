"""A small local JSON store for the CLI: imported sessions and every content hash seen.

The web app keeps sessions in its database instead; this file only lets `stridewell load
report` and `plan` use what `import` read, and lets re-import skip known files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from stridewell.load.errors import StoreError
from stridewell.load.models import ImportResult, Session

VERSION = 1
FILENAME = "sessions.json"


@dataclass(frozen=True)
class Stored:
    """What the store holds: sessions, and each content hash seen with its outcome."""

    sessions: tuple[Session, ...]
    hashes: dict[str, str]


def default_store() -> Path:
    """Return $STRIDEWELL_LOAD_STORE, else ~/.local/share/stridewell/load."""
    env = os.environ.get("STRIDEWELL_LOAD_STORE")
    return Path(env) if env else Path.home() / ".local" / "share" / "stridewell" / "load"


def session_to_dict(s: Session) -> dict[str, Any]:
    """Return a session as JSON-ready values (start as ISO 8601 with offset)."""
    out = asdict(s)
    out["start"] = s.start.isoformat()
    out["notes"] = list(s.notes)
    return out


def session_from_dict(d: dict[str, Any]) -> Session:
    """Return the session a `session_to_dict` mapping describes (raises StoreError if bad)."""
    names = {f.name for f in fields(Session)}
    try:
        values = {k: v for k, v in d.items() if k in names}
        values["start"] = datetime.fromisoformat(d["start"])
        values["notes"] = tuple(d.get("notes", ()))
        return Session(**values)
    except (KeyError, TypeError, ValueError) as err:
        raise StoreError(f"a stored session is malformed: {err}") from err


def read_store(folder: Path) -> Stored:
    """Return the store in `folder` (empty when it does not exist yet)."""
    path = Path(folder) / FILENAME
    if not path.exists():
        return Stored((), {})
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise StoreError(f"cannot read the session store {path}: {err}") from err
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        raise StoreError(f"{path} is not a Stridewell session store (version {VERSION})")
    sessions = tuple(session_from_dict(d) for d in raw.get("sessions", []))
    return Stored(sessions, dict(raw.get("hashes", {})))


def write_store(folder: Path, sessions: Sequence[Session], hashes: dict[str, str]) -> Path:
    """Write the store atomically into `folder`; returns the file's path."""
    folder = Path(folder)
    path = folder / FILENAME
    data = {"version": VERSION, "sessions": [session_to_dict(s) for s in sessions],
            "hashes": hashes}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:
        raise StoreError(f"cannot write the session store {path}: {err.strerror}") from err
    return path


def add_import(folder: Path, result: ImportResult) -> Stored:
    """Merge an import into the store in `folder` and return the updated store."""
    old = read_store(folder)
    sessions = tuple(sorted((*old.sessions, *result.sessions), key=lambda s: s.start))
    hashes = {**old.hashes, **result.new_hashes}
    write_store(folder, sessions, hashes)
    return Stored(sessions, hashes)
