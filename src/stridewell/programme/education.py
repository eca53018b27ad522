"""Education pages: short Markdown pages in our own words, each with its sources."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from pydantic import ConfigDict, Field, TypeAdapter

from stridewell.programme.datafiles import data_names, read_text

__all__ = ["EducationPage", "education_html", "load_education"]

_FENCE = "+++"


@dataclass(frozen=True)
class EducationPage:
    """One page: id (file stem), title, one-line summary, Markdown body and sources."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: str
    title: str
    summary: str
    order: int
    body: str = Field(min_length=100)
    sources: tuple[str, ...] = Field(min_length=1)


def _parse(page_id: str, text: str) -> EducationPage:
    if not text.startswith(_FENCE):
        raise ValueError(f"education/{page_id}.md must start with a +++ TOML header")
    header, _, body = text[len(_FENCE):].partition(_FENCE)
    meta = tomllib.loads(header)
    return TypeAdapter(EducationPage).validate_python(
        {"id": page_id, **meta, "body": body.strip()}
    )


@cache
def load_education() -> dict[str, EducationPage]:
    """Return every education page by id, in reading order."""
    pages = [_parse(name.removesuffix(".md"), read_text(f"education/{name}"))
             for name in data_names("education", ".md")]
    return {p.id: p for p in sorted(pages, key=lambda p: (p.order, p.id))}


_MD = MarkdownIt("commonmark", {"html": False})


def education_html(page: EducationPage) -> str:
    """Return the page body as HTML (raw HTML in the Markdown is escaped, not passed on)."""
    html: str = _MD.render(page.body)
    return html
