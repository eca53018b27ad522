"""Import activity files: expand, hash, skip known content, read, de-duplicate.

The one entry point for the CLI and for a web background task:
`import_paths(paths, known_hashes=..., progress=callback) -> ImportResult`.
No file can stop the batch: each failure becomes an ImportProblem with its reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from stridewell.load.errors import ReadError
from stridewell.load.models import ImportProblem, ImportResult, Progress, Session
from stridewell.load.readers import ReadOutcome, read_fit, read_gpx, read_tcx
from stridewell.load.sources import Entry, expand

_READERS: dict[str, Callable[..., ReadOutcome]] = {
    "fit": read_fit, "gpx": read_gpx, "tcx": read_tcx,
}
_PREFERENCE = {"fit": 0, "tcx": 1, "gpx": 2}
SAME_START = timedelta(seconds=60)


def content_hash(data: bytes) -> str:
    """Return the SHA-256 hex digest of a file's (un-gzipped) bytes: its identity on re-import."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class _Batch:
    known: Collection[str]
    sessions: list[Session] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)
    new_hashes: dict[str, str] = field(default_factory=dict)
    parsed: int = 0
    parsed_bytes: int = 0


def _read_entry(entry: Entry, batch: _Batch) -> int:
    """Read one entry into the batch; returns the number of bytes it held."""
    try:
        data = entry.read()
    except ReadError as err:
        batch.problems.append(ImportProblem(entry.source, "rejected", str(err)))
        return 0
    digest = content_hash(data)
    if digest in batch.known:
        batch.problems.append(ImportProblem(entry.source, "known", "already imported"))
        return len(data)
    if digest in batch.seen:
        batch.problems.append(ImportProblem(
            entry.source, "duplicate", f"same content as {batch.seen[digest]}"))
        return len(data)
    batch.seen[digest] = entry.source
    batch.parsed += 1
    batch.parsed_bytes += len(data)
    batch.new_hashes[digest] = _outcome(entry, data, digest, batch)
    return len(data)


def _outcome(entry: Entry, data: bytes, digest: str, batch: _Batch) -> str:
    try:
        out = _READERS[entry.fmt](data, source=entry.source, content_hash=digest)
    except ReadError as err:
        if "holds no activity" in str(err):
            batch.problems.append(ImportProblem(entry.source, "not_activity", str(err)))
        else:
            batch.problems.append(ImportProblem(entry.source, "rejected", str(err)))
        return f"rejected: {err}"
    except Exception as err:  # noqa: BLE001 - one odd file must never stop a 3,000-file batch
        reason = f"the reader failed unexpectedly ({type(err).__name__}: {err})"
        batch.problems.append(ImportProblem(entry.source, "rejected", reason))
        return f"rejected: {reason}"
    batch.sessions.extend(out.sessions)
    if out.notes:
        batch.problems.append(ImportProblem(entry.source, "salvaged", "; ".join(out.notes)))
    return f"ok: {len(out.sessions)} session(s)"


def import_paths(
    paths: Iterable[Path | str],
    *,
    known_hashes: Collection[str] = frozenset(),
    existing: Sequence[Session] = (),
    progress: Callable[[Progress], None] | None = None,
) -> ImportResult:
    """Return the new sessions under `paths` and a problem per file that did not import cleanly.

    Files whose content hash is in `known_hashes` are hashed but not parsed. Sessions
    that repeat one in `existing` or in the batch (same sport, start within 60 s) are
    dropped, keeping FIT over TCX over GPX (load.md 5).
    """
    problems: list[ImportProblem] = []
    entries = expand(paths, problems)
    batch = _Batch(known=known_hashes, problems=problems)
    total_bytes = 0
    for done, entry in enumerate(entries, start=1):
        total_bytes += _read_entry(entry, batch)
        if progress is not None:
            progress(Progress(done, len(entries), entry.source, total_bytes))
    kept, dropped = dedupe(batch.sessions, existing)
    batch.problems.extend(dropped)
    return ImportResult(
        sessions=tuple(sorted(kept, key=lambda s: s.start)), problems=tuple(batch.problems),
        files_seen=len(entries), files_parsed=batch.parsed, bytes_parsed=batch.parsed_bytes,
        new_hashes=batch.new_hashes,
    )


def _rank(s: Session) -> int:
    ext = s.source.lower().removesuffix(".gz").rsplit(".", 1)[-1]
    return _PREFERENCE.get(ext, 3)


def dedupe(sessions: Sequence[Session],
           existing: Sequence[Session] = ()) -> tuple[list[Session], list[ImportProblem]]:
    """Return (kept, problems): one session per sport and start (within 60 s), FIT preferred."""
    kept: list[Session] = []
    problems: list[ImportProblem] = []
    fixed = sorted(existing, key=lambda s: s.start)
    for s in sorted(sessions, key=lambda s: (s.start, _rank(s))):
        twin = _twin(s, fixed) or _twin(s, kept[-8:])
        if twin is None:
            kept.append(s)
            continue
        problems.append(ImportProblem(
            s.source, "duplicate",
            f"same {s.sport} session as {twin.source} (start within 60 s); kept that one"))
    return kept, problems


def _twin(s: Session, pool: Sequence[Session]) -> Session | None:
    for other in pool:
        if other.sport == s.sport and abs(other.start - s.start) <= SAME_START:
            return other
    return None
