"""The programme handout: HTML (Jinja2) and PDF (WeasyPrint), A4 or Letter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from stridewell.programme import (
    Exercise,
    Library,
    Phase,
    Prescription,
    Programme,
    education_html,
    entry_criteria,
    illustration_svg,
    load_education,
    load_findings,
    load_library,
    load_safety,
    run_rules,
    walk_run_levels,
)
from stridewell.report.render import html_to_pdf, render_html

__all__ = [
    "PageSize",
    "handout_pdf",
    "programme_text",
    "render_education_page",
    "render_handout",
    "write_handout",
]

PageSize = Literal["A4", "Letter"]
DAY_NAMES = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri",
             "sat": "Sat", "sun": "Sun"}


@dataclass(frozen=True)
class _Card:
    name: str
    dose: str
    role: str
    reason: str
    exercise: Exercise | None = None
    svg: Markup = Markup("")
    easier: str = ""
    harder: str = ""


def _card(p: Prescription, library: Library) -> _Card:
    ex = library.get(p.exercise_id)
    if ex is None:  # a stored programme may outlive an exercise removed from the library
        return _Card(p.name, p.dose.describe(), p.role, p.reason)
    return _Card(
        name=ex.name,
        dose=p.dose.describe(),
        role=p.role,
        reason=p.reason,
        exercise=ex,
        svg=Markup(illustration_svg(ex.illustration, height_px=115, title=ex.name)),
        easier=library[ex.regression].name if ex.regression else "",
        harder=library[ex.progression].name if ex.progression else "",
    )


def _cards(phase: Phase, library: Library) -> list[_Card]:
    return [_card(p, library) for p in phase.prescriptions]


def _css_text(text: str) -> str:
    """Return `text` safe inside a double-quoted CSS string (the page footer)."""
    return re.sub(r"[^\w\s\-(),.'/]", "", text)


def _week_rows(phase: Phase) -> list[tuple[str, list[str]]]:
    names = {p.exercise_id: p.name for p in phase.prescriptions}
    return [(DAY_NAMES[d.day], [names.get(i, i) for i in d.exercise_ids]) for d in phase.week]


def render_handout(programme: Programme, page_size: PageSize = "A4",
                   today: date | None = None) -> str:
    """Return the handout HTML for `programme`, laid out for `page_size` paper."""
    library = load_library()
    pages = load_education()
    current = programme.phase
    findings = load_findings()
    return render_html(
        "programme/handout.html",
        p=programme,
        page_size=page_size,
        today=(today or date.today()).isoformat(),
        current=current,
        cards=_cards(current, library),
        week=_week_rows(current),
        later=[(ph, [(x.name, x.dose.describe()) for x in ph.prescriptions])
               for ph in programme.phases if ph.number != current.number],
        findings=[findings[f].label for f in programme.findings if f in findings],
        education=[(pages[e], Markup(education_html(pages[e])))
                   for e in programme.education if e in pages],
        footer=Markup(_css_text(f"Stridewell exercise programme - {programme.condition_label}")),
        levels=walk_run_levels(),
        rules=run_rules(),
        entry=entry_criteria(),
    )


def handout_pdf(programme: Programme, page_size: PageSize = "A4",
                out: Path | None = None) -> bytes:
    """Return the handout as PDF bytes (WeasyPrint), also written to `out` when given."""
    return html_to_pdf(render_handout(programme, page_size), out)


def write_handout(programme: Programme, stem: Path,
                  page_size: PageSize = "A4") -> tuple[Path, Path]:
    """Write `<stem>.html` and `<stem>.pdf`; returns both paths."""
    html = render_handout(programme, page_size)
    html_path, pdf_path = stem.with_suffix(".html"), stem.with_suffix(".pdf")
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(html, encoding="utf-8")
    html_to_pdf(html, pdf_path)
    return html_path, pdf_path


def programme_text(programme: Programme) -> str:
    """Return the programme as plain text for the terminal: current phase in full, then the rest."""
    lines = [f"{programme.protocol_name} ({programme.condition_label})", programme.disclaimer, ""]
    for ph in programme.phases:
        mark = "  <- now" if ph.number == programme.current_phase else ""
        lines.append(f"Phase {ph.number}: {ph.name} ({ph.weeks}){mark}")
        for x in ph.prescriptions:
            lines.append(f"  - {x.name}: {x.dose.describe()}")
        lines.append("  Move on when:")
        lines += [f"    * {a}" for a in ph.advance_when]
        lines.append("")
    if programme.adjustments:
        lines.append("Tailoring:")
        lines += [f"  - {a}" for a in programme.adjustments]
    return "\n".join(lines)


def render_education_page(page_id: str, page_size: PageSize = "A4") -> str:
    """Return one education page as a standalone HTML document (KeyError if unknown)."""
    page = load_education()[page_id]
    return render_html("programme/education.html", page=page, page_size=page_size,
                       body=Markup(education_html(page)), disclaimer=load_safety().disclaimer)
