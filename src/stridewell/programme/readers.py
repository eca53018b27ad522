"""Readers for outside files: assessment answers and pain logs (JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from stridewell.programme.models import ProgrammeInputs
from stridewell.programme.pain import PainEntry
from stridewell.programme.return_to_run import Readiness

__all__ = ["read_answers", "read_pain_log", "read_readiness"]


def read_answers(path: Path) -> ProgrammeInputs:
    """Return validated generator inputs from a JSON answers file (raises ValidationError)."""
    return ProgrammeInputs.model_validate_json(Path(path).read_bytes())


def read_pain_log(path: Path) -> list[PainEntry]:
    """Return pain entries from JSON: a list of {day, during, next_morning?, before?, note?}."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(raw, dict):
        raw = raw.get("entries", [])
    return TypeAdapter(list[PainEntry]).validate_python(raw)


def read_readiness(path: Path) -> Readiness:
    """Return the return-to-run readiness checks from a JSON object (raises ValidationError)."""
    return TypeAdapter(Readiness).validate_json(Path(path).read_bytes())
