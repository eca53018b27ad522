"""Uploaded files: size and type limits, content sniffing, private storage under random names.

Files are kept under MEDIA_ROOT (inside var/, never served by URL) and reach a browser only through
a view that checks permission first. Each kind of upload is checked three times: by its name, by
its first bytes, and — once saved under a random name — by a deeper look at its structure (an
archive's table of contents, a FIT file's declared length, a video's tracks), so that a cut-short,
disguised or hostile file is refused with a plain message before any job or row is made for it.
"""

from __future__ import annotations

import re
import secrets
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.template.defaultfilters import filesizeformat

# An activity archive (Garmin or Strava export) holds many small files that compress a few times
# over; a file that unpacks a hundred times over and to megabytes is a zip bomb, not a watch export.
MAX_ZIP_ENTRIES = 100_000
MAX_UNPACKED_BYTES = 8 * 1024 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_ZIP_DEPTH = 2  # an export zip may hold zips (Garmin's UploadedFiles parts); none deeper
MAX_GZ_BYTES = 256 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # one activity file; the importer reads each into memory
_DRIVE = re.compile(r"^[A-Za-z]:")


class UploadRejected(Exception):
    """The upload is refused; `str(error)` tells the user what was wrong and what to send."""


@dataclass(frozen=True)
class Kind:
    """An accepted kind of upload: file endings, a content sniff, a size limit and a deeper check.

    `key` names the kind in settings.UPLOAD_MAX_BYTES, which may lower or raise `max_bytes`;
    `check(path, name)` looks at the saved file and raises UploadRejected when it is unusable.
    """

    label: str
    endings: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    max_bytes: int
    key: str = ""
    check: Callable[[Path, str], None] | None = None

    def limit(self) -> int:
        """Return the size limit in bytes (settings.UPLOAD_MAX_BYTES[key] when set)."""
        return int(getattr(settings, "UPLOAD_MAX_BYTES", {}).get(self.key, self.max_bytes))


