"""Errors the assessment core raises for bad input, each with a message fit to show a user."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["AnswerError", "DataFileError"]


class AnswerError(ValueError):
    """Answers that cannot be scored or screened; `problems` lists each specific reason."""

    def __init__(self, summary: str, problems: Sequence[str] = ()) -> None:
        self.summary = summary
        self.problems = tuple(problems)
        text = summary if not self.problems else summary + ": " + "; ".join(self.problems)
        super().__init__(text)


class DataFileError(RuntimeError):
    """A TOML data file shipped with the core is malformed (a bug in the data, not the user)."""
