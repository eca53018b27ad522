"""Education pages: every topic the issue names, each with sources, rendered safely."""

from stridewell.programme import build_programme, education_html, load_education
from stridewell.programme.education import EducationPage
from stridewell.programme.models import ProgrammeInputs

PAGES = load_education()


def test_pages_cover_prevention_topics_and_flare_up_first_aid() -> None:
    for topic in ("why_knees_hurt", "progress_gradually", "rest_and_recovery",
                  "strength_and_form", "shoes", "posture", "muscle_balance", "flare_up"):
        assert topic in PAGES, topic
    first_aid = PAGES["flare_up"].body.lower()
    for step in ("relative rest", "ice", "taping"):
        assert step in first_aid


def test_every_page_has_a_title_summary_and_sources() -> None:
    for page in PAGES.values():
        assert page.title and page.summary and page.sources


def test_pages_come_in_reading_order() -> None:
    assert list(PAGES)[0] == "why_knees_hurt"


def test_markdown_renders_to_html_lists_and_bold() -> None:
    html = education_html(PAGES["flare_up"])
    assert "<ol>" in html and "<strong>Relative rest.</strong>" in html


def test_raw_html_in_a_page_is_escaped_not_passed_through() -> None:
    page = EducationPage("x", "X", "x", 1, "<script>alert(1)</script> " + "a" * 100, ("s",))
    assert "<script>" not in education_html(page)


def test_every_programme_links_to_every_page() -> None:
    prog = build_programme(ProgrammeInputs(condition="patellofemoral_pain"))
    assert set(prog.education) == set(PAGES)


def test_each_page_renders_as_a_standalone_document_with_its_sources() -> None:
    from stridewell.report.programme import render_education_page

    for page in PAGES.values():
        html = render_education_page(page.id)
        assert f"<h1>{page.title}</h1>" in html.replace("&#39;", "'")
        assert "Sources" in html and "does not replace" in html
