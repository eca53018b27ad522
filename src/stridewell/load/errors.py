"""Errors raised by the training-load core, each with a message fit to show a user."""

from __future__ import annotations


class LoadError(Exception):
    """Base class: the message says what went wrong in plain words."""


class ThresholdsError(LoadError):
    """The thresholds file is missing a value, a unit or a source, or holds a bad value."""


class ReadError(LoadError):
    """An activity file could not be read; the message names the reason."""


class StoreError(LoadError):
    """The local session store could not be read or written."""
