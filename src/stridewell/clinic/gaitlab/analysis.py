"""The one place the web app calls the gait core: run it, turn its result into JSON, find its files.

The core (`stridewell.gait.analyse_video`) knows nothing of Django; this adapter gives the job a
progress callback in the core's terms, converts the frozen-dataclass result into plain JSON and
sorts the output folder into the annotated video, the report (HTML, PDF) and the plots.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

VIDEO_ENDINGS = (".mp4", ".webm", ".mov", ".m4v")
PLOT_ENDINGS = (".svg", ".png")
# The core names its stages; the patient and clinician read these words on the progress page.
STAGE_WORDS = {
    "probe": "Checking the video",
    "pose": "Finding the runner in each frame",
    "keypoints": "Finding the runner in each frame",
    "smooth": "Smoothing the movement",
    "events": "Finding each foot contact",
    "metrics": "Measuring each step",
    "findings": "Comparing with normal ranges",
    "annotate": "Drawing the annotated video",
    "video": "Drawing the annotated video",
    "plots": "Drawing the plots",
    "report": "Writing the report and its PDF",
    "done": "Measuring done; writing the report",
    "pdf": "Writing the PDF",
}


class CoreUnavailable(RuntimeError):
    """The gait core (or its pose model) is not installed on this server."""


@dataclass(frozen=True)
class CoreOutput:
    """What one analysis produced: its JSON, the view it used, and its files (absolute paths)."""

    result: dict[str, Any]
    view: str
    annotated: Path | None = None
    html: Path | None = None
    pdf: Path | None = None
    plots: list[Path] = field(default_factory=list)


def _plain(value: Any) -> Any:
    """Return `value` as JSON-ready data (dataclasses, enums, paths, numpy numbers, NaN -> None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return _plain(value.value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return value.name
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return _plain(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def result_to_json(analysis: Any) -> dict[str, Any]:
    """Return the core's result as a JSON-ready dict, by its own serialiser where it has one."""
    for name in ("to_dict", "as_dict", "to_json_dict"):
        method = getattr(analysis, name, None)
        if callable(method):
            return _plain(method())
    to_json = getattr(analysis, "to_json", None)
    if callable(to_json):
        text = to_json()
        return _plain(json.loads(text) if isinstance(text, str) else text)
    data = _plain(analysis)
    if not isinstance(data, dict):
        raise TypeError("the gait core returned something that is not a record")
    return data


class ProgressAdapter:
    """A callback the core can call as (stage, fraction) or (fraction, message); reports 0-1 overall.

    Each known stage fills its own share of the bar (finding the runner takes most of the time),
    and the bar never goes backwards.
    """

    SHARES = {"pose": (0.02, 0.75), "keypoints": (0.02, 0.75), "video": (0.75, 0.9), "annotate": (0.75, 0.9),
              "done": (0.9, 0.9), "report": (0.9, 0.97), "pdf": (0.9, 0.97), "plots": (0.9, 0.97)}

    def __init__(self, report: Callable[[float, str], None], start: float = 0.02, end: float = 0.97) -> None:
        self._report, self._start, self._end, self._best = report, start, end, start

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        values = list(args) + list(kwargs.values())
        fraction = next((float(a) for a in values if isinstance(a, (int, float)) and not isinstance(a, bool)), None)
        text = next((a for a in values if isinstance(a, str)), "")
        stage = text.strip().lower()
        words = STAGE_WORDS.get(stage, text) or "Analysing the video"
        if fraction is not None and math.isfinite(fraction):
            fraction = min(max(fraction, 0.0), 1.0)
            lo, hi = self.SHARES.get(stage, (self._start, self._end))
            self._best = max(self._best, lo + (hi - lo) * fraction)
        pct = f" ({round(100 * fraction)}%)" if fraction is not None and stage not in ("done", "") else ""
        self._report(self._best, f"{words}{pct}")


def _find_files(out_dir: Path, analysis: Any) -> dict[str, Any]:
    """Return the output files, from the result's own file list when it names them, else by ending."""
    named: dict[str, Any] = {}
    outputs = getattr(analysis, "outputs", None) or getattr(analysis, "files", None)
    if outputs is not None:
        data = outputs if isinstance(outputs, dict) else {
            f.name: getattr(outputs, f.name) for f in dataclasses.fields(outputs)} if dataclasses.is_dataclass(
            outputs) else {}
        for key, value in data.items():
            if value is None or value == "":
                continue
            if isinstance(value, (list, tuple)):
                named[key] = [Path(v) for v in value]
            else:
                named[key] = Path(value)
    files = sorted(p for p in out_dir.rglob("*") if p.is_file())
    videos = [p for p in files if p.suffix.lower() in VIDEO_ENDINGS]
    annotated = next((p for k, p in named.items() if "annot" in k and isinstance(p, Path)), None)
    if annotated is None and videos:
        annotated = next((p for p in videos if "annot" in p.name.lower()), videos[0])
    html = named.get("html") or named.get("report_html") or next((p for p in files if p.suffix == ".html"), None)
    pdf = named.get("pdf") or named.get("report_pdf") or next((p for p in files if p.suffix == ".pdf"), None)
    plots = named.get("plots") or [p for p in files if p.suffix.lower() in PLOT_ENDINGS]
    return {"annotated": annotated, "html": html, "pdf": pdf, "plots": list(plots)}


def _core() -> Callable[..., Any]:
    try:
        from stridewell.gait import analyse_video
    except ImportError as exc:
        raise CoreUnavailable("the gait core has no analyse_video yet") from exc
    return analyse_video


def _write_report(analysis: Any, out_dir: Path, runner: str, progress: ProgressAdapter) -> None:
    """Write report.html, report.pdf and the plots as SVG files next to the core's output."""
    try:
        from stridewell.report.gait import write_gait_report
    except ImportError:  # the report renderer is optional: the page shows the numbers without it
        return
    progress("report", 0.0)
    write_gait_report(analysis, out_dir, pdf=True, runner=runner, plot_files=True)
    progress("report", 1.0)


def run_core(video: Path, *, view: str | None, out_dir: Path, progress: Callable[[float, str], None],
             runner: str = "") -> CoreOutput:
    """Run the gait core on one video into `out_dir`, then write its report; returns its JSON and files.

    Raises the core's GaitInputError for a video it cannot analyse (its message is for the user),
    CoreUnavailable when the core is missing.
    """
    analyse = _core()
    out_dir.mkdir(parents=True, exist_ok=True)
    adapter = ProgressAdapter(progress)

    def report(analysis: Any) -> None:
        if not isinstance(analysis, dict) and hasattr(analysis, "summary") and hasattr(analysis, "norms"):
            _write_report(analysis, out_dir, runner, adapter)

    if "meanwhile" in inspect.signature(analyse).parameters:  # the report is written while the video encodes
        analysis = analyse(video, view=view, out_dir=out_dir, progress=adapter, meanwhile=report)
    else:
        analysis = analyse(video, view=view, out_dir=out_dir, progress=adapter)
        report(analysis)
    result = result_to_json(analysis)
    found = _find_files(out_dir, analysis)
    if isinstance(result.get("files"), dict):  # the core's absolute working paths mean nothing once moved
        result["files"] = {k: Path(str(v)).name for k, v in result["files"].items()}
    view_data = result.get("view")
    used_view = str(view_data.get("view") or view or "") if isinstance(view_data, dict) else str(view_data or view or "")
    return CoreOutput(result=result, view=used_view, annotated=found["annotated"], html=found["html"],
                      pdf=found["pdf"], plots=[Path(p) for p in found["plots"] if Path(p).is_file()])
