"""Uploaded files: size and type limits, content sniffing, private storage under random names.

Files are kept under MEDIA_ROOT (inside var/, never served by URL) and reach a browser only through
a view that checks permission first.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


class UploadRejected(Exception):
    """The upload is refused; `str(error)` tells the user what was wrong and what to send instead."""


@dataclass(frozen=True)
class Kind:
    """An accepted kind of upload: file endings, a content check and a size limit."""

    label: str
    endings: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    max_bytes: int


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
    # MP4/MOV: an ISO base media 'ftyp' box (or an old QuickTime 'moov'/'mdat'/'wide' box) at offset 4.
    return head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free")


ACTIVITY = Kind("a watch export (.zip) or activity file (.fit, .gpx, .tcx, .gz)",
                (".zip", ".fit", ".gpx", ".tcx", ".gz"),
                lambda h: _is_zip(h) or _is_fit(h) or _is_xml(h) or _is_gzip(h), 512 * 1024 * 1024)
VIDEO = Kind("a video (.mp4 or .mov)", (".mp4", ".mov", ".m4v"), _is_video, 1024 * 1024 * 1024)


def store_upload(upload, kind: Kind, folder: str) -> Path:  # noqa: ANN001 - a Django UploadedFile
    """Check an uploaded file against `kind` and save it under a random name; returns its path.

    Raises UploadRejected with a plain explanation when the name, size or content is wrong; nothing
    is left on disk in that case.
    """
    name = Path(upload.name or "").name
    ending = "".join(Path(name).suffixes[-1:]).lower()
    if ending not in kind.endings:
        raise UploadRejected(f"“{name}” is not {kind.label}. Please choose a file ending in "
                             f"{', '.join(kind.endings)}.")
    if upload.size == 0:
        raise UploadRejected(f"“{name}” is empty. Please choose the file again.")
    if upload.size > kind.max_bytes:
        raise UploadRejected(f"“{name}” is {upload.size / 1e6:.0f} MB; the limit is "
                             f"{kind.max_bytes / 1e6:.0f} MB. Please send a smaller file.")
    head = upload.read(64)
    upload.seek(0)
    if not kind.sniff(head):
        raise UploadRejected(f"“{name}” does not look like {kind.label} inside, whatever its name says. "
                             "Please export it again from your watch or phone.")
    target_dir = Path(settings.MEDIA_ROOT) / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"{secrets.token_hex(16)}{ending}"
    try:
        with open(path, "xb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
