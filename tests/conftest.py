"""Shared test fixtures: where the real data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STRIDEWELL_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"

# Playwright's sync API runs an event loop in the test thread; Django's ORM is still safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Accounts made by tests (and by the live servers they start) use a fast password hash.
os.environ.setdefault("STRIDEWELL_TEST_FAST_PASSWORDS", "true")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Return ../shared/data, skipping when the real data is not beside the checkout."""
    if not DATA.is_dir():
        pytest.skip(f"real data not found at {DATA}")
    return DATA
