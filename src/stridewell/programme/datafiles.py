"""Reader for the TOML data files that ship next to the programme core."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

__all__ = ["data_names", "read_data", "read_text"]

_PACKAGE = "stridewell.programme"


def read_data(relative: str) -> dict[str, Any]:
    """Return the parsed TOML file `data/<relative>` of the programme package."""
    path = resources.files(_PACKAGE).joinpath("data", *relative.split("/"))
    with path.open("rb") as fh:
        return tomllib.load(fh)


def read_text(relative: str) -> str:
    """Return the UTF-8 text of `data/<relative>` of the programme package."""
    path = resources.files(_PACKAGE).joinpath("data", *relative.split("/"))
    return path.read_text(encoding="utf-8")


def data_names(folder: str, suffix: str = ".toml") -> list[str]:
    """Return the sorted file names in `data/<folder>` that end with `suffix`."""
    root = resources.files(_PACKAGE).joinpath("data", folder)
    return sorted(p.name for p in root.iterdir() if p.name.endswith(suffix))
