"""Shared XML helpers for GPX and TCX: lxml in recover mode, names without namespaces."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree  # type: ignore[import-untyped]

from stridewell.load.errors import ReadError

_PARSER = etree.XMLParser(recover=True, huge_tree=True, resolve_entities=False, no_network=True)


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Return the root of `data` parsed leniently (raises ReadError when nothing is left)."""
    if not data.strip():
        raise ReadError("empty file (no content)")
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    root = etree.fromstring(text, parser=_PARSER)
    if root is None:
        raise ReadError(f"not a readable {what} file (no XML content could be recovered)")
    return root


def local(el: etree._Element) -> str:
    """Return an element's name without namespace or undeclared prefix ('gpxtpx:hr' -> 'hr')."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    tag = tag.rsplit("}", 1)[-1]
    return tag.rsplit(":", 1)[-1]


def child_text(el: etree._Element, name: str) -> str | None:
    """Return the text of the first direct child called `name`, if any."""
    for c in el:
        if local(c) == name:
            return (c.text or "").strip() or None
    return None


def to_float(text: str | None) -> float | None:
    """Return `text` as a float, or None when it is missing or not a number."""
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def to_time(text: str | None) -> datetime | None:
    """Return an ISO-8601 time as an aware UTC datetime (naive times are taken as UTC)."""
    if not text:
        return None
    try:
        t = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)
