"""Helpers for hand-worked histories: sessions a person can add up on paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from stridewell.load import Session

MONDAY = date(2025, 3, 3)  # a Monday


def run(day: date | int, km: float | None = None, minutes: float = 30.0, *,
        sport: str = "running", hr: float | None = None, rpe: float | None = None,
        hour: int = 7, source: str = "") -> Session:
    """Return a session on `day` (a date, or days after MONDAY) at `hour` UTC."""
    when = MONDAY + timedelta(days=day) if isinstance(day, int) else day
    start = datetime(when.year, when.month, when.day, hour, tzinfo=UTC)
    return Session(
        sport=sport, start=start, elapsed_s=minutes * 60, moving_s=minutes * 60,
        distance_m=None if km is None else km * 1000, avg_hr=hr, rpe=rpe,
        source=source or f"hand/{when.isoformat()}-{hour}.fit",
        content_hash=f"{when.isoformat()}-{hour}-{sport}",
    )


@pytest.fixture(scope="session")
def activities(shared_data):  # type: ignore[no-untyped-def]
    """Return the real activity corpus folder."""
    return shared_data / "activities"


@pytest.fixture(scope="session")
def corpus_import(activities):  # type: ignore[no-untyped-def]
    """Import the whole real corpus once per test session (about 20 s)."""
    from stridewell.load import import_paths

    return import_paths([activities])
