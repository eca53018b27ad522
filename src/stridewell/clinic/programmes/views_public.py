"""Education pages: public (no sign-in), phone-friendly, linked from programmes and handouts."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from stridewell import programme as core
from stridewell.clinic.programmes.presentation import education_links, page_slug


def learn_index(request: HttpRequest) -> HttpResponse:
    """The list of education pages."""
    return render(request, "programmes/learn_index.html", {"pages": education_links()})


def learn_page(request: HttpRequest, slug: str) -> HttpResponse:
    """One education page in plain words, with its sources."""
    pages = core.load_education()
    page = next((p for p in pages.values() if page_slug(p.id) == slug), None)
    if page is None:
        raise Http404("No such page")
    links = education_links()
    index = list(pages).index(page.id)  # education_links() keeps the pages' reading order
    return render(
        request,
        "programmes/learn_page.html",
        {
            "page": page,
            "body": mark_safe(core.education_html(page)),  # noqa: S308 - the core escapes raw HTML
            "previous": links[index - 1] if index > 0 else None,
            "next": links[index + 1] if index + 1 < len(links) else None,
        },
    )
