"""A job that does nothing but take time, to check that a worker is running and picks up work."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from stridewell.clinic.jobs.models import Job


def worker_check(job: Job, progress: Callable[[float, str], None]) -> dict[str, Any]:
    """Wait `params['seconds']` in small steps, reporting progress; returns when it ran to the end."""
    seconds = float(job.params.get("seconds", 2))
    steps = max(1, int(seconds * 10))
    for i in range(steps):
        time.sleep(seconds / steps)
        progress((i + 1) / steps, f"step {i + 1} of {steps}")
    return {"seconds": seconds, "attempt": job.attempts}
