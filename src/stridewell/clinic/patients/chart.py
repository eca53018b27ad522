"""The patient chart and the patient portal are assembled from sections that feature apps register.

Each feature app calls `register_chart_section(...)` / `register_portal_section(...)` in its
AppConfig.ready(); a section renders its own template to HTML for one patient. The chart view
checks access and writes the audit record once, so sections need not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

Renderer = Callable[[HttpRequest, object], str]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int
    render: Renderer
    clinical: bool = True  # front desk does not see clinical sections


_CHART: dict[str, Section] = {}
_PORTAL: dict[str, Section] = {}


def register_chart_section(section: Section) -> None:
    """Add a section to the clinician's chart; returns nothing."""
    _CHART[section.key] = section


def register_portal_section(section: Section) -> None:
    """Add a section to the patient's own page; returns nothing."""
    _PORTAL[section.key] = section


def chart_sections(request: HttpRequest, patient, *, clinical: bool) -> list[tuple[Section, str]]:  # noqa: ANN001
    """Return the chart's sections (with their HTML) that this viewer may see, in order."""
    return [(s, s.render(request, patient)) for s in sorted(_CHART.values(), key=lambda s: s.order)
            if clinical or not s.clinical]


def portal_sections(request: HttpRequest, patient) -> list[tuple[Section, str]]:  # noqa: ANN001
    """Return the patient portal's sections with their HTML, in order."""
    return [(s, s.render(request, patient)) for s in sorted(_PORTAL.values(), key=lambda s: s.order)]