def display_name(raw: str | None) -> str:
    """Return a file name fit to show and store: last path part only, no control characters."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    text = text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].strip()
    return text[:200] or "upload"


def _is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06")


def _is_fit(head: bytes) -> bool:
    return len(head) >= 12 and head[8:12] == b".FIT"


def _is_xml(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<?xml") or text.startswith(b"<gpx") or text.startswith(b"<Training")


def _is_gzip(head: bytes) -> bool:
    return head.startswith(b"\x1f\x8b")


def _is_video(head: bytes) -> bool:
    # MP4/MOV: an ISO base media 'ftyp' box (or an old QuickTime 'moov'/'mdat'/'wide' box)
    # at offset 4.
    return head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free")


# Deeper checks on the saved file ---------------------------------------------------------------

def _hostile_member(member: str) -> bool:
    if "\x00" in member:
        return True
    path = member.replace("\\", "/")
    return path.startswith("/") or bool(_DRIVE.match(path)) or ".." in PurePosixPath(path).parts


def _check_zip_file(zf: zipfile.ZipFile, name: str, depth: int, budget: list[int]) -> None:
    infos = zf.infolist()
    budget[0] -= len(infos)
    if budget[0] < 0:
        raise UploadRejected(f"“{name}” holds more than {MAX_ZIP_ENTRIES:,} files, far more than a "
                             "watch export. Please send the activity files themselves.")
    for info in infos:
        if _hostile_member(info.orig_filename):
            raise UploadRejected(f"“{name}” holds a file whose name points outside the archive "
                                 f"(“{display_name(info.orig_filename)}”). Please export it again "
                                 "from your watch or app.")
        budget[1] -= info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        bomb = info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO
        nested = info.filename.lower().endswith(".zip")
        if bomb or budget[1] < 0 or (info.file_size > MAX_MEMBER_BYTES and not nested):
            raise UploadRejected(f"“{name}” unpacks to far more than a watch export holds (a “zip "
                                 "bomb”). Please send the activity files themselves.")
        if nested and not info.is_dir():
            if depth >= MAX_ZIP_DEPTH:
                raise UploadRejected(f"“{name}” holds zips inside zips inside zips. Please send "
                                     "the export as it came from your watch or app.")
            # Unpacked to a temporary file, not memory: its size was bounded by the budget above.
            with tempfile.TemporaryFile() as tmp:
                try:
                    with zf.open(info) as member:
                        shutil.copyfileobj(member, tmp, 1024 * 1024)
                    inner = zipfile.ZipFile(tmp)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    inner_name = display_name(info.filename)
                    raise UploadRejected(f"“{name}” holds a damaged archive ({inner_name}). "
                                         "Please export it again.") from exc
                with inner:
                    _check_zip_file(inner, name, depth + 1, budget)


def check_zip(path: Path, name: str) -> None:
    """Raise UploadRejected for a damaged, cut-short or bomb zip, or one naming files outside it."""
    try:
        with zipfile.ZipFile(path) as zf:
            _check_zip_file(zf, name, 1, [MAX_ZIP_ENTRIES, MAX_UNPACKED_BYTES])
    except zipfile.BadZipFile as exc:
        raise UploadRejected(f"“{name}” is a damaged or cut-short zip archive. Please export it "
                             "again and send the whole file.") from exc


def check_gzip(path: Path, name: str) -> None:
    """Raise UploadRejected when a .gz file is cut short, damaged, or unpacks to too much."""
    unpacker = zlib.decompressobj(wbits=31)
    total = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1024 * 1024):
                total += len(unpacker.decompress(chunk, MAX_GZ_BYTES + 1 - total))
                while unpacker.unconsumed_tail and total <= MAX_GZ_BYTES:
                    tail = unpacker.unconsumed_tail
                    total += len(unpacker.decompress(tail, MAX_GZ_BYTES + 1 - total))
                if total > MAX_GZ_BYTES:
                    raise UploadRejected(f"“{name}” unpacks to more than one activity file can "
                                         f"hold ({filesizeformat(MAX_GZ_BYTES)}). Please send the "
                                         "files themselves.")
                if unpacker.eof:
                    break
    except zlib.error as exc:
        raise UploadRejected(f"“{name}” is damaged: it cannot be unpacked. "
                             "Please export it again.") from exc
    if not unpacker.eof:
        raise UploadRejected(f"“{name}” is cut short. "
                             "Please export it again and send the whole file.")


def check_fit(path: Path, name: str) -> None:
    """Raise UploadRejected when a FIT file is shorter than its own header says."""
    with open(path, "rb") as fh:
        head = fh.read(12)
    header_size, data_size = head[0], struct.unpack("<I", head[4:8])[0]
    if path.stat().st_size < header_size + data_size:
        raise UploadRejected(f"“{name}” is cut short: the file says it holds more than arrived. "
                             "Please copy it from your watch again and send the whole file.")


def check_activity(path: Path, name: str) -> None:
    """Raise UploadRejected when an activity upload is damaged, cut short or hostile inside."""
    with open(path, "rb") as fh:
        head = fh.read(64)
    if _is_zip(head):
        check_zip(path, name)
    elif _is_gzip(head):
        check_gzip(path, name)
    elif _is_fit(head):
        check_fit(path, name)


def check_video(path: Path, name: str) -> None:
    """Raise UploadRejected when the video cannot be opened or holds no moving picture."""
    try:
        from stridewell.gait.errors import GaitInputError
        from stridewell.gait.video import probe
    except ImportError:  # a server without the gait core: the job says so later, with the file kept
        return
    try:
        probe(path)
    except GaitInputError as exc:
        problem = exc.problem.replace(path.name, "the file")
        raise UploadRejected(f"“{name}” cannot be used: {problem} {exc.advice}") from exc


ACTIVITY = Kind("a watch export (.zip) or activity file (.fit, .gpx, .tcx, .gz)",
                (".zip", ".fit", ".gpx", ".tcx", ".gz"),
                lambda h: _is_zip(h) or _is_fit(h) or _is_xml(h) or _is_gzip(h), 512 * 1024 * 1024,
                key="activity", check=check_activity)
VIDEO = Kind("a video (.mp4 or .mov)", (".mp4", ".mov", ".m4v"), _is_video, 1024 * 1024 * 1024,
             key="video", check=check_video)


KINDS = (ACTIVITY, VIDEO)


def largest_limit() -> int:
    """Return the largest size limit of any kind of upload, in bytes."""
    return max(kind.limit() for kind in KINDS)


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Keep at most one byte more than the largest upload limit on disk while a request arrives.

    The rest of an oversized file is counted, not written, so the file's `size` still tells
    store_upload how large it was (and the user gets the plain "the limit is" message) while a
    10 GB post cannot fill the disk with its temporary file.
    """

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        keep = largest_limit() + 1 - start
        if keep > 0:
            self.file.write(raw_data[:keep])


def store_upload(upload, kind: Kind, folder: str) -> Path:  # noqa: ANN001 - a Django UploadedFile
    """Check an uploaded file against `kind` and save it under a random name; returns its path.

    Raises UploadRejected with a plain explanation when the name, size or content is wrong; nothing
    is left on disk in that case.
    """
    name = display_name(upload.name)
    ending = "".join(Path(name).suffixes[-1:]).lower()
    if ending not in kind.endings:
        raise UploadRejected(f"“{name}” is not {kind.label}. Please choose a file ending in "
                             f"{', '.join(kind.endings)}.")
    if upload.size == 0:
        raise UploadRejected(f"“{name}” is empty. Please choose the file again.")
    limit = kind.limit()
    if upload.size > limit:
        raise UploadRejected(f"“{name}” is {filesizeformat(upload.size)}; the limit is "
                             f"{filesizeformat(limit)}. Please send a smaller file.")
    head = upload.read(64)
    upload.seek(0)
    if not kind.sniff(head):
        raise UploadRejected(f"“{name}” does not look like {kind.label} inside, whatever its "
                             "name says. Please export it again from your watch or phone.")
    target_dir = Path(settings.MEDIA_ROOT) / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"{secrets.token_hex(16)}{ending}"
    try:
        with open(path, "xb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        if kind.check is not None:
            kind.check(path, name)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
