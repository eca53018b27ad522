"""Zip archives built in memory for tests of hostile and nested uploads."""

from __future__ import annotations

import io
import zipfile


def zip_bytes(members: dict[str, bytes], level: int = 9) -> bytes:
    """Return a deflated zip archive holding `members` (name -> content)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()
