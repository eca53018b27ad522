"""The patient's own progress in the portal: pain and questionnaire scores over time, as plots.

The plots come from the feature apps (the pain trend from programmes, the questionnaire trends from
assessments); each has the same numbers as text beside it, for screen readers and small screens.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

PAIN_ROWS = 8


def _pain(patient) -> dict[str, Any]:  # noqa: ANN001
    from stridewell.clinic.programmes import services
    from stridewell.clinic.programmes.charts import pain_trend_svg
    from stridewell.clinic.programmes.progress import programme_state

    try:
        published = services.programme_published(patient)
    except services.ProgrammeUnreadable:
        return {}
    if published is None:
        return {}
    state = programme_state(*published)
    log = list(state.pain_log)
    if not log:
        return {}
    svg = pain_trend_svg(log, state.programme.pain_rule)
    return {"pain_svg": mark_safe(svg),  # noqa: S308 - matplotlib output, no user text in it
            "pain_rows": log[-PAIN_ROWS:][::-1], "pain_limit": state.programme.pain_rule.max_during}


def render_progress(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the portal section with the patient's pain and questionnaire scores over time."""
    from stridewell.clinic.assessments.trends import patient_trends

    trends = patient_trends(patient, with_plots=False)
    plotted = []
    for t in trends:
        if len(t.visits) >= 2:
            from stridewell.clinic.assessments.trends import trend_svg

            t.svg = mark_safe(trend_svg(t))  # noqa: S308 - matplotlib output
            plotted.append(t)
    return render_to_string("patients/progress_section.html", {
        **_pain(patient), "trends": trends, "plotted": plotted,
        "single": [t for t in trends if len(t.visits) == 1],
    }, request=request)
