"""TCX reader: one session per <Activity>; laps for totals, track points for the rest.

Indoor and treadmill sessions have no positions; their time, heart rate, cadence and
distance still count (load.md 3.4: tcxreader's default drops them).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from stridewell.load.errors import ReadError
from stridewell.load.models import RUNNING, Session
from stridewell.load.readers.common import ReadOutcome, Track, sport_name
from stridewell.load.readers.xml import child_text, local, parse_xml, to_float, to_time


@dataclass
class _Laps:
    seconds: float = 0.0
    metres: float = 0.0
    hr_weighted: float = 0.0
    hr_seconds: float = 0.0
    hr_max: float = 0.0


def _value(el: etree._Element, name: str) -> float | None:
    for c in el:
        if local(c) == name:
            return to_float(child_text(c, "Value"))
    return None


def _laps(activity: etree._Element) -> _Laps:
    out = _Laps()
    for lap in activity.iter("{*}Lap"):
        secs = to_float(child_text(lap, "TotalTimeSeconds")) or 0.0
        out.seconds += secs
        out.metres += to_float(child_text(lap, "DistanceMeters")) or 0.0
        hr = _value(lap, "AverageHeartRateBpm")
        if hr:
            out.hr_weighted += hr * secs
            out.hr_seconds += secs
        out.hr_max = max(out.hr_max, _value(lap, "MaximumHeartRateBpm") or 0.0)
    return out


def _point_cadence(pt: etree._Element) -> float | None:
    cad = to_float(child_text(pt, "Cadence"))
    if cad is None:
        for el in pt.iter("{*}RunCadence"):
            cad = to_float(el.text)
    return cad


def _track(activity: etree._Element) -> Track:
    track = Track()
    for pt in activity.iter("{*}Trackpoint"):
        track.add(to_time(child_text(pt, "Time")), to_float(child_text(pt, "DistanceMeters")),
                  to_float(child_text(pt, "AltitudeMeters")), _value(pt, "HeartRateBpm"),
                  _point_cadence(pt))
    return track


def _session(activity: etree._Element, source: str, content_hash: str, index: int) -> Session:
    sport = sport_name(activity.get("Sport"))
    laps, track = _laps(activity), _track(activity)
    start = to_time(child_text(activity, "Id")) or track.first
    if start is None:
        raise ReadError("activity without a start time (no <Id> and no timed track points)")
    moving = laps.seconds or track.elapsed_s
    if moving <= 0:
        raise ReadError("activity with no duration (no lap times and no timed track points)")
    avg_hr = laps.hr_weighted / laps.hr_seconds if laps.hr_seconds else track.avg_hr
    cad = track.avg_cadence
    return Session(
        sport=sport, start=start, elapsed_s=max(track.elapsed_s, moving), moving_s=moving,
        distance_m=(laps.metres or track.distance_m) or None, ascent_m=track.ascent_m or None,
        avg_hr=avg_hr, max_hr=(laps.hr_max or track.hr_max) or None,
        cadence_spm=(cad * 2 if cad and sport == RUNNING else cad),
        source=source, content_hash=content_hash, index=index,
    )


def read_tcx(data: bytes, *, source: str = "", content_hash: str = "") -> ReadOutcome:
    """Return one session per TCX <Activity> (raises ReadError naming why none was read)."""
    root = parse_xml(data, "TCX")
    if local(root) != "TrainingCenterDatabase":
        raise ReadError(f"not a TCX file (root element is <{local(root)}>)")
    activities = list(root.iter("{*}Activity"))
    if not activities:
        if any(True for _ in root.iter("{*}Course")):
            raise ReadError("course only: a planned route, not a recorded activity")
        raise ReadError("TCX file without activities")
    sessions, notes = [], []
    for i, act in enumerate(activities):
        try:
            sessions.append(_session(act, source, content_hash, i))
        except ReadError as err:
            notes.append(f"activity {i + 1} skipped: {err}")
    if not sessions:
        raise ReadError(notes[0] if notes else "no readable activity")
    return ReadOutcome(tuple(sessions), tuple(notes))
