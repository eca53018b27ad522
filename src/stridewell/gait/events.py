"""Running gait events from 2D foot keypoints: initial contact (IC) and toe-off (TO).

Method: each foot's lowest point (heel or toe) crossing a height threshold just above its
floor level gives IC; the toe crossing its own threshold upward gives TO, both timed between
frames by linear interpolation. This is the 2D form of foot-marker vertical kinematics for
running (Handsaker et al. 2016, J Biomech 49:4128; O'Connor et al. 2007, Gait Posture 25:469
use the same foot-height and foot-velocity idea); strides are windowed by the heel's forward
peaks (Zeni et al. 2008, Gait Posture 27:710). The threshold was set and validated on the
RBDS001 force-plate events (tests/gait/test_events_mocap.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.signal import find_peaks  # type: ignore[import-untyped]

from stridewell.gait.keypoints import FloatArray

CONTACT_THRESHOLD = 0.10  # fraction of the foot's vertical range above its floor level
MIN_CONTACT_S, MAX_CONTACT_S = 0.08, 0.60
MIN_SWING_S = 0.12
ZENI_OFFSET_S = 0.035  # force-plate contact follows the heel's forward peak (RBDS001: 32-41 ms)
ZENI_WINDOW_S = (
    -0.05,
    0.10,
)  # a foot-height contact outside this window of the peak is not trusted


@dataclass(frozen=True)
class FootTrack:
    """One foot's forward and upward pixel tracks (T,) plus the pelvis forward track."""

    side: str
    heel_fwd: FloatArray
    heel_up: FloatArray
    toe_fwd: FloatArray
    toe_up: FloatArray
    pelvis_fwd: FloatArray


@dataclass(frozen=True)
class Contact:
    """One foot contact: side, IC and TO times (s) and fractional frame indices."""

    side: str
    ic_time: float
    to_time: float
    ic_index: float
    to_index: float
    ic_method: str = "foot height"

    @property
    def contact_time(self) -> float:
        """Return the contact time in seconds."""
        return self.to_time - self.ic_time


def _crossings(x: FloatArray, thr: float, upward: bool) -> FloatArray:
    """Return fractional indices where x crosses thr (upward or downward), NaN-safe."""
    a, b = x[:-1], x[1:]
    ok = np.isfinite(a) & np.isfinite(b)
    hit = ok & ((a < thr) & (b >= thr) if upward else (a >= thr) & (b < thr))
    i = np.flatnonzero(hit)
    return i + (thr - a[i]) / (b[i] - a[i])


def _threshold(x: FloatArray, frac: float, pct: float = 5) -> float:
    lo, hi = np.nanpercentile(x, [pct, 100 - pct])
    return float(lo + frac * (hi - lo))


def zeni_peaks(foot: FootTrack, fps: float) -> FloatArray:
    """Return frame indices of the heel's forward peaks relative to the pelvis (Zeni 2008)."""
    rel = foot.heel_fwd - foot.pelvis_fwd
    if np.isfinite(rel).sum() < 3:
        return np.array([])
    filled = np.where(np.isfinite(rel), rel, np.nanmin(rel))
    peaks, _ = find_peaks(
        filled,
        distance=max(1, int(0.4 * fps)),
        prominence=0.25 * float(np.nanpercentile(rel, 95) - np.nanpercentile(rel, 5)),
    )
    out: FloatArray = peaks.astype(float)
    return out


def foot_contacts(
    foot: FootTrack, times: FloatArray, fps: float, frac: float = CONTACT_THRESHOLD
) -> list[Contact]:
    """Return the contacts of one foot, in time order.

    Each stride window starts just before a Zeni forward peak; within it the floor level and
    foot range are local, so slow drifts of a hand-held camera or the pose model do not move
    the threshold.
    """
    low = np.fmin(foot.heel_up, foot.toe_up)
    if np.isfinite(low).sum() < 3 or np.isfinite(foot.toe_up).sum() < 3:
        return []
    peaks = zeni_peaks(foot, fps)
    if len(peaks) < 2:
        bounds = [(0, len(low))]
    else:
        stride = float(np.median(np.diff(peaks)))
        lead = int(round(0.1 * fps))
        bounds = [(max(0, int(p) - lead), min(len(low), int(p + stride) - lead)) for p in peaks]
        # a stride cut short by the clip's end cannot show a whole contact
        keep = [b - a >= 0.7 * stride for a, b in bounds]
        bounds = [w for w, k in zip(bounds, keep, strict=True) if k]
        peaks = peaks[np.array(keep)]
    anchors = peaks if len(bounds) == len(peaks) else np.full(len(bounds), np.nan)
    pairs = [
        (c, float(peak))
        for (a, b), peak in zip(bounds, anchors, strict=True)
        for c in _window_contacts(foot, low, a, b, times, fps, frac)
    ]
    # One method per foot and clip: mixing foot-height and Zeni contacts from stride to stride
    # makes step times and angles at contact alternate between two values that are not real.
    lags = [(c.ic_index - p) / fps for c, p in pairs if np.isfinite(p)]
    height_late = bool(lags) and not (
        ZENI_WINDOW_S[0] <= float(np.median(lags)) <= ZENI_WINDOW_S[1]
    )
    out = [_anchor(c, p, times, fps, always=height_late) for c, p in pairs]
    return [
        c
        for i, c in enumerate(out)
        if i == 0 or (c.ic_index - out[i - 1].to_index) / fps >= MIN_SWING_S
    ]


