"""Rendering shared by the CLI and the web: HTML (Jinja2), PDF (WeasyPrint), plots (matplotlib).

Each feature keeps its own module here (`report/load.py`, `report/gait.py`, ...) and its templates
under `report/templates/<feature>/`; this module holds the pieces they share.
"""

from stridewell.report.render import figure_to_svg, html_to_pdf, pdf_to_pngs, render_html

__all__ = ["figure_to_svg", "html_to_pdf", "pdf_to_pngs", "render_html"]
