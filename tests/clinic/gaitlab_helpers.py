"""Shared helpers for the gait web tests: people who treat a patient, tiny clips, a stand-in core."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
from django.contrib.auth import get_user_model

from stridewell.clinic.booking import services as booking
from stridewell.gait import Cadence, Finding, GaitAnalysis, Step, Summary, load_norms
from stridewell.gait.view import ViewInfo

REAL_CLIP = Path("/work/shared/data/gait/treadmill_side_clip/male_side.mp4")
if not REAL_CLIP.exists():  # the shared data folder sits beside the checkout
    REAL_CLIP = Path(__file__).resolve().parents[3] / "shared/data/gait/treadmill_side_clip/male_side.mp4"


def make_clip(path: Path, *, seconds: float = 2.0, fps: int = 30, size: tuple[int, int] = (320, 568),
              level: int = 0) -> Path:
    """Write an H.264 clip of one flat grey level (0 = black); returns its path."""
    import av

    w, h = size
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        frame = np.full((h, w, 3), level, np.uint8)
        for _ in range(int(seconds * fps)):
            for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def people(clinic, make_patient) -> dict:  # noqa: ANN001
    """Alice treats Pia; Bob treats Oscar only."""
    User = get_user_model()
    alice = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner", first_name="Alice")
    clinic.alice.user = alice
    clinic.alice.save()
    bob = User.objects.create_user("bob@clinic.example", "x" * 12, role="practitioner", first_name="Bob")
    clinic.bob.user = bob
    clinic.bob.save()
    pia, oscar = make_patient("Pia"), make_patient("Oscar")
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                             start=clinic.at(10), token="t")
    booking.appointment_confirm(token="t", patient=pia)
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.bob,
                             start=clinic.at(10, day=clinic.day + timedelta(days=1)), token="u")
    booking.appointment_confirm(token="u", patient=oscar)
    return {"alice": alice, "bob": bob, "pia": pia, "oscar": oscar}


def fake_analysis(view: str = "side") -> GaitAnalysis:
    """Return a GaitAnalysis made of the core's own types, with numbers chosen by hand.

    Cadence 162 steps/min; heel ahead of the hip 24 % (left, 10 steps) and 26 % (right, 10 steps),
    so 25 % over both; knee bent 10.0 and 12.0 deg at contact, 11.0 deg over both; heel-first strikes.
    """
    norms = load_norms()
    steps = tuple(Step(number=i + 1, side=("left", "right")[i % 2], near_side=i % 2 == 0, ic_time=0.35 * i,
                       to_time=0.35 * i + 0.25, step_time=0.37, foot_strike_angle=15.0, foot_strike="rearfoot",
                       knee_flexion_ic=(10.0, 12.0)[i % 2], overstride=(24.0, 26.0)[i % 2]) for i in range(20))
    summary = tuple(Summary(metric, side, mean, 1.0, 10, norms.metrics[metric].unit, status)
                    for metric, side, mean, status in (
                        ("foot_strike_angle", "left", 15.0, "high"), ("foot_strike_angle", "right", 15.0, "high"),
                        ("knee_flexion_ic", "left", 10.0, "ok"), ("knee_flexion_ic", "right", 12.0, "ok"),
                        ("overstride", "left", 24.0, "ok"), ("overstride", "right", 26.0, "ok")))
    findings = (
        Finding("cadence_low", "cadence", None, 162.0, "steps/min", "Few steps per minute",
                "You take about 162 steps a minute, fewer than most runners at this speed.",
                "Try 170 steps a minute with a metronome for part of each easy run.",
                "Heiderscheit 2011: +10% cadence cut knee load by about 20%."),
        Finding("foot_strike_rear", "foot_strike_angle", "left", 15.0, "deg", "Heel lands first",
                "Your heel touches down first, well ahead of the rest of the foot.",
                "Land with the foot under you.", "Altman & Davis 2012"),
    )
    return GaitAnalysis(source="clip.mp4", view=ViewInfo(view, 1, "left", 0.2), fps=30.0, duration_s=12.0,
                        cadence=Cadence(162.0, 162.0, 161.8, 20, "120 / mean stride interval"), steps=steps,
                        summary=summary, findings=findings, notes=("Contact time needs slow motion.",),
                        norms=tuple(norms.metrics[k] for k in ("cadence", "foot_strike_angle", "knee_flexion_ic",
                                                               "overstride")))


def fake_core(calls: list | None = None):  # noqa: ANN201
    """Return a stand-in for analyse_video that writes small output files like the real one."""

    def analyse(path, *, view=None, out_dir=None, progress=None):  # noqa: ANN001, ANN202
        if calls is not None:
            calls.append(Path(path))
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, out / "annotated.mp4")
        for stage, frac in (("pose", 0.5), ("pose", 1.0), ("video", 1.0), ("done", 1.0)):
            progress(stage, frac)
        return replace(fake_analysis(view or "side"), files={"video": str(out / "annotated.mp4")})

    return analyse


def fake_report(analysis, out_dir, runner, progress):  # noqa: ANN001, ANN201, ARG001
    """Stand in for the report writer (WeasyPrint takes seconds): a tiny PDF and one plot."""
    (out_dir / "report.html").write_text("<html><body>report</body></html>")
    (out_dir / "report.pdf").write_bytes(b"%PDF-1.4\n% stand-in\n")
    (out_dir / "plots").mkdir(exist_ok=True)
    (out_dir / "plots" / "knee-angle.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')


_REAL: dict[str, Path] = {}


def remember_real_output(out_dir: Path) -> None:
    """Keep a copy of a real analysis's output folder for later tests in this run (it takes half a minute)."""
    import tempfile

    if "out" not in _REAL and out_dir.is_dir():
        keep = Path(tempfile.mkdtemp(prefix="gaitlab-real-")) / "out"
        shutil.copytree(out_dir, keep)
        _REAL["out"] = keep


def real_output_dir() -> Path:
    """Return a folder with the real pipeline's output for the real clip, running it once per test run."""
    if "out" not in _REAL:
        import tempfile

        from stridewell.clinic.gaitlab.analysis import run_core

        out = Path(tempfile.mkdtemp(prefix="gaitlab-real-")) / "out"
        output = run_core(REAL_CLIP, view=None, out_dir=out, progress=lambda f, m: None)
        (out / "result.json").write_text(__import__("json").dumps(output.result))
        _REAL["out"] = out
    return _REAL["out"]
