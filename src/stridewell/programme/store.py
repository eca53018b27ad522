"""JSON round-trip for a stored programme (what the web app keeps in its database)."""

from __future__ import annotations

from pydantic import TypeAdapter

from stridewell.programme.models import Programme

__all__ = ["programme_from_json", "programme_to_json"]

_ADAPTER = TypeAdapter(Programme)


def programme_to_json(programme: Programme) -> str:
    """Return the programme as a JSON string that `programme_from_json` reads back."""
    return _ADAPTER.dump_json(programme, indent=2).decode()


def programme_from_json(text: str | bytes) -> Programme:
    """Return the programme stored as JSON, validated (raises pydantic.ValidationError)."""
    return _ADAPTER.validate_json(text)
