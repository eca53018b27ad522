"""Readers: keypoint JSON from a pose tool, and TRC / C3D / tab-separated motion-capture markers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from stridewell.gait.errors import GaitInputError
from stridewell.gait.keypoints import LANDMARKS, FloatArray, Keypoints


@dataclass(frozen=True, eq=False)
class Markers:
    """Motion-capture marker tracks: name -> (T, 3) in `units`, sampled at `rate` Hz."""

    tracks: dict[str, FloatArray]
    rate: float
    units: str = "mm"

    @property
    def n_frames(self) -> int:
        """Return the number of frames."""
        return len(next(iter(self.tracks.values())))


def read_pose_json(path: str | Path, width: int, height: int) -> Keypoints:
    """Return Keypoints from a JSON file {"fps": f, "frames": [[[x_px, y_px, vis] x 33], ...]}."""
    data = json.loads(Path(path).read_text())
    frames = np.array(data["frames"], dtype=float)
    if frames.ndim != 3 or frames.shape[1:] != (len(LANDMARKS), 3):
        raise GaitInputError(f"{Path(path).name} does not hold 33 landmarks per frame.")
    times = np.arange(len(frames)) / float(data["fps"])
    return Keypoints(
        frames[:, :, :2].copy(),
        frames[:, :, 2].copy(),
        times,
        width,
        height,
        data.get("model", "pose_json"),
    )


def read_trc(path: str | Path) -> Markers:
    """Return the markers of a TRC file (OpenSim / Pose2Sim / Sports2D text format)."""
    lines = Path(path).read_text().splitlines()
    keys, values = lines[1].split("\t"), lines[2].split("\t")
    meta = dict(zip(keys, values, strict=False))
    rate = float(meta.get("DataRate", meta.get("CameraRate", "0")))
    names = [n for n in lines[3].split("\t")[2:] if n.strip()]
    rows = [ln.split("\t") for ln in lines[5:] if ln.strip()]
    data = np.array(
        [[float(v) if v.strip() else np.nan for v in r[: 2 + 3 * len(names)]] for r in rows]
    )
    tracks = {n: data[:, 2 + 3 * i : 5 + 3 * i] for i, n in enumerate(names)}
    return Markers(tracks, rate, meta.get("Units", "mm"))


def write_trc(markers: Markers, path: str | Path) -> None:
    """Write markers as a TRC file (the inverse of read_trc)."""
    names = list(markers.tracks)
    n = markers.n_frames
    head = [
        f"PathFileType\t4\t(X/Y/Z)\t{Path(path).name}",
        "DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames",
        f"{markers.rate:g}\t{markers.rate:g}\t{n}\t{len(names)}\t{markers.units}\t{markers.rate:g}\t1\t{n}",
        "Frame#\tTime\t" + "\t\t\t".join(names),
        "\t\t" + "\t".join(f"X{i + 1}\tY{i + 1}\tZ{i + 1}" for i in range(len(names))),
    ]
    stacked = np.hstack([markers.tracks[k] for k in names])
    body = [
        f"{i + 1}\t{i / markers.rate:.6f}\t" + "\t".join(f"{v:.4f}" for v in row)
        for i, row in enumerate(stacked)
    ]
    Path(path).write_text("\n".join(head + body) + "\n")


def read_c3d(path: str | Path) -> Markers:
    """Return the markers of a C3D file (ezc3d); missing samples become NaN."""
    import ezc3d  # type: ignore[import-untyped]

    c3d = ezc3d.c3d(str(path))
    point = c3d["parameters"]["POINT"]
    labels = list(point["LABELS"]["value"])
    pts = np.asarray(c3d["data"]["points"], dtype=float)
    units = (point.get("UNITS", {}).get("value") or ["mm"])[0]
    tracks = {}
    for i, name in enumerate(labels):
        xyz = pts[:3, i, :].T.copy()
        xyz[np.all(xyz == 0, axis=1)] = np.nan
        tracks[name] = xyz
    return Markers(tracks, float(point["RATE"]["value"][0]), units)


def read_marker_table(path: str | Path, rate: float | None = None) -> Markers:
    """Return markers from a tab-separated table `Time nameX nameY nameZ ...` (RBDS format)."""
    header = Path(path).open().readline().rstrip("\n").split("\t")
    data = np.loadtxt(path, skiprows=1, ndmin=2)
    names = [h[:-1] for h in header[1::3]]
    tracks = {n: data[:, 1 + 3 * i : 4 + 3 * i] for i, n in enumerate(names)}
    if rate is None:
        # the time column is rounded to ms, so use the whole span rather than one gap
        span = float(data[-1, 0] - data[0, 0])
        rate = (len(data) - 1) / span if span > 0 else 1.0
        if abs(rate - round(rate)) < 0.2:
            rate = float(round(rate))
    return Markers(tracks, rate)


def read_angle_column(path: str | Path, column: str) -> FloatArray:
    """Return one column (degrees) of a tab-separated table with a header row (RBDS curves)."""
    header = Path(path).open().readline().split()
    if column not in header:
        raise GaitInputError(f"{Path(path).name} has no column {column!r}")
    return np.asarray(np.loadtxt(path, skiprows=1, ndmin=2)[:, header.index(column)], dtype=float)


def read_knee_norm_angles(folder: str | Path) -> tuple[FloatArray, FloatArray]:
    """Return knee flexion (deg) at contact and peak in stance, one value per limb and file.

    Reads the BMC/RIC normative `*angs.txt` gait-cycle curves (Fukuchi et al. 2017): row 0 is
    contact; stance is taken as the first 40 rows (about 35-40 % of the cycle).
    """
    ic, peak = [], []
    for f in sorted(Path(folder).glob("*angs.txt")):
        header = f.open().readline().split()
        data = np.loadtxt(f, skiprows=1, ndmin=2)
        for j, h in enumerate(header):
            if h.startswith("Knee_Z_"):
                ic.append(data[0, j])
                peak.append(data[:40, j].max())
    return np.array(ic, dtype=float), np.array(peak, dtype=float)
