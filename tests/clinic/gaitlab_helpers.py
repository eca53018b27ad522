"""Shared helpers for the gait web tests: people who treat a patient, tiny clips, a stand-in core."""

from __future__ import annotations

import shutil
from datetime import timedelta
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.contrib.auth import get_user_model

from stridewell.clinic.booking import services as booking

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


@dataclass(frozen=True)
class FakeAnalysis:
    """Shaped like the core's result: a summary per metric and side, findings with cues."""

    view: str
    summary: dict
    findings: list
    steps: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


SUMMARY = {
    "cadence": {"label": "Cadence", "unit": "steps/min", "left": {"mean": 161.0, "sd": 2.0},
                "right": {"mean": 163.0, "sd": 2.2}, "both": {"mean": 162.0}, "n": 20, "status": "low",
                "norm": {"low": 166, "high": 190, "source": "Heiderscheit 2011"}},
    "overstride": {"label": "Overstride", "unit": "cm", "left": {"mean": 14.2}, "right": {"mean": 12.8},
                   "both": {"mean": 13.5}, "status": "high", "norm": {"high": 10, "source": "Souza 2016"}},
    "foot_strike": {"label": "Foot strike", "both": "heel", "left": "heel", "right": "heel"},
    "knee_flexion_ic": {"label": "Knee bend at contact", "unit": "deg", "left": {"mean": 9.5},
                        "right": {"mean": 11.0}, "both": {"mean": 10.2}, "norm": {"low": 15, "high": 25}},
}
FINDINGS = [
    {"key": "low_cadence", "title": "Few steps per minute", "status": "attention",
     "explanation": "You take about 162 steps a minute, fewer than most runners at this speed.",
     "cue": "Try 170 steps a minute with a metronome for part of each easy run.",
     "evidence": "Heiderscheit 2011: +10% cadence cut knee load by about 20%."},
    {"key": "overstride", "title": "Foot lands far ahead of the hip", "status": "attention",
     "explanation": "Your heel lands about 13 cm ahead of your hip.", "cue": "Land with the foot under you."},
]


def fake_core(calls: list | None = None):  # noqa: ANN201
    """Return a stand-in for analyse_video that writes small output files like the real one."""

    def analyse(path, *, view=None, out_dir=None, progress=None):  # noqa: ANN001, ANN202
        if calls is not None:
            calls.append(Path(path))
        out = Path(out_dir)
        (out / "plots").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, out / "annotated.mp4")
        (out / "report.html").write_text("<html><body>report</body></html>")
        (out / "report.pdf").write_bytes(b"%PDF-1.4\n% fake\n")
        (out / "plots" / "knee_angle.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
        for stage, frac in (("pose", 0.5), ("pose", 1.0), ("report", 1.0)):
            progress(stage, frac)
        return FakeAnalysis(view=view or "side", summary=SUMMARY, findings=FINDINGS)

    return analyse
