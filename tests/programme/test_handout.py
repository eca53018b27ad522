"""The handout renders to HTML, to PDF on A4 and Letter, and to PNG pages."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from stridewell.programme import ProgrammeInputs, build_programme, illustration_svg, load_library
from stridewell.report.programme import handout_pdf, render_handout
from stridewell.report.render import html_to_pdf, pdf_to_pngs

PROG = build_programme(ProgrammeInputs(
    condition="patellofemoral_pain", phase=2, findings=("weak_hip_abductors", "tight_calves"),
    equipment=("band", "mini_band", "dumbbell"), days_available=("mon", "wed", "fri", "sat"),
    patient_name="Alex <Runner>", clinician="Sam Physio"))

# PDF points (1/72 inch): A4 210 x 297 mm, Letter 8.5 x 11 in.
SIZES = {"A4": (595.3, 841.9), "Letter": (612.0, 792.0)}


def test_handout_html_has_safety_wording_evidence_and_every_current_exercise() -> None:
    html = render_handout(PROG)
    assert PROG.disclaimer in html
    assert 'id="red-flags"' in html and PROG.red_flags[0] in html
    for p in PROG.phase.prescriptions:
        assert p.name in html
    assert "Crossley KM et al. 2016" in html
    assert html.count("<svg") == len(PROG.phase.prescriptions)


def test_handout_escapes_names_typed_by_people() -> None:
    html = render_handout(PROG)
    assert "Alex &lt;Runner&gt;" in html and "Alex <Runner>" not in html


def test_every_link_inside_the_handout_has_a_target() -> None:
    import re
    html = render_handout(PROG)
    anchors = set(re.findall(r'id="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= anchors


def test_general_programme_says_so_on_the_handout() -> None:
    html = render_handout(build_programme(ProgrammeInputs(condition="plica")))
    assert "General programme." in html


@pytest.mark.slow
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_handout_pdf_prints_on_the_paper_size_with_a_sane_page_count(
        size: str, tmp_path: Path) -> None:
    pdf = handout_pdf(PROG, size)  # type: ignore[arg-type]
    doc = pdfium.PdfDocument(pdf)
    assert 4 <= len(doc) <= 14
    for i in range(len(doc)):
        w, h = doc[i].get_size()
        assert (round(w), round(h)) == tuple(round(v) for v in SIZES[size])
    pngs = pdf_to_pngs(pdf, tmp_path, stem=size, scale=0.5)
    assert len(pngs) == len(doc)
    first = pngs[0].read_bytes()
    assert first.startswith(b"\x89PNG") and len(first) > 10_000


@pytest.mark.slow
def test_all_illustrations_render_to_png_on_one_contact_sheet(tmp_path: Path) -> None:
    lib = load_library()
    html = "<html><body>" + "".join(
        f"<div style='display:inline-block'>{illustration_svg(e.illustration, 90)}</div>"
        for e in lib.values()) + "</body></html>"
    pngs = pdf_to_pngs(html_to_pdf(html), tmp_path, stem="sheet", scale=0.5)
    assert 1 <= len(pngs) <= 6


def test_stored_programme_whose_exercise_left_the_library_still_renders() -> None:
    from dataclasses import replace

    first = PROG.phase.prescriptions[0]
    gone = replace(first, exercise_id="retired_exercise", name="Old drill")
    week = tuple(replace(d, exercise_ids=tuple("retired_exercise" if i == first.exercise_id else i
                                              for i in d.exercise_ids)) for d in PROG.phase.week)
    phase = replace(PROG.phase, prescriptions=(gone, *PROG.phase.prescriptions[1:]), week=week)
    phases = tuple(phase if p.number == PROG.current_phase else p for p in PROG.phases)
    html = render_handout(replace(PROG, phases=phases))
    assert "Old drill" in html and "no longer in the library" in html


def test_handout_carries_a_printable_pain_diary_linked_from_the_pain_box() -> None:
    html = render_handout(PROG)
    assert 'id="pain-diary"' in html and 'href="#pain-diary"' in html
    assert html.count("<td>&nbsp;</td>") == 14
