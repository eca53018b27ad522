"""Expand what the user gave (files, folders, zips, nested zips, .gz) into activity entries."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from stridewell.load.errors import ReadError
from stridewell.load.models import ImportProblem

FORMATS = ("fit", "gpx", "tcx")
_IN_MEMORY = 32 * 1024 * 1024  # nested zips larger than this are spooled to a temp file
# Each activity is read into memory: an entry larger than any real activity file is a zip bomb
# (or not an activity), as is a chain of zips inside zips. Sizes are the archive's declared
# ones, which zipfile enforces while reading.
MAX_ENTRY_BYTES = 256 * 1024 * 1024
MAX_NESTED_ZIP_BYTES = 1024 * 1024 * 1024
MAX_ZIP_DEPTH = 3
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
        return _gunzip(raw)


def _gunzip(raw: bytes) -> bytes:
    """Return gzip data unpacked (all members), refusing more than MAX_ENTRY_BYTES."""
    out = b""
    while raw:
        unpacker = zlib.decompressobj(wbits=31)
        try:
            out += unpacker.decompress(raw, MAX_ENTRY_BYTES + 1 - len(out))
        except zlib.error as err:
            raise ReadError(f"gzip data is corrupt: {err}") from err
        if len(out) > MAX_ENTRY_BYTES:
            raise ReadError(f"gzip data unpacks to more than {MAX_ENTRY_BYTES // 2**20} MB")
        if not unpacker.eof:
            raise ReadError("gzip data is cut short")
        raw = unpacker.unused_data.lstrip(b"\x00")
    return out


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
                 problems: list[ImportProblem], depth: int = 1) -> Iterator[Entry]:
    for info in zf.infolist():
        if info.is_dir() or _junk(info.filename):
            continue
        source = f"{label}!{info.filename}"
        fmt, gz = classify(info.filename)
        limit = MAX_NESTED_ZIP_BYTES if fmt == "zip" and not gz else MAX_ENTRY_BYTES
        if info.file_size > limit or (fmt == "zip" and not gz and depth >= MAX_ZIP_DEPTH):
            problems.append(ImportProblem(source, "rejected", "too large or nested too deep to be "
                                          "part of a watch export (a zip bomb?)"))
        elif fmt == "zip" and not gz:
            yield from _nested(zf, info, source, problems, depth)
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
            problems: list[ImportProblem], depth: int) -> Iterator[Entry]:
    # Garmin exports nest UploadedFiles_*_Part*.zip of hundreds of MB: big ones go to a
    # temporary file (removed when the inner zip is collected), not into memory.
    try:
        if info.file_size > _IN_MEMORY:
            spool: IO[bytes] = tempfile.TemporaryFile()
            with zf.open(info) as member:
                shutil.copyfileobj(member, spool, 1 << 20)
            spool.seek(0)
        else:
            spool = io.BytesIO(zf.read(info))
        inner = zipfile.ZipFile(spool)
    except (zipfile.BadZipFile, zlib.error, OSError) as err:
        problems.append(ImportProblem(source, "rejected", f"not a readable zip archive: {err}"))
        return
    yield from _zip_entries(inner, source, problems, depth + 1)


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
