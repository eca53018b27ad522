"""Expand what the user gave (files, folders, zips, nested zips, .gz) into activity entries."""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from stridewell.load.errors import ReadError
from stridewell.load.models import ImportProblem

FORMATS = ("fit", "gpx", "tcx")
_NOT_ACTIVITY_HINT = {"csv": "a table", "json": "metadata", "txt": "text", "md": "text"}


@dataclass(frozen=True)
class Entry:
    """One activity file to read: where it came from, its format, and how to get its bytes."""

    source: str
    fmt: str
    gzipped: bool
    size: int
    opener: Callable[[], bytes]

    def read(self) -> bytes:
        """Return the file's bytes, un-gzipped (raises ReadError on corrupt gzip data)."""
        raw = self.opener()
        if not self.gzipped:
            return raw
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise ReadError(f"gzip data is corrupt: {err}") from err


def _junk(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(p == "__MACOSX" or p.startswith("._") or p == ".DS_Store" for p in parts)


def classify(name: str) -> tuple[str, bool]:
    """Return (format, gzipped) from a file name: 'run.FIT.gz' -> ('fit', True)."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return lower.rsplit(".", 1)[-1] if "." in lower else "", gz


def _zip_entries(zf: zipfile.ZipFile, label: str,
                 problems: list[ImportProblem]) -> Iterator[Entry]:
    for info in zf.infolist():
        if info.is_dir() or _junk(info.filename):
            continue
        source = f"{label}!{info.filename}"
        fmt, gz = classify(info.filename)
        if fmt == "zip" and not gz:
            yield from _nested(zf, info, source, problems)
        elif fmt in FORMATS:
            yield Entry(source, fmt, gz, info.file_size, _member_opener(zf, info))
        else:
            problems.append(_unsupported(source, fmt))


def _member_opener(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            return zf.read(info)
        except (zipfile.BadZipFile, zlib.error, OSError) as err:
            raise ReadError(f"zip member is corrupt: {err}") from err
    return read


def _nested(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str,
            problems: list[ImportProblem]) -> Iterator[Entry]:
    try:
        inner = zipfile.ZipFile(io.BytesIO(zf.read(info)))
    except (zipfile.BadZipFile, zlib.error, OSError) as err:
        problems.append(ImportProblem(source, "rejected", f"not a readable zip archive: {err}"))
        return
    yield from _zip_entries(inner, source, problems)


def _unsupported(source: str, fmt: str) -> ImportProblem:
    what = _NOT_ACTIVITY_HINT.get(fmt, "not a FIT, GPX or TCX file")
    ext = f".{fmt}" if fmt else "no extension"
    return ImportProblem(source, "unsupported", f"skipped: {ext} is {what}, not an activity")


def _file_entries(path: Path, problems: list[ImportProblem]) -> Iterator[Entry]:
    fmt, gz = classify(path.name)
    if fmt == "zip" and not gz:
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as err:
            problems.append(ImportProblem(str(path), "rejected", f"not a readable zip: {err}"))
            return
        yield from _zip_entries(zf, str(path), problems)
    elif fmt in FORMATS:
        yield Entry(str(path), fmt, gz, path.stat().st_size, path.read_bytes)
    else:
        problems.append(_unsupported(str(path), fmt))


def expand(paths: Iterable[Path | str], problems: list[ImportProblem]) -> list[Entry]:
    """Return every activity entry under `paths`; unreadable or foreign files go to `problems`."""
    entries: list[Entry] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not _junk(str(child.relative_to(path))):
                    entries.extend(_file_entries(child, problems))
        elif path.is_file():
            entries.extend(_file_entries(path, problems))
        else:
            problems.append(ImportProblem(str(path), "rejected", "no such file or folder"))
    return entries
