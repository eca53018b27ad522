"""`stridewell screen` and `stridewell score` commands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the assessment commands to the main app; returns nothing."""
