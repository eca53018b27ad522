"""Programmes in a patient's export, and their erasure after the retention period."""

from __future__ import annotations

import json
from datetime import datetime

from stridewell.clinic.programmes.models import (
    ExerciseDone,
    Programme,
    ProgrammeVersion,
    RunLog,
    RunPlan,
    SessionLog,
)


def export_programmes(patient):  # noqa: ANN001, ANN201
    """Return the patient's programmes with every version, session, tick and run as plain rows."""
    rows = []
    for p in Programme.objects.filter(patient=patient).prefetch_related(
        "versions", "sessions__done", "run_plans__runs"
    ):
        rows.append(
            {
                "created_at": p.created_at,
                "created_by": str(p.created_by),
                "inputs": p.inputs,
                "draft": json.loads(p.draft),
                "versions": [
                    {
                        "number": v.number,
                        "published_at": v.published_at,
                        "note": v.note,
                        "programme": json.loads(v.body),
                    }
                    for v in p.versions.all()
                ],
                "sessions": [
                    {
                        "day": s.day,
                        "pain_during": s.pain_during,
                        "pain_next_morning": s.pain_next_morning,
                        "exercises_done": sorted(d.exercise_id for d in s.done.all()),
                    }
                    for s in p.sessions.all()
                ],
                "run_plans": [
                    {
                        "created_at": r.created_at,
                        "readiness": r.readiness,
                        "plan": json.loads(r.body),
                        "runs": [
                            {
                                "day": x.day,
                                "level": x.level,
                                "pain_during": x.pain_during,
                                "pain_next_morning": x.pain_next_morning,
                            }
                            for x in r.runs.all()
                        ],
                    }
                    for r in p.run_plans.all()
                ],
            }
        )
    return rows, []


def erase_programmes(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Delete programmes created before the retention cut-off, with everything logged against them."""
    old = Programme.objects.filter(patient=patient, created_at__lt=cutoff)
    count = 0
    count += ExerciseDone.objects.filter(session__programme__in=old).delete()[0]
    count += SessionLog.objects.filter(programme__in=old).delete()[0]
    count += RunLog.objects.filter(plan__programme__in=old).delete()[0]
    count += RunPlan.objects.filter(programme__in=old).delete()[0]
    count += ProgrammeVersion.objects.filter(programme__in=old).delete()[0]
    return count + old.delete()[0]
