"""Send a private file to the browser, honouring a single HTTP Range so a <video> can seek.

Django's FileResponse always sends the whole file; browsers ask for byte ranges to seek in a
video (Safari refuses to play without them), so one range is answered with 206 Partial Content.
Several ranges in one request are answered with the whole file, as RFC 9110 allows.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterator
from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 256 * 1024


def _chunks(path: Path, start: int, length: int) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        fh.seek(start)
        while length > 0:
            data = fh.read(min(CHUNK, length))
            if not data:
                return
            length -= len(data)
            yield data


def byte_range(header: str, size: int) -> tuple[int, int] | None | str:
    """Return (first, last) byte of a single `Range` header, None to send everything, "bad" when unsatisfiable."""
    m = RANGE.match(header.strip().replace(" ", ""))
    if not m or not (m.group(1) or m.group(2)):
        return None
    first, last = m.groups()
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            return "bad"
        return max(0, size - suffix), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        return "bad"
    return start, end


def file_response(request: HttpRequest, path: Path, *, download_name: str = "", attachment: bool = False
                  ) -> HttpResponse:
    """Return the file as a response: 206 for one satisfiable Range, 416 for an impossible one, else 200."""
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    size = path.stat().st_size
    wanted = byte_range(request.headers.get("Range", ""), size)
    if wanted == "bad":
        resp = HttpResponse(status=416)
        resp["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        resp = FileResponse(open(path, "rb"), content_type=content_type)  # noqa: SIM115 - closed by Django
    else:
        start, end = wanted
        resp = StreamingHttpResponse(_chunks(path, start, end - start + 1), status=206, content_type=content_type)
        resp["Content-Range"] = f"bytes {start}-{end}/{size}"
        resp["Content-Length"] = str(end - start + 1)
    resp["Accept-Ranges"] = "bytes"
    if download_name and wanted != "bad":
        kind = "attachment" if attachment else "inline"
        resp["Content-Disposition"] = f'{kind}; filename="{download_name}"'
    return resp