def _window_contacts(
    foot: FootTrack, low: FloatArray, a: int, b: int, times: FloatArray, fps: float, frac: float
) -> list[Contact]:
    seg, toe = low[a:b], foot.toe_up[a:b]
    if np.isfinite(seg).sum() < 3 or np.isfinite(toe).sum() < 3:
        return []
    out: list[Contact] = []
    tos = _crossings(toe, _threshold(toe, frac, 0), upward=True)
    for ic in _crossings(seg, _threshold(seg, frac, 0), upward=False):
        later = tos[tos > ic]
        if not len(later) or (out and ic < out[-1].to_index - a):
            continue
        to = float(later[0])
        if not MIN_CONTACT_S <= (to - ic) / fps <= MAX_CONTACT_S:
            continue
        if np.isnan(seg[int(ic) : int(np.ceil(to)) + 1]).any():
            continue
        out.append(
            Contact(
                foot.side,
                _time_at(times, a + ic),
                _time_at(times, a + to),
                float(a + ic),
                float(a + to),
            )
        )
    return out[:1] if len(out) > 1 and b - a < len(low) else out


def _anchor(
    c: Contact, peak: float, times: FloatArray, fps: float, *, always: bool = False
) -> Contact:
    """Return the contact, its IC moved to the Zeni peak + offset when foot height disagrees.

    On phone video the foot keypoints can keep sinking through stance (lens distortion near the
    picture's edge), which delays the height crossing; the heel's forward peak is robust.
    `always` moves it whatever the lag (the foot's height crossings are late as a rule).
    """
    if not np.isfinite(peak):
        return c
    lag = (c.ic_index - peak) / fps
    if not always and ZENI_WINDOW_S[0] <= lag <= ZENI_WINDOW_S[1]:
        return c
    ic = peak + ZENI_OFFSET_S * fps
    if ic >= c.to_index - MIN_CONTACT_S * fps:
        return c
    return Contact(c.side, _time_at(times, ic), c.to_time, float(ic), c.to_index, "Zeni + offset")


def _time_at(times: FloatArray, index: float) -> float:
    return float(np.interp(index, np.arange(len(times)), times))


def detect_contacts(
    feet: list[FootTrack], times: FloatArray, fps: float, frac: float = CONTACT_THRESHOLD
) -> list[Contact]:
    """Return the contacts of all feet, in time order."""
    contacts = [c for f in feet for c in foot_contacts(f, times, fps, frac)]
    return sorted(contacts, key=lambda c: c.ic_time)


def cadence_from_contacts(contacts: list[Contact]) -> tuple[float, float, int]:
    """Return (cadence in steps/min, mean stride time in s, strides used).

    Cadence = 120 / mean stride interval of same-foot contacts (steps per minute); strides
    more than 30 % away from the median (a missed contact) are dropped.
    """
    strides: list[float] = []
    for side in {c.side for c in contacts}:
        t = np.array([c.ic_time for c in contacts if c.side == side])
        strides.extend(np.diff(t).tolist())
    if not strides:
        return float("nan"), float("nan"), 0
    s = np.array(strides)
    s = s[np.abs(s - np.median(s)) <= 0.3 * np.median(s)]
    mean = float(s.mean())
    return 120.0 / mean, mean, len(s)


def spectral_cadence(signal: FloatArray, fps: float) -> float:
    """Return cadence (steps/min) from the spectral peak of a stride-periodic signal.

    The peak is searched at 0.6-2.0 strides/s and refined by parabolic interpolation.
    """
    x = signal[np.isfinite(signal)]
    if len(x) < 2 * fps:
        return float("nan")
    x = (x - x.mean()) * np.hanning(len(x))
    n = 8 * len(x)
    spec = np.abs(np.fft.rfft(x, n))
    freqs = np.fft.rfftfreq(n, 1 / fps)
    band = np.flatnonzero((freqs >= 0.6) & (freqs <= 2.0))
    k = int(band[np.argmax(spec[band])])
    a, b, c = spec[k - 1], spec[k], spec[k + 1]
    shift = 0.5 * (a - c) / (a - 2 * b + c) if (a - 2 * b + c) else 0.0
    return float(120.0 * (freqs[k] + shift * (freqs[1] - freqs[0])))
