"""Hand-worked histories: sessions a person can add up on paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from stridewell.load import Session, Thresholds, load_thresholds, parse_thresholds

MONDAY = date(2025, 3, 3)  # a Monday


def day(n: int) -> date:
    """Return the date `n` days after MONDAY."""
    return MONDAY + timedelta(days=n)


def run(when: date | int, km: float | None = None, minutes: float = 30.0, *,
        sport: str = "running", hr: float | None = None, rpe: float | None = None,
        hour: float = 7, offset_min: int = 0, source: str = "") -> Session:
    """Return a session on `when` (a date, or days after MONDAY) at `hour` UTC."""
    d = day(when) if isinstance(when, int) else when
    start = datetime(d.year, d.month, d.day, tzinfo=UTC) + timedelta(hours=hour)
    return Session(
        sport=sport, start=start, elapsed_s=minutes * 60, moving_s=minutes * 60,
        distance_m=None if km is None else km * 1000, avg_hr=hr, rpe=rpe,
        utc_offset_min=offset_min, source=source or f"hand/{d.isoformat()}-{hour}.fit",
        content_hash=f"{d.isoformat()}-{hour}-{sport}",
    )


def thresholds_with(**changes: float) -> Thresholds:
    """Return the packaged thresholds with some values changed: `recovery__hours=72`."""
    table: dict[str, dict[str, dict[str, object]]] = {}
    for key, c in load_thresholds().constants.items():
        section, name = key.split(".")
        value = changes.get(f"{section}__{name}", c.value)
        table.setdefault(section, {})[name] = {"value": value, "unit": c.unit, "kind": c.kind,
                                               "source": c.source}
    return parse_thresholds(table)
