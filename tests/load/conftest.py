"""Fixtures for the load tests: the real corpus, imported once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def activities(shared_data):  # type: ignore[no-untyped-def]
    """Return the real activity corpus folder."""
    return shared_data / "activities"


@pytest.fixture(scope="session")
def corpus_import(activities):  # type: ignore[no-untyped-def]
    """Import the whole real corpus once per test session (about 20 s)."""
    from stridewell.load import import_paths

    return import_paths([activities])
