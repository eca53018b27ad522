"""Shared rendering helpers: Jinja2 templates, inline SVG plots, PDF and PNG output."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

_env = Environment(
    loader=PackageLoader("stridewell.report", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(template: str, **context: Any) -> str:
    """Return the HTML text of `templates/<template>` rendered with `context`."""
    return _env.get_template(template).render(**context)


def figure_to_svg(fig: Any) -> str:
    """Return a matplotlib figure as an inline SVG string (and close the figure)."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.find("<svg"):]


def html_to_pdf(html: str, out: Path | None = None, base_url: str | None = None) -> bytes:
    """Return the PDF bytes of `html` (WeasyPrint), also written to `out` when given."""
    from weasyprint import HTML

    data: bytes = HTML(string=html, base_url=base_url).write_pdf()
    if out is not None:
        Path(out).write_bytes(data)
    return data


def pdf_to_pngs(pdf: bytes, out_dir: Path, stem: str = "page", scale: float = 1.5) -> list[Path]:
    """Render each PDF page to `out_dir/<stem>-N.png` (pypdfium2); returns the paths."""
    import pypdfium2 as pdfium

    out_dir.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(pdf)
    paths = []
    for i in range(len(doc)):
        img = doc[i].render(scale=scale).to_pil()
        path = out_dir / f"{stem}-{i + 1}.png"
        img.save(path)
        paths.append(path)
    return paths
